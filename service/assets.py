"""Where the web form's front-end assets are: CodeMirror 5, installed from npm into node_modules.

`make assets` runs `npm ci` in service/ (package.json and package-lock.json pin the version).
Nothing is ever loaded from a CDN. When the assets are absent (no npm at set-up), the form
leaves them out and works as a plain textarea.
"""

from __future__ import annotations

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
