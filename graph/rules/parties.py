"""Who agrees: the actors an agreement's words name as its parties.

- Modifiers of the trigger's noun phrase: actors just before it, joined by a dash, "and" or a
  comma, or a possessive ("the US\u2013Kazakhstan MoU", "SQM's lease", "the G7 Critical
  Minerals Action Plan").
- Objects after it: the actors listed after "with", "between" or "among"; after "by" where a
  passive verb precedes ("was signed on Tuesday by A and B"); after "from" where something is
  bought; after "in" where a stake or money goes in. A list may hold brackets ("the Department
  of War (acting through ...), South32 and Ambler Metals") and descriptions ("Peru's
  state miner, Andes Metal": Andes Metal, not Peru).
- The subject: the actors at the head of the words governing the verb, after the last clause
  boundary ("that", "said", a colon); appositions and relative clauses are skipped ("X, a
  Perth-based miner, signed"; "X, which owns ..., said"). "it" and "they" in a subject are the
  sentence's first actor before them, else the subject last named in the paragraph.

People stand for their state where the reference data gives them a role in it or the text
names the state ("the foreign ministers of A and B" names A and B). Not parties: actors in a
place or time phrase ("at the G20 summit", "in Washington", "on the margins of"), hosts and
chairs ("with Rubio presiding", "Rubio as host", "under Japan's presidency"), sources
("according to X").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rdflib import URIRef

from critmin.graph.base.namespaces import CM, CMR
from critmin.graph.base.values import Entity
from critmin.graph.rules.agents import is_actor, state_for
from critmin.graph.text.lookback import words_back
from critmin.graph.text.mentions import Clause, EntityMention
from critmin.graph.text.reference import ReferenceIndex

_NOT_MODIFIER_WORD = re.compile(
    r"\b(?:with|by|between|among|from|in|at|on|of|for|to|into|under|after|before|during|that|"
    r"which|who|said|says|signed|agreed|announced|has|have|had|is|was|were|are|will|would|"
    r"its|their|his|her|a|an|the)\b|[,;:()]|\b\w+ed\b",
    re.I,
)
_LIST_GAP = re.compile(
    r"\s*(?:\([^)]{0,300}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*[-\u2013]\s*)(?:the\s+)?\s*$"
)
_PASSIVE_BY = re.compile(
    r"\b(?:signed|concluded|agreed|funded|half-funded|financed|issued|adopted|launched|struck|"
    r"sealed|endorsed|approved|backed|sponsored)(?:\s+[\w-]+){0,4}?\s+by\s*$",
    re.I,
)
_BUYING = re.compile(r"\b(?:buy|bought|buys|acquir\w+|purchas\w+|control)\b", re.I)
_INVESTING = re.compile(r"\b(?:stakes?|invest\w*|equity|shares|financ\w+|loans?|interest)\b", re.I)
_OBJECT_PREPOSITION = re.compile(r"\b(?:with|between|among|amongst|by|from|in|to)\s+", re.I)
_IN_PARTNERSHIP = re.compile(r"\bin\s+partnership\s*$")
_BOUNDARY = re.compile(
    r"[;:]|\bthat\s|\b(?:said|says|told|announced|added)\s+(?:on\s+\w+\s+)?(?=it\b|they\b|[A-Z])"
)
_VERB = re.compile(
    r"\b(?:signed|signs|sign|agreed|agrees|concluded|reached|struck|announced|unveiled|launched|"
    r"finali[sz]ed|sealed|inked|entered|put\s+(?:their|its)\s+names?|formed|form|set\s+up|"
    r"issued|adopted|turned|provided|decided|committed|receives?|received|took|takes|"
    r"acquired|bought|rewrote|initial+ed|has|have|had|will|would|is|was|are|were|used|"
    r"established|created)\b",
    re.I,
)
_NOT_PARTY_BEFORE = re.compile(
    r"\b(?:at|in|on|during|under|ahead\s+of|after|before|since|according\s+to|presence\s+of|"
    r"hosted\s+by|chaired\s+by|margins\s+of|sidelines\s+of|visit\s+to|across|near|outside)"
    r"\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}$"
    r"|\b(?:including|like|than|over|against|for|about)\s+(?:the\s+)?$",
    re.I,
)
_NOT_PARTY_AFTER = re.compile(
    r"\s*(?:presiding|as\s+(?:host|chair|mediator|witness)|['\u2019]s?\s+(?:presidency|"
    r"chairmanship|visit))\b|-(?:listed|based|owned|backed|led|made|run|linked)\b",
    re.I,
)
# Words between an organisation and a person that make the person its officer: "European
# Commission President Ursula von der Leyen", "MP Chief Executive James Litinsky".
_OFFICER_TITLE = re.compile(
    r"\s+(?:(?:Vice|Deputy|Foreign|Prime|Chief|Executive|General|Secretary|Minister|President|"
    r"Chairman|Chair|Director|Commissioner|Governor|Managing|Senior|of|and|the|[A-Z][a-z]+)\s+)"
    r"{1,5}$"
)
_COMMISSIONER = re.compile(r"\b(?:European\s+)?Commissioner\s+$")
_EUROPEAN_UNION = CMR["actor/european-union"]
_DASHES = ("-", "\u2013", "\u2014")
_HEAD_TITLE = re.compile(r"\b(?:President|Prime\s+Minister|Premier|King|Chancellor|Emir)\s+$")
_TOP_LEVEL = frozenset({CM.State, CM.IntergovernmentalOrganisation, CM.Grouping})
_PRONOUN = re.compile(r"\b(?:it|they)\b")
_APPOSITION = re.compile(r",\s+(?:an?|the|its|their|which|who|whose|then|now)\b[^,;]*,")
_BRACKETS = re.compile(r"\([^)]*\)")


def actors_of(mentions: Sequence[EntityMention], index: ReferenceIndex) -> list[EntityMention]:
    return [m for m in mentions if is_actor(m, index) and m.form != "demonym"]


def entities(
    mentions: Sequence[EntityMention],
    text: str,
    index: ReferenceIndex,
    home: URIRef | None = None,
) -> list[Entity]:
    """The entities mentions stand for as parties, without repeats. A person stands for the
    state or international organisation their role is in ("President Ursula von der Leyen":
    the European Union), a head of state or government the reference data lacks for the
    text's ``home`` state, a Commissioner for the European Union; a person of unknown
    allegiance is no party."""
    found: list[Entity] = []
    for mention in mentions:
        if index.is_a(mention.iri, CM.Person) or "/person/" in str(mention.iri):
            iri = represented(mention.iri, index)
            before = text[max(0, mention.span.begin - 20) : mention.span.begin]
            if iri is None and home is not None and _HEAD_TITLE.search(before):
                iri = home
            if iri is None and _COMMISSIONER.search(before):
                iri = _EUROPEAN_UNION
            entity = Entity(iri) if iri is not None else None
        else:
            entity = state_for(mention, text, index, executive=False)
        if entity is not None and entity not in found:
            found.append(entity)
    return found


def represented(person: URIRef, index: ReferenceIndex) -> URIRef | None:
    """The state or international organisation a person's role is in, climbing from the
    body they work for to the one it belongs to."""
    for role in index.roles.get(person, ()):
        current, seen = role.role_in, set()
        while current is not None and current not in seen:
            if index.is_a(current, _TOP_LEVEL):
                return current
            seen.add(current)
            containers = (*index.run_by.get(current, ()), *index.located_in.get(current, ()))
            current = containers[0] if containers else None
    return None


def noun_modifiers(
    clause: Clause, position: int, index: ReferenceIndex, end: int | None = None
) -> list[EntityMention]:
    """Actors in the noun phrase just before ``position`` ("US\u2013Saudi framework"), and in
    the trigger's own words up to ``end`` ("the G7 Critical Minerals Action Plan")."""
    inside = [
        m for m in clause.mentions
        if end is not None and position <= m.span.begin and m.span.end <= end
        and is_actor(m, index) and m.form != "demonym"
    ]  # fmt: skip
    found: list[EntityMention] = []
    cursor = position
    for mention in reversed(clause.mentions):
        if mention.span.end > cursor or mention.span.begin < clause.span.begin:
            continue
        gap = clause.text[mention.span.end : cursor]
        if mention.possessive:
            gap = re.sub(r"^['\u2019]s?", "", gap)
        if _NOT_MODIFIER_WORD.search(gap) and not (
            found and re.fullmatch(r"\s*(?:,|,?\s*and)\s*", gap)
        ):
            break
        if len(gap.split()) > 4:
            break
        text = clause.text
        dashed = text[mention.span.begin - 1 : mention.span.begin] in _DASHES or (
            text[mention.span.end : mention.span.end + 1] in _DASHES
        )
        if is_actor(mention, index) and (mention.form != "demonym" or dashed):
            found.insert(0, mention)
        cursor = mention.span.begin
    return [*found, *inside]


