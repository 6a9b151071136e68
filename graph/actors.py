"""Who acts in a text: agents of clauses, organisations and people named once, and their roles.

Rules, each for a kind of phrase rather than a sentence:

- Agent of a clause: the nearest actor mention before a position that is not the object of a
  preposition ("with Japan", "in Busan") and not the first half of a dashed pair; a person or
  an "X administration" / "X government" stands for the state the reference data gives them
  a role in, and a body the reference data says is run by a state (a presidency) for it.
- Implied agent: when a clause has no agent, the agent of the nearest earlier clause of the
  same paragraph that is not another item of the same semicolon enumeration (items do not
  lend each other subjects); failing that, the state most often named in agent position in
  the document.
- New organisations: a Title-Case name holding an organisation word ("Organisation", "Bank",
  "Institute", "Metals", "Army"...), or introduced by an apposition ("A Chilean miner,
  Andes Copper, ...") that is not a reference entity, is minted under ``cmr:actor/<slug>``,
  typed by its description ("firm" → Company, "military-run" → MilitaryRunOrganisation,
  "armed" or "Army" → ArmedGroup, "agency/ministry/department" → GovernmentBody) and
  ``cm:basedIn`` the place of an "X-based" description.
- New people: a Title-Case name after a title ("Prime Minister", "General", "Minister") or
  before "is ... Fellow at" is minted under ``cmr:person/<slug>``.
- Roles: a title before a person's name, the state or organisation named just before the
  title ("Indonesian President ...", "US President ...") or after it ("Minister of ..."), or
  the person's reference role with that title; "X is (a) <Title> at/of <Organisation>".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import URIRef

from critmin.graph.mentions import Clause, EntityMention
from critmin.graph.namespaces import CM, CMR
from critmin.graph.nlp import evidence
from critmin.graph.reference import ACTOR_CLASSES, MINERAL_CLASSES, PLACE_CLASSES, ReferenceIndex
from critmin.graph.statements import Entity, Role, Span, SupplySource

PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "with",
        "to",
        "against",
        "on",
        "from",
        "of",
        "for",
        "into",
        "by",
        "between",
        "among",
        "across",
        "over",
        "under",
        "via",
        "including",
        "like",
        "toward",
        "towards",
        "than",
        "about",
    ]
)
_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+|[-\u2013\u2014])\s*(?:the\s+)?"
)
_GOVERNMENT_SUFFIX = re.compile(
    r"^\s*(?:administration|government|regime|junta|cabinet|authorities)\b"
)
_CAPITAL_WORD = r"(?:[A-Z][\w&'\u2019.]*(?:-[A-Za-z]\w*)*)"
NAME = rf"{_CAPITAL_WORD}(?:\s+(?:(?:of|for|and|the|on|de)\s+)*{_CAPITAL_WORD})*"
_NAME = re.compile(NAME)
_NAME_SUFFIX = re.compile(r"-(?:based|linked|backed|owned|run|led|made)$")
_LEADING_WORDS = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "Its",
        "Their",
        "Author",
        "Then",
        "And",
        "But",
    ]
)
_NOT_ACTOR_NAME = re.compile(
    r"\b(?:Framework|Agreement|Partnership|Memorandum|Accord|Treaty|Pact|List|Report|Summit|"
    r"Strategy|Act|Initiative|Outlook|Review|Statement|Declaration)\b"
)
_PRONOUNS = frozenset(["He", "She", "They", "It", "We", "I"])
_BYLINE = re.compile(
    r"^(?P<person>(?:[A-Z][a-z\u2019'-]+\s+){1,3}[A-Z][a-z\u2019'-]+)\s+is\s+(?:an?|the|presently|currently)\b"
)
ORGANISATION_WORDS = frozenset(
    [
        "Organisation",
        "Organization",
        "Corporation",
        "Corp",
        "Inc",
        "Ltd",
        "Limited",
        "Company",
        "Metals",
        "Mining",
        "Minerals",
        "Resources",
        "Group",
        "Holdings",
        "Bank",
        "Institute",
        "Foundation",
        "Agency",
        "Army",
        "Council",
        "Commission",
        "Ministry",
        "Department",
        "Association",
        "University",
        "Authority",
        "Office",
        "Fund",
        "Survey",
        "Society",
        "Forum",
    ]
)
DESCRIPTION_TYPES: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (re.compile(r"military[- ](?:run|owned|controlled)", re.I), CM.MilitaryRunOrganisation),
    (re.compile(r"state[- ](?:run|owned|controlled)", re.I), CM.StateRunOrganisation),
    (re.compile(r"\barmed\b|\bArmy\b|\bmilitia", re.I), CM.ArmedGroup),
    (
        re.compile(r"\b(?:firm|company|miner|producer|start-?up|corporation|refiner)\b", re.I),
        CM.Company,
    ),
    (re.compile(r"\b(?:agency|ministry|department|regulator)\b", re.I), CM.GovernmentBody),
)
TITLES = (
    "Senior General",
    "General",
    "Prime Minister",
    "Deputy Prime Minister",
    "President",
    "Vice President",
    "Chancellor",
    "Premier",
    "King",
    "Minister",
    "Secretary of State",
    "Secretary",
    "Foreign Minister",
    "Chief Executive",
    "Chairman",
    "Governor",
    "Ambassador",
)
_TITLE = "|".join(sorted((re.escape(t) for t in TITLES), key=len, reverse=True))
_PARTICLE = r"(?:van|von|de|der|den|del|da|di|bin|binti|al|el|la|le)"
_TITLED_NAME = re.compile(
    rf"\b({_TITLE})\s+((?:(?:[A-Z][\w\u2019'-]+|{_PARTICLE})\s+){{0,3}}[A-Z][\w\u2019'-]+)"
)
_FELLOW = re.compile(
    rf"\b(?P<person>{NAME})\s+is\b[^.;]*?\b(?:a |an |the )?"
    rf"(?P<title>(?:[A-Z]\w+\s+)*(?:Fellow|Professor|Director|Researcher|Analyst|Editor))"
    rf"\s+(?:at|of|with)\s+(?:the\s+)?(?P<org>{NAME})"
)
_APPOSITION = re.compile(
    rf"\b(?:[Aa]n?|[Tt]he)\s+(?P<desc>[\w\s-]{{0,40}}?\b(?:firm|company|miner|producer|startup|"
    rf"corporation|refiner|group|agency|body|organisation|organization))\s*,\s+(?P<name>{NAME})\s*,"
)
_APPOSITION_AFTER = re.compile(
    rf"(?P<name>{NAME})\s*,\s+(?:an?|the)\s+(?P<desc>[\w\s-]{{0,40}}?\b(?:firm|company|miner|"
    rf"producer|startup|corporation|refiner|group|agency|body|organisation|organization))\b"
)


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-'."""
    plain = unicodedata.normalize("NFKD", text.replace("\u2019", "").replace("'", ""))
    ascii_text = plain.encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


