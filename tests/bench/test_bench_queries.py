"""The canned-query benchmark's command line: its stores, and --clients 0 or a bad count."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from critmin.service.catalogue import load_catalogue

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "bench_queries.py"


def bench(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--repeat", "1", *arguments],
        capture_output=True, text=True, timeout=600, check=False,
    )


def timed_ids(output: str) -> list[str]:
    return [line.split(":")[0].strip() for line in output.splitlines() if ": median " in line]


def test_on_disk_by_default_and_clients_0_skips_http() -> None:
    done = bench("--clients", "0")
    assert done.returncode == 0, done.stderr
    assert "oxigraph on disk, 1 query worker(s), 30 s limit" in done.stdout
    assert timed_ids(done.stdout) == list(load_catalogue())
    assert f"median over the {len(load_catalogue())} queries: " in done.stdout
    assert "HTTP" not in done.stdout


def test_in_memory_on_request() -> None:
    done = bench("--in-memory", "--clients", "0")
    assert done.returncode == 0, done.stderr
    assert "oxigraph in memory" in done.stdout
    assert timed_ids(done.stdout) == list(load_catalogue())


def test_a_negative_client_count_is_refused_in_one_line() -> None:
    done = bench("--clients", "-1")
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1].endswith("argument --clients: -1 is less than 0")