def objects_after(
    clause: Clause, trigger_begin: int, position: int, end: int, index: ReferenceIndex
) -> list[EntityMention]:
    """Actors listed after the first object preposition within a few words of ``position``."""
    text = clause.text
    window = text[position:end]
    for match in _OBJECT_PREPOSITION.finditer(window):
        before = window[: match.start()]
        if len(_BRACKETS.sub("", before).split()) > 6 or re.search(r"[;:]", before):
            break
        word = match.group().split()[0].lower()
        start = position + match.end()
        word_end = position + match.start() + len(word)
        if word == "by" and not _PASSIVE_BY.search(text, clause.span.begin, word_end):
            continue
        if word == "from" and not _BUYING.search(text, trigger_begin, word_end):
            continue
        if word in ("in", "to") and not _INVESTING.search(text, trigger_begin, word_end):
            continue
        if word == "with" and _IN_PARTNERSHIP.search(text, words_back(text, word_end - 4, 2),
                                                     word_end - 4):  # fmt: skip
            continue  # "in partnership with": how, not with whom an agreement was made
        listed = listed_from(clause, start, end, index)
        if listed:
            return listed
    return []


def listed_from(clause: Clause, start: int, end: int, index: ReferenceIndex) -> list[EntityMention]:
    """The actors of a list starting at ``start``: "A, B and C", "A (...), B and C",
    "Peru's state miner, Andes Metal"."""
    text = clause.text
    found: list[EntityMention] = []
    cursor = start
    bracketed = [m.span() for m in _BRACKETS.finditer(text, start, end)]
    mentions = [
        m for m in clause.mentions
        if start <= m.span.begin and m.span.end <= end
        and not any(b <= m.span.begin < e for b, e in bracketed)
    ]  # fmt: skip
    owner = False
    for number, mention in enumerate(mentions):
        gap = text[cursor : mention.span.begin]
        if owner:
            if not re.fullmatch(r"['\u2019]s?\s+(?:[\w-]+\s+){0,5}[\w-]+,\s+|['\u2019]s?\s+", gap):
                break
        elif not found:
            if len(gap.split()) > 3 or re.search(r"[;.]", gap):
                break
        elif not _LIST_GAP.fullmatch(gap):
            break
        cursor = mention.span.end
        following = mentions[number + 1] if number + 1 < len(mentions) else None
        owner = mention.possessive and following is not None
        if owner:
            continue  # "Peru's state miner, Andes Metal": the company
        if is_actor(mention, index) and mention.form != "demonym" and not _host(clause, mention):
            found.append(mention)
    return found