def is_actor(mention: EntityMention, index: ReferenceIndex) -> bool:
    """Whether the mention names an actor (reference or minted)."""
    types = mention.entity.types or index.types.get(mention.iri, frozenset())
    return bool(frozenset(types) & ACTOR_CLASSES)


def state_for(
    mention: EntityMention, text: str, index: ReferenceIndex, executive: bool = True
) -> Entity:
    """The entity a mention stands for as an agent: a person's or administration's state, and
    (with ``executive``) the state that runs a body such as a presidency."""
    if index.is_a(mention.iri, CM.Person) or _GOVERNMENT_SUFFIX.match(text[mention.span.end :]):
        state = index.state_of(mention.iri)
        if state is not None:
            return Entity(state)
    state = index.executive_of(mention.iri) if executive else None
    return Entity(state) if state is not None else mention.entity


def in_agent_position(mention: EntityMention, clause: Clause) -> bool:
    """Not the object of a preposition (nor listed after one), not half of a dashed pair."""
    head = mention
    for previous in reversed([m for m in clause.mentions if m.span.end <= mention.span.begin]):
        if not _LIST_GAP.fullmatch(clause.between(previous.span.end, head.span.begin)):
            break
        head = previous
    if head is not mention and re.fullmatch(
        r"[-\u2013\u2014]", clause.between(head.span.end, head.span.end + 1)
    ):
        return False
    before = clause.between(clause.span.begin, head.span.begin).split()
    if before and before[-1].lower().strip(",") in PREPOSITIONS:
        return False
    after = clause.text[mention.span.end : mention.span.end + 1]
    return after == "" or after not in "-\u2013\u2014"


