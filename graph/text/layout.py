"""The layout of a text: its headings, the place of its dateline, and the company a section
is about.

- A heading is a line of at most ``HEADING_WORDS`` words that does not end a sentence
  ("PART C: UPDATE, 9 JANUARY 2023", "■ China's 2025 measures", ">> Trilogy Metals (NYSE
  American, TSX: TMQ)").
- The home state: the state of the place a dateline starts with, in the first lines
  ("WINDHOEK, June 8, 2023": Namibia; "Washington, D.C. | January 20, 2026": the United States).
  "The government", "the country", "the kingdom" of a text are its home state's. A dateline
  naming several places ("GENEVA / TOKYO") gives no home state.
- Section topics: a company named in a heading is what the section under it is about ("the
  Vancouver-based developer" under ">> Lithium Americas (NYSE, TSX: LAC)"), up to the next
  heading; elsewhere the company a text defines as 'the Company' ('Kestrel Metals Limited
  ("Kestrel" or "the Company")'), if any.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from rdflib import URIRef

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Span
from critmin.graph.text.dates import DateMention
from critmin.graph.text.mentions import EntityMention
from critmin.graph.text.reference import ReferenceIndex
from critmin.graph.text.span_index import SpanIndex

HEADING_WORDS = 10
DATELINE_LINES = 5
_LINE = re.compile(r"[^\n]+")
_DEFINED_COMPANY = re.compile(
    r'\s*\((?:["\u201c][^"\u201d]+["\u201d]\s+or\s+)?["\u201c]the Company["\u201d]\)'
)
_DATELINE_PLACE = re.compile(
    r"\s*(?P<place>[A-Za-z][A-Za-z .'\u2019/-]{1,40}?)\s*(?:,|\||\u2014|--)"
)


@dataclass(frozen=True)
class Layout:
    """Headings, the home state and section topics of one text."""

    headings: tuple[Span, ...] = ()
    home: URIRef | None = None
    topics: tuple[tuple[int, URIRef | None], ...] = ()
    company: URIRef | None = None

    @cached_property
    def _heading_begins(self) -> list[int]:
        return [heading.begin for heading in self.headings]

    @cached_property
    def _topic_begins(self) -> list[int]:
        return [begin for begin, _ in self.topics]

    def is_heading(self, offset: int) -> bool:
        """Whether ``offset`` is in a heading (headings are lines, in text order)."""
        last = bisect.bisect_right(self._heading_begins, offset) - 1
        return last >= 0 and offset < self.headings[last].end

    def topic_at(self, offset: int) -> URIRef | None:
        """The company the section holding ``offset`` is about: the one its heading names,
        else the text's defined 'Company' (topics are in text order)."""
        last = bisect.bisect_right(self._topic_begins, offset) - 1
        actor = self.topics[last][1] if last >= 0 else None
        return actor if actor is not None else self.company


def read_layout(
    text: str,
    mentions: Sequence[EntityMention],
    dates: Sequence[DateMention],
    index: ReferenceIndex,
) -> Layout:
    """The layout of ``text``, given its mentions and dates."""
    lines = [Span(m.start(), m.end()) for m in _LINE.finditer(text)]
    headings = tuple(line for line in lines if _is_heading(text[line.begin : line.end]))
    topics: list[tuple[int, URIRef | None]] = []
    by_span = SpanIndex(mentions, lambda m: (m.span.begin, m.span.end))
    for heading in headings:
        inside = by_span.starting_in(heading.begin, heading.end)
        company = next((m.iri for m in inside if _is_company(m, index)), None)
        topics.append((heading.begin, company))
    defined = next(
        (
            m.iri
            for m in mentions
            if _DEFINED_COMPANY.match(text, m.span.end) and _is_company(m, index)
        ),
        None,
    )
    return Layout(
        headings=headings,
        home=_home(text, lines[:DATELINE_LINES], dates, index),
        topics=tuple(topics),
        company=defined,
    )


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and len(stripped.split()) <= HEADING_WORDS and stripped[-1] not in ".?!"


def _is_company(mention: EntityMention, index: ReferenceIndex) -> bool:
    types = set(mention.entity.types) | set(index.types.get(mention.iri, ()))
    return CM.Company in types


def _home(
    text: str, lines: Sequence[Span], dates: Sequence[DateMention], index: ReferenceIndex
) -> URIRef | None:
    """The state of the place a dateline (a first line with a date) starts with."""
    for line in lines:
        if not any(line.begin <= d.begin < line.end for d in dates):
            continue
        match = _DATELINE_PLACE.match(text, line.begin, line.end)
        if match is None:
            continue
        places = re.split(r"\s*/\s*", match["place"])
        if len(places) != 1:
            return None  # "GENEVA / TOKYO": filed from several places, at home in none
        return _state_of_place(places[0].strip(), index)
    return None


def _state_of_place(name: str, index: ReferenceIndex) -> URIRef | None:
    for alias in index.lookup(name):
        if index.is_a(alias.iri, CM.State):
            return alias.iri
        state = index.state_of(alias.iri)
        if state is not None:
            return state
    return None
