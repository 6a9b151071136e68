"""RDF literals made from extracted values, and the word count that bounds text in literals.

Words are counted as the SHACL shapes and the corpus leak check count them: runs of ASCII
letters and digits, so "one-year" and "China's" are two words each.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from rdflib import XSD, Literal

from critmin.graph.base.values import MAX_ANCHOR_WORDS, WORD
from critmin.graph.rdf import iris

COPIED_RUN = MAX_ANCHOR_WORDS + 1
"""A run of this many consecutive words of a source counts as copied text."""
_DATE_TYPES = (
    (re.compile(r"\d{4}"), XSD.gYear),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?"), XSD.dateTime),
)
_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?")


def date_literal(text: str) -> Literal:
    """An ISO 8601 date at its precision: ``xsd:gYear``, ``xsd:gYearMonth``, ``xsd:date``..."""
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype)
    raise ValueError(f"not an ISO 8601 date: {text!r}")


def end_date(start: str, duration: str) -> str | None:
    """``start`` plus an ISO 8601 duration, at the precision of ``start`` (None if finer)."""
    match = _DURATION.fullmatch(duration)
    if not match or duration == "P":
        return None
    years, months, days = (int(group or 0) for group in match.groups())
    parts = [int(part) for part in start.split("-")]
    if len(parts) == 1:
        if months % 12 or days:
            return None
        return f"{parts[0] + years + months // 12:04d}"
    if len(parts) == 2:
        if days:
            return None
        total = parts[0] * 12 + parts[1] - 1 + years * 12 + months
        return f"{total // 12:04d}-{total % 12 + 1:02d}"
    total = parts[0] * 12 + parts[1] - 1 + years * 12 + months
    year, month = total // 12, total % 12 + 1
    last_day = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    result = date(year, month, min(parts[2], last_day)) + timedelta(days=days)
    return result.isoformat()


def word_runs(text: str) -> frozenset[str]:
    """Every run of ``COPIED_RUN`` consecutive words of ``text``, lower-cased, space-joined."""
    words = [word.lower() for word in WORD.findall(text)]
    return frozenset(
        " ".join(words[i : i + COPIED_RUN]) for i in range(len(words) - COPIED_RUN + 1)
    )


def without_copied_runs(phrase: str, runs: frozenset[str]) -> str:
    """``phrase`` cut after the 11th word of the first run of ``runs`` it holds, with an
    ellipsis; unchanged when it holds none (a label never carries the source's sentences)."""
    words = list(WORD.finditer(phrase))
    lowered = [word.group().lower() for word in words]
    for i in range(len(words) - COPIED_RUN + 1):
        if " ".join(lowered[i : i + COPIED_RUN]) in runs:
            return phrase[: words[i + COPIED_RUN - 2].end()] + " \u2026"
    return phrase


def decimal_literal(value: object) -> Literal:
    """An ``xsd:decimal`` in plain positional notation."""
    return Literal(iris.decimal_text(Decimal(str(value))), datatype=XSD.decimal)


def offset_literal(value: int) -> Literal:
    """A character offset, typed ``xsd:nonNegativeInteger``."""
    return Literal(value, datatype=XSD.nonNegativeInteger)
