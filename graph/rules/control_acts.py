"""Acts on control measures: pauses, suspensions and liftings, and replacements.

A pause or a lifting acts on the measures its words name (a described measure is a control of
its own: "suspending the four licensing notices of 3 May"), else on the last
measure named. Its date is the first of its clause that is not the date of what it acts on
nor an end; "until" gives its end and so its duration, as "a one-year pause" does. A lifting
of sanctions that names no target is aimed at the last other state named in the paragraph.
An instrument "repealed by the new order" is replaced by that order's measure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from critmin.graph.base.statements import Control
from critmin.graph.base.values import DateValue, Entity
from critmin.graph.rules.agreement_facts import passage_year
from critmin.graph.rules.contract import Reading
from critmin.graph.rules.control_facts import (
    control_label,
    imposer_named,
    instrument_named,
    state_of,
    targets_named,
)
from critmin.graph.rules.control_memory import Measure, MeasureIndex, last_measure, remember
from critmin.graph.rules.control_triggers import ControlTrigger
from critmin.graph.rules.modality import governing_start, modality
from critmin.graph.rules.obligations import exchanged_obligations
from critmin.graph.text.dates import DateMention, duration_between
from critmin.graph.text.mentions import Clause
from critmin.graph.text.nlp import evidence
from critmin.graph.text.numbers import NUMBER, parse_number

REPEALED_BY = re.compile(r"\brepealed\s+by\b", re.I)
_ENDS = ("until", "till")
_LASTING = re.compile(
    rf"\b(?:an?\s+)?(?P<count>{NUMBER})[-\s](?P<unit>years?|months?)[-\s](?:long\s+)?$", re.I
)

# "paused the controls for one year", "suspended ... for 12 months"
_FOR = re.compile(
    rf"[^.;]*?\bfor\s+(?:a\s+period\s+of\s+)?(?:an?\s+|(?P<count>{NUMBER})\s+)?"
    r"(?P<unit>years?|months?)\b",
    re.I,
)


def read_act(
    reading: Reading,
    clause: Clause,
    act: ControlTrigger,
    objects: Sequence[int],
    items: list[Measure],
    by_kind: MeasureIndex,
) -> None:
    """Read one act trigger of a clause, acting on the measures ``objects`` (indices of
    ``items``), or on the last measure named."""
    text, index = clause.text, reading.index
    if REPEALED_BY.match(text, act.span.begin):
        return  # read by read_replacements
    start = governing_start(text, clause.span.begin, act.span.begin)
    named = imposer_named(clause, start, act.span.begin, clause.span.end, index)
    acted = [i for i in objects if items[i].control.modality == "stated"]
    if not acted:
        target = last_measure(items, by_kind, clause, None)
        if target is None:
            return
        if named is not None and named != items[target].control.imposer:
            return  # "Japan suspended talks": not an act on China's duties named before
        acted = [target]
    imposer = named or items[acted[0]].control.imposer
    date, end = _act_dates(reading, clause, act, [items[i] for i in acted])
    targets = targets_named(clause, act.span.end, clause.span.end, index)
    if not targets and act.kind == "lifting":
        targets = _other_state(reading, clause, imposer)
    control = Control(
        key="",
        kind=act.kind,
        label=control_label(index, imposer, act.kind, items[acted[0]].control.label, date=date),
        evidence=evidence(text, clause.sentence, act.span, clause.span),
        imposer=imposer,
        targets=targets,
        minerals=tuple(dict.fromkeys(m for i in acted for m in items[i].control.minerals)),
        date=date,
        duration=_duration(text, act, date, end),
        acts_on=tuple(items[i].control.key for i in acted),
        in_exchange_for=exchanged_obligations(clause),
        modality=modality(text, clause.span.begin, act.span.begin, act.span.end),
    )
    remember(items, by_kind, Measure(control, clause.sentence_number, clause.paragraph))


def _act_dates(
    reading: Reading, clause: Clause, act: ControlTrigger, acted: Sequence[Measure]
) -> tuple[DateValue, DateMention | None]:
    """An act's date (the first of its clause before the measures it names, not an end; else,
    approximately, the latest date of what it pauses, else the passage's year) and its end
    ("until 10 November 2026"), if stated."""
    ends = [d for d in clause.dates if (d.value.qualifier or "").split(" ")[0] in _ENDS]
    own = [
        d
        for d in clause.dates
        if (d.value.qualifier or "").split(" ")[0] not in (*_ENDS, "by")
        and not any(d.value == m.control.date and d.begin > act.span.end for m in acted)
    ]
    end = ends[0] if ends else None
    if own:
        return own[0].value, end
    dated = [m.control.date for m in acted if m.control.date is not None]
    if dated and act.kind != "lifting":
        latest = max(dated, key=lambda date: date.end or date.start)
        return DateValue(latest.end or latest.start, approximate=True), end
    year = passage_year(
        reading.paragraphs, clause.span.begin, reading.date_index, reading.document.date
    )
    return year, end


def _duration(
    text: str, act: ControlTrigger, date: DateValue, end: DateMention | None
) -> str | None:
    """An ISO 8601 duration: "a one-year pause" (P1Y), or from the act's date to its end."""
    stated = _LASTING.search(text, max(0, act.span.begin - 25), act.span.begin) or _FOR.match(
        text, act.span.end, act.span.end + 80
    )
    if stated is not None:
        unit = "Y" if stated["unit"].lower().startswith("year") else "M"
        count = int(parse_number(stated["count"])) if stated["count"] else 1
        if unit == "M" and count % 12 == 0:
            return f"P{count // 12}Y"  # "a twelve-month pause" is a one-year pause
        return f"P{count}{unit}"
    return duration_between(date.start, end.value.start) if end is not None else None


def _other_state(reading: Reading, clause: Clause, imposer: Entity | None) -> tuple[Entity, ...]:
    """The last state named in the paragraph before a clause, other than the imposer (a
    lifting of sanctions "on several entities" after "its stance towards the junta")."""
    paragraph = [
        c
        for c in reading.paragraph_clauses.get(clause.paragraph, ())
        if c.span.end <= clause.span.end
    ]
    for earlier in reversed(paragraph):
        for mention in reversed(earlier.mentions):
            state = state_of(mention, reading.index)
            if state is not None and state != imposer and mention.span.begin < clause.span.end:
                return (state,)
    return ()


def read_replacements(clause: Clause, items: list[Measure], by_kind: MeasureIndex) -> None:
    """ "Decree 7 of 2021 stands repealed by this order": the order's measure replaces the one of
    the instrument named."""
    match = REPEALED_BY.search(clause.words)
    named = instrument_named(clause.words)
    if match is None or named is None or not items:
        return
    old = next(
        (i for i, item in enumerate(items) if item.instrument and item.instrument[:2] == named[:2]),
        None,
    )
    new = last_measure(items, by_kind, clause, None)
    if old is None or new is None or old == new:
        return
    control = items[new].control
    items[new].control = replace(control, replaces=(*control.replaces, items[old].control.key))