def agent_before(clause: Clause, position: int, index: ReferenceIndex) -> EntityMention | None:
    """The nearest actor mention in agent position before ``position`` in the clause."""
    for mention in reversed(clause.mentions):
        governed = _GOVERNMENT_SUFFIX.match(clause.text[mention.span.end :])
        if (
            mention.span.end <= position
            and is_actor(mention, index)
            and (mention.form != "demonym" or governed)
            and in_agent_position(mention, clause)
        ):
            return mention
    return None


def clause_agent(clause: Clause, index: ReferenceIndex) -> Entity | None:
    """The first actor in agent position of a clause, as the state it stands for."""
    for mention in clause.mentions:
        if (
            is_actor(mention, index)
            and mention.form != "demonym"
            and in_agent_position(mention, clause)
        ):
            return state_for(mention, clause.text, index)
    return None


def implied_agent(
    clauses: Sequence[Clause], clause: Clause, index: ReferenceIndex
) -> Entity | None:
    """The agent of the nearest earlier clause of the paragraph, else the document's agent."""
    earlier = [
        c
        for c in clauses
        if c.paragraph == clause.paragraph
        and c.span < clause.span
        and (c.sentence != clause.sentence or len(_siblings(clauses, clause)) == 1)
    ]
    for previous in reversed(earlier):
        agent = clause_agent(previous, index)
        if agent is not None:
            return agent
    return document_agent(clauses, index)


def _siblings(clauses: Sequence[Clause], clause: Clause) -> list[Clause]:
    return [c for c in clauses if c.sentence == clause.sentence]


def document_agent(clauses: Sequence[Clause], index: ReferenceIndex) -> Entity | None:
    """The state named most often in agent position in the document (ties: first named)."""
    counts: Counter[URIRef] = Counter()
    first_seen: dict[URIRef, int] = {}
    for clause in clauses:
        for mention in clause.mentions:
            if is_actor(mention, index) and in_agent_position(mention, clause):
                state = state_for(mention, clause.text, index)
                if index.is_a(state.iri, CM.State):
                    counts[state.iri] += 1
                    first_seen.setdefault(state.iri, mention.span.begin)
    if not counts:
        return None
    best = max(counts, key=lambda iri: (counts[iri], -first_seen[iri]))
    return Entity(best)


@dataclass(frozen=True)
class NamedActor:
    """An actor or person the text names that the reference data lacks, with its mention."""

    mention: EntityMention


def _clean_name(text: str, begin: int, end: int) -> tuple[int, int]:
    name = text[begin:end]
    words = name.split()
    while words and words[0] in _LEADING_WORDS:
        begin += text[begin:end].index(words[0]) + len(words[0])
        while text[begin].isspace():
            begin += 1
        words = words[1:]
    suffix = _NAME_SUFFIX.search(text[begin:end])
    if suffix:
        end = begin + suffix.start()
    while end > begin and text[end - 1] in ".,":
        end -= 1
    return begin, end


