"""The control measures read so far in a document, and how a measure named again is found.

A measure named again is the same measure: the same kind and imposer, no act, the same
instrument if both name one, minerals that overlap (or one naming none), targets that agree,
and dates that agree (a year guessed from the passage agrees with any; a date in force with an
earlier date of announcement). A guessed year agrees only nearby (a few sentences, one
paragraph, or the headline) unless the years are the same.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from critmin.graph.base.statements import Control
from critmin.graph.base.values import DateValue, Entity
from critmin.graph.rules.contract import Reading, new_key
from critmin.graph.rules.control_facts import state_of
from critmin.graph.rules.parties import first_agent
from critmin.graph.text.mentions import Clause

NEARBY_SENTENCES = 4
NEAR_SENTENCES = 2
"""Sentences apart within which two measures with years guessed alike may be one."""


@dataclass
class Measure:
    """A control or act being read."""

    control: Control
    sentence: int
    paragraph: int
    instrument: tuple[str, str | None, str | None] | None = None
    year_only: bool = False
    in_force_only: bool = False
    headline: bool = False


class MeasureIndex:
    """The measures read so far by kind and imposer (which stay as read), by the minerals
    they have had and by the sentences they were named in, so that a measure named again, or
    the one named before in a sentence, is looked for among a few, not among all."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, Entity | None], list[int]] = {}
        self._with_mineral: dict[tuple[str, Entity | None, Entity | None], set[int]] = {}
        self._in_sentence: dict[int, set[int]] = {}
        self._imposers: dict[Entity, tuple[int, int]] = {}  # measures, the first one

    def add(self, number: int, control: Control) -> None:
        self._numbers.setdefault((control.kind, control.imposer), []).append(number)
        self.note_minerals(number, control)
        if control.imposer is not None:
            count, first = self._imposers.get(control.imposer, (0, number))
            self._imposers[control.imposer] = (count + 1, first)

    def note_minerals(self, number: int, control: Control) -> None:
        """Measure ``number`` now names the minerals of ``control`` (``None``: none)."""
        for mineral in control.minerals or (None,):
            key = (control.kind, control.imposer, mineral)
            self._with_mineral.setdefault(key, set()).add(number)

    def may_name_again(self, item: Measure) -> list[int]:
        """In order, the measures ``item`` may name again: of its kind and imposer, sharing
        a mineral with it or naming none, or (as ``_same_measure`` also takes those) named
        near it; all of its kind and imposer if it names no mineral."""
        control = item.control
        if not control.minerals:
            return self.of(control)
        found: set[int] = set()
        for mineral in (*control.minerals, None):
            found |= self._with_mineral.get((control.kind, control.imposer, mineral), set())
        for sentence in range(item.sentence - NEAR_SENTENCES, item.sentence + NEAR_SENTENCES + 1):
            found |= self._in_sentence.get(sentence, set())  # other kinds fail ``_same_measure``
        return sorted(found)

    def main_imposer(self) -> Entity | None:
        """The imposer of most measures, the first named among equals."""
        if not self._imposers:
            return None
        return max(self._imposers, key=lambda e: (self._imposers[e][0], -self._imposers[e][1]))

    def of(self, control: Control) -> list[int]:
        """In order, the measures of the kind and imposer of ``control``."""
        return self._numbers.get((control.kind, control.imposer), [])

    def named_in(self, number: int, sentence: int) -> None:
        """Measure ``number`` was named (again) in sentence ``sentence``."""
        self._in_sentence.setdefault(sentence, set()).add(number)

    def of_sentence(self, sentence: int) -> list[int]:
        """In order, the measures named in sentence ``sentence`` (some may have been named
        again later)."""
        return sorted(self._in_sentence.get(sentence, ()))


def remember(items: list[Measure], by_kind: MeasureIndex, item: Measure) -> int:
    """Add an item, or merge it into the earlier one it names again; its index."""
    for number in by_kind.may_name_again(item):
        other = items[number]
        if _same_measure(other, item):
            items[number] = _merged(other, item)
            by_kind.named_in(number, items[number].sentence)
            by_kind.note_minerals(number, items[number].control)
            return number
    item.control = replace(item.control, key=new_key(len(items) + 1))
    items.append(item)
    by_kind.add(len(items) - 1, item.control)
    by_kind.named_in(len(items) - 1, item.sentence)
    return len(items) - 1


def _same_measure(one: Measure, other: Measure) -> bool:
    first, second = one.control, other.control
    if (
        first.kind != second.kind
        or first.imposer != second.imposer
        or first.acts_on
        or second.acts_on
    ):
        return False
    if one.instrument and other.instrument and one.instrument != other.instrument:
        return False
    near = abs(one.sentence - other.sentence) <= NEAR_SENTENCES
    close = (
        abs(one.sentence - other.sentence) <= NEARBY_SENTENCES or one.paragraph == other.paragraph
    )
    minerals = set(first.minerals) & set(second.minerals) or not (
        first.minerals and second.minerals
    )
    guessed = one.year_only and other.year_only
    targets = set(first.targets) == set(second.targets) or not (first.targets and second.targets)
    headline = one.headline or other.headline
    if (one.year_only or other.year_only) and not (close or headline):
        dated = [i.control.date for i in (one, other) if i.control.date]
        if len({d.start[:4] for d in dated}) > 1:
            return False
    return bool(minerals or (near and guessed)) and targets and _dates_agree(one, other)


