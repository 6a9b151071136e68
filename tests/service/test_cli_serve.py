"""`critmin serve --help`: every flag with its default and variable, and the settings that
only a CRITMIN_* variable sets."""

from __future__ import annotations

import dataclasses

import pytest

from critmin.service.cli import main
from critmin.service.cli_serve import ENVIRONMENT_ONLY, environment_help, flagged_settings
from critmin.service.config import Settings


def test_every_setting_has_a_flag_or_a_line_in_the_help() -> None:
    names = {field.name for field in dataclasses.fields(Settings)}
    assert set(ENVIRONMENT_ONLY) == names - flagged_settings()


def test_the_epilog_gives_each_variable_its_default_and_meaning() -> None:
    assert environment_help() == (
        "settings only in the environment:\n"
        "  CRITMIN_PUBLIC_BASE_IRI (default https://w3id.org/critmin/id/)\n"
        "      base IRI of the resources the pages describe\n"
        "  CRITMIN_FEDERATION_ALLOWLIST (default none)\n"
        "      SPARQL endpoints a query may name in SERVICE or FROM, separated by\n"
        "      spaces or commas\n"
        "  CRITMIN_RATE_LIMIT (default 300)\n"
        "      requests a second per client address on average (0: no limit)\n"
        "  CRITMIN_RATE_BURST (default 600)\n"
        "      requests a client may send at once\n"
        "  CRITMIN_MAX_QUEUE (default 256)\n"
        "      requests waiting for a serving thread; past them 503 at once\n"
        "  CRITMIN_ANSWER_CACHE_MB (default 64)\n"
        "      megabytes of answers kept and replayed while their Cache-Control allows\n"
        "      (0: none)\n"
        "  CRITMIN_MAX_QUERY_CHARS (default 100000)\n"
        "      characters of query text at most\n"
        "  CRITMIN_MAX_QUERY_DEPTH (default 20)\n"
        "      levels of nested brackets in a query at most"
    )


def test_serve_help_ends_with_the_environment_settings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.endswith("\n\n" + environment_help() + "\n")
    assert "--query-timeout QUERY_TIMEOUT\n" in out
    assert "seconds per query, 0 for none (default 30; CRITMIN_QUERY_TIMEOUT)" in out
    assert (
        "  --data DATA           dataset file (default build/critmin.trig; CRITMIN_DATA_FILE)\n"
    ) in out
