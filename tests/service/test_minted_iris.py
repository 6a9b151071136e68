"""Every IRI the seed build mints resolves: sampled by class (by path where untyped), each answers
200, or 303 to a page that answers 200, for people and for machines; never 404.

The IRIs are those under https://w3id.org/critmin/ in subject or object position, the graph
names, and those the service's VoID description mints (the dataset's own IRI). A few IRIs of
each class are asked (the first, the middle and the last by IRI order), so the test is the same
on every run.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from rdflib import RDF, Dataset, Graph, URIRef

from critmin.graph.base.namespaces import ONTOLOGY_IRI
from critmin.graph.rdf.dataset import read_dataset
from critmin.service.app import create_app
from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore

SEED = Path(__file__).resolve().parents[2] / "graph" / "seed" / "critmin-seed.trig"
PUBLIC = "https://w3id.org/critmin"
"""Where every IRI critmin mints starts; the service answers its path (/id/..., /ontology...)."""
PER_GROUP = 3


@pytest.fixture(scope="module")
def seed() -> Dataset:
    return read_dataset(SEED)


@pytest.fixture(scope="module")
def app() -> Iterator[Flask]:
    store = OxigraphStore.from_file(SEED)
    yield create_app(store, {"TESTING": True}, settings=Settings())
    store.close()


def minted(iris: Iterator[object]) -> set[URIRef]:
    return {iri for iri in iris if isinstance(iri, URIRef) and str(iri).startswith(PUBLIC + "/")}


def minted_iris(seed: Dataset) -> set[URIRef]:
    """The IRIs under the public base in subject or object position, and the graph names."""
    return minted(
        term for s, _, o, g in seed.quads((None, None, None, None)) for term in (s, o, g)
    )


def groups_of(iris: set[URIRef], seed: Dataset) -> dict[str, list[URIRef]]:
    """The IRIs by class (an IRI of several classes is in each), untyped ones by their path
    without its last segment; each group sorted."""
    groups: dict[str, set[URIRef]] = defaultdict(set)
    for iri in iris:
        types = set(seed.objects(iri, RDF.type))
        for kind in types or {"untyped " + str(iri).split("#")[0].rsplit("/", 1)[0]}:
            groups[str(kind)].add(iri)
    return {kind: sorted(members) for kind, members in groups.items()}


def sample(members: list[URIRef]) -> set[URIRef]:
    """The first, the middle and the last member (all of them when there are few)."""
    if len(members) <= PER_GROUP:
        return set(members)
    return {members[0], members[len(members) // 2], members[-1]}


def local_path(iri: URIRef) -> str:
    """Where the service answers ``iri``: its path after the public base, without fragment."""
    return str(iri).removeprefix(PUBLIC).split("#", 1)[0]


def dereference(client: FlaskClient, path: str, accept: str) -> tuple[int, int | None]:
    """The status of GET ``path``, and of the page a 303 points to."""
    response = client.get(path, headers={"Accept": accept})
    if response.status_code != 303:
        return response.status_code, None
    return 303, client.get(response.headers["Location"], headers={"Accept": accept}).status_code


def test_the_sample_covers_every_kind_of_minted_iri(seed: Dataset, app: Flask) -> None:
    void = Graph().parse(data=app.test_client().get("/.well-known/void").get_data(), format="ttl")
    iris = minted_iris(seed) | minted(term for triple in void for term in triple)
    groups = groups_of(iris, seed)
    chosen = set().union(*(sample(members) for members in groups.values()))
    paths = {local_path(iri) for iri in chosen}
    # Graph names, an ontology version, the dataset, spans and sub-resources are all asked.
    assert {"/id/graph/reference", "/id/graph/inferred", "/id/graph/ontology"} <= paths
    assert any(path.startswith("/id/graph/doc/") for path in paths)
    assert {"/ontology", "/ontology/0.1.0", "/id/dataset"} <= paths
    assert any("#char=" in str(iri) for iri in chosen)
    assert any("/amount/" in path for path in paths)
    assert ONTOLOGY_IRI in iris
    assert len(groups) > 50


@pytest.mark.parametrize("accept", ["text/html", "text/turtle"])
def test_every_sampled_minted_iri_resolves(seed: Dataset, app: Flask, accept: str) -> None:
    void = Graph().parse(data=app.test_client().get("/.well-known/void").get_data(), format="ttl")
    iris = minted_iris(seed) | minted(term for triple in void for term in triple)
    paths = sorted({
        local_path(iri)
        for members in groups_of(iris, seed).values()
        for iri in sample(members)
    })
    client = app.test_client()
    answers = {path: dereference(client, path, accept) for path in paths}
    failed = {path: answer for path, answer in answers.items()
              if answer not in ((200, None), (303, 200))}
    assert not failed
    assert answers["/ontology/0.1.0"] == (303, 200)
    assert answers["/id/dataset"] == (303, 200)
    assert answers["/id/graph/reference"] == (200, None)
