"""Fixtures of the graph tests: the spaCy pipeline and the fixture reference index."""

import pytest
from graph_helpers import fixture_index
from spacy.language import Language

from critmin.graph.text.nlp import make_pipeline
from critmin.graph.text.reference import ReferenceIndex


@pytest.fixture(scope="module")
def nlp() -> Language:
    return make_pipeline()


@pytest.fixture(scope="module")
def index() -> ReferenceIndex:
    return fixture_index()
