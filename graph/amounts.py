"""Amounts, prices, shares and counts in text, normalised to numbers and units."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its unit.

    ``value`` is set for a single figure, ``low``/``high`` for a range ("15 to 20 per cent").
    ``unit`` is one of ``percent``, ``money``, ``count``, ``year``, ``kilogram``, ``tonne``;
    money has ``currency`` (ISO 4217) and, for prices, ``per_unit`` (``kilogram``, ``tonne``).
    ``qualifier`` keeps hedges such as ``nearly``, ``approximately``, ``more than``.
    ``counted`` is the noun a count counts ("elements").
    """

    begin: int
    end: int
    unit: str
    value: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    currency: str | None = None
    per_unit: str | None = None
    qualifier: str | None = None
    counted: str | None = None
