"""The JSON-LD context of critmin's answers, served at ``/context.jsonld``.

Every JSON-LD answer (``/id/...``, ``/ontology``, ``/sparql``) carries this context inline, so
that it reads without a second request and offline; the same context is published at a stable
URL for clients that write JSON-LD of their own, and JSON-LD answers name it in a ``Link``
header (``rel="http://www.w3.org/ns/json-ld#context"``; JSON-LD processors read that header
only on plain JSON, so it informs without changing how the answer is read).
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, url_for

from critmin.graph.base.namespaces import PREFIXES

JSONLD_MEDIA_TYPE = "application/ld+json"
CONTEXT_REL = "http://www.w3.org/ns/json-ld#context"

bp = Blueprint("jsonld_context", __name__)


def context_document() -> dict[str, dict[str, str]]:
    """The context as a JSON-LD document: every critmin prefix as a term."""
    return {"@context": dict(PREFIXES)}


def context_link() -> str:
    """The ``Link`` header value naming the published context."""
    return f'<{url_for("jsonld_context.context")}>; rel="{CONTEXT_REL}"; type="{JSONLD_MEDIA_TYPE}"'


@bp.get("/context.jsonld")
def context() -> Response:
    """The context document."""
    body = json.dumps(context_document(), indent=2, sort_keys=True) + "\n"
    return Response(body, mimetype=JSONLD_MEDIA_TYPE)
