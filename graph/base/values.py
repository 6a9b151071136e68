"""Plain values every stage shares: text spans, entities, dates, quantities, and word limits.

Nothing here knows about spaCy, rules or serialisation. Offsets are character offsets into a
document's text. Words are counted as the SHACL shapes and the corpus leak check count them:
runs of ASCII letters and digits, so "one-year" and "China's" are two words each.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import URIRef

MAX_ANCHOR_WORDS = 11
"""Evidence anchors and text-made literals hold at most this many words of a source."""
WORD = re.compile(r"[A-Za-z0-9]+")
SLUG_WORDS = 8
"""At most this many words of a label go into a slug; the hash keeps IRIs apart."""


def slug(text: str) -> str:
    """Lower-case ASCII words of ``text`` joined by ``-`` (at most ``SLUG_WORDS`` words)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    words = re.findall(r"[a-z0-9]+", bare)
    return "-".join(words[:SLUG_WORDS]) or "unnamed"


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range [begin, end) of a document's text."""

    begin: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """Where a statement comes from: its sentence, and a short anchor (at most 11 words) in it."""

    sentence: Span
    anchor: Span


@dataclass(frozen=True)
class Entity:
    """A thing statements refer to: a reference entity (``iri`` only) or one minted from text.

    Minted entities (a company named once, say) carry their label, their ``cm:`` classes and
    simple facts such as ``(CM.basedIn, <state>)``; reference entities carry nothing else.
    """

    iri: URIRef
    label: str | None = None
    types: tuple[URIRef, ...] = ()
    facts: tuple[tuple[URIRef, URIRef], ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of text that names an entity."""

    span: Span
    entity: Entity


@dataclass(frozen=True)
class DateValue:
    """A date or period: ``start`` (and ``end`` for a period) as ISO 8601 strings.

    Precision follows the text: ``"2025"``, ``"2025-10"``, ``"2025-10-20"``; a decade is
    ``"2030s"`` only in ``horizon``-style values such as "by the 2030s" (``start="2030"``,
    ``end="2039"``, ``approximate=True``).

    ``approximate`` is set where the text names only part of the value or a bound of the time
    meant ("early October", "earlier this year", "since 2020", "by 2030", a decade).
    ``qualifier`` keeps the words that say so ("early", "since", "by", "between"); it does not
    take part in equality.
    """

    start: str
    end: str | None = None
    approximate: bool = False
    qualifier: str | None = field(default=None, compare=False)

    def decade(self) -> str | None:
        """``"2030s"`` when the value is a whole decade, else None."""
        if (
            self.end
            and len(self.start) == 4
            and self.start.endswith("0")
            and self.end == str(int(self.start) + 9)
        ):
            return f"{self.start}s"
        return None


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with its unit.

    ``value`` is set for a single figure, ``low``/``high`` for a range ("15 to 20 per cent").
    ``unit`` is one of ``percent``, ``money``, ``count``, ``year``, ``kilogram``, ``tonne``;
    money has ``currency`` (ISO 4217) and, for prices, ``per_unit`` (``kilogram``, ``tonne``).
    ``qualifier`` keeps hedges such as ``nearly``, ``approximately``, ``more than``.
    ``counted`` is the noun a count counts ("elements").

    Durations also use ``month``, ``week`` and ``day``; prices may be per ``pound``,
    ``ounce``, ``gram`` or ``year`` ("$5 billion a year").
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
