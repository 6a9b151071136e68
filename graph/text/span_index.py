"""Items with character spans, found by position with binary searches.

A document's mentions, dates and quantities are looked up clause by clause and candidate by
candidate; scanning every item each time made reading a text quadratic in its length (a
200,000-character text took 40 s, a million characters twenty minutes). The answers keep the
items' original order.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")


class SpanIndex(Generic[Item]):
    """``items``, each with the (begin, end) that ``span_of`` gives it."""

    def __init__(self, items: Sequence[Item], span_of: Callable[[Item], tuple[int, int]]) -> None:
        spans = [span_of(item) for item in items]
        order = sorted(range(len(items)), key=lambda position: spans[position][0])
        self._items = items
        self._spans = spans
        self._order = order
        self._begins = [spans[position][0] for position in order]
        self._longest = max((end - begin for begin, end in spans), default=0)
        self._first_from = [0] * len(order)  # per place in ``order``: the least position after
        least = len(items)
        for place in range(len(order) - 1, -1, -1):
            least = min(least, order[place])
            self._first_from[place] = least

    def _starting_in(self, begin: int, end: int) -> list[int]:
        """Original positions of the items that begin in ``begin``..``end`` (end excluded)."""
        low = bisect.bisect_left(self._begins, begin)
        high = bisect.bisect_left(self._begins, end, lo=low)
        return self._order[low:high]

    def starting_in(self, begin: int, end: int) -> list[Item]:
        """The items that begin in ``begin``..``end`` (end excluded), in their original order."""
        return [self._items[position] for position in sorted(self._starting_in(begin, end))]

    def within(self, begin: int, end: int) -> list[Item]:
        """The items inside ``begin``..``end``, in their original order."""
        chosen = [p for p in self._starting_in(begin, end + 1) if self._spans[p][1] <= end]
        return [self._items[position] for position in sorted(chosen)]

    def overlapping(self, begin: int, end: int) -> list[Item]:
        """The items that share a character with ``begin``..``end``, in their original order."""
        chosen = [
            position
            for position in self._starting_in(begin - self._longest, end)
            if self._spans[position][1] > begin
        ]
        return [self._items[position] for position in sorted(chosen)]

    def ending_in(self, begin: int, end: int) -> list[Item]:
        """The items whose end lies in ``begin``..``end`` (both included), in original order."""
        chosen = [
            position
            for position in self._starting_in(begin - self._longest, end + 1)
            if begin <= self._spans[position][1] <= end
        ]
        return [self._items[position] for position in sorted(chosen)]

    def containing(self, begin: int, end: int) -> list[Item]:
        """The items ``begin``..``end`` lies inside, in their original order."""
        chosen = [
            position for position in self._starting_in(begin - self._longest, begin + 1)
            if self._spans[position][1] >= end
        ]  # fmt: skip
        return [self._items[position] for position in sorted(chosen)]

    def first_starting_from(self, begin: int) -> Item | None:
        """The first item (in the original order) that begins at ``begin`` or later."""
        low = bisect.bisect_left(self._begins, begin)
        return self._items[self._first_from[low]] if low < len(self._order) else None
