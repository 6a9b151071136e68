"""Where names stand in a text as words of their own, and the spans already taken by names.

Searching the whole text for each name an organisation may be called by later, and
comparing each place found with every name found before, made a long text quadratic in the
number of organisations it names. ``NameOccurrences`` reads the text once for the first words
of all the names; ``TakenSpans`` keeps the spans in order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from critmin.graph.base.values import Span

_RUN = re.compile(r"[\w-]+")


class NameOccurrences:
    """The places of ``names`` in ``text`` where each is not part of a longer word: for a
    name, what ``re.finditer(rf"(?<![\\w-]){re.escape(name)}(?![\\w-])", text)`` finds.

    A name that starts with a letter or digit can only start where a run of letters, digits,
    "_" and "-" equal to its own first run starts: the text is read once for those runs."""

    def __init__(self, text: str, names: Iterable[str]) -> None:
        self.text = text
        leads = {lead for name in names if (lead := _lead(name)) is not None}
        self._starts: dict[str, list[int]] = {lead: [] for lead in leads}
        if leads:
            for run in _RUN.finditer(text):
                if run.group() in self._starts:
                    self._starts[run.group()].append(run.start())

    def of(self, name: str) -> list[Span]:
        """The places of ``name``, in order, none overlapping the one before."""
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        lead = _lead(name)
        if lead is None or lead not in self._starts:
            return [Span(m.start(), m.end()) for m in pattern.finditer(self.text)]
        found: list[Span] = []
        for start in self._starts[lead]:
            match = pattern.match(self.text, start)
            if match and (not found or start >= found[-1].end):
                found.append(Span(match.start(), match.end()))
        return found


def _lead(name: str) -> str | None:
    """The first run of a name that starts with a letter or digit."""
    lead = _RUN.match(name)
    return lead.group() if lead and re.match(r"\w", name) else None


class TakenSpans:
    """Spans already taken, asked whether a span shares a character with one."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self._spans = sorted((span.begin, span.end) for span in spans)
        self._longest = max((end - begin for begin, end in self._spans), default=0)

    def overlaps(self, span: Span) -> bool:
        at = bisect.bisect_left(self._spans, (span.begin - self._longest,))
        while at < len(self._spans) and self._spans[at][0] < span.end:
            if self._spans[at][1] > span.begin:
                return True
            at += 1
        return False

    def add(self, span: Span) -> None:
        bisect.insort(self._spans, (span.begin, span.end))
        self._longest = max(self._longest, span.end - span.begin)
