"""The web form at ``/``: a SPARQL editor, canned questions, results; and the look-ups it makes.

The page works in layers: without JavaScript it is a plain form that submits to /sparql;
with JavaScript it runs queries in place (static/form.js), adds the standard prefixes a query
uses without declaring them, completes prefixes, terms and labels, offers pickers for
parameters, keeps a history and shows results as a sortable, paged table; with the npm assets
installed (`make assets`) the textarea becomes a highlighting editor (CodeMirror) and results
get timeline and graph views (vis-timeline, Cytoscape.js, loaded when a view is first opened).
The npm files are served from node_modules, never from a CDN, and each is left out of the page
when it is not installed.

The look-ups: ``/api/vocabulary`` (the classes and properties, ``vocabulary``) and
``/api/labels?q=TEXT&class=IRI&limit=N`` (resources by label, ``label_search``).
"""

from __future__ import annotations

import re
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    render_template,
    request,
    send_from_directory,
    url_for,
)
from flask.blueprints import BlueprintSetupState

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
from critmin.service.catalogue_api import app_catalogue
from critmin.service.config import STORE_KEY
from critmin.service.errors import ApiError
from critmin.service.label_search import LazyLabelIndex
from critmin.service.vocabulary import read_vocabulary

bp = Blueprint(
    "web",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/assets/web",
)

EXAMPLE_QUERY = """# Agreements with their labels and dates
SELECT ?agreement ?label ?date WHERE {
  ?agreement a cm:Agreement ;
             rdfs:label ?label .
  OPTIONAL { ?agreement cm:date ?date }
}
ORDER BY ?date ?label
LIMIT 100
"""
"""The editor's first query; the form adds the PREFIX lines of the prefixes it uses."""

LABEL_INDEX_KEY = "critmin.label_index"
"""Where an app's label index lives: ``current_app.extensions[LABEL_INDEX_KEY]``."""

MAX_LABEL_RESULTS = 100
MAX_LABEL_TEXT = 200
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


@bp.record_once
def _prepare_label_index(state: BlueprintSetupState) -> None:
    """Give the app a label index of its store, read on the first search."""
    state.app.extensions[LABEL_INDEX_KEY] = LazyLabelIndex(state.app.extensions[STORE_KEY])


@bp.get("/")
def form() -> tuple[str, int]:
    """The query form, holding the ``query`` parameter's text when a permalink gives one; a
    404 (with the form) when the ``question`` parameter names no canned question."""
    question = request.args.get("question")
    status = 404 if question is not None and question not in app_catalogue() else 200
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
            "labelsPath": f"{request.script_root}/api/labels",
            "vocabularyPath": f"{request.script_root}/api/vocabulary",
            "prefixes": PREFIXES,
            "views": {
                library.view: view_urls(library)
                for library in installed_view_libraries(current_app)
            },
        },
    ), status


@bp.get("/api/vocabulary")
def vocabulary() -> Response:
    """The classes and properties a query may use, with their labels."""
    return jsonify(read_vocabulary(current_app.extensions[STORE_KEY]).as_json())


@bp.get("/api/labels")
def labels() -> Response:
    """Resources whose label holds ``q`` (any case), best first: ``[{iri, label, type}]``;
    ``class`` keeps the members of a class, ``limit`` (1 to 100, default 20) caps the list.
    With ``iri`` instead: that resource with its name (an empty list when it has no label)."""
    index: LazyLabelIndex = current_app.extensions[LABEL_INDEX_KEY]
    if "iri" in request.args:
        described = index.get().describe(request.args["iri"])
        return jsonify([] if described is None else [described.as_json()])
    text = request.args.get("q", "")
    class_iri = request.args.get("class") or None
    limit_text = request.args.get("limit", "20")
    if len(text) > MAX_LABEL_TEXT:
        raise ApiError(400, "Bad Request", f"q: {MAX_LABEL_TEXT} characters at most")
    if class_iri is not None and not _IRI.fullmatch(class_iri):
        raise ApiError(400, "Bad Request", f"class: {class_iri!r} is not an absolute IRI")
    if not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_LABEL_RESULTS:
        raise ApiError(
            400, "Bad Request",
            f"limit: {limit_text!r} is not a number from 1 to {MAX_LABEL_RESULTS}",
        )
    matches = index.get().search(text, class_iri, int(limit_text))
    return jsonify([match.as_json() for match in matches])


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
