"""Agreements stated in text: rules for the kind of statement, applied clause by clause.

1. Triggers: agreement nouns (framework, MoU / memorandum of understanding, deal, agreement,
   accord, pact, treaty, arrangement, partnership, cooperation, joint statement, letter of
   interest, investment agreement). A clause with triggers joined by "and" / "," is cut into
   one segment per trigger; triggers not so joined ("cooperation with a deal") make one
   agreement whose kind is the most specific trigger.
2. Parties: a dashed pair next to the trigger ("Chile\u2013Peru"), actors named just before it
   ("G20 and EU cooperation"), the list after "with", "between" or "by", and the agent (the
   subject, a possessive, a person standing for their state). Without an agent or a pair, the
   implied agent (``actors.implied_agent``) is added. At least two parties are needed.
3. Generic mentions make nothing: a plural trigger needs a date, an amount or a signing verb;
   talks about an agreement ("met to discuss a partnership", "a proposed deal", "could sign a
   pact") and counts ("four partnerships") are not agreements;
   a trigger after "this/these/the..." with no counterpart of its own refers back to the
   previous agreement (within three sentences) and adds its obligations, stages and binding.
4. Kind ``group`` when three or more counterparts are listed (a collective arrangement),
   counting the states of "N <region> states" (``agents.counted_states``).
5. Date: the date nearest after the trigger in its scope (else before it); "before/after the
   meeting" takes the date of the last meeting named earlier; an agreement among the parties
   of a group agreement described just before (within three sentences) is one of its
   agreements and takes its date ("... an arrangement with A, B and C. The A-B partnership
   is the most ambitious."); else the document's context year.
   Binding: "non-binding", "not (legally) binding" → False, "binding" / "firm obligations" →
   True, else None.
6. Stages, minerals, money amounts and obligations (price floors, obligations against export
   restrictions, investment commitments, tariff reductions, purchases) come from the segment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from rdflib import URIRef

from critmin.graph.base.statements import Agreement, Obligation
from critmin.graph.base.values import DateValue, Entity, Span
from critmin.graph.rules.agents import (
    agent_before,
    implied_agent,
    is_actor,
    listed_after,
    stands_for,
)
from critmin.graph.rules.agreement_dates import NEARBY, agreement_date, group_member_date
from critmin.graph.rules.agreement_labels import agreement_label
from critmin.graph.rules.obligations import find_obligations
from critmin.graph.text.mentions import Clause, EntityMention, find_stages
from critmin.graph.text.nlp import evidence
from critmin.graph.text.reference import MINERAL_CLASSES, ReferenceIndex

TRIGGERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, flags), kind)
    for pattern, kind, flags in (
        (r"\bmemorand(?:um|a)(?: of (?:understanding|co-?operation))?\b", "mou", re.I),
        (r"\bM[Oo]Us?\b", "mou", 0),
        (r"\bjoint (?:statements?|declarations?)\b", "joint-statement", re.I),
        (r"\bletters? of (?:interest|intent)\b", "letter-of-interest", re.I),
        (r"\binvestment (?:agreements?|deals?|pacts?)\b", "investment", re.I),
        (r"\bframeworks?\b", "framework", re.I),
        (r"\bpartnerships?\b", "partnership", re.I),
        (r"\bdeals?\b(?![-\u2013])", "deal", re.I),
        (r"\b(?:agreements?|accords?|pacts?|treaty|treaties|arrangements?)\b", "agreement", re.I),
        (r"\bco-?operation\b", "cooperation", re.I),
    )
)
KIND_PRIORITY = tuple(dict.fromkeys(kind for _, kind in TRIGGERS))
SIGNING_VERBS = re.compile(
    r"\b(?:sign|conclud|reach|strik|struck|finalis|finaliz|ink|agree|seal|announc)\w*", re.I
)
_COORDINATOR = re.compile(r",?\s+and\s+|,\s+|\s+as well as\s+")
_SCOPE_END = re.compile(
    r"\s(?:and|while|but|whereas)\s+(?:its|their|his|her|it|they|a|an|the(?=\s+[a-z]))\b"
)
_UNREALISED = re.compile(
    r"\b(?:to (?:discuss|negotiate|explore|seek|pursue|consider)|discuss\w*|considering|"
    r"propos\w*|plann?\w*|hop\w*|could|would|may|might|talks (?:on|about|over|for))\b"
    r"(?:\s+[\w-]+){0,5}\s*$",
    re.I,
)
_ANAPHOR = re.compile(r"\b(?:these|this|those|that|such|the)\s+(?:[\w-]+\s+){0,2}$", re.I)
_BINDING_WORDS = re.compile(
    r"\b(non-?binding|not (?:legally )?binding|legally binding|binding)\b", re.I
)
_FIRM_OBLIGATION = re.compile(r"\b(?:firm|enforceable|binding) (?:obligations|commitments)\b", re.I)
_NEGATED = re.compile(r"\b(?:lack\w*|without|no)\s+(?:\w+\s+)?$", re.I)


def find_triggers(text: str, begin: int, end: int) -> list[tuple[Span, str]]:
    """Agreement trigger spans and kinds between two offsets, longest match first."""
    found: list[tuple[Span, str]] = []
    for pattern, kind in TRIGGERS:
        for match in pattern.finditer(text, begin, end):
            span = Span(match.start(), match.end())
            if not any(s.begin < span.end and span.begin < s.end for s, _ in found):
                found.append((span, kind))
    return sorted(found)


def _segments(clause: Clause, triggers: list[tuple[Span, str]]) -> list[tuple[Span, list]]:
    """Cut a clause between coordinated triggers; each segment keeps its triggers."""
    segments: list[tuple[Span, list]] = []
    start, group = clause.span.begin, [triggers[0]]
    for previous, current in pairwise(triggers):
        gap = clause.between(previous[0].end, current[0].begin)
        cut = list(_COORDINATOR.finditer(gap))
        if cut:
            boundary = previous[0].end + cut[-1].start()
            segments.append((Span(start, boundary), group))
            start, group = previous[0].end + cut[-1].end(), [current]
        else:
            group.append(current)
    segments.append((Span(start, clause.span.end), group))
    return segments


def find_agreements(
    clauses: Sequence[Clause], index: ReferenceIndex, year: int | None
) -> list[Agreement]:
    """Every agreement the clauses state, keyed ``agreement-<n>`` in text order."""
    agreements: list[Agreement] = []
    for clause in clauses:
        triggers = find_triggers(clause.text, clause.span.begin, clause.span.end)
        if not triggers:
            continue
        for segment, group in _segments(clause, triggers):
            found = _agreement(clauses, clause, segment, group, index, year, agreements)
            if found is None:
                continue
            if found.key:
                agreements[int(found.key.rsplit("-", 1)[1]) - 1] = found
            else:
                agreements.append(replace(found, key=f"agreement-{len(agreements) + 1}"))
    kept = [a for a in agreements if not any(_restates(a, other) for other in agreements)]
    return [replace(a, key=f"agreement-{n}") for n, a in enumerate(kept, start=1)]


def _restates(agreement: Agreement, other: Agreement) -> bool:
    """Whether an agreement restates another with less (a headline): the same kind and
    parties, dated by the year only, the other dated finer within that year."""
    vague, finer = agreement.date, other.date
    return (
        other is not agreement
        and (other.kind, set(other.parties)) == (agreement.kind, set(agreement.parties))
        and vague is not None
        and finer is not None
        and len(vague.start) == 4 < len(finer.start)
        and finer.start[:4] == vague.start
    )


def _agreement(
    clauses: Sequence[Clause],
    clause: Clause,
    segment: Span,
    group: list[tuple[Span, str]],
    index: ReferenceIndex,
    year: int | None,
    earlier: list[Agreement],
) -> Agreement | None:
    """The agreement a segment states, an update of an earlier one (keeps its key), or None."""
    text = clause.text
    trigger, kind = min(group, key=lambda tk: KIND_PRIORITY.index(tk[1]))
    first, last = group[0][0], group[-1][0]
    scope_end = _scope_end(clause, segment, last.end)
    words = text[segment.begin : segment.end]
    pair = _dashed_pair(clause, first.begin, segment)
    modifiers = _modifiers(clause, first.begin, segment, index)
    listed = _listed(clause, last.end, scope_end, index)
    agent = agent_before(_narrow(clause, segment), first.begin, index)
    if agent is not None and (agent in modifiers or agent in pair):
        agent = None
    co_agents = _joined_before(clause, agent, index) if agent is not None else []
    counterparts = [*co_agents, *pair, *modifiers, *listed]
    stages = find_stages(words)
    obligations = find_obligations(clause, segment, index)
    binding = stated_binding(words)
    if _ANAPHOR.search(text[segment.begin : first.begin]) and not (pair or listed):
        return _refer_back(
            earlier, clause, stages, obligations, binding, _minerals(clause, segment, index)
        )
    amounts = tuple(
        q
        for q in clause.quantities_within(segment.begin, scope_end)
        if q.unit == "money" and q.per_unit is None
    )
    date = agreement_date(clause, segment, trigger, scope_end, clauses)
    plural = text[trigger.begin : trigger.end].lower().endswith(("s", "memoranda", "treaties"))
    if plural and date is None and not amounts and not SIGNING_VERBS.search(words):
        return None
    if _UNREALISED.search(text[segment.begin : trigger.begin]):
        return None  # "met to discuss a partnership": talks, not an agreement
    if any(
        q.unit == "count" and q.end >= trigger.end - 1 and q.begin < trigger.begin
        for q in clause.quantities
    ):
        return None  # "five partnerships": a count, not an agreement
    parties: list[Entity] = []
    for mention in ([agent] if agent else []) + counterparts:
        for entity in stands_for(mention, text, index):
            if entity not in parties:
                parties.append(entity)
    lone_agent = (
        agent is not None
        and not counterparts
        and not plural
        and (date is not None or bool(amounts))
    )
    mutual = len(listed) >= 2 and re.search(r"\bbetween\b", text[last.end : listed[0].span.begin])
    if (agent is None and len(pair) < 2 and counterparts and not mutual) or lone_agent:
        implied = implied_agent(clauses, clause, index)
        if implied is not None and implied not in parties:
            parties.insert(0, implied)
    if len(parties) < 2:
        return None
    if len([e for m in listed for e in stands_for(m, text, index)]) >= 3:
        kind = "group"
    if date is None and kind != "group":
        date = group_member_date(earlier, clause, parties)
    if date is None and year is not None:
        date = DateValue(str(year))
    minerals = _minerals(clause, segment, index)
    return Agreement(
        key="",
        kind=kind,
        label=agreement_label(clause, segment, trigger, parties, listed, kind, index),
        evidence=evidence(text, clause.sentence, trigger, segment),
        parties=tuple(parties),
        date=date,
        binding=binding if binding is not None else (False if kind == "mou" else None),
        stages=stages,
        minerals=minerals,
        amounts=amounts,
        obligations=obligations,
    )


def _minerals(clause: Clause, segment: Span, index: ReferenceIndex) -> tuple[Entity, ...]:
    named = clause.mentions_within(segment.begin, segment.end)
    return tuple(dict.fromkeys(m.entity for m in named if index.is_a(m.iri, MINERAL_CLASSES)))


def _joined_before(
    clause: Clause, agent: EntityMention, index: ReferenceIndex
) -> list[EntityMention]:
    """Actors listed with the agent before it ("A and B agreed"): A for agent B."""
    found: list[EntityMention] = []
    head = agent
    for previous in reversed([m for m in clause.mentions if m.span.end <= agent.span.begin]):
        if not re.fullmatch(
            r"\s*(?:,|and|, and|&)\s*(?:the\s+)?",
            clause.between(previous.span.end, head.span.begin),
        ):
            break
        if is_actor(previous, index):
            found.insert(0, previous)
        head = previous
    return found


def _narrow(clause: Clause, segment: Span) -> Clause:
    return replace(
        clause, span=segment, mentions=clause.mentions_within(segment.begin, segment.end)
    )


def _scope_end(clause: Clause, segment: Span, after: int) -> int:
    """Where what a trigger governs ends: before "and its ..." opening another statement."""
    for match in _SCOPE_END.finditer(clause.text, after, segment.end):
        if not any(d.begin <= match.start() < d.end for d in clause.dates):
            return match.start()
    return segment.end


def _dashed_pair(clause: Clause, position: int, segment: Span) -> list[EntityMention]:
    """Two actor mentions joined by a dash in the words just before the trigger."""
    inside = [m for m in clause.mentions_within(segment.begin, position)]
    for left, right in pairwise(inside):
        dashed = re.fullmatch(r"[-\u2013\u2014]", clause.between(left.span.end, right.span.begin))
        if dashed and len(clause.between(right.span.end, position).split()) <= 4:
            return [left, right]
    return []


def _modifiers(
    clause: Clause, position: int, segment: Span, index: ReferenceIndex
) -> list[EntityMention]:
    """Actors named in the noun phrase before the trigger ("G20 and EU cooperation")."""
    found: list[EntityMention] = []
    cursor = position
    for mention in reversed(clause.mentions_within(segment.begin, position)):
        gap = clause.between(mention.span.end, cursor)
        limit = 4 if not found else 1
        if (
            not is_actor(mention, index)
            or mention.possessive
            or len(gap.split()) > limit
            or (
                (
                    re.search(r"[,;]|\b(?:with|by|between|into|of|in|at|on)\b", gap)
                    or SIGNING_VERBS.search(gap)
                )
                and not (found and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", gap))
            )
        ):
            break
        found.insert(0, mention)
        cursor = mention.span.begin
    return [
        m
        for m in found
        if not re.fullmatch(r"[-\u2013\u2014]", clause.text[m.span.end : m.span.end + 1])
    ]


def _listed(clause: Clause, after: int, end: int, index: ReferenceIndex) -> list[EntityMention]:
    """The actors listed after "with", "between" or "by" following the trigger."""
    for match in re.finditer(r"\b(?:with|between|by|among)\b", clause.text[after:end]):
        found = listed_after(clause, after + match.end(), index, end=end)
        if found:
            return found
    return []


def stated_binding(words: str) -> bool | None:
    """False for "non-binding", True for "binding" or firm obligations, else None."""
    match = _BINDING_WORDS.search(words)
    if match:
        return not match.group(1).lower().startswith("no")
    firm = _FIRM_OBLIGATION.search(words)
    if firm and not _NEGATED.search(words[: firm.start()]):
        return True
    return None


def _refer_back(
    earlier: list[Agreement],
    clause: Clause,
    stages: tuple[URIRef, ...],
    obligations: tuple[Obligation, ...],
    binding: bool | None,
    minerals: tuple[Entity, ...],
) -> Agreement | None:
    """Add what an anaphoric mention says to the previous agreement (within three sentences)."""
    if not earlier or not (stages or obligations or binding is not None or minerals):
        return None
    previous = earlier[-1]
    if clause.sentence.begin - previous.evidence.sentence.end > NEARBY:
        return None
    return replace(
        previous,
        stages=tuple(dict.fromkeys([*previous.stages, *stages])),
        minerals=tuple(dict.fromkeys([*previous.minerals, *minerals])),
        obligations=(*previous.obligations, *obligations),
        binding=previous.binding if binding is None else binding,
    )
