"""Serving on waitress: the access log, loopback by default, `critmin serve` end to end."""

from __future__ import annotations

import json
import logging
import os
import re
import selectors
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.test import Client

from critmin.service.cli import main
from critmin.service.server import AccessLog, Admission, is_loopback, start_in_thread

STARTUP_SECONDS = 60
SERVING_LINE = re.compile(r"critmin serving on (http://127\.0\.0\.1:\d+)/ ")


def test_access_log_writes_one_line_per_request(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(AccessLog(app))
    with caplog.at_level(logging.INFO, logger="critmin.access"):
        response = client.get("/health?probe=1", environ_base={"REMOTE_ADDR": "127.0.0.9"})
        size = len(response.get_data())
        response.close()
    assert [record.name for record in caplog.records] == ["critmin.access"]
    assert re.fullmatch(
        rf'127\.0\.0\.9 "GET /health\?probe=1 HTTP/1\.1" 200 {size} \d+ms',
        caplog.records[0].getMessage(),
    )


def test_the_access_log_escapes_control_characters_and_cuts_long_targets(
    app: Flask, caplog: pytest.LogCaptureFixture
) -> None:
    client = Client(AccessLog(app))
    with caplog.at_level(logging.INFO, logger="critmin.access"):
        client.get("/id/x%0D%0AX-Forged:%201").close()
        client.get("/sparql", query_string={"query": "ASK {}" + " " * 5000}).close()
    forged, long = (record.getMessage() for record in caplog.records)
    assert '"GET /id/x\\x0d\\x0aX-Forged: 1 HTTP/1.1" 404' in forged
    assert "\n" not in forged
    assert "...(5,0" in long and len(long) < 2200


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("::", False), ("192.0.2.1", False), ("example.org", False)],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.server
def test_live_server_answers_and_stops(app: Flask) -> None:
    server, thread = start_in_thread(app, port=0)
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.url)
    with urllib.request.urlopen(f"{server.url}/health") as response:
        assert response.headers["Server"] == "critmin"
        assert json.load(response)["triples"] == 17
    server.stop()
    thread.join(timeout=10)
    assert not thread.is_alive()


def test_the_live_server_limits_the_rate_per_client(app: Flask) -> None:
    server, thread = start_in_thread(app, port=0, limits=Admission(rate=0.01, burst=2))
    try:
        statuses = []
        for _ in range(3):
            try:
                with urllib.request.urlopen(f"{server.url}/api/queries") as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                retry_after = error.headers["Retry-After"]
        assert statuses == [200, 200, 429]
        assert retry_after == "100"
    finally:
        server.stop()
        thread.join(timeout=10)


def test_serve_with_a_missing_data_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--data", str(tmp_path / "absent.trig")]) == 2
    assert capsys.readouterr().err == (
        f"critmin serve: error: data file {tmp_path / 'absent.trig'} does not exist\n"
    )


def test_serve_with_an_unparsable_data_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.trig"
    path.write_text("<urn:g> { <urn:a> <urn:b> }\n")
    assert main(["serve", "--data", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"critmin serve: error: cannot parse {path} as trig: ")
    assert err.count("\n") == 1


def test_serve_with_a_bad_setting_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRITMIN_MAX_ROWS", "many")
    assert main(["serve"]) == 2
    assert capsys.readouterr().err == (
        "critmin serve: error: CRITMIN_MAX_ROWS must be a number, not 'many'\n"
    )


@pytest.mark.server
def test_critmin_serve_runs_waitress_on_loopback(sample_data_file: Path) -> None:
    environ = {key: value for key, value in os.environ.items() if not key.startswith("CRITMIN_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "critmin.service.cli", "serve", "--data", str(sample_data_file),
         "--port", "0"],
        stderr=subprocess.PIPE, text=True, env=environ,
    )
    try:
        url = _serving_url(process)
        with urllib.request.urlopen(f"{url}/health") as response:
            assert json.load(response) == {
                "status": "ok", "quads": 18, "triples": 17, "graphs": 3, "version": "0.1.0"
            }
    finally:
        process.terminate()
        process.wait(timeout=30)


def _serving_url(process: subprocess.Popen[str]) -> str:
    """The URL from the server's start-up log line (fails if it does not come)."""
    assert process.stderr is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stderr, selectors.EVENT_READ)
        seen: list[str] = []
        while selector.select(timeout=STARTUP_SECONDS):
            line = process.stderr.readline()
            if not line:
                break
            seen.append(line)
            match = SERVING_LINE.search(line)
            if match:
                return match.group(1)
    pytest.fail(f"critmin serve did not report its URL; its log: {''.join(seen)}")
