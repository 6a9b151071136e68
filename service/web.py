"""The web form at ``/``: a SPARQL editor with prefixes preloaded, canned questions, results.

The page works in three layers: without JavaScript it is a plain form that submits to
/sparql; with JavaScript it runs queries in place (static/form.js); with CodeMirror installed
(`make assets`) the textarea becomes a highlighting editor. CodeMirror is served from
node_modules, never from a CDN, and left out of the page when it is not installed.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, render_template, request, send_from_directory

from critmin.graph.base.namespaces import CMR, PREFIXES
from critmin.service.assets import (
    CODEMIRROR_SCRIPTS,
    CODEMIRROR_STYLESHEETS,
    codemirror_dir,
    codemirror_installed,
)
from critmin.service.prefixes import SPARQL_PREFIXES

bp = Blueprint(
    "web",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/assets/web",
)

EXAMPLE_QUERY = f"""{SPARQL_PREFIXES}

# Agreements with their labels and dates
SELECT ?agreement ?label ?date WHERE {{
  ?agreement a cm:Agreement ;
             rdfs:label ?label .
  OPTIONAL {{ ?agreement cm:date ?date }}
}}
ORDER BY ?date ?label
LIMIT 100
"""


@bp.get("/")
def form() -> str:
    """The query form, holding the ``query`` parameter's text when a permalink gives one."""
    return render_template(
        "index.html",
        query=request.args.get("query") or EXAMPLE_QUERY,
        codemirror=codemirror_installed(current_app),
        codemirror_stylesheets=CODEMIRROR_STYLESHEETS,
        codemirror_scripts=CODEMIRROR_SCRIPTS,
        form_config={
            "publicBase": str(current_app.config.get("PUBLIC_BASE_IRI") or CMR),
            "resourcePath": f"{request.script_root}/id/",
            "sparqlPath": f"{request.script_root}/sparql",
            "queriesPath": f"{request.script_root}/api/queries",
            "prefixes": PREFIXES,
        },
    )


@bp.get("/assets/codemirror/<path:filename>")
def codemirror_asset(filename: str) -> Any:
    """One of the CodeMirror files the form loads, from the installed npm package."""
    if filename not in CODEMIRROR_STYLESHEETS + CODEMIRROR_SCRIPTS:
        abort(404)
    return send_from_directory(codemirror_dir(current_app), filename, max_age=86400)
