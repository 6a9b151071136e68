"""Agreements a text states, clause by clause, with what later sentences say about them.

1. Triggers (``agreement_triggers``): triggers of one clause make one agreement, of the most
   specific kind ("an MoU that creates a lithium partnership" is an
   MoU), unless "and" starts a new verb between them ("signed an MoU in March, and
   made it a partnership in June").
2. Modality (``modality``): talks, proposals, initialled texts, plans, denials, conditions
   and threats are kept with their modality; only stated agreements are agreements.
3. Reference back: a trigger after "the", "this", "its" ("the memorandum", "the binding
   agreement", "Memoranda of this kind") with no parties of its own, a named agreement named
   again, or "it" in a clause about binding status is the agreement last named (of that kind
   where the noun says one); its clause adds signatories, date, binding status, stages,
   minerals and money. Signatories that are bodies of a party state stand for it ("The
   memorandum was signed by Chile's Ministry of Mining and ...").
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
from dataclasses import replace
from itertools import pairwise

from critmin.graph.base.statements import Agreement
from critmin.graph.base.values import Entity, Span
from critmin.graph.rules.agreement_context import (
    collective_party,
    company_of,
    completed_parties,
    entity_of,
    members_named,
    title_names,
)
from critmin.graph.rules.agreement_facts import (
    IN_FORCE,
    about_minerals,
    agreement_date,
    agreement_label,
    agreement_name,
    in_force_date,
    kept_binding,
    list_lead_date,
    minerals_in_passage,
    minerals_within,
    other_subject,
    passage_year,
    stated_binding,
)
from critmin.graph.rules.agreement_mentions import (
    SIGNING,
    AgreementEntry,
    PartyIndex,
    add_to,
    changed_agreement,
    compatible_parties,
    last_of_kind,
    merged,
    remember,
    restated,
    said_of_last,
)
from critmin.graph.rules.agreement_triggers import Trigger, find_triggers, is_plural, specific_kind
from critmin.graph.rules.contract import Found, Reading, Rule
from critmin.graph.rules.modality import modality, modality_after
from critmin.graph.rules.obligations import find_obligations
from critmin.graph.rules.parties import (
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
_ANOTHER = re.compile(r"\band\s+(?:an?|the|another)\s", re.I)
_WITH = re.compile(r"\b(?:with|between)\b", re.I)
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
# Kinds that, said once of one maker and three or more counterparts, describe a group of deals.
_GROUPABLE = frozenset({"agreement", "framework", "deal"})


def find_agreements(reading: Reading, found: Found) -> list[Agreement]:
    """The agreements of a document (see the module docstring)."""
    index, clauses = reading.index, reading.clauses
    results: list[AgreementEntry] = []
    last: list[int] = []  # indices of results, most recently named last
    by_party = PartyIndex()
    for clause in clauses:
        if clause.words.isupper() or clause.words.count(" / ") >= 2:
            continue  # a section label ("THE CONTRACT"), a row of a text table
        triggers = find_triggers(clause.text, clause.span.begin, clause.span.end)
        if not triggers:
            said_of_last(reading, clause, results, last, by_party)
            continue
        for segment, group in _segments(clause, triggers):
            _read_segment(reading, clause, segment, group, results, last, by_party)
    miners = {p for i in results if i.about_minerals and i.agreement.modality == "stated"
              for p in i.agreement.parties}  # fmt: skip
    return [
        item.agreement
        for item in results
        if item.agreement.kind != "referring"
        and (len(item.agreement.parties) >= 2 or collective_party(item.agreement.parties, index))
        and (
            item.agreement.modality != "stated"
            or item.about_minerals
            or (item.named and title_names(reading, item.agreement))
            or (not item.other_subject and company_of(item.agreement, miners, index))
        )
    ]


RULE = Rule(name="agreements", find=find_agreements)


def _segments(clause: Clause, triggers: list[Trigger]) -> list[tuple[Span, list[Trigger]]]:
    """Triggers grouped where they name one agreement ("a share purchase agreement and a
    voting agreement", "an MoU setting up a partnership", "heads of agreement ... in a
    deal"), each group with the part of the clause it governs: up to where "and" starts a new
    verb, or the next group."""
    cuts = [m.start() for m in _NEW_VERB.finditer(clause.text, clause.span.begin, clause.span.end)]
    groups: list[list[Trigger]] = []
    for trigger in triggers:
        if groups and not any(groups[-1][-1].span.end <= c < trigger.span.begin for c in cuts):
            gap = clause.text[groups[-1][-1].span.end : trigger.span.begin]
            another = _ANOTHER.search(gap) and _WITH.search(gap)  # "an MoU with X and a ..."
            if not (_SEPARATE.search(gap) or another) and trigger.kind != "referring":
                groups[-1].append(trigger)
                continue
        groups.append([trigger])
    parts = []
    for number, group in enumerate(groups):
        begin = clause.span.begin
        if number > 0:
            begin = groups[number - 1][-1].span.end
            joint = _ANOTHER.search(clause.text, begin, group[0].span.begin)
            begin = joint.start() if joint else begin  # "... in March and a framework ..."
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
    results: list[AgreementEntry],
    last: list[int],
    by_party: PartyIndex,
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
    name = agreement_name(text, first)
    definite = first.noun and bool(_DEFINITE.search(text, segment.begin, first.span.begin))
    generic = first.noun and bool(
        _OF_THIS_KIND.match(text, final.span.end)
        or (
            _GENERIC_SUBJECT.search(text[clause.sentence.begin : first.span.begin])
            and _IS_AFTER.match(text, final.span.end)
        )
    )  # fmt: skip
    predicate = bool(_PREDICATE.search(text, segment.begin, first.span.begin))
    earlier = by_party.first_named(name) if name else None
    relative = relative_subject(
        clause, final.span.end, index, first_agent(clause, first.span.begin, index)
    )
    referring = definite or generic or predicate or kind == "referring"
    if earlier is None and referring and not name:
        noun = text[first.span.begin : final.span.end]
        candidate = last_of_kind(results, last, kind, clause, noun)
        named = entities([*modifiers, *relative, *objects], text, index, reading.layout.home)
        if candidate is not None and compatible_parties(named, results[candidate].agreement, index):
            earlier = candidate
        elif not named:
            return
    if earlier is not None:
        if predicate:
            mood = "stated"
        add_to(reading, clause, segment, first, final, results, last, by_party, earlier, mood)
        return
    if _ENDED.search(text, max(segment.begin, first.span.begin - 40), first.span.begin):
        return  # "asked IREL to suspend a 13-year-old arrangement": an act on one, not a new one
    if _ELABORATES.match(clause.words) and not (definite or generic or predicate):
        return  # "The money: a US$620m loan to Vulcan ...": terms of the agreement just named
    if _DESCRIBES.search(text, max(segment.begin, first.span.begin - 60), first.span.begin):
        return  # "Salar Norte, its Andean lithium venture with Acme": what a thing is
    if kind == "cooperation" and not modifiers:
        return  # "cooperation on hydropower": said of something, not an agreement of its own
    plural = is_plural(text, first)
    dated = _dated(clause, segment)
    if plural and (
        (_COUNTED.search(text, segment.begin, first.span.begin) and not dated)
        or not (SIGNING.search(text, segment.begin, segment.end) or dated)
    ):
        return  # "five public-private partnerships", "short-term deals with China": no one deal
    if definite and not (
        objects
        or relative
        or SIGNING.search(text, segment.begin, segment.end)
        or _dated(clause, segment)
        or list_lead_date(text, clause.span.begin, reading.date_index)
        or IN_FORCE.search(text, final.span.end, segment.end)
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
        parties.insert(0, entity_of(reading, topic))
    elif (
        not (own_agents or relative or name)
        and (objects or modifiers)
        and not _dashed(clause, modifiers)
    ):
        agent = reading.agents.implied(clause)  # "These include ... with Malaysia"
        if agent is not None and agent not in parties:
            parties.insert(0, agent)
    if _COLLECTIVE.search(text, segment.begin, first.span.begin):
        agreed = next(
            (
                i
                for i in reversed(last)
                if len(results[i].agreement.parties) >= 2
                and results[i].agreement.modality == "stated"
            ),
            None,
        )
        if agreed is not None:
            parties = merged(parties, results[agreed].agreement.parties)
    amended = None
    if kind in _CHANGES and len(parties) < 2:
        amended = changed_agreement(results, last, text[first.span.begin : final.span.end])
        if amended is not None:
            parties = merged(parties, results[amended].agreement.parties)
    if len(parties) < 2 and not collective_party(parties, index):
        parties = completed_parties(reading, clause, first, parties, results, last)
    parties = members_named(clause, parties, index)
    date = agreement_date(
        clause, segment.begin, segment.end, first.span.begin, final.span.end, reading.date_index
    )
    year_only = date is None
    if date is None:
        date = passage_year(
            reading.paragraphs, clause.span.begin, reading.date_index, reading.document.date
        )
    words = text[segment.begin : segment.end]
    listed = [m for m in objects if m.span.begin > final.span.end]
    if not plural and kind in _GROUPABLE and len(entities(listed, text, index)) >= 3:
        kind = "group"  # "an arrangement with Australia, Japan, Malaysia and Vietnam"
    agreement = Agreement(
        key="",
        kind=kind,
        label=agreement_label(text, first, final, name, parties, index),
        evidence=evidence(text, clause.sentence, first.span, segment),
        parties=tuple(parties),
        date=date,
        binding=kept_binding(kind, stated_binding(words)),
        stages=find_stages(words),
        minerals=minerals_within(clause, segment, index),
        amounts=tuple(
            q for q in clause.quantities_within(segment.begin, segment.end)
            if q.unit == "money" and q.per_unit is None
        ),
        obligations=find_obligations(clause, segment, index),
        modality=mood,
        in_force=in_force_date(clause, segment.begin, segment.end),
        amends=(results[amended].agreement.key,) if amended is not None else (),
    )  # fmt: skip
    elsewhere = other_subject(clause, first.span.begin) and not name
    minerals_said = (
        about_minerals(clause, clause.sentence.begin, clause.sentence.end, index)
        or minerals_in_passage(reading.paragraphs, clause.sentence.begin, clause.sentence.end)
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
                agreement, parties=tuple(merged(entities(makers, text, index), [counterpart]))
            )
            remember(
                results,
                last,
                by_party,
                AgreementEntry(
                    each, clause.sentence_number, minerals_said, name, year_only, elsewhere
                ),
            )
        return
    duplicate = restated(results, by_party, agreement, year_only, name)
    if duplicate is not None:
        if results[duplicate].year_only and not year_only:
            results[duplicate].agreement = replace(results[duplicate].agreement, date=date)
            results[duplicate].year_only = False
        add_to(reading, clause, segment, first, final, results, last, by_party, duplicate, mood)
        return
    remember(
        results,
        last,
        by_party,
        AgreementEntry(
            agreement, clause.sentence_number, minerals_said, name, year_only, elsewhere
        ),
    )


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
