"""The web form at ``/``: a SPARQL editor with prefixes preloaded, canned questions, results.

The page works in layers: without JavaScript it is a plain form that submits to /sparql;
with JavaScript it runs queries in place (static/form.js) and shows results as a sortable,
paged table; with the npm assets installed (`make assets`) the textarea becomes a highlighting
editor (CodeMirror) and results get timeline and graph views (vis-timeline, Cytoscape.js,
loaded when a view is first opened). The npm files are served from node_modules, never from a
CDN, and each is left out of the page when it is not installed.
"""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    render_template,
    request,
    send_from_directory,
    url_for,
)

from critmin.graph.base.namespaces import CMR, PREFIXES
from critmin.service.assets import (
    CODEMIRROR_SCRIPTS,
    CODEMIRROR_STYLESHEETS,
    ViewLibrary,
    codemirror_dir,
    codemirror_installed,
    installed_view_libraries,
    node_modules_dir,
    view_library,
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
            "views": {
                library.view: view_urls(library)
                for library in installed_view_libraries(current_app)
            },
        },
    )


def view_urls(library: ViewLibrary) -> dict[str, Any]:
    """The URLs of a view library's module and stylesheets, for the form's script."""

    def url(name: str) -> str:
        return url_for("web.view_asset", package=library.package, filename=name)

    return {
        "module": url(library.module),
        "stylesheets": [url(name) for name in library.stylesheets],
    }


@bp.get("/assets/codemirror/<path:filename>")
def codemirror_asset(filename: str) -> Any:
    """One of the CodeMirror files the form loads, from the installed npm package."""
    if filename not in CODEMIRROR_STYLESHEETS + CODEMIRROR_SCRIPTS:
        abort(404)
    return send_from_directory(codemirror_dir(current_app), filename, max_age=86400)


@bp.get("/assets/npm/<package>/<path:filename>")
def view_asset(package: str, filename: str) -> Any:
    """One of the files a result view loads, from its installed npm package."""
    library = view_library(package)
    if library is None or filename not in library.files:
        abort(404)
    return send_from_directory(node_modules_dir(current_app) / package, filename, max_age=86400)
