"""ETags, conditional GET and Cache-Control on the answers that are a function of the dataset."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask
from flask.testing import FlaskClient

from critmin.service.app import create_app
from critmin.service.config import Settings
from critmin.service.http_caching import DatasetFingerprint
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.store import StoreError, StoreStats

ASK_STATES = "ASK { ?s a <https://w3id.org/critmin/ontology#State> }"
ALL_TRIPLES = "SELECT * WHERE { ?s ?p ?o }"
DATASET_ANSWERS = [
    ("/id/actor/testland", "text/html"),
    ("/id/actor/testland", "text/turtle"),
    ("/id/actor/testland.jsonld", None),
    ("/id/actor/testland.rdf", None),
    ("/ontology", "text/html"),
    ("/ontology.ttl", None),
    (f"/sparql?query={quote(ASK_STATES)}", "application/sparql-results+json"),
    ("/sparql", "text/turtle"),
    ("/api/queries", None),
    ("/api/queries/agreements", "text/csv"),
    ("/context.jsonld", None),
]

TWO_STATES = """
cmr:graph\\/reference {
    cmr:actor\\/testland a cm:State ; skos:prefLabel "Testland"@en .
    cmr:actor\\/otherland a cm:State ; skos:prefLabel "Otherland"@en .
}
"""


@pytest.fixture
def ontology_dir(tmp_path: Path) -> Path:
    """An ontology folder with a page and a Turtle file."""
    (tmp_path / "critmin.html").write_text("<html><body>critmin ontology</body></html>")
    (tmp_path / "critmin.ttl").write_text(
        "<https://w3id.org/critmin/ontology> a <http://www.w3.org/2002/07/owl#Ontology> .\n"
    )
    return tmp_path


@pytest.fixture
def app(store: OxigraphStore, settings: Settings, ontology_dir: Path) -> Flask:
    """The app over the sample dataset, with the small ontology folder."""
    return create_app(store, {"TESTING": True, "ONTOLOGY_DIR": str(ontology_dir)}, settings)


def get(client: FlaskClient, url: str, accept: str | None, **headers: str):
    """GET ``url`` with ``Accept`` (when given) and ``headers``."""
    sent = {"Accept": accept} if accept else {}
    return client.get(url, headers={**sent, **headers})


@pytest.mark.parametrize(("url", "accept"), DATASET_ANSWERS)
def test_dataset_answers_carry_an_etag_and_answer_if_none_match_with_a_304(
    client: FlaskClient, url: str, accept: str | None
) -> None:
    first = get(client, url, accept)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert first.headers["Cache-Control"] == "public, max-age=300"
    again = get(client, url, accept)
    assert (again.headers["ETag"], again.data) == (etag, first.data)
    not_modified = get(client, url, accept, **{"If-None-Match": etag})
    assert not_modified.status_code == 304
    assert not_modified.data == b""
    assert not_modified.headers["ETag"] == etag
    changed = get(client, url, accept, **{"If-None-Match": '"something-else"'})
    assert (changed.status_code, changed.data) == (200, first.data)


def test_head_gets_the_same_etag_and_a_304(client: FlaskClient) -> None:
    etag = client.get("/id/actor/testland.ttl").headers["ETag"]
    head = client.head("/id/actor/testland.ttl")
    assert (head.status_code, head.headers["ETag"]) == (200, etag)
    assert client.head("/id/actor/testland.ttl", headers={"If-None-Match": etag}).status_code == 304


def test_each_representation_has_its_own_etag(client: FlaskClient) -> None:
    tags = {
        get(client, "/id/actor/testland", accept).headers["ETag"]
        for accept in ("text/html", "text/turtle", "application/ld+json", "application/rdf+xml")
    }
    assert len(tags) == 4


def test_a_post_query_and_an_error_get_no_etag(client: FlaskClient) -> None:
    post = client.post("/sparql", data={"query": ASK_STATES})
    assert post.status_code == 200
    assert "ETag" not in post.headers
    missing = client.get("/id/actor/atlantis", headers={"Accept": "text/turtle"})
    assert missing.status_code == 404
    assert "ETag" not in missing.headers
    assert missing.headers["Cache-Control"] == "no-store"
    refused = client.get("/id/actor/testland", headers={"Accept": "image/png"})
    assert (refused.status_code, refused.headers["Cache-Control"]) == (406, "no-store")


def test_the_etag_is_the_same_over_the_same_data_and_differs_over_other_data(
    client: FlaskClient, trig_store: Callable[[str], OxigraphStore]
) -> None:
    """A restart over the same data keeps the validators; other data changes them, even where
    a resource's own description is the same."""
    url = "/id/actor/testland.ttl"
    one = create_app(trig_store(TWO_STATES), {"TESTING": True}, Settings()).test_client()
    same = create_app(trig_store(TWO_STATES), {"TESTING": True}, Settings()).test_client()
    more = create_app(
        trig_store(TWO_STATES + 'cmr:graph\\/extra { cmr:actor\\/otherland cm:wikidataId "Q9" . }'),
        {"TESTING": True}, Settings(),
    ).test_client()
    first, restarted, other = (app.get(url) for app in (one, same, more))
    assert first.data == restarted.data == other.data
    assert first.headers["ETag"] == restarted.headers["ETag"]
    assert other.headers["ETag"] != first.headers["ETag"]
    assert more.get(url, headers={"If-None-Match": first.headers["ETag"]}).status_code == 200


def test_a_compressed_answer_has_its_own_strong_etag_and_its_own_304(client: FlaskClient) -> None:
    url = f"/sparql?query={quote(ALL_TRIPLES)}"
    identity = client.get(url)
    compressed = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.data) == identity.data
    assert compressed.headers["ETag"] == identity.headers["ETag"][:-1] + ':gzip"'
    revalidated = client.get(url, headers={
        "Accept-Encoding": "gzip", "If-None-Match": compressed.headers["ETag"]})
    assert (revalidated.status_code, revalidated.data) == (304, b"")
    assert revalidated.headers["ETag"] == compressed.headers["ETag"]


def test_an_answer_too_short_to_compress_keeps_its_plain_etag(client: FlaskClient) -> None:
    plain = client.get("/ontology", headers={"Accept": "text/html"})
    offered = client.get("/ontology", headers={"Accept": "text/html", "Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in offered.headers
    assert offered.headers["ETag"] == plain.headers["ETag"]


def test_static_assets_are_cached_for_an_hour(client: FlaskClient) -> None:
    script = client.get("/assets/web/form.js")
    assert script.headers["Cache-Control"] == "public, max-age=3600"
    assert "ETag" in script.headers


class CountingStore:
    """Stands in for a store: counts how often it is asked for its statistics, and can fail."""

    def __init__(self, fail: bool) -> None:
        self.calls = 0
        self.fail = fail

    def stats(self) -> StoreStats:
        self.calls += 1
        if self.fail:
            raise StoreError("unreachable")
        return StoreStats(triples=3, graph_sizes={})


def test_the_fingerprint_is_read_once_and_not_kept_while_the_store_fails() -> None:
    working = CountingStore(fail=False)
    fingerprint = DatasetFingerprint(working)
    assert fingerprint.value == fingerprint.value
    assert len(fingerprint.value) == 64
    assert working.calls == 1
    failing = CountingStore(fail=True)
    broken = DatasetFingerprint(failing)
    for _ in range(2):
        with pytest.raises(StoreError):
            _ = broken.value
    assert failing.calls == 2
