"""The Flask application factory.

Configuration is layered as in Flask's tutorial: :class:`Settings` defaults, then the
``CRITMIN_*`` environment (or a ``settings`` built by the caller, e.g. from CLI flags), then
``test_config``. The store and the settings live in ``app.extensions[STORE_KEY]`` and
``app.extensions[SETTINGS_KEY]``; ``app.config["PUBLIC_BASE_IRI"]`` mirrors the setting.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.metadata import version
from typing import Any

from flask import Flask, Response, current_app, jsonify

from critmin.service import (
    catalogue_api,
    dataset_pages,
    jsonld_context,
    resources,
    sparql_protocol,
    web,
)
from critmin.service.answer_cache import AnswerCache
from critmin.service.config import SETTINGS_KEY, STORE_KEY, Settings, settings_from_env
from critmin.service.errors import register_error_handlers
from critmin.service.http_caching import register_caching
from critmin.service.http_extensions import enable_compression, enable_cors
from critmin.service.store import Store, StoreError

MAX_REQUEST_BYTES = 1_000_000
STATIC_MAX_AGE = 3600
"""Seconds browsers may keep the form's own script and stylesheet (CodeMirror's: a day)."""


def _layered_settings(
    settings: Settings | None, test_config: Mapping[str, Any]
) -> tuple[Settings, dict[str, Any]]:
    """The settings with ``test_config``'s setting names applied, and the rest of it (Flask
    configuration keys such as ``TESTING``)."""
    base = settings or settings_from_env(os.environ)
    names = {name for name in Settings.__dataclass_fields__}
    overrides = {key: value for key, value in test_config.items() if key in names}
    flask_config = {key: value for key, value in test_config.items() if key not in names}
    return base.replace(overrides), flask_config


def _health() -> tuple[Response, int]:
    """``/health``: whether the store answers, and how much it holds: ``quads`` (triples counted
    per named graph) and ``triples`` (distinct triples of their union, the default graph)."""
    store: Store = current_app.extensions[STORE_KEY]
    critmin_version = version("critmin")
    try:
        stats = store.stats()
    except StoreError as error:
        body = {"status": "unavailable", "message": str(error), "version": critmin_version}
        return jsonify(body), 503
    body = {
        "status": "ok",
        "quads": stats.quads,
        "triples": stats.triples,
        "graphs": len(stats.graph_sizes),
        "version": critmin_version,
    }
    return jsonify(body), 200


def create_app(
    store: Store,
    test_config: Mapping[str, Any] | None = None,
    settings: Settings | None = None,
) -> Flask:
    """The critmin web application over ``store``.

    ``settings`` defaults to :class:`Settings` read from the environment; ``test_config`` keys
    named like a ``Settings`` field (``max_rows``...) override it, the others (``TESTING``,
    ``PUBLIC_BASE_IRI``...) go to ``app.config``. A bad setting raises ``SettingsError``.
    """
    settings, flask_config = _layered_settings(settings, test_config or {})
    app = Flask(__name__)
    app.config.from_mapping(
        PUBLIC_BASE_IRI=settings.public_base_iri,
        CORPUS_DIR=settings.corpus_dir,
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
        SEND_FILE_MAX_AGE_DEFAULT=STATIC_MAX_AGE,
    )
    app.config.from_mapping(flask_config)
    app.extensions[STORE_KEY] = store
    app.extensions[SETTINGS_KEY] = settings
    register_error_handlers(app)
    enable_compression(app)
    register_caching(app, store)  # after compression: its hook must run first
    enable_cors(app)
    app.wsgi_app = AnswerCache(app.wsgi_app, round(settings.answer_cache_mb * 2**20))  # type: ignore[method-assign]
    app.add_url_rule("/health", "health", _health)
    for blueprint in (
        sparql_protocol.bp, catalogue_api.bp, web.bp, resources.bp, dataset_pages.bp,
        jsonld_context.bp,
    ):
        app.register_blueprint(blueprint)
    return app

