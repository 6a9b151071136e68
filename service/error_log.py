"""The log of the service's own failures: each distinct error's traceback once, then one line.

A 500 means critmin failed, not the client. Its answer names a request id; the log line with
that id says what failed. The first time an error of one kind happens (its type and the place
it was raised), its traceback is logged, cut to its innermost frames; each later one logs a
single line with the count, so a client repeating a failing request cannot flood the log.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
import uuid

from critmin.service.query_process import QueryFailed

log = logging.getLogger("critmin.errors")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

TRACEBACK_FRAMES = 30
"""Frames of a traceback logged, the innermost ones."""
KINDS_REMEMBERED = 1000
"""Distinct kinds of error counted; past these, each new kind logs its traceback too."""


def loggable(text: str, limit: int = 2000) -> str:
    """``text`` safe for a log line: control characters escaped (a request cannot forge a
    line with CR LF), cut to ``limit`` characters with the length said."""
    escaped = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
    if len(escaped) <= limit:
        return escaped
    return f"{escaped[:limit]}...({len(escaped):,} characters)"


def _kind(error: BaseException) -> str:
    """What makes two errors the same: type and innermost frame (or first line of details)."""
    if isinstance(error, QueryFailed):
        return f"QueryFailed: {error}"
    frames = traceback.extract_tb(error.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    return f"{type(error).__name__} at {where}"


def _details(error: BaseException) -> str:
    """The traceback to log: the worker's for a failed query, else the error's own, cut."""
    if isinstance(error, QueryFailed) and error.details:
        return "\n".join(error.details.splitlines()[-2 * TRACEBACK_FRAMES:])
    lines = traceback.format_exception(error, limit=-TRACEBACK_FRAMES)
    return "".join(lines).rstrip()


class ErrorLog:
    """Counts the service's failures by kind and logs them (see the module docstring)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}

    def report(self, error: BaseException, where: str) -> str:
        """Log ``error`` raised while answering ``where``; the request id that names it."""
        request_id = uuid.uuid4().hex[:12]
        where = loggable(where, 300)
        kind = loggable(_kind(error), 300)
        with self._lock:
            count = self._counts.get(kind, 0) + 1
            if kind in self._counts or len(self._counts) < KINDS_REMEMBERED:
                self._counts[kind] = count
        if count == 1:
            log.error("request %s failed on %s: %s\n%s", request_id, where, kind, _details(error))
        else:
            log.error(
                "request %s failed on %s: %s (%d times so far; the traceback was logged the first"
                " time)", request_id, where, kind, count,
            )
        return request_id
