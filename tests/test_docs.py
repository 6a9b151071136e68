"""The README documents every command, flag, setting and canned question (Datasette's habit)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from critmin.service.catalogue import load_catalogue
from critmin.service.cli import build_parser
from critmin.service.config import ENV_PREFIX, Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def subcommands() -> dict[str, list[str]]:
    """Each critmin command with its long options."""
    parser = build_parser()
    action = next(a for a in parser._subparsers._group_actions if a.dest == "command")
    return {
        name: [
            option
            for arg in sub._actions
            for option in arg.option_strings
            if option.startswith("--") and option != "--help"
        ]
        for name, sub in action.choices.items()
    }


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_every_command_and_its_options_are_in_the_readme(command: str) -> None:
    assert f"`critmin {command}" in README
    usage = next(line for line in README.splitlines() if line.startswith(f"| `critmin {command}"))
    for option in subcommands()[command]:
        assert option in usage, f"{option} of critmin {command} is not in the README's table"


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(Settings)])
def test_every_setting_is_in_the_readme(field: str) -> None:
    assert f"`{ENV_PREFIX}{field.upper()}`" in README


def test_every_canned_query_is_in_the_readme() -> None:
    documented = set(re.findall(r"^\| `(\w+)` \|", README, flags=re.MULTILINE))
    assert set(load_catalogue()) <= documented


@pytest.mark.parametrize("folder", ["graph", "service"])
def test_every_module_is_named_in_the_readme(folder: str) -> None:
    modules = Path(__file__).resolve().parents[1] / folder
    for module in sorted(modules.glob("*.py")):
        if module.stem != "__init__":
            assert f"`{module.stem}`" in README, f"{folder}/{module.name} is not in the README"
