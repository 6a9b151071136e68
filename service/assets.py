"""Where the web form's front-end assets are: npm packages installed into node_modules.

CodeMirror 5 is the editor; vis-timeline and Cytoscape.js draw the timeline and graph result
views. `make assets` runs `npm ci` in service/ (package.json and package-lock.json pin the
versions). Nothing is ever loaded from a CDN. When an asset is absent (no npm at set-up), the
form leaves out what needs it: a plain textarea for the editor, the table alone for results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Flask

NODE_MODULES_KEY = "NODE_MODULES_DIR"

# The CodeMirror files the form loads, in order (paths inside the codemirror package).
CODEMIRROR_STYLESHEETS = ("lib/codemirror.css", "addon/hint/show-hint.css")
CODEMIRROR_SCRIPTS = (
    "lib/codemirror.js",
    "mode/sparql/sparql.js",
    "addon/edit/matchbrackets.js",
    "addon/hint/show-hint.js",
)


def node_modules_dir(app: Flask) -> Path:
    """The app's ``NODE_MODULES_DIR`` setting, else service/node_modules."""
    configured = app.config.get(NODE_MODULES_KEY)
    return Path(configured) if configured else Path(__file__).resolve().parent / "node_modules"


def codemirror_dir(app: Flask) -> Path:
    """The installed codemirror package folder (which may not exist)."""
    return node_modules_dir(app) / "codemirror"


def codemirror_installed(app: Flask) -> bool:
    """Whether every CodeMirror file the form loads is installed."""
    folder = codemirror_dir(app)
    return all((folder / name).is_file() for name in CODEMIRROR_STYLESHEETS + CODEMIRROR_SCRIPTS)


@dataclass(frozen=True)
class ViewLibrary:
    """The npm package a result view draws with: its ES module build and its stylesheets
    (paths inside the package), which are the only files of it served."""

    view: str
    package: str
    module: str
    stylesheets: tuple[str, ...] = ()

    @property
    def files(self) -> tuple[str, ...]:
        """Every file of the package the form may load."""
        return (self.module, *self.stylesheets)


# The result views' libraries: standalone ES module builds, which need no bundler.
VIEW_LIBRARIES = (
    ViewLibrary(
        "timeline",
        "vis-timeline",
        "standalone/esm/vis-timeline-graph2d.min.js",
        ("styles/vis-timeline-graph2d.min.css",),
    ),
    ViewLibrary("graph", "cytoscape", "dist/cytoscape.esm.min.mjs"),
)


def view_library(package: str) -> ViewLibrary | None:
    """The view library of npm package ``package``, if the form uses one."""
    return next((library for library in VIEW_LIBRARIES if library.package == package), None)


def installed_view_libraries(app: Flask) -> tuple[ViewLibrary, ...]:
    """The view libraries whose every file is installed."""
    folder = node_modules_dir(app)
    return tuple(
        library
        for library in VIEW_LIBRARIES
        if all((folder / library.package / name).is_file() for name in library.files)
    )
