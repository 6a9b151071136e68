"""Dates in text, normalised to ISO 8601 at the precision the text gives."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateValue:
    """A date or period: ``start`` (and ``end`` for a period) as ISO 8601 strings.

    Precision follows the text: ``"2025"``, ``"2025-10"``, ``"2025-10-20"``; a decade is
    ``"2030s"`` only in ``horizon``-style values such as "by the 2030s" (``start="2030"``,
    ``end="2039"``, ``approximate=True``).
    """

    start: str
    end: str | None = None
    approximate: bool = False


@dataclass(frozen=True)
class DateMention:
    """A date found in text: its character offsets and its value."""

    begin: int
    end: int
    value: DateValue
