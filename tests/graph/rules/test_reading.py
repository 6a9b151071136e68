"""One document as the text layer reads it: sentences and mentions from one reading of each
piece of the text, noise left out as ``Document.in_noise`` says."""

from dataclasses import replace

from graph_helpers import make_document

from critmin.graph.rules.reading import _sentences_and_mentions, read
from critmin.graph.text.amounts import find_quantities
from critmin.graph.text.date_context import document_dates
from critmin.graph.text.mentions import mention_finder
from critmin.graph.text.nlp import PIECE_CHARS, split_sentences
from critmin.graph.text.span_index import NoiseSpans

PARAGRAPH = (
    "Chile signed a lithium pact with Japan on 3 May 2024; Peru joined later.\n"
    "The deal covers 5,000 tonnes of copper a year. Prices rose 4% in June 2024.\n\n"
)
TEXT = PARAGRAPH * (2 * PIECE_CHARS // len(PARAGRAPH) + 3)  # read in three pieces
NOISE = ((0, 40), (PIECE_CHARS - 10, PIECE_CHARS + 300), (500, 500), (900, 1200))


def test_sentences_and_mentions_from_one_reading_of_each_piece(nlp, index):
    document = replace(make_document(TEXT), noise=NOISE)
    sentences, mentions = _sentences_and_mentions(document, nlp, index, NoiseSpans(NOISE))
    assert sentences == split_sentences(TEXT, nlp, NOISE)
    assert mentions == mention_finder(nlp, index).find(TEXT, NOISE)
    assert len(sentences) > 3000 and len(mentions) > 3000


def test_dates_and_quantities_in_noise_are_left_out(nlp, index):
    document = replace(make_document(TEXT[:3000]), noise=NOISE)
    reading = read(document, nlp, index)
    dates = document_dates(document.text, document.date)
    quantities = find_quantities(document.text)
    assert list(reading.dates) == [d for d in dates if not document.in_noise(d.begin)]
    assert list(reading.quantities) == [q for q in quantities if not document.in_noise(q.begin)]
    assert len(reading.dates) < len(dates) and len(reading.quantities) < len(quantities)
