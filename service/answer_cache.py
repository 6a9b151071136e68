"""The service's own shared cache: the answers it tells other caches they may keep, it keeps.

Answers that are a function of the dataset carry ``Cache-Control: public, max-age=N`` and an
ETag (``http_caching``). :class:`AnswerCache`, a WSGI middleware around the Flask app, keeps
such answers to ``GET`` requests in memory for those N seconds, up to a total size, and answers
the same request again from memory: no route, no store, no query worker, no serialisation. It
adds ``Age`` to what it replays, as a shared HTTP cache does (RFC 9111).

"The same request" is the same path, query string, host and scheme, and the same ``Accept``,
``Accept-Encoding`` and ``Origin`` headers, the only ones the service's answers vary on; an
answer whose ``Vary`` names another header is not kept. Conditional and range requests,
requests with credentials and requests that ask for a fresh answer (``Cache-Control:
no-cache`` or ``no-store``, ``Pragma: no-cache``) go to the app. Errors, redirects and
streamed answers (no ``Content-Length``) are never kept, so a query stopped at the time limit
is asked again.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from critmin.service.http_caching import request_target

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

_KEY_HEADERS = ("HTTP_ACCEPT", "HTTP_ACCEPT_ENCODING", "HTTP_ORIGIN")
_VARY_HEADERS = frozenset({"accept", "accept-encoding", "origin"})
_BYPASS_HEADERS = (
    "HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_IF_UNMODIFIED_SINCE",
    "HTTP_IF_RANGE", "HTTP_RANGE", "HTTP_AUTHORIZATION",
)
_FRESH = re.compile(r"\bno-(?:cache|store)\b", re.IGNORECASE)
_ENTRY_SHARE = 8
"""One answer takes at most this fraction of the cache (1/8): a few large answers must not
push out every small one."""


@dataclass(frozen=True)
class _Entry:
    """One kept answer: what the app sent, and until when it may be replayed."""

    status: str
    headers: tuple[tuple[str, str], ...]
    body: bytes
    stored: float
    expires: float


class AnswerCache:
    """WSGI middleware keeping up to ``max_bytes`` of public answers (see the module)."""

    def __init__(
        self, app: WSGIApp, max_bytes: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self._clock = clock
        self._entries: OrderedDict[tuple[str, ...], _Entry] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if not self._cacheable_request(environ):
            return self.app(environ, start_response)
        key = _request_key(environ)
        entry = self._get(key)
        if entry is not None:
            age = str(int(self._clock() - entry.stored))
            start_response(entry.status, [*entry.headers, ("Age", age)])
            return [entry.body]
        sent: list[tuple[str, list[tuple[str, str]]]] = []

        def recording_start_response(status: str, headers: list[Any], *args: Any) -> Any:
            sent.append((status, headers))
            return start_response(status, headers, *args)

        body = self.app(environ, recording_start_response)
        lifetime = _lifetime(*sent[0]) if sent else None
        size = _content_length(sent[0][1]) if sent else None
        if lifetime is None or size is None or size * _ENTRY_SHARE > self.max_bytes:
            return body
        try:
            data = b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
        if len(data) == size:
            now = self._clock()
            status, headers = sent[0]
            self._put(key, _Entry(status, tuple(headers), data, now, now + lifetime))
        return [data]

    def _cacheable_request(self, environ: dict[str, Any]) -> bool:
        return (
            self.max_bytes > 0
            and environ.get("REQUEST_METHOD") == "GET"
            and not any(header in environ for header in _BYPASS_HEADERS)
            and not _FRESH.search(environ.get("HTTP_CACHE_CONTROL", ""))
            and "no-cache" not in environ.get("HTTP_PRAGMA", "").lower()
        )

    def _get(self, key: tuple[str, ...]) -> _Entry | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry.expires <= self._clock():
                self._drop(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def _put(self, key: tuple[str, ...], entry: _Entry) -> None:
        with self._lock:
            if key in self._entries:
                self._drop(key)
            self._entries[key] = entry
            self._size += len(entry.body)
            while self._size > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def _drop(self, key: tuple[str, ...]) -> None:
        self._size -= len(self._entries.pop(key).body)


def _request_key(environ: dict[str, Any]) -> tuple[str, ...]:
    """What identifies a request for the cache (see the module docstring)."""
    return (*request_target(environ), *(environ.get(header, "") for header in _KEY_HEADERS))


def _lifetime(status: str, headers: list[tuple[str, str]]) -> int | None:
    """Seconds the answer may be kept: its ``max-age`` when it is a public 200 whose ``Vary``
    names only headers of the key; ``None`` when it may not be kept."""
    if not status.startswith("200"):
        return None
    fields = {name.lower(): value for name, value in headers}
    directives = {
        part.strip().lower() for part in fields.get("cache-control", "").split(",")
    }
    if "public" not in directives or directives & {"no-store", "no-cache", "private"}:
        return None
    vary = {part.strip().lower() for part in fields.get("vary", "").split(",") if part.strip()}
    if not vary <= _VARY_HEADERS:
        return None
    ages = [d.removeprefix("max-age=") for d in directives if d.startswith("max-age=")]
    return int(ages[0]) if ages and ages[0].isdigit() and int(ages[0]) > 0 else None


def _content_length(headers: list[tuple[str, str]]) -> int | None:
    """The answer's ``Content-Length``, ``None`` when it has none (a streamed answer)."""
    for name, value in headers:
        if name.lower() == "content-length":
            return int(value) if value.isdigit() else None
    return None
