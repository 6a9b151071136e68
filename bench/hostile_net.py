"""What bench_hostile.py measures with: raw HTTP requests, loopback listeners that count
connections, and a sampler of a process tree's resident memory (from /proc, Linux)."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from hostile_inputs import FuzzRequest

BODY_KEPT = 4000
"""Bytes of each answer kept (enough for an error's message and request id)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Outcome:
    """An answer: its status (``None``: no answer, ``error`` says why), its seconds and the
    first bytes of its body."""

    status: int | None
    seconds: float
    body: bytes = b""
    error: str = ""


def send(port: int, request: FuzzRequest, timeout: float, keep: int | None = BODY_KEPT) -> Outcome:
    """``request`` sent on a new connection to 127.0.0.1:``port``, as it is (no encoding); the
    answer keeps ``keep`` bytes of its body (``None``: all)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    started = time.monotonic()
    try:
        connection.putrequest(request.method, request.target, skip_accept_encoding=True)
        for name, value in request.headers:
            connection.putheader(name, value)
        if request.body or request.method == "POST":
            connection.putheader("Content-Length", str(len(request.body)))
        connection.endheaders(request.body or None)
        response = connection.getresponse()
        body = response.read()
        return Outcome(response.status, time.monotonic() - started, body[:keep])
    except (OSError, http.client.HTTPException) as error:
        return Outcome(None, time.monotonic() - started, error=type(error).__name__)
    finally:
        connection.close()


def get(port: int, target: str, accept: str = "application/json", timeout: float = 120.0,
        keep: int | None = None) -> Outcome:
    """A GET of ``target`` (path and query string), keeping ``keep`` bytes of the body."""
    request = FuzzRequest("GET", "GET", target, (("Accept", accept),), b"", target)
    return send(port, request, timeout, keep)


class _Answer(BaseHTTPRequestHandler):
    """Answers every request with a 302 to the server's ``location``, or a 404 without one."""

    server: Listener

    def _answer(self) -> None:
        if self.server.location:
            self.send_response(302)
            self.send_header("Location", self.server.location)
        else:
            self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_HEAD = _answer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the connection count says what happened."""


class Listener(ThreadingHTTPServer):
    """An HTTP server on a free loopback port that counts the connections it accepts."""

    daemon_threads = True

    def __init__(self, location: str | None) -> None:
        super().__init__(("127.0.0.1", 0), _Answer)
        self.location = location
        self.connections = 0
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/sparql"

    def verify_request(self, request: object, client_address: object) -> bool:
        with self._lock:
            self.connections += 1
        return True

    @staticmethod
    @contextmanager
    def running(*listeners: Listener) -> Iterator[None]:
        """Serve ``listeners`` in background threads until the block ends."""
        threads = [threading.Thread(target=listener.serve_forever, daemon=True)
                   for listener in listeners]
        for thread in threads:
            thread.start()
        try:
            yield
        finally:
            for listener in listeners:
                listener.shutdown()
                listener.server_close()


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc/PID/task/*/children."""
    tree = [pid]
    for parent in tree:  # grows while it is walked
        for children in Path(f"/proc/{parent}/task").glob("*/children"):
            try:
                tree.extend(int(child) for child in children.read_text().split())
            except OSError:  # the task ended meanwhile
                continue
    return tree


def resident_kb(pid: int) -> int:
    """VmRSS of ``pid`` in kB (0 once it has ended)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class RssSampler:
    """The summed VmRSS (kB) of a process and its descendants, and the largest process's,
    sampled every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.5) -> None:
        self.pid = pid
        self.interval = interval
        self._samples: list[tuple[float, int, int]] = []  # time, sum, largest
        self._lock = threading.Lock()
        self._stop = threading.Event()

    def sample(self) -> int:
        """The tree's RSS now, recorded."""
        sizes = [resident_kb(pid) for pid in process_tree(self.pid)]
        with self._lock:
            self._samples.append((time.monotonic(), sum(sizes), max(sizes)))
        return sum(sizes)

    def processes(self) -> int:
        return len(process_tree(self.pid))

    def peak(self, since: float) -> tuple[int, int]:
        """The highest sum and the largest single process of the samples taken at or after
        monotonic time ``since``."""
        with self._lock:
            kept = [(total, largest) for at, total, largest in self._samples if at >= since]
        return max((total for total, _ in kept), default=0), max(
            (largest for _, largest in kept), default=0
        )

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    @classmethod
    @contextmanager
    def running(cls, pid: int, interval: float = 0.5) -> Iterator[RssSampler]:
        """A sampler of ``pid``'s tree, sampling until the block ends."""
        sampler = cls(pid, interval)
        thread = threading.Thread(target=sampler._run, daemon=True)
        thread.start()
        try:
            yield sampler
        finally:
            sampler._stop.set()
            thread.join()
