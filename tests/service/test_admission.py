"""Admission under load: token buckets per client, and the bounded queue's 503."""

from __future__ import annotations

import json
from typing import Any

import pytest
from werkzeug.test import Client

from critmin.service import admission
from critmin.service.admission import AdmissionControl, RateLimiter


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def hello(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hello"]


def test_a_client_past_its_burst_waits_for_the_rate() -> None:
    clock = Clock()
    limiter = RateLimiter(rate=2.0, burst=3, clock=clock)
    assert [limiter.wait("a") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert limiter.wait("a") == pytest.approx(0.5)
    assert limiter.wait("b") == 0.0  # another client has its own bucket
    clock.now += 0.25
    assert limiter.wait("a") == pytest.approx(0.25)
    clock.now += 0.25
    assert limiter.wait("a") == 0.0
    clock.now += 100
    assert [limiter.wait("a") for _ in range(4)][-1] == pytest.approx(0.5)  # burst 3, no more


def test_buckets_that_filled_up_again_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(admission, "CLIENTS_REMEMBERED", 3)
    clock = Clock()
    limiter = RateLimiter(rate=1.0, burst=2, clock=clock)
    for client in ("a", "b", "c"):
        limiter.wait(client)
    clock.now += 1.0  # not full yet (1.5 tokens of 2): nothing is dropped
    limiter.wait("d")
    assert sorted(limiter._buckets) == ["a", "b", "c", "d"]
    clock.now += 2.0
    limiter.wait("e")
    assert sorted(limiter._buckets) == ["e"]


def guarded(limiter: RateLimiter | None, waiting: int, max_queue: int = 10) -> Client:
    return Client(AdmissionControl(hello, limiter, lambda: waiting, max_queue))


def test_past_the_rate_is_a_429_with_retry_after() -> None:
    client = guarded(RateLimiter(rate=0.5, burst=1, clock=Clock()), waiting=0)
    assert client.get("/sparql").status_code == 200
    refused = client.get("/sparql")
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "2"
    assert json.loads(refused.get_data()) == {"error": {
        "status": 429, "title": "Too Many Requests",
        "message": "more than 0.5 requests a second from this client; retry in 2 s",
    }}
    assert client.get("/health").status_code == 200


def test_a_full_queue_is_a_503_with_retry_after_and_health_passes() -> None:
    client = guarded(None, waiting=11)
    refused = client.get("/api/queries/cq01")
    assert (refused.status_code, refused.headers["Retry-After"]) == (503, "1")
    assert json.loads(refused.get_data())["error"] == {
        "status": 503, "title": "Service Unavailable",
        "message": "the service is busy (11 requests waiting); retry in 1 s",
    }
    assert client.get("/health").get_data() == b"hello"
    assert guarded(None, waiting=10).get("/api/queries/cq01").status_code == 200
