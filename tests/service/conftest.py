"""Fixtures for the service tests: a small dataset written here, the app over it, a test client,
the real waitress server on a free loopback port, a store from any TriG, and a text with a span.

The dataset (fictional, in critmin's IRIs): three named graphs, the reference graph with two
states and a mineral, two document graphs with an agreement and a control; the control's label
is ``<script>alert(1)</script>``, and Exampleland's label is stated in two graphs (18 quads,
17 distinct triples).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from multiprocessing.process import BaseProcess
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import Dataset
from sample_texts import MEMORANDUM, WrittenText

from critmin.graph.base.namespaces import PREFIXES
from critmin.service.app import create_app
from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.server import start_in_thread
from critmin.service.store import LocalStore

TRIG_PREFIXES = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items())
"""Every critmin prefix declared, so that TriG written in tests may use them all."""

SAMPLE_TRIG = TRIG_PREFIXES + """
cmr:graph\\/reference {
    cmr:actor\\/testland a cm:State ;
        skos:prefLabel "Testland"@en ;
        cm:wikidataId "Q1000001" .
    cmr:actor\\/exampleland a cm:State ;
        skos:prefLabel "Exampleland"@en .
    cmr:mineral\\/unobtainium a cm:Mineral ;
        skos:prefLabel "unobtainium"@en .
}

cmr:graph\\/doc\\/00000000000000aa {
    cmr:agreement\\/testland-exampleland-0000aaaa a cm:MemorandumOfUnderstanding ;
        rdfs:label "Testland-Exampleland unobtainium memorandum"@en ;
        cm:party cmr:actor\\/testland, cmr:actor\\/exampleland ;
        cm:coversMineral cmr:mineral\\/unobtainium ;
        cm:date "2031-04"^^xsd:gYearMonth .
}

cmr:graph\\/doc\\/00000000000000bb {
    cmr:control\\/exampleland-unobtainium-0000bbbb a cm:ExportControl ;
        rdfs:label "<script>alert(1)</script>" ;
        cm:imposedBy cmr:actor\\/exampleland ;
        cm:elementCount 3 .
    cmr:actor\\/exampleland skos:prefLabel "Exampleland"@en .
}
"""


@pytest.fixture(scope="session")
def sample_data_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample dataset as a TriG file."""
    path = tmp_path_factory.mktemp("data") / "sample.trig"
    path.write_text(SAMPLE_TRIG, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def store(sample_data_file: Path) -> Iterator[OxigraphStore]:
    """The default store over the sample dataset: Oxigraph, two query worker processes and
    the default time limit for the service's own queries (read-only, so shared by all tests)."""
    oxigraph = OxigraphStore.from_file(
        sample_data_file, workers=2, timeout=Settings().query_timeout
    )
    yield oxigraph
    oxigraph.close()


@pytest.fixture
def rdflib_store(sample_data_file: Path) -> LocalStore:
    """A fresh rdflib store over the sample dataset."""
    return LocalStore.from_file(sample_data_file)


@pytest.fixture
def settings(sample_data_file: Path) -> Settings:
    """The default settings (query time limit on, no federation), serving the sample file.
    Override this fixture in a test module to change a setting."""
    return Settings(data_file=str(sample_data_file))


@pytest.fixture
def app(store: OxigraphStore, settings: Settings) -> Flask:
    """The critmin app over the sample dataset, in testing mode."""
    return create_app(store, {"TESTING": True}, settings=settings)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A Flask test client of ``app``."""
    return app.test_client()


@pytest.fixture
def live_server(app: Flask) -> Iterator[str]:
    """The app on the real waitress server on a free loopback port; yields its base URL
    (``http://127.0.0.1:PORT``, no trailing slash)."""
    server, thread = start_in_thread(app, host="127.0.0.1", port=0, threads=4)
    yield server.url
    server.stop()
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def trig_store() -> Callable[[str], OxigraphStore]:
    """Make a store (the default, Oxigraph, in memory) of TriG that uses critmin's prefixes
    without declaring them."""

    def make(trig: str) -> OxigraphStore:
        dataset = Dataset(default_union=True)
        dataset.parse(data=TRIG_PREFIXES + trig, format="trig")
        return OxigraphStore.from_dataset(dataset)

    return make


@pytest.fixture(scope="session")
def endless_query() -> str:
    """A query that runs far past any time limit, on any engine: eight unconstrained patterns
    over the 17 triples of the sample dataset, 17^8 (7 billion) solutions to count."""
    return (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l ."
        " ?m ?n1 ?o . ?p ?q ?r . ?s ?t ?u . ?v ?w ?x }"
    )


@pytest.fixture
def forked_children() -> Callable[[], list[BaseProcess]]:
    """List the live child processes other than the session store's query workers."""

    def children() -> list[BaseProcess]:
        return [
            child for child in multiprocessing.active_children()
            if child.name != "critmin-query-worker"
        ]

    return children


@pytest.fixture(scope="session")
def written_text() -> WrittenText:
    """A text written for these tests, with one span ("a memorandum on lithium refining")."""
    return MEMORANDUM
