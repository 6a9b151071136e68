"""Admission of requests under load: a rate per client, and a bounded queue.

Two WSGI guards stand before the application (``server`` installs them):

- **Rate per client.** Each client address has a token bucket: ``rate`` requests a second on
  average, ``burst`` at once. A client past it gets ``429 Too Many Requests`` with a
  ``Retry-After`` header saying when the next request will be taken.
- **Bounded queue.** Requests wait for a serving thread in the server's queue. When more than
  ``max_queue`` are waiting, the request at the head is answered ``503 Service Unavailable``
  with ``Retry-After: 1`` at once instead of being run, so a flood drains quickly and latency
  cannot grow without bound.

``/health`` passes both, so that a monitor sees the service while it sheds load.
"""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

CLIENTS_REMEMBERED = 10_000
"""Client buckets kept at most; past these, buckets that have filled up again are dropped."""
UNGUARDED_PATHS = frozenset({"/health"})


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """Token buckets per client: ``rate`` a second, ``burst`` at most (see the module)."""

    def __init__(
        self, rate: float, burst: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._lock = threading.Lock()
        self._buckets: dict[str, _Bucket] = {}

    def wait(self, client: str) -> float:
        """Take a token for ``client``: 0 when it had one, else the seconds until it will."""
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= CLIENTS_REMEMBERED:
                    self._forget_full(now)
                bucket = self._buckets[client] = _Bucket(float(self.burst), now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.rate)
            bucket.updated = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / self.rate

    def _forget_full(self, now: float) -> None:
        """Drop the buckets that have filled up again: a new one is the same."""
        full_after = self.burst / self.rate
        for client in [c for c, b in self._buckets.items() if now - b.updated >= full_after]:
            del self._buckets[client]


class AdmissionControl:
    """WSGI middleware: the rate per client, then the bounded queue (see the module).

    ``waiting`` tells how many requests wait for a thread; ``limiter`` is ``None`` when there
    is no rate per client.
    """

    def __init__(
        self, app: WSGIApp, limiter: RateLimiter | None, waiting: Callable[[], int],
        max_queue: int,
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.waiting = waiting
        self.max_queue = max_queue

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("PATH_INFO") in UNGUARDED_PATHS:
            return self.app(environ, start_response)
        if self.limiter is not None:
            wait = self.limiter.wait(environ.get("REMOTE_ADDR", "-"))
            if wait > 0:
                seconds = math.ceil(wait)
                return _refuse(
                    start_response, 429, "Too Many Requests",
                    f"more than {self.limiter.rate:g} requests a second from this client;"
                    f" retry in {seconds} s", seconds,
                )
        waiting = self.waiting()
        if waiting > self.max_queue:
            return _refuse(
                start_response, 503, "Service Unavailable",
                f"the service is busy ({waiting} requests waiting); retry in 1 s", 1,
            )
        return self.app(environ, start_response)


def _refuse(
    start_response: Callable[..., Any], status: int, title: str, message: str, retry_after: int
) -> list[bytes]:
    """An error in the service's JSON shape, with ``Retry-After``."""
    body = json.dumps({"error": {"status": status, "title": title, "message": message}})
    data = body.encode("utf-8")
    start_response(f"{status} {title}", [
        ("Content-Type", "application/json"), ("Content-Length", str(len(data))),
        ("Retry-After", str(retry_after)),
    ])
    return [data]
