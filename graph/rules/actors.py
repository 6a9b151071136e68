"""Actors a text names that the reference data lacks, and the roles people hold.

Rules, each for a kind of phrase rather than a sentence:

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

Slugs are those of ``values.slug``, the one slug rule of minted IRIs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rdflib import URIRef

from critmin.graph.base.namespaces import CM, CMR
from critmin.graph.base.statements import Role
from critmin.graph.base.values import Entity, Span, slug
from critmin.graph.rules.agents import is_actor
from critmin.graph.rules.contract import Found, Reading, Rule
from critmin.graph.text.mentions import Clause, EntityMention
from critmin.graph.text.nlp import evidence
from critmin.graph.text.reference import ACTOR_CLASSES, ReferenceIndex
from critmin.graph.text.span_index import SpanIndex

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
    r"Strategy|Act|Initiative|Outlook|Review|Statement|Declaration|Plan|Charter|Roadmap)\b"
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
        "Assembly",
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
        re.compile(
            r"\b(?:firm|company|miner|producer|start-?up|corporation|refiner|maker|manufacturer"
            r"|trader)\b",
            re.I,
        ),
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
    "Commissioner",
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
    rf"producer|startup|corporation|refiner|group|agency|body|organisation|organization|maker|"
    rf"manufacturer|trader))\b"
)


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
        if (
            end - begin < 3
            or label in _PRONOUNS
            or label in ORGANISATION_WORDS  # "the Department", "General Assembly": no name
            or _NOT_ACTOR_NAME.search(label)
        ):
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
            joined = match.group("name").rfind(" and ")  # "A and B, a maker": B is described
            add(
                offset + match.start("name") + (joined + 5 if joined >= 0 else 0),
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
    by_span = SpanIndex(minted, lambda m: (m.span.begin, m.span.end))
    kept = [m for m in reference if not by_span.containing(m.span.begin, m.span.end)]
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


def _roles(reading: Reading, found: Found) -> list[Role]:
    return find_roles(reading.clauses, reading.index)


ROLES = Rule(name="roles", find=_roles)
