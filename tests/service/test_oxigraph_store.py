"""The Oxigraph store: loading a dataset file, its counts, the request's dataset, errors and
the time limit on the service's own queries (pages, canned queries)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef, Variable

from critmin.graph.base.namespaces import CMR, REFERENCE_GRAPH
from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.query_guard import QueryRejected, QueryRequest
from critmin.service.query_process import QueryTimeout
from critmin.service.store import DataFileError, LocalStore, QueryLimits
from critmin.service.store_choice import open_store

DOC_AA = CMR["graph/doc/00000000000000aa"]
LIMITS = QueryLimits(max_rows=100, timeout=None)
LABELS = (
    "SELECT ?label WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }"
    " ORDER BY ?label"
)


@pytest.fixture(scope="module")
def memory_store(sample_data_file: Path) -> OxigraphStore:
    """The sample dataset in memory (no workers, no time limit)."""
    return OxigraphStore.from_file(sample_data_file)


def labels(
    store: OxigraphStore, default: tuple[URIRef, ...] = (), named: tuple[URIRef, ...] = ()
) -> list[str]:
    request = QueryRequest(LABELS, tuple(map(str, default)), tuple(map(str, named)))
    answer = store.run(request, LIMITS)
    return [str(row[Variable("label")]) for row in answer.rows]


def test_counts_are_rdflib_s(memory_store: OxigraphStore, sample_data_file: Path) -> None:
    assert memory_store.stats() == LocalStore.from_file(sample_data_file).stats()
    assert memory_store.stats().triples == 17
    assert memory_store.graph_names() == frozenset(
        {REFERENCE_GRAPH, DOC_AA, CMR["graph/doc/00000000000000bb"]}
    )


def test_the_default_graph_holds_each_triple_once(memory_store: OxigraphStore) -> None:
    assert labels(memory_store) == ["Exampleland", "Testland", "unobtainium"]


def test_the_request_s_dataset_chooses_the_graphs(memory_store: OxigraphStore) -> None:
    both = (REFERENCE_GRAPH, CMR["graph/doc/00000000000000bb"])
    assert labels(memory_store, both) == ["Exampleland", "Testland", "unobtainium"]
    assert labels(memory_store, (DOC_AA,)) == []
    assert labels(memory_store, (), (REFERENCE_GRAPH,)) == []
    assert labels(memory_store, (URIRef("urn:x-test:absent"),)) == []


def test_trusted_queries_bind_typed_terms(memory_store: OxigraphStore) -> None:
    result = memory_store.query(
        "SELECT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }",
        {"label": Literal("Testland", lang="en")},
    )
    assert [row.s for row in result] == [URIRef(CMR["actor/testland"])]


def test_a_query_oxigraph_cannot_parse_is_a_400(memory_store: OxigraphStore) -> None:
    # rdflib's parser (the guard) takes a LIMIT past any index; Oxigraph's refuses it.
    too_far = QueryRequest("SELECT ?s WHERE { ?s ?p ?o } LIMIT 99999999999999999999")
    with pytest.raises(QueryRejected) as raised:
        memory_store.run(too_far, LIMITS)
    assert (raised.value.status, raised.value.title) == (400, "Malformed query")
    assert "non negative integer" in raised.value.detail
    assert "\n" not in raised.value.detail


def test_the_guard_checks_requests_in_the_store(memory_store: OxigraphStore) -> None:
    with pytest.raises(QueryRejected) as raised:
        memory_store.run(QueryRequest("SELECT ?s WHERE { ?s ?p }"), LIMITS)
    assert (raised.value.status, raised.value.line) == (400, 1)
    service = QueryRequest("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    with pytest.raises(QueryRejected) as raised:
        memory_store.run(service, LIMITS)
    assert raised.value.status == 403


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("@prefix : <http://example.org/> . :a :b", "cannot parse {path} as trig: "),
        ("", "data file {path} holds no triples (build it: critmin build)"),
        ("@prefix : <http://example.org/> .", "data file {path} holds no triples"),
    ],
)
@pytest.mark.parametrize("store_class", [OxigraphStore, LocalStore])
def test_a_bad_file_is_one_line(
    tmp_path: Path, content: str, message: str, store_class: type
) -> None:
    path = tmp_path / "data.trig"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        store_class.from_file(path)
    assert str(raised.value).startswith(message.format(path=path))
    assert "\n" not in str(raised.value)


def test_a_missing_file_or_unknown_suffix_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="does not exist"):
        OxigraphStore.from_file(tmp_path / "absent.trig")
    with pytest.raises(DataFileError, match="is a folder; give the dataset file in it"):
        OxigraphStore.from_file(tmp_path)
    other = tmp_path / "data.json"
    other.write_text("{}", encoding="utf-8")
    with pytest.raises(DataFileError, match="unsupported dataset file type"):
        OxigraphStore.from_file(other)


def test_the_service_s_own_queries_stop_at_the_time_limit(sample_data_file: Path) -> None:
    store = OxigraphStore.from_file(sample_data_file, workers=1, timeout=1.0)
    try:
        with pytest.raises(QueryTimeout):
            store.query(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l ."
                " ?m ?n1 ?o . ?p ?q ?r . ?s ?t ?u . ?v ?w ?x }"
            )
    finally:
        store.close()


def test_close_removes_the_on_disk_copy(sample_data_file: Path) -> None:
    store = OxigraphStore.from_file(sample_data_file, workers=1, timeout=10.0)
    folder = store.folder
    assert folder is not None and folder.is_dir()
    store.close()
    assert not folder.exists()


def test_the_settings_choose_the_store(sample_data_file: Path) -> None:
    rdflib_store = open_store(Settings(data_file=str(sample_data_file), store="rdflib"))
    assert isinstance(rdflib_store, LocalStore)
    oxigraph = open_store(Settings(data_file=str(sample_data_file), query_timeout=None))
    assert isinstance(oxigraph, OxigraphStore)
    assert oxigraph.stats() == rdflib_store.stats()