def _host(clause: Clause, mention: EntityMention) -> bool:
    return bool(_NOT_PARTY_AFTER.match(clause.text, mention.span.end))


def subject(
    clause: Clause, verb_end: int, index: ReferenceIndex, antecedent: EntityMention | None = None
) -> list[EntityMention]:
    """The actors of the subject of the verb ending before ``verb_end``."""
    text = clause.text
    start = clause.span.begin
    for match in _BOUNDARY.finditer(text, clause.span.begin, verb_end):
        start = match.end()
    verbs = list(_VERB.finditer(text, start, verb_end))
    stop = verbs[0].start() if verbs else verb_end
    head = _without_insertions(text, start, stop)
    found: list[EntityMention] = []
    for mention in clause.mentions:
        if not (start <= mention.span.begin and mention.span.end <= stop):
            continue
        if not head[mention.span.begin - start] or not is_actor(mention, index):
            continue
        if mention.form == "demonym" or _not_a_party(clause, mention):
            continue
        found.append(mention)
    pronoun = _PRONOUN.search(text, start, stop)
    if (
        pronoun
        and antecedent is not None
        and not any(m.span.begin < pronoun.start() for m in found)
    ):
        found.insert(0, antecedent)
    return found


_RELATIVE_SIGNED = re.compile(
    r"\s+(?:that\s+|which\s+)?(?P<who>[^,.;]{1,80}?)\s+(?:had\s+|have\s+|has\s+)?"
    r"(?:signed|concluded|agreed|struck|sealed|inked)\b"
)


