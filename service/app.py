"""The Flask application factory: configuration layered as defaults, environment, test config."""

from __future__ import annotations

from typing import Any

from flask import Flask

from critmin.service.store import Store

STORE_KEY = "critmin.store"


def create_app(store: Store, test_config: dict[str, Any] | None = None) -> Flask:
    """Build the critmin web application over ``store``."""
    app = Flask(__name__)
    app.config.from_mapping(PUBLIC_BASE_IRI="https://w3id.org/critmin/id/")
    app.config.from_prefixed_env("CRITMIN")
    if test_config:
        app.config.from_mapping(test_config)
    app.extensions[STORE_KEY] = store
    return app
