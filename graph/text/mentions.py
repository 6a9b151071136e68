"""Mentions of reference entities in text, and the clauses statement patterns work on.

``find_mentions`` matches every alias of the reference index with spaCy's PhraseMatcher:
the longest match wins, matches inside noise spans are dropped, and a possessive "'s"/"'s"
after a name is noted (the span itself stops before it). Compound names such as "US-Saudi"
or "U.S.-China" are tokenised into two names and so give both states.

A ``Clause`` is the unit statement patterns read: a sentence or a semicolon-separated part
of one, with the mentions, dates and quantities inside it. A part is cut again where a clause
with its own subject is joined to it, so that the two share no amounts, dates or agents:
", while/whereas <subject>" (not "while in office", "while exposing"), and ", and/but (the)
<name> <verb>" where the verb is an auxiliary or ends in -ed ("..., and the ministry
approved ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rdflib import URIRef
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Entity, Mention, Quantity, Span
from critmin.graph.text.dates import DateMention
from critmin.graph.text.nlp import Sentence, text_pieces
from critmin.graph.text.reference import PLACE_CLASSES, Alias, ReferenceIndex
from critmin.graph.text.span_index import NoiseSpans, SpanIndex

POSSESSIVE_SUFFIXES = frozenset(("'s", "\u2019s", "'", "\u2019"))
LOCATIVE_PREPOSITIONS = frozenset(("in", "at", "to", "from", "near", "into", "outside", "inside"))
_FORM_PREFERENCE = {"name": 0, "metonym": 1, "demonym": 2}

# Words naming a supply-chain stage, mapped to the stage individuals of the ontology.
STAGE_WORDS: tuple[tuple[str, URIRef], ...] = (
    (r"explor\w*", CM.exploration),
    (r"mining|mines?\b|extraction", CM.mining),
    (r"process\w*", CM.processing),
    (r"refin\w*", CM.refining),
    (r"separation|separating", CM.separation),
    (r"beneficiation", CM.beneficiation),
    (r"metal[- ]making|metalli[sz]ation", CM.metalMaking),
    (r"magnet[- ]making|magnet production|magnet manufactur\w*", CM.magnetMaking),
    (r"recycl\w*", CM.recycling),
    (r"stockpil\w*", CM.stockpiling),
)
_STAGES = [
    (re.compile(rf"\b(?:{pattern})", re.IGNORECASE), stage) for pattern, stage in STAGE_WORDS
]


@dataclass(frozen=True)
class EntityMention:
    """A mention with how the entity is named: ``name``, ``metonym``, ``demonym``, ``minted``."""

    span: Span
    entity: Entity
    form: str = "name"
    possessive: bool = False

    @property
    def iri(self) -> URIRef:
        return self.entity.iri

    def as_mention(self) -> Mention:
        return Mention(self.span, self.entity)


@dataclass(frozen=True, eq=False)
class MentionFinder:
    """PhraseMatchers over the aliases of one reference index, for one pipeline."""

    nlp: Language
    index: ReferenceIndex
    exact: PhraseMatcher
    folded: PhraseMatcher

    def find(self, text: str, noise: Sequence[tuple[int, int]] = ()) -> list[EntityMention]:
        """Mentions in ``text`` outside the ``noise`` spans, longest first among overlapping
        ones, in text order. The text is read in pieces cut at line breaks (``text_pieces``),
        which no alias spans."""
        in_noise = NoiseSpans(tuple(noise))
        found: list[EntityMention] = []
        for piece_begin, piece_end in text_pieces(text):
            doc = self.nlp.make_doc(text[piece_begin:piece_end])
            found += self.find_in_piece(doc, piece_begin, in_noise)
        return sorted(found, key=lambda m: m.span)

    def find_in_piece(self, doc: Doc, offset: int, in_noise: NoiseSpans) -> list[EntityMention]:
        """The mentions of one piece of a text (as tokenised by the pipeline: ``nlp`` or its
        ``make_doc``) that starts at character ``offset``, longest first where they overlap."""
        candidates: list[tuple[int, int]] = sorted(
            {(start, end) for _, start, end in [*self.exact(doc), *self.folded(doc)]},
            key=lambda se: (-(se[1] - se[0]), se[0]),
        )
        taken: set[int] = set()
        found: list[EntityMention] = []
        for start, end in candidates:
            if taken.intersection(range(start, end)):
                continue
            span = doc[start:end]
            begin, stop = offset + span.start_char, offset + span.end_char
            if in_noise.overlap(begin, stop):
                continue
            locative = _after_locative(doc, start)
            alias = _best_alias(self.index.lookup(span.text), self.index, locative)
            if alias is None:
                continue
            taken.update(range(start, end))
            possessive = end < len(doc) and doc[end].text in POSSESSIVE_SUFFIXES
            found.append(
                EntityMention(Span(begin, stop), Entity(alias.iri), alias.form, possessive)
            )
        return found


@lru_cache(maxsize=8)
def mention_finder(nlp: Language, index: ReferenceIndex) -> MentionFinder:
    """The matchers for ``index`` under ``nlp``'s tokenizer (made once per pair)."""
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    for alias in index.aliases:
        pattern = nlp.make_doc(alias.text)
        (exact if alias.exact_case else folded).add(alias.text.casefold(), [pattern])
    return MentionFinder(nlp, index, exact, folded)