def relative_subject(
    clause: Clause, trigger_end: int, index: ReferenceIndex, antecedent: EntityMention | None
) -> list[EntityMention]:
    """The actors of a relative clause right after a trigger that says who signed it ("a
    charter that the ministers of Chile and Peru signed", "the MoU Acme and Zenith
    signed", "the arrangements it signed")."""
    match = _RELATIVE_SIGNED.match(clause.text, trigger_end)
    if match is None:
        return []
    found = [
        m for m in clause.mentions
        if match.start("who") <= m.span.begin and m.span.end <= match.end("who")
        and is_actor(m, index) and m.form != "demonym"
    ]  # fmt: skip
    if not found and antecedent is not None and re.fullmatch(r"it|they", match["who"]):
        return [antecedent]
    return found


def _without_insertions(text: str, start: int, stop: int) -> list[bool]:
    """For each offset of [start, stop): False inside brackets, appositions, relative clauses."""
    keep = [True] * (stop - start)
    words = text[start:stop]
    for pattern in (_BRACKETS, _APPOSITION):
        for match in pattern.finditer(words):
            for i in range(match.start(), match.end()):
                keep[i] = False
    return keep


def _not_a_party(clause: Clause, mention: EntityMention) -> bool:
    """Whether a mention names a place, time, host, source or affiliation rather than an
    actor that acts: "in Washington", "with Rubio presiding", "Australia's Lynas"."""
    text = clause.text
    begin = max(clause.span.begin, mention.span.begin - 60)
    for date in clause.dates:  # "On 24 November Sojitz ...": the date is the phrase
        if begin <= date.end <= mention.span.begin:
            begin = date.end
    before = text[begin : mention.span.begin]
    return bool(
        _NOT_PARTY_BEFORE.search(before)
        or _NOT_PARTY_AFTER.match(text, mention.span.end)
        or _officer_follows(clause, mention)
        or _owner_of_next(clause, mention)
    )


def _owner_of_next(clause: Clause, mention: EntityMention) -> bool:
    """Whether a possessive actor is the owner or home of the actor named right after it
    ("Australia's Lynas", "Kazakhstan's Tau-Ken Samruk")."""
    if not mention.possessive:
        return False
    following = next((m for m in clause.mentions if m.span.begin > mention.span.end), None)
    return following is not None and bool(
        re.fullmatch(r"['\u2019]s?\s+", clause.text[mention.span.end : following.span.begin])
    )


def _officer_follows(clause: Clause, mention: EntityMention) -> bool:
    """Whether a person named with a title follows the mention ("European Commission
    President Ursula von der Leyen"): the person, not the body, is who acts."""
    following = next((m for m in clause.mentions if m.span.begin > mention.span.end), None)
    if following is None or "/person/" not in str(following.iri):
        return False
    gap = clause.text[mention.span.end : following.span.begin]
    titled = re.search(r"[A-Z]", gap) is not None  # "Xi and Trump": no title between
    return titled and bool(_OFFICER_TITLE.fullmatch(" " + gap.strip() + " ")) and "," not in gap


def first_agent(clause: Clause, end: int, index: ReferenceIndex) -> EntityMention | None:
    """The first actor of a clause before ``end`` that is not in a place or time phrase."""
    for mention in clause.mentions:
        if mention.span.end > end:
            break
        if (
            is_actor(mention, index)
            and mention.form != "demonym"
            and not _not_a_party(clause, mention)
        ):
            return mention
    return None
