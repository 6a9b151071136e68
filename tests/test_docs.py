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


def readme_bullet(folder: str) -> str:
    """The README's bullet on ``folder`` (``graph/text/``), without the bullets nested in it."""
    lines = README.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"- `{folder}`"))
    indent = len(lines[start]) - len(lines[start].lstrip())
    bullet = [lines[start]]
    for line in lines[start + 1 :]:
        stripped = line.lstrip()
        if not stripped or stripped.startswith("- ") or len(line) - len(stripped) <= indent:
            break
        bullet.append(line)
    return "\n".join(bullet)


@pytest.mark.parametrize("folder", ["graph", "service"])
def test_every_module_is_named_in_the_readme_under_its_package(folder: str) -> None:
    root = Path(__file__).resolve().parents[1]
    for module in sorted((root / folder).rglob("*.py")):
        if module.stem != "__init__" and "node_modules" not in module.parts:
            package = module.parent.relative_to(root).as_posix() + "/"
            assert f"`{module.stem}`" in readme_bullet(package), (
                f"{module.relative_to(root)} is not in the README's bullet on {package}"
            )
