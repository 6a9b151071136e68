"""One document as the text layer reads it: the ``Reading`` every rule looks at.

In order: sentences outside the noise spans; mentions of reference entities; organisations
and people the reference data lacks; dates, dated by their passage; the layout (headings,
the home state of the dateline, the company each section is about); definite descriptions
of actors ("the Company", "the government"); quantities; clauses.
"""

from __future__ import annotations

from spacy.language import Language

from critmin.graph.base.documents import Document
from critmin.graph.rules.actors import find_new_actors, merge_mentions
from critmin.graph.rules.contract import Reading
from critmin.graph.text.amounts import find_quantities
from critmin.graph.text.anaphora import find_anaphora
from critmin.graph.text.date_context import document_dates
from critmin.graph.text.layout import read_layout
from critmin.graph.text.mentions import EntityMention, make_clauses, mention_finder
from critmin.graph.text.nlp import Sentence, SentenceSplitter, read_pieces
from critmin.graph.text.organisations import find_organisations
from critmin.graph.text.reference import ReferenceIndex
from critmin.graph.text.span_index import NoiseSpans, SpanIndex


def read(document: Document, nlp: Language, index: ReferenceIndex) -> Reading:
    """The reading of one document (see the module docstring)."""
    text, noise = document.text, document.noise
    in_noise = NoiseSpans(tuple(noise))  # by binary search: a text can have thousands
    sentences, reference = _sentences_and_mentions(document, nlp, index, in_noise)
    by_span = SpanIndex(reference, lambda m: (m.span.begin, m.span.end))
    people = [
        found
        for sentence in sentences
        for found in find_new_actors(
            text, sentence.span, by_span.overlapping(sentence.span.begin, sentence.span.end), index
        )
        if "/person/" in str(found.iri)
    ]
    organisations = find_organisations(text, reference, index, noise)
    minted = [*people, *(m for m in organisations if m.form == "minted")]
    mentions = merge_mentions(reference, [*people, *organisations])
    dates = [d for d in document_dates(text, document.date) if not _in(in_noise, d.begin)]
    layout = read_layout(text, mentions, dates, index)
    mentions = sorted(
        [*mentions, *find_anaphora(text, mentions, layout, index)], key=lambda m: m.span
    )
    quantities = [q for q in find_quantities(text) if not _in(in_noise, q.begin)]
    clauses = make_clauses(text, sentences, mentions, dates, quantities)
    return Reading(
        document=document,
        index=index,
        clauses=tuple(clauses),
        mentions=tuple(mentions),
        dates=tuple(dates),
        layout=layout,
        quantities=tuple(quantities),
        minted=tuple(dict.fromkeys(m.entity for m in minted)),
    )


def _sentences_and_mentions(
    document: Document, nlp: Language, index: ReferenceIndex, in_noise: NoiseSpans
) -> tuple[list[Sentence], list[EntityMention]]:
    """The sentences of a document and the mentions of reference entities in it (outside its
    noise), from one reading of each piece of the text by the pipeline."""
    splitter = SentenceSplitter(document.text, document.noise)
    finder = mention_finder(nlp, index)
    sentences: list[Sentence] = []
    mentions: list[EntityMention] = []
    for offset, doc in read_pieces(document.text, nlp):
        sentences += splitter.sentences(offset, doc)
        mentions += finder.find_in_piece(doc, offset, in_noise)
    return sentences, sorted(mentions, key=lambda m: m.span)


def _in(noise: NoiseSpans, position: int) -> bool:
    """Whether the character at ``position`` is noise (``Document.in_noise``)."""
    return noise.overlap(position, position + 1)
