"""ETags, conditional GET and ``Cache-Control`` for every answer that is a function of the dataset.

The routes under :data:`DATASET_PATHS` (resource pages in every format, the ontology, ``/sparql``,
the canned queries, ``/.well-known/...``, the JSON-LD context) answer the same bytes for the
same request as long as the dataset is the same. Their ``GET``/``HEAD`` 200s get a strong ETag,
the sha256 of the dataset's fingerprint, the URL, the ``Accept`` header and the body; an
``If-None-Match`` that names it gets a 304 without the body (werkzeug's ``make_conditional``),
and ``Cache-Control: public, max-age=300`` lets caches keep them five minutes. Errors are
``no-store``.

The hook must run before flask-compress's (register it after ``Compress``: Flask runs
``after_request`` functions last registered first): flask-compress then appends the encoding
to the ETag (``"...:gzip"``, so each encoding has its own validator) and answers the
conditional request of a compressed response itself.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from importlib.metadata import version
from typing import Any

from flask import Flask, Response, current_app, request

from critmin.service.store import Store, StoreError

FINGERPRINT_KEY = "critmin.dataset_fingerprint"

DATASET_PATHS = ("/id/", "/ontology", "/sparql", "/api/queries", "/.well-known/", "/context.jsonld")
"""Path prefixes of the routes whose answers are a function of the dataset (and the code)."""

DATASET_MAX_AGE = 300
"""Seconds a cache may keep a dataset-derived answer without asking again."""


class DatasetFingerprint:
    """A digest that differs between datasets: critmin's version, the number of triples and
    the size of every named graph, read from the store once, when first needed (a remote store
    may be down when the app starts)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @functools.cached_property
    def value(self) -> str:
        """The digest (hex); StoreError while the store cannot say what it holds."""
        stats = self._store.stats()
        sizes = sorted((str(name), size) for name, size in stats.graph_sizes.items())
        text = f"{version('critmin')}\n{stats.triples}\n{sizes}"
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def request_target(environ: Mapping[str, Any]) -> tuple[str, ...]:
    """The request's scheme, host, script, path and query string, as the server received
    them: what tells two requests for different URLs apart (werkzeug's ``request.url`` builds
    the same from them at 0.3 ms a request)."""
    return tuple(
        environ.get(name, "")
        for name in ("wsgi.url_scheme", "HTTP_HOST", "SCRIPT_NAME", "PATH_INFO", "QUERY_STRING")
    )


def _entity_tag(fingerprint: str, body: bytes) -> str:
    """The ETag of ``body`` answered to the current request over a dataset with
    ``fingerprint``."""
    digest = hashlib.sha256()
    accept = request.headers.get("Accept", "")
    for part in (fingerprint, *request_target(request.environ), accept):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(body)
    return digest.hexdigest()[:40]


def _validate(response: Response) -> Response:
    """Add the ETag, ``Cache-Control`` and a 304 to dataset-derived answers; ``no-store`` to
    errors."""
    if response.status_code >= 400:
        response.cache_control.no_store = True
        return response
    if (
        request.method not in ("GET", "HEAD")
        or response.status_code != 200
        or response.is_streamed
        or not request.path.startswith(DATASET_PATHS)
    ):
        return response
    fingerprint: DatasetFingerprint = current_app.extensions[FINGERPRINT_KEY]
    try:
        tag = _entity_tag(fingerprint.value, response.get_data())
    except StoreError:
        return response
    response.set_etag(tag)
    response.cache_control.public = True
    response.cache_control.max_age = DATASET_MAX_AGE
    return response.make_conditional(request)


def register_caching(app: Flask, store: Store) -> None:
    """Validate and mark cacheable the dataset-derived answers of ``app`` over ``store``."""
    app.extensions[FINGERPRINT_KEY] = DatasetFingerprint(store)
    app.after_request(_validate)
