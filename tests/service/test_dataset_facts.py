"""The dataset's figures read through the store: the same on every store, equal to counts made
here from the triples, and read once per app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from oxigraph_server import running_oxigraph
from rdflib import RDF, SKOS, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier
from void_sample import (
    AGREEMENT,
    CONTROL,
    DOC_AA,
    DOC_BB,
    EXAMPLELAND,
    GRAPH_AA,
    GRAPH_BB,
    ONTOLOGY_VERSION,
    UNOBTAINIUM,
    sample_dataset,
)

from critmin.graph.base.namespaces import CM, SCHEMA, WD
from critmin.service.dataset_facts import (
    FactsCache,
    Linkset,
    SourceDocument,
    read_facts,
    vocabularies_of,
)
from critmin.service.graph_store_push import push
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.remote_store import RemoteStore
from critmin.service.store import LocalStore, Store, StoreError, StoreStats

BASE = "https://w3id.org/critmin/id/"
SEED = Path(__file__).resolve().parents[2] / "graph" / "seed" / "critmin-seed.trig"


@pytest.fixture(params=["oxigraph", "rdflib"])
def sample_store(request: pytest.FixtureRequest) -> Store:
    """The sample dataset in the Oxigraph store, then in the rdflib store."""
    if request.param == "oxigraph":
        return OxigraphStore.from_dataset(sample_dataset())
    return LocalStore(sample_dataset())


def test_sizes_equal_the_counts_of_the_triples(sample_store: Store) -> None:
    quads = list(sample_dataset().quads((None, None, None, None)))
    triples = {(s, p, o) for s, p, o, _ in quads}
    facts = read_facts(sample_store, BASE)
    assert facts.stats.triples == len(triples)
    assert facts.stats.quads == len(quads) == len(triples) + 3  # three triples stated twice
    assert facts.distinct_subjects == len({s for s, _, _ in triples})
    assert facts.distinct_objects == len({o for _, _, o in triples})
    assert facts.properties == len({p for _, p, _ in triples})
    assert facts.classes == len({o for _, p, o in triples if p == RDF.type}) == 10


def test_documents_links_examples_versions_and_vocabularies(sample_store: Store) -> None:
    facts = read_facts(sample_store, BASE)
    assert facts.documents == (
        SourceDocument(
            DOC_AA, GRAPH_AA, Literal("Unobtainium in Testland"),
            Literal("2031-04-02", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
            Literal("The Test Gazette"), Literal("Unobtainium in Testland"),
        ),
        SourceDocument(DOC_BB, GRAPH_BB, None, None, None, Literal("bb.txt")),
    )
    # The link stated in two graphs counts once.
    assert facts.linksets == (Linkset(SKOS.exactMatch, 3), Linkset(SCHEMA.sameAs, 1))
    assert facts.examples == (AGREEMENT, CONTROL, EXAMPLELAND, UNOBTAINIUM, DOC_AA)
    assert facts.ontology_versions == frozenset({ONTOLOGY_VERSION})
    assert [str(iri) for iri in facts.vocabularies] == [
        "http://purl.org/dc/terms/",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://www.w3.org/2000/01/rdf-schema#",
        "http://www.w3.org/2002/07/owl#",
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/ns/prov#",
        "https://schema.org/",
        "https://w3id.org/critmin/ontology#",
    ]


def test_examples_are_only_resources_minted_under_the_public_base(sample_store: Store) -> None:
    assert read_facts(sample_store, "https://example.org/elsewhere/").examples == ()


def test_vocabularies_are_the_longest_known_namespace_and_never_the_data_s_own() -> None:
    assert vocabularies_of([f"{CM}party", f"{BASE}actor/x", "http://unknown.example/p",
                            str(RDF.type), str(RDF.type)]) == (
        URIRef(str(RDF)), URIRef(str(CM))
    )


class CountingStore:
    """A real store that counts the queries it answers, and fails the first ``failures``."""

    def __init__(self, inner: Store, failures: int = 0) -> None:
        self.inner = inner
        self.queries = 0
        self.failures = failures

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        if self.failures:
            self.failures -= 1
            raise StoreError("the endpoint is down")
        self.queries += 1
        return self.inner.query(sparql, bindings)

    def stats(self) -> StoreStats:
        return self.inner.stats()


def test_the_cache_reads_once_and_tries_again_after_a_failure() -> None:
    store = CountingStore(OxigraphStore.from_dataset(sample_dataset()), failures=1)
    cache = FactsCache()
    with pytest.raises(StoreError):
        cache.get(store, BASE)  # type: ignore[arg-type]
    first = cache.get(store, BASE)  # type: ignore[arg-type]
    queries = store.queries
    assert queries > 0
    assert cache.get(store, BASE) is first  # type: ignore[arg-type]
    assert store.queries == queries


@pytest.fixture(scope="module")
def remote_seed() -> Iterator[RemoteStore]:
    """A remote store: an Oxigraph server (union default graph) holding the seed dataset."""
    with running_oxigraph("--union-default-graph") as url:
        push(SEED, f"{url}/store")
        yield RemoteStore(f"{url}/query", timeout=60.0)


@pytest.mark.server
def test_the_seed_s_facts_are_the_same_on_every_store(remote_seed: RemoteStore) -> None:
    oxigraph = OxigraphStore.from_file(SEED)
    expected = read_facts(oxigraph, BASE)
    assert read_facts(LocalStore.from_file(SEED), BASE) == expected
    assert read_facts(remote_seed, BASE) == expected
    assert expected.stats.quads > expected.stats.triples
    assert {linkset.predicate for linkset in expected.linksets} == {SKOS.exactMatch}
    assert all(str(iri).startswith(BASE) for iri in expected.examples)
    assert str(WD) not in map(str, expected.vocabularies)