def _after_locative(doc, start: int) -> bool:
    """Whether the token at ``start`` follows "in", "at", "to"... (optionally "the")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE_PREPOSITIONS


def _best_alias(aliases: Iterable[Alias], index: ReferenceIndex, locative: bool) -> Alias | None:
    """Among entities an alias may name, a place after a locative preposition, else an actor.

    ("Beijing responded": the government; "talks in Beijing": the city.)
    """
    ranked = sorted(
        aliases,
        key=lambda a: (
            index.is_a(a.iri, PLACE_CLASSES) != locative,
            _FORM_PREFERENCE.get(a.form, 9),
            str(a.iri),
        ),
    )
    return ranked[0] if ranked else None


def find_mentions(
    doc_text: str,
    nlp: Language,
    index: ReferenceIndex,
    noise: Sequence[tuple[int, int]] = (),
) -> list[Mention]:
    """The reference entities named in ``doc_text`` outside ``noise``, in text order."""
    return [m.as_mention() for m in mention_finder(nlp, index).find(doc_text, noise)]


def find_stages(text: str) -> tuple[URIRef, ...]:
    """The supply-chain stages named in ``text``, in the order first named."""
    found = sorted(
        (match.start(), stage) for pattern, stage in _STAGES for match in pattern.finditer(text)
    )
    stages: list[URIRef] = []
    for _, stage in found:
        if stage not in stages:
            stages.append(stage)
    return tuple(stages)


@dataclass(frozen=True)
class Clause:
    """A clause of a sentence with the mentions, dates and quantities inside it."""

    text: str
    span: Span
    sentence: Span
    sentence_number: int
    paragraph: int
    mentions: tuple[EntityMention, ...]
    dates: tuple[DateMention, ...]
    quantities: tuple[Quantity, ...]

    @property
    def words(self) -> str:
        """The clause's own text."""
        return self.text[self.span.begin : self.span.end]

    def between(self, begin: int, end: int) -> str:
        """Document text between two offsets."""
        return self.text[begin:end]

    def mentions_within(self, begin: int, end: int) -> tuple[EntityMention, ...]:
        return tuple(m for m in self.mentions if begin <= m.span.begin and m.span.end <= end)

    def dates_within(self, begin: int, end: int) -> tuple[DateMention, ...]:
        return tuple(d for d in self.dates if begin <= d.begin and d.end <= end)

    def quantities_within(self, begin: int, end: int) -> tuple[Quantity, ...]:
        return tuple(q for q in self.quantities if begin <= q.begin and q.end <= end)


_CONTRAST = re.compile(
    r",\s+(?:while|whereas)\s+(?![a-z]+(?:ing|ed|en)\b|(?:in|at|on|for|under|during)\b)"
)
_COORDINATION = re.compile(r",\s+(?:and|but)\s+(?:the\s+)?")
_FINITE_VERB = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were|will|would|can|could|did|does|also|then|later)\b"
    r"|[a-z]+ed\b)"
)


def own_subject_breaks(text: str, span: Span, mentions: SpanIndex[EntityMention]) -> list[Span]:
    """``span`` cut before each clause joined to it that has its own subject."""
    starts = {m.span.begin: m for m in mentions.starting_in(span.begin, span.end)}
    cuts = [match.start() for match in _CONTRAST.finditer(text, span.begin, span.end)]
    for match in _COORDINATION.finditer(text, span.begin, span.end):
        subject = starts.get(match.end())
        if subject is not None and _FINITE_VERB.match(text, subject.span.end):
            cuts.append(match.start())
    parts: list[Span] = []
    begin = span.begin
    for cut in sorted(cuts):
        parts.append(Span(begin, cut))
        begin = cut + 1
        while begin < span.end and text[begin].isspace():
            begin += 1
    parts.append(Span(begin, span.end))
    return parts


def make_clauses(
    text: str,
    sentences: Sequence[Sentence],
    mentions: Sequence[EntityMention],
    dates: Sequence[DateMention],
    quantities: Sequence[Quantity],
) -> list[Clause]:
    """Every clause of ``sentences``, in text order, with what was found inside it."""
    clauses: list[Clause] = []
    mention_index = SpanIndex(mentions, lambda m: (m.span.begin, m.span.end))
    date_index = SpanIndex(dates, lambda d: (d.begin, d.end))
    quantity_index = SpanIndex(quantities, lambda q: (q.begin, q.end))
    for number, sentence in enumerate(sentences):
        parts = [
            part for clause in sentence.clauses
            for part in own_subject_breaks(text, clause, mention_index)
        ]
        for span in parts:
            clauses.append(
                Clause(
                    text=text,
                    span=span,
                    sentence=sentence.span,
                    sentence_number=number,
                    paragraph=sentence.paragraph,
                    mentions=tuple(mention_index.within(span.begin, span.end)),
                    dates=tuple(date_index.within(span.begin, span.end)),
                    quantities=tuple(quantity_index.within(span.begin, span.end)),
                )
            )
    return clauses