def _dates_agree(one: Measure, other: Measure) -> bool:
    """Dates that may be one measure's: a year guessed from the passage agrees with any, a
    date in force with an earlier date of announcement."""
    if one.year_only or other.year_only or one.headline or other.headline:
        return True
    for first, second in ((one, other), (other, one)):
        applies = second.control.in_force or (second.control.date if second.in_force_only else None)
        if (
            applies is not None
            and first.control.date is not None
            and (first.control.date.start <= applies.start)
            and (second.in_force_only or second.control.date == applies)
        ):
            return True
    first, second = one.control.date, other.control.date
    if first is None or second is None:
        return True
    return first.start.startswith(second.start) or second.start.startswith(first.start)


def _merged(one: Measure, other: Measure) -> Measure:
    first, second = one.control, other.control
    stated = first if first.modality == "stated" else second
    dated = [i for i in (one, other) if not i.year_only]
    announced = [i for i in dated if not i.in_force_only] or dated or [one]
    date = min((i.control.date for i in announced if i.control.date), key=lambda d: d.start,
               default=first.date)  # fmt: skip
    in_force = first.in_force or second.in_force
    if in_force is None:
        in_force = next((i.control.date for i in (one, other) if i.in_force_only), None)
    merged = replace(
        stated,
        key=first.key,
        date=date,
        in_force=in_force if in_force != date else None,
        minerals=tuple(dict.fromkeys([*first.minerals, *second.minerals])),
        element_count=first.element_count or second.element_count,
        modality="stated" if "stated" in (first.modality, second.modality) else first.modality,
    )
    in_force_only = all(i.in_force_only for i in dated) if dated else False
    return Measure(merged, other.sentence, other.paragraph, one.instrument or other.instrument,
                 one.year_only and other.year_only, in_force_only)  # fmt: skip


def last_measure(
    items: list[Measure], by_kind: MeasureIndex, clause: Clause, kind: str | None
) -> int | None:
    """The measure (not an act) last named within a few sentences, of ``kind`` if given."""
    sentences = range(clause.sentence_number - NEARBY_SENTENCES, clause.sentence_number + 1)
    named = {number for sentence in sentences for number in by_kind.of_sentence(sentence)}
    for number in sorted(named, key=lambda i: (-items[i].sentence, i)):  # the latest first
        item = items[number]
        if clause.sentence_number - item.sentence > NEARBY_SENTENCES:
            return None
        if item.control.acts_on or item.control.modality != "stated":
            continue
        if kind is None or item.control.kind == kind or kind == "export-control":
            return number
    return None


def last_of_kind(items: list[Measure], kind: str) -> int | None:
    """The last stated measure of ``kind`` named anywhere before."""
    for number in range(len(items) - 1, -1, -1):
        control = items[number].control
        if control.kind == kind and control.modality == "stated" and not control.acts_on:
            return number
    return None


def context_imposer(
    reading: Reading, clause: Clause, items: list[Measure], by_kind: MeasureIndex
) -> Entity | None:
    """The imposer of a measure that names none: the last measure's within a few sentences,
    else the state acting in the last few sentences of the passage (headings included),
    else the imposer of most measures so far."""
    sentences = range(clause.sentence_number - NEARBY_SENTENCES, clause.sentence_number + 1)
    named = {number for sentence in sentences for number in by_kind.of_sentence(sentence)}
    for number in sorted(named, reverse=True):  # all that may be named in those sentences
        item = items[number]
        if clause.sentence_number - item.sentence <= NEARBY_SENTENCES and item.control.imposer:
            return item.control.imposer
    recent = [
        c for sentence in sentences for c in reading.sentence_clauses.get(sentence, ())
        if c.span.begin <= clause.span.begin and abs(c.paragraph - clause.paragraph) <= 3
    ]  # fmt: skip
    for earlier in reversed(recent):
        end = clause.span.begin if earlier is clause else earlier.span.end
        agent = first_agent(earlier, end, reading.index)
        state = state_of(agent, reading.index) if agent is not None else None
        if state is not None:
            return state
    return by_kind.main_imposer()


def coordinated_date(
    items: list[Measure], by_kind: MeasureIndex, clause: Clause, start: int
) -> DateValue | None:
    """The date of the measure named just before in the same clause, for one joined to it
    ("the December 2024 rule ..., together with the tighter checks on graphite")."""
    named = [items[number] for number in by_kind.of_sentence(clause.sentence_number)]
    previous = [
        i for i in named
        if i.sentence == clause.sentence_number and i.control.evidence.anchor.begin < start
        and not i.control.acts_on and not i.year_only
    ]  # fmt: skip
    return previous[-1].control.date if previous else None
