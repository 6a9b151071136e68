"""Agreements a text states, clause by clause, with what later sentences say about them.

1. Triggers (``agreement_triggers``): triggers of one clause make one agreement, of the most
   specific kind ("a memorandum of understanding setting up a strategic partnership" is an
   MoU), unless "and" starts a new verb between them ("signed an MoU on 27 December, and
   turned it into a partnership agreement on 31 May").
2. Modality (``modality``): talks, proposals, initialled texts, plans, denials, conditions
   and threats are kept with their modality; only stated agreements are agreements.
3. Reference back: a trigger after "the", "this", "its" ("the memorandum", "the binding
   agreement", "Memoranda of this kind") with no parties of its own, a named agreement named
   again, or "it" in a clause about binding status is the agreement last named (of that kind
   where the noun says one); its clause adds signatories, date, binding status, stages,
   minerals and money. Signatories that are bodies of a party state stand for it ("The
   memorandum was signed by the U.S. Department of Energy and ...").
4. Parties (``parties``): modifiers, objects and subject. "The two sides", "the parties",
   "the same two ministers" are the last agreement's parties; a clause naming fewer than two
   takes the company its section is about, then the agent of the paragraph; a grouping may
   agree alone ("the G7 Critical Minerals Action Plan"); a named agreement without parties in
   a passage about another one takes its parties.
5. A plural trigger with counterparts listed ("the minerals arrangements it signed with A, B
   and C") states one agreement with each.
6. Date, binding status and subject (``agreement_facts``); without a date, the year of the
   passage. Agreements on another subject than minerals, or with no word of minerals in them or
   in what is said of them later, are left out unless named in a text whose title names them.
7. An agreement with the kind, parties and a compatible date of one named before in the same
   text is that one (a headline and its story).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Agreement
from critmin.graph.base.values import DateValue, Entity, Span
from critmin.graph.rules.agents import implied_agent, is_actor
from critmin.graph.rules.agreement_facts import (
    about_minerals,
    agreement_date,
    list_lead_date,
    minerals_in_passage,
    other_subject,
    passage_year,
    stated_binding,
)
from critmin.graph.rules.agreement_triggers import Trigger, find_triggers, is_plural, specific_kind
from critmin.graph.rules.contract import Found, Reading, Rule, new_key
from critmin.graph.rules.modality import modality, modality_after
from critmin.graph.rules.obligations import find_obligations
from critmin.graph.rules.parties import (
    actors_of,
    entities,
    first_agent,
    noun_modifiers,
    objects_after,
    relative_subject,
    subject,
)
from critmin.graph.text.mentions import Clause, EntityMention, find_stages
from critmin.graph.text.nlp import evidence
from critmin.graph.text.numbers import NUMBER
from critmin.graph.text.reference import MINERAL_CLASSES, ReferenceIndex

_NEW_VERB = re.compile(
    r",?\s+and\s+(?:then\s+|later\s+|also\s+)?(?=(?:turned|signed|agreed|concluded|converted|"
    r"reached|struck|finali[sz]ed|announced|launched|formed|entered|put)\b)",
    re.I,
)
# What separates the triggers of two agreements in one sentence: a verb of its own, a
# clause boundary.
_SEPARATE = re.compile(
    r"[.;:]|\b(?:signed|concluded|agreed|struck|sealed|inked|reached|announced|unveiled|"
    r"launched|formed|turned|turns|converted|becomes?|became|is|was|are|were|has|have|had|will|"
    r"would)\b",
    re.I,
)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022\u00b7]|\d+[.)]|\([a-z]\))\s")
# "it is a political commitment and not a binding treaty": said of the agreement last named.
_CHANGES = frozenset({"amendment", "extension", "loan-extension"})
_ENDED = re.compile(
    r"\b(?:suspend|terminate|cancel|scrap|end|review|renegotiate|exit|leave)\w*\s+"
    r"(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}$",
    re.I,
)
_ELABORATES = re.compile(
    r"\W*(?:The\s+(?:money|package|terms|financing|funding)\b|Under\s+(?:it|them|the\s+\w+)\b)"
)
_DESCRIBES = re.compile(
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*,\s+(?:its|their|an?)\s+(?:[\w-]+\s+){0,4}$"
)
_COUNTED = re.compile(
    rf"\b(?:{NUMBER}|several|many|multiple|numerous)\s+(?:[\w-]+\s+){{0,3}}$", re.I
)
_QUOTED = re.compile(r"[\"\u201c\u2018'].+[\"\u201d\u2019']")
_PREDICATE = re.compile(
    r"\b(?:it|this|that)\s+(?:is|was|remains)\s+(?:not\s+|also\s+|only\s+)?(?:a|an)\s+"
    r"(?:[\w-]+\s+){0,6}$",
    re.I,
)
_SAID_IT_WOULD = re.compile(
    r"\bsaid\s+(?:that\s+)?(?:it|they)\b[^.;]*\bwould\s+$|"
    r"\bsaid\s+(?:that\s+)?(?:it|they)\b[^.;]*\bwould\s+\w+\s+(?:an?\s+)?$"
)
_DEFINITE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Ss]uch|One)\s+"
    r"(?!own\b)(?:[\w-]+\s+){0,2}$"
)
# "An MoU is a statement of interest": said of every MoU, so of the one last named.
_GENERIC_SUBJECT = re.compile(r"(?:^|[.!?:]\s+)[\"\u201c]?(?:An?|Such)\s+$")
_IS_AFTER = re.compile(r"\s+(?:is|are)\b")
_OF_THIS_KIND = re.compile(r"\s+(?:of\s+this\s+kind|like\s+this(?:\s+one)?)\b", re.I)
_COLLECTIVE = re.compile(
    r"\b(?:the|both)\s+(?:same\s+)?(?:two\s+|three\s+)?(?:sides|parties|companies|governments|"
    r"ministers|partners|countries|firms)\b",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[.;:,]\s+)(?:It|it|The\s+(?:text|document|accord))\s+(?:is|was|has|had|does|did|"
    r"will|would|covers|sets|says|contains|remains|appears|identifies|lists)\b"
)
_IN_FORCE_NOW = re.compile(r"\b(?:enters?|entered)\s+into\s+force\b|\btakes\s+effect\b", re.I)
# "Chile's Minister of Foreign Affairs": a state signing through its officer.
_OFFICER_AFTER = re.compile(
    r"['\u2019]s?\s+(?:Foreign\s+|Prime\s+|Trade\s+)?(?:Minister|Secretary|President|Ambassador)\b"
)
_PRESENCE = re.compile(r"\bin\s+the\s+presence\s+of\b|;", re.I)
_SIGNED_BY = re.compile(r"\bsigned\b[^.;]*?\bby\s+", re.I)
# Said later of an agreement named as made: it is not.
_NOT_CONCLUDED = re.compile(
    r"\bremains?\s+(?:a\s+|under\s+|in\s+)?negotiation|\b(?:has|had|have)\s+not\s+(?:yet\s+)?been\s+"
    r"signed|\bwas\s+never\s+signed|\bnot\s+a\s+signature\b|\bnothing\s+(?:was|has\s+been)\s+signed",
    re.I,
)
_SIGNING = re.compile(
    r"\b(?:signed|concluded|agreed|sealed|inked|finali[sz]ed|struck|reached|"
    r"put\s+their\s+names)\b",
    re.I,
)
# Nouns that may refer back to an agreement of any kind ("the deal" after an MoU).
_ANY_KIND = {"agreement", "deal", "referring", "partnership", "framework", "contract"}
NEARBY_SENTENCES = 3
# Kinds that, said once of one maker and three or more counterparts, describe a group of deals.
_GROUPABLE = frozenset({"agreement", "framework", "deal"})


@dataclass
class _Found:
    """An agreement being read: the statement, and where it was last named."""

    agreement: Agreement
    sentence: int
    about_minerals: bool
    named: str | None = None
    year_only: bool = False
    other_subject: bool = False


def find_agreements(reading: Reading, found: Found) -> list[Agreement]:
    """The agreements of a document (see the module docstring)."""
    index, clauses = reading.index, reading.clauses
    results: list[_Found] = []
    last: list[int] = []  # indices of results, most recently named last
    for clause in clauses:
        if clause.words.isupper() or clause.words.count(" / ") >= 2:
            continue  # a section label ("THE CONTRACT"), a row of a text table
        triggers = find_triggers(clause.text, clause.span.begin, clause.span.end)
        if not triggers:
            _said_of_last(reading, clause, results, last)
            continue
        for segment, group in _segments(clause, triggers):
            _read_segment(reading, clause, segment, group, results, last)
    miners = {p for i in results if i.about_minerals and i.agreement.modality == "stated"
              for p in i.agreement.parties}  # fmt: skip
    return [
        item.agreement
        for item in results
        if item.agreement.kind != "referring"
        and (len(item.agreement.parties) >= 2 or _collective_party(item.agreement.parties, index))
        and (
            item.agreement.modality != "stated"
            or item.about_minerals
            or (item.named and _title_names(reading, item.agreement))
            or (not item.other_subject and _company_of(item.agreement, miners, index))
        )
    ]


RULE = Rule(name="agreements", find=find_agreements)


def _segments(clause: Clause, triggers: list[Trigger]) -> list[tuple[Span, list[Trigger]]]:
    """Triggers grouped where they name one agreement ("a share purchase agreement and a
    shareholders' agreement", "an MoU setting up a partnership", "heads of agreement ... in a
    deal"), each group with the part of the clause it governs: up to where "and" starts a new
    verb, or the next group."""
    cuts = [m.start() for m in _NEW_VERB.finditer(clause.text, clause.span.begin, clause.span.end)]
    groups: list[list[Trigger]] = []
    for trigger in triggers:
        if groups and not any(groups[-1][-1].span.end <= c < trigger.span.begin for c in cuts):
            gap = clause.text[groups[-1][-1].span.end : trigger.span.begin]
            if not _SEPARATE.search(gap) and trigger.kind != "referring":
                groups[-1].append(trigger)
                continue
        groups.append([trigger])
    parts = []
    for number, group in enumerate(groups):
        begin = clause.span.begin if number == 0 else groups[number - 1][-1].span.end
        following = [c for c in cuts if c > group[-1].span.end]
        end = groups[number + 1][0].span.begin if number + 1 < len(groups) else clause.span.end
        end = min([end, *following])
        parts.append((Span(begin, end), group))
    return parts


def _read_segment(
    reading: Reading,
    clause: Clause,
    segment: Span,
    group: list[Trigger],
    results: list[_Found],
    last: list[int],
) -> None:
    text, index = clause.text, reading.index
    first, final = group[0], group[-1]
    kind = specific_kind([t.kind for t in group])
    mood = modality(text, clause.span.begin, first.span.begin, final.span.end)
    if mood == "stated":
        after = modality_after(
            text, clause.span.begin, clause.span.end, first.span.begin, final.span.end
        )
        mood = after or mood
    modifiers = noun_modifiers(clause, first.span.begin, index, final.span.end)
    objects = objects_after(clause, first.span.begin, final.span.end, segment.end, index)
    name = _name(text, first)
    definite = first.noun and bool(_DEFINITE.search(text, segment.begin, first.span.begin))
    generic = first.noun and bool(
        _OF_THIS_KIND.match(text, final.span.end)
        or (
            _GENERIC_SUBJECT.search(text[clause.sentence.begin : first.span.begin])
            and _IS_AFTER.match(text, final.span.end)
        )
    )  # fmt: skip
    predicate = bool(_PREDICATE.search(text, segment.begin, first.span.begin))
    earlier = _named_before(results, name) if name else None
    relative = relative_subject(
        clause, final.span.end, index, first_agent(clause, first.span.begin, index)
    )
    referring = definite or generic or predicate or kind == "referring"
    if earlier is None and referring and not name:
        noun = text[first.span.begin : final.span.end]
        candidate = _last_of_kind(results, last, kind, clause, noun)
        named = entities([*modifiers, *relative, *objects], text, index, reading.layout.home)
        if candidate is not None and _compatible_parties(
            named, results[candidate].agreement, index
        ):
            earlier = candidate
        elif not named:
            return
    if earlier is not None:
        if predicate:
            mood = "stated"
        _add_to(reading, clause, segment, first, final, results, last, earlier, mood)
        return
    if _ENDED.search(text, max(segment.begin, first.span.begin - 40), first.span.begin):
        return  # "asked IREL to suspend a 13-year-old arrangement": an act on one, not a new one
    if _ELABORATES.match(clause.words) and not (definite or generic or predicate):
        return  # "The money: a US$620m loan to Vulcan ...": terms of the agreement just named
    if _DESCRIBES.search(text, max(segment.begin, first.span.begin - 60), first.span.begin):
        return  # "Thacker Pass, its Nevada lithium joint venture with GM": what a thing is
    if kind == "cooperation" and not modifiers:
        return  # "cooperation on hydropower": said of something, not an agreement of its own
    plural = is_plural(text, first)
    dated = _dated(clause, segment)
    if plural and (
        (_COUNTED.search(text, segment.begin, first.span.begin) and not dated)
        or not (_SIGNING.search(text, segment.begin, segment.end) or dated)
    ):
        return  # "five public-private partnerships", "short-term deals with China": no one deal
    if definite and not (
        objects
        or relative
        or _SIGNING.search(text, segment.begin, segment.end)
        or _dated(clause, segment)
        or list_lead_date(text, clause.span.begin, reading.dates)
        or _IN_FORCE_NOW.search(text, final.span.end, segment.end)
    ):
        return  # "the original Association Agreement": named in passing, not stated
    if mood == "planned" and _SAID_IT_WOULD.search(text, segment.begin, first.span.begin):
        mood = "stated"  # "MP Materials said it ... would form a joint venture": announced
    if kind == "letter-of-interest" and mood == "stated":
        mood = "proposed"  # a lender's letter of interest offers, it does not agree
    if _QUOTED.fullmatch(text, first.span.begin - 1, final.span.end + 1):
        mood = "hypothetical"  # 'a US$100bn "deal"': so called, not shown to be one
    antecedent = first_agent(clause, first.span.begin, index)
    agents = subject(clause, first.span.begin, index, antecedent)
    home = reading.layout.home
    parties = entities([*agents, *modifiers, *relative, *objects], text, index, home)
    # The agents of a noun trigger that also modify it are not its makers: "G7 cooperation".
    own_agents = [a for a in agents if not (first.noun and a in modifiers)]
    topic = reading.layout.topic_at(clause.span.begin)
    if not agents and topic is not None and Entity(topic) not in parties:
        parties.insert(0, _entity(reading, topic))
    elif not (own_agents or relative or name) and (objects or modifiers) and not _dashed(
        clause, modifiers
    ):
        agent = implied_agent(reading.clauses, clause, index)  # "These include ... with Malaysia"
        if agent is not None and agent not in parties:
            parties.insert(0, agent)
    if _COLLECTIVE.search(text, segment.begin, first.span.begin):
        agreed = [
            i
            for i in reversed(last)
            if len(results[i].agreement.parties) >= 2 and results[i].agreement.modality == "stated"
        ]
        if agreed:
            parties = _merged(parties, results[agreed[0]].agreement.parties)
    amended = None
    if kind in _CHANGES and len(parties) < 2:
        amended = _changed(results, last, text[first.span.begin : final.span.end])
        if amended is not None:
            parties = _merged(parties, results[amended].agreement.parties)
    if len(parties) < 2 and not _collective_party(parties, index):
        parties = _completed(reading, clause, first, parties, results, last)
    parties = _members_named(clause, parties, index)
    date = agreement_date(
        clause, segment.begin, segment.end, first.span.begin, final.span.end, reading.dates
    )
    year_only = date is None
    if date is None:
        date = passage_year(text, clause.span.begin, reading.dates, reading.document.date)
    words = text[segment.begin : segment.end]
    listed = [m for m in objects if m.span.begin > final.span.end]
    if not plural and kind in _GROUPABLE and len(entities(listed, text, index)) >= 3:
        kind = "group"  # "an arrangement with Australia, Japan, Malaysia and Vietnam"
    agreement = Agreement(
        key="",
        kind=kind,
        label=_label(text, first, final, name, parties, index),
        evidence=evidence(text, clause.sentence, first.span, segment),
        parties=tuple(parties),
        date=date,
        binding=_binding(kind, stated_binding(words)),
        stages=find_stages(words),
        minerals=_minerals(clause, segment, index),
        amounts=tuple(
            q for q in clause.quantities_within(segment.begin, segment.end)
            if q.unit == "money" and q.per_unit is None
        ),
        obligations=find_obligations(clause, segment, index),
        modality=mood,
        amends=(results[amended].agreement.key,) if amended is not None else (),
    )  # fmt: skip
    elsewhere = other_subject(clause, first.span.begin) and not name
    minerals_said = (
        about_minerals(clause, clause.sentence.begin, clause.sentence.end, index)
        or minerals_in_passage(text, clause.sentence.begin, clause.sentence.end)
    ) and not elsewhere
    makers = agents or relative
    if (
        plural
        and len(listed) >= 2
        and makers
        and not _COUNTED.search(text, segment.begin, first.span.begin)
    ):
        for counterpart in entities(listed, text, index):
            each = replace(
                agreement, parties=tuple(_merged(entities(makers, text, index), [counterpart]))
            )
            _remember(
                results, last, _Found(each, clause.sentence_number, minerals_said, name, year_only, elsewhere)
            )
        return
    duplicate = _restated(results, agreement, year_only, name)
    if duplicate is not None:
        if results[duplicate].year_only and not year_only:
            results[duplicate].agreement = replace(results[duplicate].agreement, date=date)
            results[duplicate].year_only = False
        _add_to(reading, clause, segment, first, final, results, last, duplicate, mood)
        return
    _remember(
        results, last, _Found(agreement, clause.sentence_number, minerals_said, name, year_only, elsewhere)
    )


def _remember(results: list[_Found], last: list[int], item: _Found) -> None:
    item.agreement = replace(item.agreement, key=new_key(len(results) + 1))
    results.append(item)
    last.append(len(results) - 1)


def _add_to(
    reading: Reading,
    clause: Clause,
    segment: Span,
    first: Trigger,
    final: Trigger,
    results: list[_Found],
    last: list[int],
    target: int,
    mood: str,
) -> None:
    """What a clause naming an earlier agreement again says about it."""
    text, index = clause.text, reading.index
    item = results[target]
    agreement = item.agreement
    words = text[segment.begin : segment.end]
    binding = stated_binding(words)
    signers = objects_after(clause, first.span.begin, final.span.end, segment.end, index)
    parties = list(agreement.parties)
    signatories = list(agreement.signatories)
    if signers and re.search(r"\bby\b", text[final.span.end : signers[0].span.begin]):
        for mention in signers:
            (entity,) = entities([mention], text, index, reading.layout.home) or (None,)
            signatories.append(mention.entity)
            if entity is None:
                continue
            state = _state_of(entity, index)
            if state is not None and state != entity and state in parties:
                parties[parties.index(state)] = entity
            elif entity not in parties and len(parties) < 2:
                parties.append(entity)
    date = agreement.date
    found = agreement_date(
        clause, segment.begin, segment.end, first.span.begin, final.span.end, reading.dates
    )
    lead = list_lead_date(text, clause.span.begin, reading.dates)
    signed = _SIGNING.search(words) is not None
    if (
        found is not None
        and mood == "stated"
        and (
            date is None
            or (signed and (_finer_or_first(found, date) or item.year_only))
            or (item.year_only and found == lead)
        )
    ):
        date = found
        item.year_only = False
    if _NOT_CONCLUDED.search(words):
        agreement = replace(agreement, modality="negotiated")  # "remains a negotiation"
    item.agreement = replace(
        agreement,
        parties=tuple(parties),
        signatories=tuple(dict.fromkeys(signatories)),
        date=date,
        binding=_binding(agreement.kind, binding if binding is not None else agreement.binding),
        stages=tuple(dict.fromkeys([*agreement.stages, *find_stages(words)])),
        minerals=tuple(dict.fromkeys([*agreement.minerals, *_minerals(clause, segment, index)])),
    )
    item.about_minerals = item.about_minerals or about_minerals(
        clause, segment.begin, segment.end, index
    )
    item.sentence = clause.sentence_number
    if target in last:
        last.remove(target)
    last.append(target)


def _said_of_last(
    reading: Reading, clause: Clause, results: list[_Found], last: list[int]
) -> None:
    """A sentence about "it" naming no agreement says more of the last one named: "It is a
    political commitment" (binding status), "It was signed in Brussels on 18 July 2023 by X
    and Y" (date, signatories), minerals."""
    if not last or not _PRONOUN_SUBJECT.search(clause.words):
        return
    item = results[last[-1]]
    if clause.sentence_number - item.sentence > NEARBY_SENTENCES:
        return
    agreement = item.agreement
    binding = _binding(agreement.kind, stated_binding(clause.words))
    if binding is not None:
        agreement = replace(agreement, binding=binding)
    if re.search(r"\bminerals?\b|\bmining\b|\bsupply chains?\b", clause.words, re.I):
        item.about_minerals = True
    signed = _SIGNED_BY.search(clause.text, clause.span.begin, clause.span.end)
    if signed is not None:
        dates = [d for d in clause.dates if d.value.qualifier is None]
        if dates and (agreement.date is None or item.year_only):
            agreement = replace(agreement, date=dates[0].value)
            item.year_only = False
        stop = _PRESENCE.search(clause.text, signed.end(), clause.span.end)
        signers = [
            m
            for m in clause.mentions
            if signed.end() <= m.span.begin < (stop.start() if stop else clause.span.end)
            and is_actor(m, reading.index)
            and (not m.possessive or _OFFICER_AFTER.match(clause.text, m.span.end))
        ]
        named = entities(signers, clause.text, reading.index, reading.layout.home)
        parties = list(agreement.parties)
        for entity in named:
            if entity not in parties and len(parties) < 2:
                parties.append(entity)
        agreement = replace(
            agreement,
            parties=tuple(parties),
            signatories=tuple(dict.fromkeys([*agreement.signatories, *(m.entity for m in signers)])),
        )
    item.agreement = agreement


def _last_of_kind(
    results: list[_Found], last: list[int], kind: str, clause: Clause, words: str = ""
) -> int | None:
    """The agreement last named within a few sentences that a noun of ``kind`` may refer to;
    first one whose name holds the noun's ``words`` ("the action plan": the G7 Critical
    Minerals Action Plan, not a plan named after it)."""
    for target in reversed(last):
        named = results[target].named
        if words and named and words.lower() in named.lower():
            return target
    for target in reversed(last):
        item = results[target]
        if clause.sentence_number - item.sentence > NEARBY_SENTENCES * 2:
            return None
        if kind in _ANY_KIND or item.agreement.kind == kind:
            return target
    return None


def _named_before(results: list[_Found], name: str) -> int | None:
    return next((i for i, item in enumerate(results) if item.named == name), None)


def _restated(
    results: list[_Found], agreement: Agreement, year_only: bool, name: str | None
) -> int | None:
    """An earlier agreement of this text that this one names again: the same kind and
    modality, the same parties (or one's among the other's, two at least), and dates that
    agree (a year guessed from the passage agrees with any)."""
    parties = set(agreement.parties)
    for number, item in enumerate(results):
        other = item.agreement
        theirs = set(other.parties)
        if (
            other.kind == agreement.kind
            and not (name and item.named and name != item.named)
            and other.modality == agreement.modality
            and (theirs == parties or (min(len(theirs), len(parties)) >= 2
                                       and (theirs <= parties or parties <= theirs)))
            and (year_only or item.year_only or _compatible(other.date, agreement.date))
        ):  # fmt: skip
            return number
    return None


def _compatible_parties(
    named: Sequence[Entity], agreement: Agreement, index: ReferenceIndex
) -> bool:
    """Whether actors named with a definite noun can be the parties of an agreement named
    before: each is one of them, or a body or person of a party state."""
    if len(agreement.parties) < 2:
        return all(entity in agreement.parties for entity in named)
    return all(
        entity in agreement.parties or _state_of(entity, index) in agreement.parties
        for entity in named
    )


def _compatible(one: DateValue | None, other: DateValue | None) -> bool:
    if one is None or other is None:
        return True
    return one.start.startswith(other.start) or other.start.startswith(one.start)


def _finer_or_first(found: DateValue, date: DateValue) -> bool:
    return found.start.startswith(date.start) and len(found.start) > len(date.start)


def _merged(first: Sequence[Entity], second: Sequence[Entity]) -> list[Entity]:
    return list(dict.fromkeys([*first, *second]))


def _completed(
    reading: Reading,
    clause: Clause,
    trigger: Trigger,
    parties: list[Entity],
    results: list[_Found],
    last: list[int],
) -> list[Entity]:
    """Fewer than two parties named: add the section's company, else the paragraph's agent,
    else (for a named agreement) the parties of the agreement last named."""
    index = reading.index
    lead = _lead_in_actors(reading, clause)
    if lead and parties:
        return _merged(parties, lead)
    exchange = _in_return(reading, clause)
    if exchange is not None and parties and exchange not in parties:
        return _merged(parties, [exchange])
    paired = _paragraph_pair(reading, clause)
    if len(paired) == 2 and (not parties or parties[0] in paired):
        return _merged(parties, paired)
    matrix = first_agent(clause, trigger.span.begin, index)
    if parties and matrix is not None:
        entity = entities([matrix], clause.text, index, reading.layout.home)
        if entity and entity[0] not in parties:
            return _merged(entity, parties)
    if parties:
        agent = implied_agent(reading.clauses, clause, index)
        if agent is not None and agent not in parties:
            return _merged([agent], parties)
    if _name(clause.text, trigger) and not parties:
        if last and clause.sentence_number - results[last[-1]].sentence <= NEARBY_SENTENCES:
            return list(results[last[-1]].agreement.parties)
        return _title_pair(reading)
    return parties


def _company_of(agreement: Agreement, miners: set[Entity], index: ReferenceIndex) -> bool:
    """Whether a company among the parties is a party of an agreement on minerals stated in
    the same text (the tungsten buyer's letter of intent with a trade agency)."""
    return any(
        party in miners and CM.Company in (set(party.types) | set(index.types.get(party.iri, ())))
        for party in agreement.parties
    )


def _title_names(reading: Reading, agreement: Agreement) -> bool:
    """Whether the text's title names minerals and every party of the agreement."""
    title = reading.document.title or ""
    if not re.search(r"minerals?|mining|rare earths?|raw materials|lithium|metals", title, re.I):
        return False
    in_title = {m.iri for m in reading.mentions if m.span.end <= len(title) + 200
                and title.find(reading.text[m.span.begin : m.span.end]) >= 0}  # fmt: skip
    return len(agreement.parties) >= 2 and all(p.iri in in_title for p in agreement.parties)


def _binding(kind: str, binding: bool | None) -> bool | None:
    """The binding status stated, except a binding MoU: a memorandum of understanding does not
    bind by definition, so "binding" said of one is taken for a mistake of reference."""
    return None if kind == "mou" and binding else binding


def _dashed(clause: Clause, modifiers: Sequence[EntityMention]) -> bool:
    """Whether two of the modifiers are joined by a dash ("US\u2013Japan"): a pair of parties."""
    return any(
        re.fullmatch(r"\s*[-\u2013\u2014]\s*", clause.text[left.span.end : right.span.begin])
        for left, right in pairwise(modifiers)
    )


def _dated(clause: Clause, segment: Span) -> bool:
    """Whether a segment names when something happened (not since or until when)."""
    return any(
        segment.begin <= d.begin < segment.end
        and (d.value.qualifier or "").split(" ")[0] not in ("since", "until", "till", "by")
        for d in clause.dates
    )


def _state_of(entity: Entity, index: ReferenceIndex) -> Entity | None:
    """The state a body or person stands for, from the reference data or a minted entity's
    facts ("Saudi Arabia's Ministry of ...": run by Saudi Arabia)."""
    state = index.state_of(entity.iri)
    if state is None:
        state = next((o for p, o in entity.facts if p in (CM.runBy, CM.basedIn)), None)
    return Entity(state) if state is not None else None


def _entity(reading: Reading, iri) -> Entity:
    """The entity of an IRI as the text's mentions carry it (minted ones with their label)."""
    return next((m.entity for m in reading.mentions if m.iri == iri), Entity(iri))


def _members_named(clause: Clause, parties: list[Entity], index: ReferenceIndex) -> list[Entity]:
    """A grouping three or more of whose members (or all) the sentence names gives way to them
    ("the foreign ministers of Australia, India, Japan and the United States ... the Quad ...
    Initiative")."""
    named = {m.iri for m in clause.mentions}
    result: list[Entity] = []
    for party in parties:
        every = index.members.get(party.iri, ())
        members = [m for m in every if m in named]
        if len(members) >= min(3, len(every)) and members:
            result.extend(Entity(m) for m in members)
        else:
            result.append(party)
    return list(dict.fromkeys(result))


def _in_return(reading: Reading, clause: Clause) -> Entity | None:
    """The actor the next sentence says gives something in return ("Lynas in turn will
    supply ...", "In return, X ..."): the other side of an agreement stated with one party."""
    following = next(
        (c for c in reading.clauses if c.sentence_number == clause.sentence_number + 1), None
    )
    if following is None or not following.mentions:
        return None
    first = following.mentions[0]
    before = reading.text[following.span.begin : first.span.begin]
    after = reading.text[first.span.end : first.span.end + 12]
    if re.fullmatch(r"\s*In\s+(?:return|exchange)\s*,?\s*", before) or (
        not before.strip() and re.match(r"\s+in\s+(?:turn|return)\b", after)
    ):
        return first.entity
    return None


def _lead_in_actors(reading: Reading, clause: Clause) -> list[Entity]:
    """The actors of the sentence that introduces the list a clause is an item of ("The
    project has advanced in three contractual steps with DoD:")."""
    text = reading.text
    line_start = text.rfind("\n", 0, clause.span.begin) + 1
    if not _LIST_ITEM.match(text, line_start):
        return []
    colon = text.rfind(":\n", 0, line_start)
    if colon < 0 or "\n\n" in text[colon:line_start]:
        return []
    lead = next((c for c in reading.clauses if c.span.begin <= colon < c.span.end + 1), None)
    if lead is None:
        return []
    return entities(actors_of(lead.mentions, reading.index), text, reading.index)


def _changed(results: list[_Found], last: list[int], words: str) -> int | None:
    """The agreement an amendment or extension changes: the last named of the kind its words
    name ("The loan was extended": the last loan), else the last stated with parties."""
    noun = re.search(r"\b(loan|contract|lease|deal|agreement)\b", words, re.I)
    for number in reversed(last):
        agreement = results[number].agreement
        if agreement.modality != "stated" or len(agreement.parties) < 2:
            continue
        if noun is None or noun.group(1).lower() in (agreement.kind, "deal", "agreement"):
            return number
    return None


def _title_pair(reading: Reading) -> list[Entity]:
    """Two actors joined by a dash in the text's first line ("EU\u2013Chile: trade pillar ...")."""
    first_line = reading.text.split("\n", 1)[0]
    mentions = [m for m in reading.mentions if m.span.end <= len(first_line)]
    for left, right in pairwise(mentions):
        if re.fullmatch(r"[-\u2013\u2014]", reading.text[left.span.end : right.span.begin]):
            return [left.entity, right.entity]
    return []


def _paragraph_pair(reading: Reading, clause: Clause) -> list[Entity]:
    """Two actors joined by a dash in the first sentence of the clause's paragraph, where
    that sentence comes before it ("5) RIYADH\u2013WASHINGTON: from MoU to joint venture.")."""
    text = reading.text
    start = text.rfind("\n", 0, clause.span.begin) + 1
    first = next((c for c in reading.clauses if c.span.begin >= start), None)
    if first is None or first.sentence == clause.sentence:
        return []
    for left, right in zip(first.mentions, first.mentions[1:], strict=False):
        if re.fullmatch(r"[-\u2013\u2014]", text[left.span.end : right.span.begin]):
            return [left.entity, right.entity]
    return []


def _collective_party(parties: Sequence[Entity], index: ReferenceIndex) -> bool:
    return len(parties) == 1 and index.is_a(
        parties[0].iri, frozenset({CM.Grouping, CM.IntergovernmentalOrganisation})
    )


def _name(text: str, trigger: Trigger) -> str | None:
    """The agreement's proper name, where the trigger is part of a Title-Case name."""
    if not trigger.noun or not text[trigger.span.begin].isupper():
        return None
    begin = trigger.span.begin
    while True:
        before = re.search(
            r"(?:[A-Z][\w'\u2019-]*|of|for|on|and|the|\u2013|-)\s*$",
            text[max(0, begin - 40) : begin],
        )
        if before is None or before.group().strip().lower() in ("the", "and"):
            break
        begin -= len(before.group())
    after = re.match(
        r"(?:\s+(?:of|for|on|in|the|and)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*",
        text[trigger.span.end :],
    )
    end = trigger.span.end + (after.end() if after else 0)
    name = re.sub(r"^(?:An?|The|This|That)\s+", "", text[begin:end].strip(" -\u2013"))
    words = [w for w in name.split() if w[0].isupper()]
    return name if len(words) >= 2 else None


def _label(
    text: str, first: Trigger, final: Trigger, name: str | None, parties: Sequence[Entity],
    index: ReferenceIndex,
) -> str:  # fmt: skip
    if name:
        return name
    names = " \u2013 ".join(p.label or index.label(p.iri) for p in parties[:4])
    words = text[first.span.begin : final.span.end]
    noun = words if len(words.split()) <= 6 else text[first.span.begin : first.span.end]
    return f"{names} {noun.lower() if not noun.isupper() else noun}".strip()


def _minerals(clause: Clause, segment: Span, index: ReferenceIndex) -> tuple[Entity, ...]:
    named: list[EntityMention] = list(clause.mentions_within(segment.begin, segment.end))
    return tuple(dict.fromkeys(m.entity for m in named if index.is_a(m.iri, MINERAL_CLASSES)))
