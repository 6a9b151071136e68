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
from critmin.graph.text.mentions import make_clauses, mention_finder
from critmin.graph.text.nlp import split_sentences
from critmin.graph.text.organisations import find_organisations
from critmin.graph.text.reference import ReferenceIndex
from critmin.graph.text.span_index import SpanIndex


def read(document: Document, nlp: Language, index: ReferenceIndex) -> Reading:
    """The reading of one document (see the module docstring)."""
    text, noise = document.text, document.noise
    sentences = split_sentences(text, nlp, noise)
    reference = mention_finder(nlp, index).find(text, noise)
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
    dates = [d for d in document_dates(text, document.date) if not document.in_noise(d.begin)]
    layout = read_layout(text, mentions, dates, index)
    mentions = sorted(
        [*mentions, *find_anaphora(text, mentions, layout, index)], key=lambda m: m.span
    )
    quantities = [q for q in find_quantities(text) if not document.in_noise(q.begin)]
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
