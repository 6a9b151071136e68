"""A real Oxigraph server (the ``oxigraph`` executable of the PyPI package) for the tests of the
remote store and of ``critmin push``: in memory, on a free loopback port, killed afterwards."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

START_SECONDS = 60.0
"""How long the server may take to answer its first request (generous: a busy 2-core box)."""


def oxigraph_executable() -> str | None:
    """The ``oxigraph`` executable beside this Python (its virtual environment), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=5):
            return True
    except (urllib.error.URLError, OSError):
        return False


@contextmanager
def running_oxigraph(*flags: str) -> Iterator[str]:
    """An in-memory Oxigraph server started with ``flags``; yields its base URL, under which
    ``/query`` is the SPARQL endpoint and ``/store`` the graph store. Skips the test where the
    ``oxigraph`` executable is not installed."""
    executable = oxigraph_executable()
    if executable is None:
        pytest.skip("the oxigraph executable is not installed (pip install oxigraph)")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    # Output to a file, not a pipe: a full pipe would stall the server.
    with tempfile.TemporaryFile() as log, subprocess.Popen(
        [executable, "serve", "--bind", f"127.0.0.1:{port}", *flags],
        stdout=log, stderr=subprocess.STDOUT,
    ) as process:
        try:
            deadline = time.monotonic() + START_SECONDS
            while not _answers(url):
                if process.poll() is not None:
                    log.seek(0)
                    output = log.read().decode("utf-8", "replace").strip()
                    pytest.fail(f"oxigraph serve exited with status {process.returncode}: "
                                f"{output}")
                if time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not answer within {START_SECONDS:g} s")
                time.sleep(0.2)
            yield url
        finally:
            process.kill()
            process.wait(timeout=30)
