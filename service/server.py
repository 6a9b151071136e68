"""Serving the application on waitress (a production WSGI server), loopback by default, behind
the admission guards (``admission``: a rate per client, a bounded queue).

Each request is logged as one line on the ``critmin.access`` logger, its target with control
characters escaped and cut at 2,000 characters (``error_log.loggable``)::

    127.0.0.1 "GET /sparql?query=ASK%7B%7D HTTP/1.1" 200 54 3ms
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from waitress.server import BaseWSGIServer, create_server
from waitress.task import ThreadedTaskDispatcher

from critmin.service.admission import AdmissionControl, RateLimiter
from critmin.service.error_log import loggable

access_log = logging.getLogger("critmin.access")
log = logging.getLogger("critmin.server")

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class AccessLog:
    """WSGI middleware writing one line per request to the ``critmin.access`` logger."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        started = time.monotonic()
        status: list[str] = []

        def recording_start_response(code: str, headers: list[Any], *args: Any) -> Any:
            status.append(code.split(" ", 1)[0])
            return start_response(code, headers, *args)

        body = self.app(environ, recording_start_response)
        return self._logged(environ, body, status, started)

    def _logged(
        self, environ: dict[str, Any], body: Iterable[bytes], status: list[str], started: float
    ) -> Iterator[bytes]:
        size = 0
        try:
            for chunk in body:
                size += len(chunk)
                yield chunk
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
            query = environ.get("QUERY_STRING")
            target = environ.get("PATH_INFO", "") + (f"?{query}" if query else "")
            elapsed_ms = round((time.monotonic() - started) * 1000)
            access_log.info(
                '%s "%s %s %s" %s %d %dms',
                environ.get("REMOTE_ADDR", "-"), loggable(environ.get("REQUEST_METHOD", "-"), 20),
                loggable(target), loggable(environ.get("SERVER_PROTOCOL", "-"), 20),
                status[0] if status else "-", size, elapsed_ms,
            )


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address or ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Admission:
    """How much load the server takes (``admission``): ``rate`` requests a second per client
    (0: no limit) with bursts of ``burst``; ``max_queue`` requests waiting for a thread."""

    rate: float = 0.0
    burst: int = 1
    max_queue: int = 256

    def limiter(self) -> RateLimiter | None:
        """The rate limiter these settings ask for, if any."""
        return RateLimiter(self.rate, self.burst) if self.rate > 0 else None


class RunningServer:
    """The application on a waitress server bound to ``host``:``port`` (0: a free port).

    ``localhost`` means 127.0.0.1 (one socket); :meth:`serve_forever` blocks; :meth:`stop`
    (from another thread) ends it.
    """

    def __init__(self, app: WSGIApp, host: str = "127.0.0.1", port: int = 8000,
                 threads: int = 4, limits: Admission | None = None) -> None:
        limits = limits or Admission()
        dispatcher = ThreadedTaskDispatcher()
        dispatcher.set_thread_count(threads)  # waitress starts the threads of its own only
        guarded = AdmissionControl(
            app, limits.limiter(), lambda: len(dispatcher.queue), limits.max_queue
        )
        server = create_server(
            AccessLog(guarded), host="127.0.0.1" if host == "localhost" else host, port=port,
            threads=threads, ident="critmin", _dispatcher=dispatcher,
            connection_limit=max(100, 2 * (limits.max_queue + threads)),
        )
        if not isinstance(server, BaseWSGIServer):  # several sockets: not from one host name
            server.close()
            raise OSError(f"{host} resolves to several addresses; give one address")
        self._server = server

    @property
    def url(self) -> str:
        """The base URL the server answers on, without a trailing slash."""
        host = str(self._server.effective_host)
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self._server.effective_port}"

    def serve_forever(self) -> None:
        """Answer requests until :meth:`stop`; then stop the worker threads."""
        try:
            self._server.run()
        finally:
            self._server.task_dispatcher.shutdown()

    def stop(self) -> None:
        """Close the listening socket and every connection; :meth:`serve_forever` returns."""
        self._server.trigger.pull_trigger(self._close_all)

    def _close_all(self) -> None:
        for dispatcher in list(self._server._map.values()):
            dispatcher.close()


def serve(app: WSGIApp, host: str = "127.0.0.1", port: int = 8000, threads: int = 4,
          limits: Admission | None = None) -> None:
    """Serve ``app`` until interrupted, logging the URL it answers on."""
    server = RunningServer(app, host, port, threads, limits)
    if not is_loopback(host):
        log.warning("listening on %s: the service is reachable from other machines", host)
    log.info("critmin serving on %s/ (SPARQL endpoint %s/sparql)", server.url, server.url)
    server.serve_forever()


def start_in_thread(app: WSGIApp, host: str = "127.0.0.1", port: int = 0,
                    threads: int = 4, limits: Admission | None = None
                    ) -> tuple[RunningServer, threading.Thread]:
    """A server running in a daemon thread (for tests and embedding); stop it with
    ``server.stop()`` then ``thread.join()``."""
    server = RunningServer(app, host, port, threads, limits)
    thread = threading.Thread(target=server.serve_forever, name="critmin-server", daemon=True)
    thread.start()
    return server, thread
