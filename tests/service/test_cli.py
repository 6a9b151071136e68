"""The critmin command line: help, version and one-line errors."""

import subprocess
import sys

import pytest

from critmin.service.cli import main

COMMANDS = {
    "build": "turn a folder of texts into a dataset file",
    "add": "add texts to a dataset built by critmin build",
    "validate": "check a dataset against the SHACL shapes",
    "query": "run a canned query or a .rq file offline",
    "serve": "serve the SPARQL endpoint and web form",
    "push": "upload a dataset file to a SPARQL store, graph by graph",
}


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    listed = {
        words[0]: " ".join(words[1:])
        for words in (line.split() for line in capsys.readouterr().out.splitlines())
        if words and words[0] in COMMANDS
    }
    assert listed == COMMANDS


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert f"usage: critmin {command}" in capsys.readouterr().out


def test_console_script_reports_its_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "critmin.service.cli", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == "critmin 0.1.0"


def test_unknown_command_exits_non_zero(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "critmin: error: argument COMMAND: invalid choice: 'frobnicate' "
        "(choose from 'build', 'add', 'validate', 'query', 'evaluate', 'serve', 'push')"
    )
