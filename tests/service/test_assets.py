"""The npm assets: pinned in package.json and the lock, and the files the form loads present in
the installed packages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask

from critmin.service import assets
from critmin.service.assets import (
    CODEMIRROR_SCRIPTS,
    CODEMIRROR_STYLESHEETS,
    VIEW_LIBRARIES,
    installed_view_libraries,
    view_library,
)

SERVICE = Path(assets.__file__).resolve().parent
PACKAGE = json.loads((SERVICE / "package.json").read_text(encoding="utf-8"))
LOCK = json.loads((SERVICE / "package-lock.json").read_text(encoding="utf-8"))
FILES_BY_PACKAGE = {
    "codemirror": CODEMIRROR_STYLESHEETS + CODEMIRROR_SCRIPTS,
    **{library.package: library.files for library in VIEW_LIBRARIES},
}


def test_every_package_the_form_loads_is_pinned_to_one_version() -> None:
    pins = PACKAGE["dependencies"]
    assert set(pins) == set(FILES_BY_PACKAGE)
    for package, version in pins.items():
        assert version.count(".") == 2 and version.replace(".", "").isdigit(), package
        assert LOCK["packages"][f"node_modules/{package}"]["version"] == version
    assert LOCK["packages"][""]["dependencies"] == pins


def test_the_lock_installs_nothing_but_the_pinned_packages() -> None:
    installed = {name.removeprefix("node_modules/") for name in LOCK["packages"] if name}
    assert installed == set(PACKAGE["dependencies"])
    npmrc = (SERVICE / ".npmrc").read_text(encoding="utf-8").split()
    assert "legacy-peer-deps=true" in npmrc


def test_view_library_is_found_by_package_name() -> None:
    assert view_library("cytoscape") == VIEW_LIBRARIES[1]
    assert view_library("vis-timeline").view == "timeline"
    assert view_library("codemirror") is None


def test_only_view_libraries_with_every_file_count_as_installed(tmp_path: Path) -> None:
    app = Flask(__name__)
    app.config["NODE_MODULES_DIR"] = str(tmp_path)
    assert installed_view_libraries(app) == ()
    for library in VIEW_LIBRARIES:
        for name in library.files:
            path = tmp_path / library.package / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("/* stand-in */\n")
    assert installed_view_libraries(app) == VIEW_LIBRARIES
    (tmp_path / "vis-timeline" / VIEW_LIBRARIES[0].module).unlink()
    assert [library.view for library in installed_view_libraries(app)] == ["graph"]


@pytest.mark.parametrize("package", sorted(FILES_BY_PACKAGE))
def test_the_installed_package_is_the_pinned_one_and_holds_every_listed_file(
    package: str,
) -> None:
    folder = SERVICE / "node_modules" / package
    if not folder.is_dir():
        pytest.skip(f"{folder} not installed: run `make assets` (npm ci) to check it")
    installed = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    assert installed["version"] == PACKAGE["dependencies"][package]
    for name in FILES_BY_PACKAGE[package]:
        assert (folder / name).stat().st_size > 0, f"{name} is missing or empty"
