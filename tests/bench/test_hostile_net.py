"""The hostile-use benchmark's measuring tools: raw requests, counting listeners, RSS of a
process tree."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def net(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCH))  # the bench scripts import each other by name
    return importlib.import_module("hostile_net")


def test_listener_redirects_and_counts_connections(net: ModuleType):
    target = net.Listener(None)
    redirecting = net.Listener(target.url)
    with net.Listener.running(target, redirecting):
        port = redirecting.server_address[1]
        answer = net.get(port, "/sparql?query=ASK%7B%7D", timeout=60)
        missing = net.get(target.server_address[1], "/", timeout=60)
    assert answer.status == 302
    assert (missing.status, missing.body) == (404, b"")
    assert (redirecting.connections, target.connections) == (1, 1)


def test_send_reports_no_answer_from_a_closed_port(net: ModuleType):
    outcome = net.get(net.free_port(), "/health", timeout=60)
    assert (outcome.status, outcome.error) == (None, "ConnectionRefusedError")


def test_rss_sums_the_process_and_its_children(net: ModuleType):
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        assert child.pid in net.process_tree(os.getpid())
        alone = net.resident_kb(os.getpid())
        sampler = net.RssSampler(os.getpid())
        total = sampler.sample()
        assert alone > 0 and total > alone
        peak, largest = sampler.peak(0)
        assert peak == total and 0 < largest < total
    finally:
        child.kill()
        child.wait()
    assert net.resident_kb(child.pid) == 0