def find_new_actors(
    text: str, sentence: Span, mentions: Sequence[EntityMention], index: ReferenceIndex
) -> list[EntityMention]:
    """Organisations and people named in a sentence that the reference data does not hold."""
    found: dict[Span, EntityMention] = {}
    words = text[sentence.begin : sentence.end]

    def add(begin: int, end: int, kind: str, types: tuple[URIRef, ...], facts=()) -> None:
        begin, end = _clean_name(text, begin, end)
        span = Span(begin, end)
        label = text[begin:end]
        if end - begin < 3 or label in _PRONOUNS or _NOT_ACTOR_NAME.search(label):
            return
        inner = [m for m in mentions if m.span.begin < end and begin < m.span.end]
        if any(
            m.span.end - m.span.begin >= (end - begin) * 0.6
            or m.span.begin < begin
            or m.span.end > end
            for m in inner
        ):
            return
        entity = Entity(CMR[f"{kind}/{slug(label)}"], label, types, tuple(facts))
        found.setdefault(span, EntityMention(span, entity, "minted"))

    offset = sentence.begin
    for pattern in (_APPOSITION, _APPOSITION_AFTER):
        for match in pattern.finditer(words):
            desc = match.group("desc")
            types = _types_of(desc + " " + match.group("name"))
            add(
                offset + match.start("name"),
                offset + match.end("name"),
                "actor",
                types,
                _based_in(text, offset + match.start("desc"), offset + match.end("desc"), mentions),
            )
    for match in _NAME.finditer(words):
        begin = _organisation_start(match)
        if begin is not None:
            name = words[begin : match.end()]
            add(offset + begin, offset + match.end(), "actor", _types_of(name))
    for match in _TITLED_NAME.finditer(words):
        add(offset + match.start(2), offset + match.end(2), "person", (CM.Person,))
    for match in _FELLOW.finditer(words):
        add(offset + match.start("person"), offset + match.end("person"), "person", (CM.Person,))
        add(offset + match.start("org"), offset + match.end("org"), "actor", (CM.Actor,))
    byline = _BYLINE.match(words)
    if byline and not ORGANISATION_WORDS & set(byline.group("person").split()):
        add(offset + byline.start("person"), offset + byline.end("person"), "person", (CM.Person,))
    return sorted(found.values(), key=lambda m: m.span)


def _organisation_start(match: re.Match[str]) -> int | None:
    """Where an organisation's name starts in a Title-Case run: at the first part (split at
    "of", "for"...) holding an organisation word ("Fighters of the Shan Army" gives
    "Shan Army"); None when no part holds one."""
    parts = list(re.finditer(r"(?:^|\s+(?:of|for|and|the|on|de)\s+(?:the\s+)?)", match.group()))
    starts = [p.end() for p in parts]
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(match.group())
        if ORGANISATION_WORDS & set(re.findall(r"[A-Za-z]+", match.group()[start:end])):
            return match.start() + start
    return None


def _types_of(description: str) -> tuple[URIRef, ...]:
    for pattern, kind in DESCRIPTION_TYPES:
        if pattern.search(description):
            return (kind,)
    return (CM.Actor,)


def _based_in(
    text: str, begin: int, end: int, mentions: Sequence[EntityMention]
) -> tuple[tuple[URIRef, URIRef], ...]:
    for mention in mentions:
        inside = begin <= mention.span.begin and mention.span.end <= end
        if inside and text[mention.span.end : mention.span.end + 6] == "-based":
            return ((CM.basedIn, mention.iri),)
    return ()


def merge_mentions(
    reference: Sequence[EntityMention], minted: Sequence[EntityMention]
) -> list[EntityMention]:
    """Reference mentions with minted names laid over them: a minted name hides what is inside."""
    kept = [
        m
        for m in reference
        if not any(n.span.begin <= m.span.begin and m.span.end <= n.span.end for n in minted)
    ]
    return sorted([*kept, *minted], key=lambda m: m.span)


def find_roles(clauses: Sequence[Clause], index: ReferenceIndex) -> list[Role]:
    """Roles stated by a title before a person's name or by "X is <Title> at <Organisation>".

    The title may be written inside the name the reference data knows ("President Ana Ruiz");
    a pronoun subject ("She is a Fellow at ...") is the person named last before it.
    """
    roles: list[Role] = []
    last_person: EntityMention | None = None
    for clause in clauses:
        text = clause.text
        for person in (m for m in clause.mentions if _is_person(m, index)):
            found = _title_of(clause, person)
            if found is not None:
                title, title_span = found
                organisation = (
                    _organisation_before(clause, title_span.begin, index)
                    or _organisation_inside(clause, person, title_span, index)
                    or _reference_role_in(person, title, index)
                )
                roles.append(
                    Role(
                        person=person.entity,
                        title=title,
                        organisation=organisation,
                        evidence=evidence(text, clause.sentence, title_span, clause.span),
                    )
                )
        for match in _FELLOW.finditer(text, clause.span.begin, clause.span.end):
            person = _mention_at(clause, match.start("person"), match.end("person"))
            if person is None and match.group("person") in _PRONOUNS:
                person = last_person
            org = _mention_at(clause, match.start("org"), match.end("org"))
            if person is not None and _is_person(person, index):
                roles.append(
                    Role(
                        person=person.entity,
                        title=match.group("title"),
                        evidence=evidence(
                            text,
                            clause.sentence,
                            Span(match.start("title"), match.end("title")),
                            clause.span,
                        ),
                        organisation=org.entity if org else None,
                    )
                )
        persons = [m for m in clause.mentions if _is_person(m, index)]
        last_person = persons[-1] if persons else last_person
    return roles


