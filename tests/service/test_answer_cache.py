"""The answer cache: public answers kept for their max-age and replayed; the rest passed on."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import quote

import pytest
from werkzeug.test import Client

from critmin.service.answer_cache import AnswerCache
from critmin.service.app import create_app
from critmin.service.config import Settings, SettingsError, settings_from_env
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.query_guard import QueryRequest
from critmin.service.store import QueryAnswer, QueryLimits

PUBLIC = ("Cache-Control", "public, max-age=300")


class FakeApp:
    """A WSGI app answering every request with ``status``, ``headers`` and a body naming the
    call (``answer 1``, ``answer 2``...), so that a replayed answer shows."""

    def __init__(self, status: str = "200 OK", headers: Iterable[tuple[str, str]] = (PUBLIC,),
                 sized: bool = True, body_size: int = 0) -> None:
        self.status = status
        self.headers = list(headers)
        self.sized = sized
        self.body_size = body_size
        self.calls = 0

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        self.calls += 1
        body = f"answer {self.calls}".encode().ljust(self.body_size, b".")
        length = [("Content-Length", str(len(body)))] if self.sized else []
        start_response(self.status, [*self.headers, *length])
        return [body]


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def fetch(cache: AnswerCache, path: str = "/sparql?query=x", method: str = "GET",
          **headers: str) -> tuple[str, dict[str, str], bytes]:
    """Status, headers and body of one request through ``cache``."""
    response = Client(cache).open(path, method=method, headers=headers)
    return response.status, dict(response.headers), response.get_data()


def test_a_public_answer_is_replayed_with_its_age_until_its_max_age_passes() -> None:
    app, clock = FakeApp(), Clock()
    cache = AnswerCache(app, 10_000, clock)
    first = fetch(cache)
    clock.now += 299
    replayed = fetch(cache)
    clock.now += 1
    after = fetch(cache)
    assert (first[0], first[2]) == ("200 OK", b"answer 1")
    assert "Age" not in first[1]
    assert (replayed[0], replayed[2], replayed[1]["Age"]) == ("200 OK", b"answer 1", "299")
    assert replayed[1]["Cache-Control"] == "public, max-age=300"
    assert after[2] == b"answer 2"
    assert app.calls == 2


def test_each_url_accept_encoding_and_origin_is_its_own_entry() -> None:
    app = FakeApp(headers=(PUBLIC, ("Vary", "Accept, Accept-Encoding, Origin")))
    cache = AnswerCache(app, 10_000)
    bodies = [
        fetch(cache, Accept="text/csv")[2],
        fetch(cache, Accept="application/json")[2],
        fetch(cache, Accept="text/csv", **{"Accept-Encoding": "gzip"})[2],
        fetch(cache, Accept="text/csv", Origin="https://example.org")[2],
        fetch(cache, Accept="text/csv")[2],
        fetch(cache, "/sparql?query=y", Accept="text/csv")[2],
        fetch(cache, "/sparql%3Fquery=y", Accept="text/csv")[2],  # a path, not a query string
    ]
    assert bodies == [b"answer 1", b"answer 2", b"answer 3", b"answer 4", b"answer 1",
                      b"answer 5", b"answer 6"]


@pytest.mark.parametrize(("status", "headers", "sized"), [
    ("400 Bad Request", (PUBLIC,), True),
    ("503 Service Unavailable", (PUBLIC,), True),
    ("303 See Other", (PUBLIC,), True),
    ("200 OK", (), True),
    ("200 OK", (("Cache-Control", "no-store"),), True),
    ("200 OK", (("Cache-Control", "public, max-age=0"),), True),
    ("200 OK", (("Cache-Control", "public, no-cache, max-age=300"),), True),
    ("200 OK", (PUBLIC, ("Vary", "Accept, Cookie")), True),
    ("200 OK", (PUBLIC,), False),
])
def test_an_answer_that_may_not_be_kept_is_asked_for_again(
    status: str, headers: tuple[tuple[str, str], ...], sized: bool
) -> None:
    app = FakeApp(status, headers, sized)
    cache = AnswerCache(app, 10_000)
    assert [fetch(cache)[2] for _ in range(2)] == [b"answer 1", b"answer 2"]


@pytest.mark.parametrize("request_headers", [
    {"If-None-Match": '"abc"'}, {"If-Modified-Since": "Sun, 06 Dec 2026 10:00:00 GMT"},
    {"Range": "bytes=0-3"}, {"Authorization": "Basic dXNlcjpwYXNz"},
    {"Cache-Control": "no-cache"}, {"Cache-Control": "max-age=0, No-Store"},
    {"Pragma": "no-cache"},
])
def test_conditional_credentialed_and_fresh_requests_go_to_the_app(
    request_headers: dict[str, str]
) -> None:
    app = FakeApp()
    cache = AnswerCache(app, 10_000)
    fetch(cache)
    assert fetch(cache, **request_headers)[2] == b"answer 2"
    assert fetch(cache)[2] == b"answer 1"


def test_only_get_requests_are_replayed() -> None:
    app = FakeApp()
    cache = AnswerCache(app, 10_000)
    fetch(cache, method="POST")
    assert fetch(cache, method="POST")[2] == b"answer 2"
    assert fetch(cache, method="HEAD")[0] == "200 OK"
    assert app.calls == 3


def test_the_least_recently_used_answers_go_first_and_a_large_answer_is_not_kept() -> None:
    app = FakeApp(body_size=100)
    cache = AnswerCache(app, 800)  # 8 answers of 100 bytes; none may take more than 100
    for number in range(8):
        fetch(cache, f"/sparql?query={number}")
    fetch(cache, "/sparql?query=0")  # now the most recently used
    fetch(cache, "/sparql?query=8")  # pushes out query 1
    assert fetch(cache, "/sparql?query=0")[2].startswith(b"answer 1.")
    assert fetch(cache, "/sparql?query=1")[2].startswith(b"answer 10.")
    large = FakeApp(body_size=101)
    small_cache = AnswerCache(large, 800)
    assert [fetch(small_cache)[2][:8] for _ in range(2)] == [b"answer 1", b"answer 2"]


class CountingStore(OxigraphStore):
    """The sample store, counting the endpoint queries it answers."""

    def __init__(self, store: OxigraphStore) -> None:
        self.__dict__.update(store.__dict__)
        self.runs = 0

    def run(self, request: QueryRequest, limits: QueryLimits) -> QueryAnswer:
        self.runs += 1
        return super().run(request, limits)


@pytest.mark.parametrize(("cache_mb", "runs"), [(64.0, 1), (0.0, 3)])
def test_the_app_replays_a_repeated_query_without_asking_the_store(
    store: OxigraphStore, sample_data_file: Any, cache_mb: float, runs: int
) -> None:
    counting = CountingStore(store)
    settings = Settings(data_file=str(sample_data_file), answer_cache_mb=cache_mb)
    client = create_app(counting, {"TESTING": True}, settings).test_client()
    query = "SELECT ?s WHERE { ?s a <https://w3id.org/critmin/ontology#State> } ORDER BY ?s"
    url = "/sparql?query=" + quote(query)
    answers = [
        client.get(url, headers={"Accept": "application/sparql-results+json"}) for _ in range(3)
    ]
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    assert len({answer.get_data() for answer in answers}) == 1
    assert [row["s"]["value"] for row in answers[2].json["results"]["bindings"]] == [
        "https://w3id.org/critmin/id/actor/exampleland",
        "https://w3id.org/critmin/id/actor/testland",
    ]
    assert answers[2].headers["ETag"] == answers[0].headers["ETag"]
    assert ("Age" in answers[2].headers) == (cache_mb > 0)
    assert counting.runs == runs


def test_the_cache_size_comes_from_the_environment_and_may_not_be_negative() -> None:
    assert settings_from_env({"CRITMIN_ANSWER_CACHE_MB": "0"}).answer_cache_mb == 0.0
    assert settings_from_env({"CRITMIN_ANSWER_CACHE_MB": "2.5"}).answer_cache_mb == 2.5
    assert Settings().answer_cache_mb == 64.0
    with pytest.raises(SettingsError, match="answer_cache_mb must be 0 or more"):
        Settings(answer_cache_mb=-1)
    with pytest.raises(SettingsError, match="CRITMIN_ANSWER_CACHE_MB must be a number"):
        settings_from_env({"CRITMIN_ANSWER_CACHE_MB": "lots"})
