"""The one shape of an extraction rule: what it reads, what it returns, what it runs after.

A rule reads a ``Reading`` (one document as the text layer reads it) and the statements the
rules before it found, and returns statements of one kind. Rules number the statements they
return ``new-1``, ``new-2`` ... and may refer to them by those keys (an act to the control it
acts on); the extractor alone gives every statement its final key (``agreement-3``) in the
order the rules return them and rewrites the references.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from rdflib import URIRef

from critmin.graph.base.documents import Document
from critmin.graph.base.statements import Statement
from critmin.graph.base.values import Entity, Quantity
from critmin.graph.rules.agents import DocumentAgents
from critmin.graph.text.dates import DateMention
from critmin.graph.text.layout import Layout
from critmin.graph.text.mentions import Clause, EntityMention
from critmin.graph.text.paragraphs import ParagraphBreaks
from critmin.graph.text.reference import ReferenceIndex
from critmin.graph.text.span_index import SpanIndex

NEW = "new-"
"""The prefix of the keys a rule gives the statements it returns."""


@dataclass(frozen=True)
class Reading:
    """One document as the text layer reads it: what every rule may look at."""

    document: Document
    index: ReferenceIndex
    clauses: tuple[Clause, ...]
    mentions: tuple[EntityMention, ...]
    dates: tuple[DateMention, ...]
    layout: Layout
    quantities: tuple[Quantity, ...] = ()
    minted: tuple[Entity, ...] = ()

    @property
    def text(self) -> str:
        return self.document.text

    @cached_property
    def paragraphs(self) -> ParagraphBreaks:
        """The paragraph breaks of the text, found once."""
        return ParagraphBreaks(self.text)

    @cached_property
    def date_index(self) -> SpanIndex[DateMention]:
        """The dates, found by position."""
        return SpanIndex(self.dates, lambda d: (d.begin, d.end))

    @cached_property
    def clause_index(self) -> SpanIndex[Clause]:
        """The clauses, found by position."""
        return SpanIndex(self.clauses, lambda c: (c.span.begin, c.span.end))

    @cached_property
    def mention_index(self) -> SpanIndex[EntityMention]:
        """The mentions, found by position."""
        return SpanIndex(self.mentions, lambda m: (m.span.begin, m.span.end))

    @cached_property
    def sentence_clauses(self) -> dict[int, tuple[Clause, ...]]:
        """The clauses of each sentence, by sentence number, in order."""
        return _grouped(self.clauses, lambda clause: clause.sentence_number)

    @cached_property
    def named_entities(self) -> dict[URIRef, Entity]:
        """Each entity as its first mention carries it."""
        found: dict[URIRef, Entity] = {}
        for mention in self.mentions:
            found.setdefault(mention.iri, mention.entity)
        return found

    @cached_property
    def agents(self) -> DocumentAgents:
        """The agents the clauses imply, worked out once."""
        return DocumentAgents(self.clauses, self.index)

    @cached_property
    def paragraph_clauses(self) -> dict[int, tuple[Clause, ...]]:
        """The clauses of each paragraph (``Clause.paragraph``), in order."""
        return _grouped(self.clauses, lambda clause: clause.paragraph)


def _grouped(
    clauses: Sequence[Clause], key: Callable[[Clause], int]
) -> dict[int, tuple[Clause, ...]]:
    """``clauses`` grouped by ``key``, each group in order."""
    found: dict[int, list[Clause]] = {}
    for clause in clauses:
        found.setdefault(key(clause), []).append(clause)
    return {number: tuple(group) for number, group in found.items()}


Found = Mapping[str, Sequence[Statement]]
"""The statements each earlier rule found, by rule name, with their final keys."""


@dataclass(frozen=True)
class Rule:
    """A kind of statement: its name, the rules whose statements it reads, how it finds them."""

    name: str
    find: Callable[[Reading, Found], Sequence[Statement]]
    after: tuple[str, ...] = ()


def new_key(number: int) -> str:
    """The key a rule gives the ``number``-th statement it returns (from 1)."""
    return f"{NEW}{number}"