def _title_of(clause: Clause, person: EntityMention) -> tuple[str, Span] | None:
    """A title written just before a person's name, or at the start of the name's mention."""
    text = clause.text
    inside = re.match(
        rf"(?:[A-Z][\w.]*\s+)??({_TITLE})\s+", text[person.span.begin : person.span.end]
    )
    if inside:
        begin = person.span.begin + inside.start(1)
        return inside.group(1), Span(begin, begin + len(inside.group(1)))
    before = re.search(rf"\b({_TITLE})\s*$", text[clause.span.begin : person.span.begin])
    if before:
        begin = clause.span.begin + before.start(1)
        return before.group(1), Span(begin, begin + len(before.group(1)))
    return None


def _organisation_inside(
    clause: Clause, person: EntityMention, title: Span, index: ReferenceIndex
) -> Entity | None:
    """An actor named inside a person's mention before the title ("US President ...")."""
    prefix = clause.text[person.span.begin : title.begin].strip()
    for alias in index.lookup(prefix) if prefix else ():
        if index.is_a(alias.iri, ACTOR_CLASSES):
            return Entity(alias.iri)
    return None


def _is_person(mention: EntityMention, index: ReferenceIndex) -> bool:
    return CM.Person in mention.entity.types or index.is_a(mention.iri, CM.Person)


def _mention_at(clause: Clause, begin: int, end: int) -> EntityMention | None:
    inside = [m for m in clause.mentions if begin <= m.span.begin and m.span.end <= end]
    return max(inside, key=lambda m: m.span.end - m.span.begin, default=None)


def _organisation_before(clause: Clause, position: int, index: ReferenceIndex) -> Entity | None:
    """An actor named right before a title: "US President", "Indonesian Minister"."""
    for mention in reversed(clause.mentions):
        if mention.span.end <= position:
            gap = clause.text[mention.span.end : position]
            if re.fullmatch(r"(?:\s*\([^)]*\))?\s*", gap) and is_actor(mention, index):
                return mention.entity
            return None
    return None


def _reference_role_in(person: EntityMention, title: str, index: ReferenceIndex) -> Entity | None:
    """Where the reference data says the person holds this title (or their only role)."""
    roles = index.roles.get(person.iri, ())
    for role in roles:
        if role.title.casefold() == title.casefold() and role.role_in is not None:
            return Entity(role.role_in)
    if len(roles) == 1 and roles[0].role_in is not None:
        return Entity(roles[0].role_in)
    return None


def listed_after(
    clause: Clause,
    position: int,
    index: ReferenceIndex,
    end: int | None = None,
    max_lead_words: int = 3,
    classes: frozenset[URIRef] = ACTOR_CLASSES,
) -> list[EntityMention]:
    """Actors listed from ``position`` ("Chile, Peru and Bolivia"), the first within a few words.

    ``end`` bounds the search (default: the clause end).
    """
    stop = clause.span.end if end is None else end
    found: list[EntityMention] = []
    cursor = position
    for mention in clause.mentions:
        if mention.span.begin < position or mention.span.end > stop:
            continue
        gap = clause.between(cursor, mention.span.begin)
        if not found:
            if len(gap.split()) > max_lead_words or re.search(r"[,;.]", gap):
                break
        elif not _LIST_GAP.fullmatch(gap):
            break
        following = [m for m in clause.mentions if m.span.begin > mention.span.end]
        if following and re.fullmatch(
            r"\s", clause.between(mention.span.end, following[0].span.begin)
        ):
            cursor = mention.span.end
            continue
        if index.is_a(mention.iri, classes) or set(mention.entity.types) & classes:
            found.append(mention)
        cursor = mention.span.end
    return found


