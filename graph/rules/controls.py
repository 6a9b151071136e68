"""Control measures a text states, and the acts that pause, lift or replace them.

1. Triggers (``control_triggers``), clause by clause; a trigger governed by talk, a plan, a
   threat, a denial or a condition (``modality``) is kept with its modality, not as a control.
2. What each says (``control_facts``): imposer, targets, minerals, element count, the date
   it was announced or decided and the date it applies from. Without an imposer of its own, a
   measure is the last measure's imposer's (or the home state's) when it continues the same
   passage. A ban aimed at a destination is an export ban; a measure imposed by no state (an
   armed group's) is no control.
3. Reference back: "the moratorium", "the order", "that prohibition", "the ban", "It" in a
   sentence about a measure name the measure last named: "took effect" gives it a date in
   force, "was made public on" its date, "added five further elements" its count.
4. One measure named again ("Namibia bans ...", "Cabinet approved a ban on ...") is one
   control: same imposer and kind, minerals and dates that agree, the same instrument if both
   name one ("Announcement No. 46, second part"). A measure first reported as planned ("said
   Malaysia would ban exports") and later stated takes the date it was announced.
5. "followed by 12 elements in October" after a measure states a second one of the same
   imposer and kind, with its own count and date.
6. Acts: a pause or a lifting acts on the measures its words name (a described measure is a
   control of its own: "suspending the four licensing notices of 3 May"), else
   on the last measure named; "until" gives its end and so its duration. An instrument
   "repealed by the new order" is replaced by that order's measure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from critmin.graph.base.statements import Control
from critmin.graph.base.values import DateValue, Span
from critmin.graph.rules.agreement_facts import IN_FORCE, passage_year
from critmin.graph.rules.contract import Found, Reading, Rule
from critmin.graph.rules.control_acts import read_act, read_replacements
from critmin.graph.rules.control_facts import (
    control_dates,
    control_label,
    element_count,
    imposer_named,
    instrument_named,
    minerals_named,
    non_state_subject,
    targets_named,
)
from critmin.graph.rules.control_memory import (
    Measure,
    MeasureIndex,
    context_imposer,
    coordinated_date,
    last_measure,
    last_of_kind,
    remember,
)
from critmin.graph.rules.control_triggers import ControlTrigger, find_control_triggers
from critmin.graph.rules.modality import governing_start, modality, modality_after
from critmin.graph.text.dates import DateMention
from critmin.graph.text.mentions import Clause
from critmin.graph.text.nlp import evidence
from critmin.graph.text.numbers import NUMBER
from critmin.graph.text.reference import ReferenceIndex

_DEFINITE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]hose|[Tt]hese)\s+(?:[\w-]+\s+){0,2}$"
)
_REFERRING = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:[\w-]+\s+){0,2}?(?P<noun>ban|measure|order|"
    r"prohibition|moratorium|rule|policy|curbs|controls|restrictions|package|licensing|"
    r"instrument|notice|suspension)\b|^\s*It\b"
)
_TOOK_EFFECT = re.compile(
    rf"{IN_FORCE.pattern}|\btake\s+effect\b|\benter\s+into\s+force\b|"
    r"\bapplies\s+with\s+immediate\s+effect\b|\bbites\s+at\s+once\b",
    re.I,
)
_MADE_PUBLIC = re.compile(r"\b(?:made\s+public|announced|published|issued|gazetted)\b", re.I)
# Measures named together in one noun phrase are one: "US tariffs and technological restrictions".
_JOINED = re.compile(r"\s+and\s+(?:[a-z-]+\s+){0,2}")
_FOLLOWED = re.compile(
    rf",?\s+(?:followed\s+by|then|and\s+later)\s+(?:a\s+further\s+|another\s+)?{NUMBER}\s",
    re.I,
)
_WHEN = re.compile(r",?\s+when\s+")  # "its origin in 2010, when shipments were held up"
_LINE_LEAD = re.compile(r"[\s\-*\u2022\u00b7\d.)]*")
_NOT_A_MEASURE = re.compile(
    r"\b(?:against|renewed|periods\s+of|risk\s+of|vulnerable\s+to|threat\s+of)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
# Words after an act that start what it does not govern: "a pause on X ... in exchange for
# lower duties, which followed new tariffs".
_BEYOND_ACT = re.compile(
    r"\bin\s+(?:exchange|return)\s+for\b|\bfollow(?:ed|ing)\b|\bafter\b|\bwhich\b",
    re.I,
)
_GENERIC_OWNER = re.compile(r"\b(?:foreign|other\s+countries['\u2019]?|such)\b", re.I)


def find_controls(reading: Reading, found: Found) -> list[Control]:
    """The control measures and acts of a document (see the module docstring)."""
    items: list[Measure] = []
    by_kind = MeasureIndex()
    for clause in reading.clauses:
        if clause.words.isupper() or clause.words.rstrip().endswith("?"):
            continue  # a section label, or a question: neither states a measure
        triggers = [
            t for t in find_control_triggers(clause.text, clause.span.begin, clause.span.end)
            if not any(m.span.begin <= t.span.begin < m.span.end for m in clause.mentions)
        ]  # fmt: skip
        if not triggers:
            _said_of_last(reading, clause, items, by_kind)
            continue
        acts = [t for t in triggers if t.act]
        measures = [
            t for n, t in enumerate(triggers) if not t.act and not _joined(clause, triggers, n)
        ]
        objects: dict[int, list[int]] = {}
        for trigger in measures:
            number = _read_measure(reading, clause, trigger, triggers, items, by_kind)
            act = _governing_act(clause, trigger, acts)
            if number is not None and act is not None:
                named = objects.setdefault(act.span.begin, [])
                named.extend(_all_named(clause, trigger, number, items, by_kind))
        for act in acts:
            read_act(reading, clause, act, objects.get(act.span.begin, []), items, by_kind)
        read_replacements(clause, items, by_kind)
    return [item.control for item in items]


RULE = Rule(name="controls", find=find_controls)


def _joined(clause: Clause, triggers: Sequence[ControlTrigger], number: int) -> bool:
    """Whether a measure trigger is named with the one before it ("tariffs and technological
    restrictions"): one measure."""
    if number == 0 or triggers[number - 1].act:
        return False
    previous, trigger = triggers[number - 1], triggers[number]
    return bool(_JOINED.fullmatch(clause.text, previous.span.end, trigger.span.begin))


def _read_measure(
    reading: Reading,
    clause: Clause,
    trigger: ControlTrigger,
    triggers: Sequence[ControlTrigger],
    items: list[Measure],
    by_kind: MeasureIndex,
) -> int | None:
    """Read one measure trigger; the index of the item it states or names again, if any."""
    text, index = clause.text, reading.index
    mood = modality(text, clause.span.begin, trigger.span.begin, trigger.span.end)
    start = governing_start(text, clause.span.begin, trigger.span.begin)
    later = []
    for following in (t for t in triggers if t.span.begin > trigger.span.end):
        own_start = governing_start(text, clause.span.begin, following.span.begin)
        later.append(own_start if own_start > trigger.span.end else following.span.begin)
    end = min([clause.span.end, *later])
    imposer = imposer_named(clause, start, trigger.span.begin, end, index)
    if imposer is None and non_state_subject(clause, start, trigger.span.begin, index):
        return None  # "the KIA in turn sealed the crossings": no state's measure
    if imposer is None and _GENERIC_OWNER.search(text, start, trigger.span.begin):
        return None  # "foreign suppliers' use of export restrictions": no one's in particular
    if _NOT_A_MEASURE.search(text, max(start, trigger.span.begin - 40), trigger.span.begin):
        return None  # "obligations against export restrictions", "renewed export restrictions"
    instrument = instrument_named(clause.words, reading.text, clause.span.begin)
    own_dates = [d for d in clause.dates if start <= d.begin < end]
    own_minerals = minerals_named(clause, start, end, index)
    objects_of = [a for a in triggers if a.act]
    if objects_of and imposer is None and not own_dates:
        earlier = last_of_kind(items, trigger.kind)
        if earlier is not None:
            return earlier  # "Quotas on rare earths ... disappeared": the quotas named before
    if (
        _DEFINITE.search(text, start, trigger.span.begin)
        and imposer is None
        and not (own_dates or own_minerals)
    ):
        target = last_measure(items, by_kind, clause, trigger.kind)
        if target is None:
            target = last_of_kind(items, trigger.kind)
        if target is not None:
            return target
    if imposer is None:
        imposer = context_imposer(reading, clause, items, by_kind)
    if imposer is None:
        return None
    targets = targets_named(clause, start, end, index)
    kind = "export-ban" if trigger.measure == "ban" and targets else trigger.kind
    if mood == "stated":
        after = modality_after(
            text, clause.span.begin, clause.span.end, trigger.span.begin, trigger.span.end
        )
        mood = after or mood
    minerals = minerals_named(clause, start, end, index)
    count = element_count(text, start, end)
    date, in_force, year_only, in_force_only = _measure_dates(
        reading, clause, trigger, triggers, Span(start, end), items, by_kind, instrument
    )
    control = Control(
        key="",
        kind=kind,
        label=control_label(index, imposer, kind, None, minerals, count, targets, date),
        evidence=evidence(
            text, clause.sentence, trigger.span, Span(_head(clause, start, trigger), end)
        ),
        imposer=imposer,
        targets=targets,
        minerals=minerals,
        element_count=count,
        date=date,
        in_force=in_force if in_force != date else None,
        modality=mood,
    )
    item = Measure(control, clause.sentence_number, clause.paragraph, instrument, year_only,
                 in_force_only, headline=clause.sentence_number == 0)  # fmt: skip
    number = remember(items, by_kind, item)
    _continued(clause, Span(trigger.span.end, end), items[number], items, by_kind, index)
    return number


def _measure_dates(
    reading: Reading,
    clause: Clause,
    trigger: ControlTrigger,
    triggers: Sequence[ControlTrigger],
    words: Span,
    items: list[Measure],
    by_kind: MeasureIndex,
    instrument: tuple[str, str | None, str | None] | None,
) -> tuple[DateValue, DateValue | None, bool, bool]:
    """(date, date in force, whether the date is a year guessed from the passage, whether it
    is only the date in force) of a measure whose words are ``words``."""
    text = clause.text
    dates = [
        d for d in reading.date_index.starting_in(clause.sentence.begin, clause.sentence.end)
        if (not clause.span.begin <= d.begin < clause.span.end
            or words.begin <= d.begin < words.end
            or _LINE_LEAD.fullmatch(text, text.rfind("\n", 0, d.begin) + 1, d.begin)
            or _WHEN.fullmatch(text, d.end, words.begin))
    ]  # fmt: skip
    acts = [t for t in triggers if t.act]
    if acts:  # the dates of "disappeared from 1 January 2015" are the act's
        dates = [d for d in dates if _of_the_measure(text, d, trigger, words.begin, acts)]
    date, in_force = control_dates(clause, trigger.span.begin, dates)
    if date is None and in_force is None and acts:
        date = coordinated_date(items, by_kind, clause, words.begin)
    if date is None and in_force is not None:
        return in_force, in_force, False, True
    if date is not None:
        return date, in_force, False, False
    if instrument is not None and instrument[1]:
        return DateValue(instrument[1]), in_force, True, False
    year = passage_year(
        reading.paragraphs, clause.span.begin, reading.date_index, reading.document.date
    )
    return year, in_force, True, False


def _continued(
    clause: Clause,
    after: Span,
    item: Measure,
    items: list[Measure],
    by_kind: MeasureIndex,
    index: ReferenceIndex,
) -> None:
    """ "... curbed sales of four metals in March, followed by 9 elements in June":
    a second measure of the same imposer and kind, with its own count and date."""
    match = _FOLLOWED.search(clause.text, after.begin, after.end)
    if match is None or item.control.modality != "stated":
        return
    dates = [d for d in clause.dates if match.start() <= d.begin < clause.span.end]
    count = element_count(clause.text, match.start(), clause.span.end)
    if count is None or not dates:
        return
    earlier = item.control
    control = replace(
        earlier,
        key="",
        label=control_label(
            index,
            earlier.imposer,
            earlier.kind,
            None,
            earlier.minerals,
            count,
            earlier.targets,
            dates[0].value,
        ),
        date=dates[0].value,
        in_force=None,
        element_count=count,
        evidence=evidence(
            clause.text, clause.sentence, Span(match.start(), match.end()), clause.span
        ),
    )
    remember(items, by_kind, Measure(control, clause.sentence_number, clause.paragraph))


def _head(clause: Clause, start: int, trigger: ControlTrigger) -> int:
    """Where the words naming a measure begin: at its owner just before it ("Chinese curbs on
    exports"), else at the trigger, so that its evidence does not reach into the words before."""
    owners = [
        m.span.begin
        for m in clause.mentions
        if start <= m.span.begin and 0 <= trigger.span.begin - m.span.end <= 3
    ]
    return min(owners, default=max(start, trigger.span.begin))


def _governing_act(
    clause: Clause, trigger: ControlTrigger, acts: Sequence[ControlTrigger]
) -> ControlTrigger | None:
    """The act whose object or subject a measure trigger is: the nearest act before it in the
    same clause ("suspending ... the four licensing notices"), else after it ("The
    export duties were scrapped")."""
    start = governing_start(clause.text, clause.span.begin, trigger.span.begin)
    before = [
        a for a in acts
        if start <= a.span.begin and a.span.end <= trigger.span.begin
        and not _BEYOND_ACT.search(clause.text, a.span.end, trigger.span.begin)
    ]  # fmt: skip
    after = [
        a for a in acts
        if a.span.begin >= trigger.span.end
        and governing_start(clause.text, clause.span.begin, a.span.begin) <= trigger.span.begin
    ]  # fmt: skip
    if before:
        return before[-1]
    return after[0] if after else None


def _all_named(
    clause: Clause,
    trigger: ControlTrigger,
    number: int,
    items: list[Measure],
    by_kind: MeasureIndex,
) -> list[int]:
    """The measures a plural trigger naming no date refers to: every stated one of the kind
    and imposer of ``number`` ("a pause on China's export controls" after its April and
    October controls), else ``number`` alone."""
    words = clause.text[trigger.span.begin : trigger.span.end]
    if not re.search(r"s\b", words) or any(
        trigger.span.end <= d.begin < trigger.span.end + 40 for d in clause.dates
    ):
        return [number]
    return [  # those of its kind and imposer: the index lists them, ``number`` among them
        n
        for n in by_kind.of(items[number].control)
        if n == number or (items[n].control.modality == "stated" and not items[n].control.acts_on)
    ]


def _said_of_last(
    reading: Reading, clause: Clause, items: list[Measure], by_kind: MeasureIndex
) -> None:
    """A sentence naming the last measure again: its date, date in force, count."""
    match = _REFERRING.search(clause.words)
    if match is None or not items:
        return
    target = last_measure(items, by_kind, clause, None)
    if target is None:
        return
    item = items[target]
    control = item.control
    dates = [d for d in clause.dates if (d.value.qualifier or "") not in ("until", "by")]
    if _TOOK_EFFECT.search(clause.words):
        in_force = dates[0].value if dates else control.date
        control = replace(control, in_force=in_force)
    elif _MADE_PUBLIC.search(clause.words) and dates and (item.year_only or control.date is None):
        control = replace(control, date=dates[0].value)
        item.year_only = False
    count = element_count(clause.text, clause.span.begin, clause.span.end)
    if count is not None and control.element_count is None:
        control = replace(control, element_count=count)
    item.control = control
    item.sentence = clause.sentence_number
    by_kind.named_in(target, clause.sentence_number)


def _of_the_measure(
    text: str,
    date: DateMention,
    trigger: ControlTrigger,
    start: int,
    acts: Sequence[ControlTrigger],
) -> bool:
    """Whether a date in an act's clause dates the measure, not the act: "the four
    licensing notices of 3 May", "the December 2024 rule that ..."; a date
    before the act is the act's."""
    before = start <= date.begin and date.end <= trigger.span.begin
    after_act = any(a.span.end <= date.begin for a in acts) or all(
        a.span.begin > trigger.span.end for a in acts
    )
    of = trigger.span.end <= date.begin <= trigger.span.end + 25 and re.search(
        r"\bof\s+$", text[max(0, date.begin - 4) : date.begin]
    )
    return bool((before and after_act) or of)
