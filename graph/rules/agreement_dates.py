"""When an agreement was made: the date its clause gives, or that of the group it belongs to.

Step 5 of ``agreements``: the date nearest after the trigger in its scope (else before it);
"before/after the meeting" takes the date of the last meeting named earlier; an undated
agreement among the parties of a group agreement described just before is one of its
agreements and takes its date, approximately.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from critmin.graph.base.statements import Agreement
from critmin.graph.base.values import DateValue, Entity, Span
from critmin.graph.text.mentions import Clause

NEARBY = 600
"""How far back (in characters, about three sentences) an earlier agreement still counts."""
MEETING_REFERENCE = re.compile(
    r"\b(?:before|after|ahead of|during|at) the (?:meeting|summit|talks)\b", re.I
)
COVERED = re.compile(r"\b(?:from|through|until|till)\s+\S*$|^from\b", re.I)
MEETING_WORD = re.compile(r"\b(?:met|meeting|summit)\b", re.I)


def agreement_date(
    clause: Clause, segment: Span, trigger: Span, scope_end: int, clauses: Sequence[Clause]
) -> DateValue | None:
    """The date of an agreement: the nearest after its trigger in its scope (not a period it
    covers), else the last before it, else that of a meeting the segment refers to."""
    after = [
        d
        for d in clause.dates_within(trigger.end, scope_end)
        if not COVERED.search(clause.text[max(0, d.begin - 10) : d.begin + 5])
    ]  # "supply from 2026 to 2030", "work through 2028": what it covers, not when it was made
    if after:
        return after[0].value
    before = clause.dates_within(segment.begin, trigger.begin)
    if before:
        return before[-1].value
    if MEETING_REFERENCE.search(clause.text[segment.begin : segment.end]):
        for previous in reversed([c for c in clauses if c.span < clause.span]):
            if previous.dates and MEETING_WORD.search(previous.words):
                return replace(previous.dates[-1].value, approximate=True)
    return None


def group_member_date(
    earlier: list[Agreement], clause: Clause, parties: list[Entity]
) -> DateValue | None:
    """The date of the group agreement just described (within three sentences) whose parties
    include all of these: an undated agreement among them is one of its agreements."""
    for previous in reversed(earlier):
        if clause.sentence.begin - previous.evidence.sentence.end > NEARBY:
            return None
        if (
            previous.kind == "group"
            and previous.date is not None
            and len(previous.date.start) > 4
            and set(parties) <= set(previous.parties)
        ):
            return replace(previous.date, approximate=True)
    return None