_SOURCE_NOUN = re.compile(r"\b(mines?|reserves|deposits|sites|projects|fields)\b", re.I)
_SOURCE_CUE = re.compile(
    r"\bsources?\b|\bhome to\b|\b(?:holds?|held|has|have|possess\w*)\s+(?:[\w-]+\s+){0,2}"
    r"(?:reserves|deposits|resources)\b",
    re.I,
)
_ITEM_BREAK = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\binclude\w*\s+|:\s*")


def find_supply_sources(clauses: Sequence[Clause], index: ReferenceIndex) -> list[SupplySource]:
    """Named sources of minerals: mines, reserves, deposits, sites, projects and where they are.

    A source noun counts in a clause that speaks of sources or of holding ("X holds reserves")
    or that names a mine of the reference data. Its place is a demonym or place in its item of
    the enumeration ("Chilean deposits"), the places after "in" ("projects in Peru and
    Bolivia": one source each), the reference mine's location, or the clause's agent.
    """
    sources: list[SupplySource] = []
    for clause in clauses:
        mines = [m for m in clause.mentions if index.is_a(m.iri, CM.Mine)]
        if not (_SOURCE_CUE.search(clause.words) or mines):
            continue
        for match in _SOURCE_NOUN.finditer(clause.text, clause.span.begin, clause.span.end):
            for label, place, trigger in _source_items(clause, match, index):
                sources.append(
                    SupplySource(
                        key=f"source-{len(sources) + 1}",
                        label=label,
                        evidence=evidence(clause.text, clause.sentence, trigger, clause.span),
                        located_in=place,
                        minerals=_minerals_of(clause, match.end(), index),
                    )
                )
    return sources


def _source_items(
    clause: Clause, match: re.Match[str], index: ReferenceIndex
) -> list[tuple[str, Entity | None, Span]]:
    text = clause.text
    breaks = [b.end() for b in _ITEM_BREAK.finditer(text, clause.span.begin, match.start())]
    item = Span(breaks[-1] if breaks else clause.span.begin, match.end())
    trigger = Span(item.begin, match.end())
    inside = clause.mentions_within(item.begin, item.end)
    phrase = re.sub(r"^(?:the|a|an)\s+", "", text[item.begin : item.end], flags=re.I)
    mine = next((m for m in inside if index.is_a(m.iri, CM.Mine)), None)
    if mine is not None:
        located = index.located_in.get(mine.iri, ())
        return [(index.label(mine.iri), Entity(located[0]) if located else None, trigger)]
    tail = re.match(r"\s+in\s+", text[match.end() : clause.span.end])
    if tail:
        places = listed_after(
            clause, match.end() + tail.end(), index, classes=ACTOR_CLASSES | PLACE_CLASSES
        )
        if places:
            return [
                (
                    f"{phrase} in {m.entity.label or index.label(m.iri)}",
                    m.entity,
                    Span(item.begin, m.span.end),
                )
                for m in places
            ]
    place = next((m for m in inside if index.is_a(m.iri, PLACE_CLASSES | {CM.State})), None)
    if place is not None:
        state = place.entity
        if _SOURCE_CUE.search(phrase):  # "Chile holds vast deposits"
            phrase = f"{index.label(place.iri)} {match.group(1).lower()}"
        return [(phrase, state, trigger)]
    holder = agent_before(clause, match.start(), index)
    if holder is not None and len(phrase.split()) > 4:
        state = state_for(holder, text, index)
        noun = match.group(1).lower()
        return [
            (
                f"{state.label or index.label(state.iri)} {noun}",
                state,
                Span(holder.span.begin, match.end()),
            )
        ]
    return []


def _minerals_of(clause: Clause, position: int, index: ReferenceIndex) -> tuple[Entity, ...]:
    """Minerals named right after a source noun ("deposits of lithium and cobalt")."""
    of = re.match(r"\s+(?:of|for)\s+", clause.text[position : clause.span.end])
    if of is None:
        return ()
    listed = listed_after(clause, position + of.end(), index, classes=MINERAL_CLASSES)
    return tuple(m.entity for m in listed)
