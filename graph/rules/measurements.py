"""Figures stated in text: shares, prices, amounts of money, impacts, counts, forecasts and
durations, each a ``Measurement`` around one quantity that no other statement used.

Rules by the quantity's unit:

- percent: a ``forecast`` when a modal ("could", "will", "expected to", "projected") comes
  before it in the clause; otherwise a ``share`` of what the noun after "of" names (its
  ``share_of``: mining, processing with its narrower stages, consumption, production or
  reserves; a named stage is also its ``stage``), else of the stage a verb just before it
  names ("refines 60 per cent"); a percent of nothing ("a duty raised to 20%") is a rate and
  no measurement. The subject is the agent before the figure, else the
  subject of the previous share of the sentence (an elliptical "and 90 per cent of
  processing"); the mineral is one named in the clause, else the previous share's, else the
  first named in the paragraph (its topic); "according to X" gives the source. A forecast's
  date is its horizon ("by the 2030s").
- money with a unit ("per kilogram"): a ``price`` of the mineral named before it, dated by
  the year right after it; the end of a "from X in YEAR to Y" change without a year of its
  own is dated to the document's context year.
- other money: an ``impact`` after "impacted / affected / hit / cost / wiped", else an
  ``amount`` whose subject is the agent before it ("X issued $2 billion in loans").
- count: a ``count`` ("launched four joint ventures since 2024"), its subject the agent.
- years: a ``duration`` after "require / take / need"; its stage is the first named before it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from rdflib import URIRef

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Measurement
from critmin.graph.base.values import DateValue, Entity, Quantity, Span
from critmin.graph.rules.agents import agent_before, is_actor, state_for
from critmin.graph.rules.contract import Found, Reading, Rule
from critmin.graph.text.dates import year_of_context
from critmin.graph.text.mentions import Clause, find_stages
from critmin.graph.text.nlp import evidence
from critmin.graph.text.reference import MINERAL_CLASSES, ReferenceIndex
from critmin.graph.text.span_index import SpanIndex

SHARE_NOUNS: tuple[tuple[str, str, URIRef | None], ...] = (
    (r"mining|extraction|mined", "mining", CM.mining),
    (r"processing", "processing", CM.processing),
    (r"separation", "separation", CM.separation),
    (r"refining|refinement", "refining", CM.refining),
    (r"consumption|demand|use", "consumption", None),
    (r"production|output|supply", "production", None),
    (r"reserves|deposits", "reserves", None),
)
"""Nouns after "per cent of ...": the word for the label, and the stage named, if any."""
SHARE_OF_WORDS = {
    "mining": "mining", "consumption": "consumption", "production": "production",
    "reserves": "reserves",
    **dict.fromkeys(["processing", "separation", "refining", "beneficiation"], "processing"),
    **dict.fromkeys(["metalMaking", "magnetMaking"], "processing"),
}  # fmt: skip
"""What a share is of (``statements.SHARE_OF``), by its noun or the local name of its stage."""
_SHARE_NOUN = re.compile(
    r"^\s*of\s+(?:the\s+)?(?:global|world|world's|worldwide|total)?\s*(?:[\w-]+\s+){0,2}?("
    + "|".join(p for p, _, _ in SHARE_NOUNS)
    + r")\b",
    re.I,
)
_MODAL = re.compile(
    r"\b(?:could|would|will|may|might|expect|expects|expected to|projected to|forecast to|"
    r"set to)\b",
    re.I,
)
_PRODUCTION_VERB = re.compile(r"\bproduc(?:e|es|ed|ing)\b", re.I)  # "produced 98 per cent"
_SOURCE_BEFORE = re.compile(r"\baccording to\s+(?:the\s+)?$", re.I)
_DESCRIBED = re.compile(r"\w\s*,\s*$")  # "gallium and germanium, two metals used in"
_IMPACT = re.compile(
    r"\b(?:impact\w*|affect\w*|hit|cost|wiped|disrupt\w*)\s+(?:\w+\s+){0,2}$", re.I
)
_DURATION_VERB = re.compile(r"\b(?:requir\w*|tak\w*|need\w*|last\w*)\s+$", re.I)
_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?", re.I)
_TO_AFTER_FROM = re.compile(r"\bfrom\b.*\bto\s+$", re.I)


def find_measurements(
    clauses: Sequence[Clause],
    index: ReferenceIndex,
    year: int | None,
    used: Collection[tuple[int, int]] = (),
) -> list[Measurement]:
    """Every figure the clauses state outside ``used`` quantity spans, keyed ``measurement-<n>``."""
    found: list[Measurement] = []
    for clause in clauses:
        previous: Measurement | None = None
        for quantity in clause.quantities:
            if (quantity.begin, quantity.end) in used:
                continue
            measurement = _measurement(clause, clauses, quantity, previous, index, year)
            if measurement is None:
                continue
            found.append(replace(measurement, key=f"measurement-{len(found) + 1}"))
            previous = found[-1]
    return found


def _measurement(
    clause: Clause,
    clauses: Sequence[Clause],
    quantity: Quantity,
    previous: Measurement | None,
    index: ReferenceIndex,
    year: int | None,
) -> Measurement | None:
    text = clause.text
    span = Span(quantity.begin, quantity.end)
    before = text[clause.span.begin : quantity.begin]
    after = text[quantity.end : clause.span.end]
    agent = agent_before(clause, quantity.begin, index)
    if agent and _SOURCE_BEFORE.search(text, clause.span.begin, agent.span.begin):
        agent = None  # the source of a figure is not its subject
    subject = state_for(agent, text, index, executive=False) if agent else None
    base = {
        "key": "",
        "quantity": quantity,
        "evidence": evidence(text, clause.sentence, span, clause.span),
    }
    if quantity.unit == "percent":
        stage_match = _SHARE_NOUN.match(after)
        stage_word = stage_match.group(1).lower() if stage_match else None
        of, stage = next(
            ((k, s) for p, k, s in SHARE_NOUNS if stage_word and re.fullmatch(p, stage_word)),
            ("", None),
        )
        verb_stages = find_stages(" ".join(before.split()[-3:]))
        if stage is None and not of and verb_stages:  # "China refines 60% of ..."
            stage = verb_stages[0]
            of = stage.split("#")[-1]
        if not of and _PRODUCTION_VERB.search(" ".join(before.split()[-3:])):
            of = "production"
        if _MODAL.search(before):
            horizon = clause.dates_within(quantity.end, clause.span.end)
            stages = find_stages(after)
            return Measurement(
                kind="forecast",
                label=f"forecast: {_figure(quantity)} of {stage_word or 'share'}",
                stage=stages[0] if stages else stage,
                subject=subject,
                mineral=_mineral(clause, clauses, quantity, index)
                or _paragraph_mineral(clause, clauses, index),
                date=horizon[0].value if horizon else None,
                **base,
            )
        if not of and not re.match(r"\s*of\b", after):
            return None  # a rate ("a duty raised to 20%"), not a share of anything
        if previous is not None and previous.kind == "share":
            subject = subject or previous.subject
        mineral = _mineral(clause, clauses, quantity, index)
        if mineral is None and previous is not None:
            mineral = previous.mineral
        if mineral is None:
            mineral = _paragraph_mineral(clause, clauses, index)
        according = _according_to(clause, quantity, index)
        who = index.label(subject.iri) if subject else "unknown"
        return Measurement(
            kind="share",
            label=f"{who} share of {of or 'the market'}: {_figure(quantity)}",
            subject=subject,
            mineral=mineral,
            stage=stage,
            according_to=according,
            share_of=SHARE_OF_WORDS.get(of),
            **base,
        )
    if quantity.unit == "money" and quantity.per_unit:
        mineral = _mineral(clause, clauses, quantity, index, before_only=True)
        dates = clause.dates_within(quantity.end, quantity.end + 12)
        date = dates[0].value if dates else None
        if date is None and _TO_AFTER_FROM.search(before) and year is not None:
            date = DateValue(str(year))
        name = index.label(mineral.iri) if mineral else "price"
        return Measurement(
            kind="price",
            label=f"{name} price: {_figure(quantity)}",
            mineral=mineral,
            date=date,
            **base,
        )
    if quantity.unit == "money":
        kind = "impact" if _IMPACT.search(before) else "amount"
        what = re.split(r",| and | to ", after)[0].strip(" .")
        return Measurement(
            kind=kind,
            label=f"{kind}: {_figure(quantity)} {what}".strip(),
            subject=subject,
            date=_date_after(clause, quantity),
            **base,
        )
    if quantity.unit == "count" and not _DESCRIBED.search(before):
        return Measurement(
            kind="count",
            label=f"count: {text[span.begin : span.end]}",
            subject=subject,
            date=_date_after(clause, quantity),
            **base,
        )
    if quantity.unit == "year" and _DURATION_VERB.search(before):
        stages = find_stages(before)
        return Measurement(
            kind="duration",
            label=f"duration: {_figure(quantity)}",
            stage=stages[0] if stages else None,
            **base,
        )
    return None


def _figure(quantity: Quantity) -> str:
    value = f"{quantity.value}" if quantity.value is not None else f"{quantity.low}-{quantity.high}"
    unit = {"percent": "%", "year": " years", "count": ""}.get(quantity.unit, f" {quantity.unit}")
    if quantity.unit == "money":
        unit = f" {quantity.currency or ''}" + (
            f" per {quantity.per_unit}" if quantity.per_unit else ""
        )
    qualifier = f"{quantity.qualifier} " if quantity.qualifier else ""
    return f"{qualifier}{value}{unit}".strip()


def _date_after(clause: Clause, quantity: Quantity) -> DateValue | None:
    """The first date after the quantity and before the next quantity of the clause."""
    later = [q.begin for q in clause.quantities if q.begin >= quantity.end]
    dates = clause.dates_within(quantity.end, min([clause.span.end, *later]))
    return dates[0].value if dates else None


def _mineral(
    clause: Clause,
    clauses: Sequence[Clause],
    quantity: Quantity,
    index: ReferenceIndex,
    before_only: bool = False,
) -> Entity | None:
    minerals = [m for m in clause.mentions if index.is_a(m.iri, MINERAL_CLASSES)]
    preceding = [m for m in minerals if m.span.end <= quantity.begin]
    if preceding:
        return preceding[-1].entity
    following = [m for m in minerals if m.span.begin >= quantity.end]
    return following[0].entity if following and not before_only else None


def _paragraph_mineral(
    clause: Clause, clauses: Sequence[Clause], index: ReferenceIndex
) -> Entity | None:
    earlier = [
        m
        for c in clauses
        if c.paragraph == clause.paragraph and c.span < clause.span
        for m in c.mentions
        if index.is_a(m.iri, MINERAL_CLASSES)
    ]
    return earlier[0].entity if earlier else None


def _according_to(clause: Clause, quantity: Quantity, index: ReferenceIndex) -> Entity | None:
    match = _ACCORDING.search(clause.text, quantity.end, clause.span.end)
    if match is None:
        return None
    for mention in clause.mentions_within(match.end(), clause.span.end):
        if is_actor(mention, index):
            return mention.entity
        break
    return None


def _measurements(reading: Reading, found: Found) -> list[Measurement]:
    year = year_of_context(reading.text, reading.document.date)
    used = used_quantities(reading, found)
    return find_measurements(list(reading.clauses), reading.index, year, used)


def used_quantities(reading: Reading, found: Found) -> set[tuple[int, int]]:
    """Quantities other statements hold (amounts, element counts, durations, participants)."""
    agreements = [*found["agreements"], *found["implied-agreements"]]
    used = {(q.begin, q.end) for agreement in agreements for q in agreement.amounts}
    used |= {(q.begin, q.end) for event in found["events"] for q in event.amounts}
    by_sentence = SpanIndex(
        found["controls"], lambda c: (c.evidence.sentence.begin, c.evidence.sentence.end)
    )
    by_anchor = SpanIndex(
        found["events"], lambda e: (e.evidence.anchor.begin, e.evidence.anchor.end)
    )
    for quantity in reading.quantities:
        begin = quantity.begin
        for control in by_sentence.overlapping(begin, begin + 1):  # its sentence holds begin
            count = quantity.unit == "count" and quantity.value == control.element_count
            duration = quantity.unit == "year" and control.duration == f"P{quantity.value}Y"
            if count or duration:
                used.add((quantity.begin, quantity.end))
        if quantity.unit == "count" and by_anchor.overlapping(begin, begin + 1):
            used.add((quantity.begin, quantity.end))
    return used


RULE = Rule(
    name="measurements",
    find=_measurements,
    after=("agreements", "implied-agreements", "controls", "events"),
)
