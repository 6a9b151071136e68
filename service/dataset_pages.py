"""Linked Data about the dataset itself: its VoID description, its named graphs, the ontology's
version IRIs.

- ``/.well-known/void``: the VoID and DCAT description (``void_description``), Turtle unless
  ``Accept`` asks for another RDF format of the resource pages; ``/id/dataset`` (the dataset's
  IRI) answers 303 to it.
- ``/id/graph/...``: a named graph's IRI. People get a page (what it holds, its size, its
  downloads, a query over it); machines get its triples as TriG (with the graph's name) or in
  the formats of the resource pages, by ``Accept`` or extension (``.trig``, ``.ttl``...). A
  path that names no graph falls back to the resource pages.
- ``/ontology/<version>``: an ``owl:versionIRI`` of the ontology the dataset holds answers 303
  to ``/ontology``.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, redirect, render_template, url_for
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue
from rdflib import Graph, URIRef

from critmin.graph.base.namespaces import ONTOLOGY_IRI, bind_prefixes
from critmin.service import resources
from critmin.service.config import STORE_KEY
from critmin.service.dataset_facts import DatasetFacts, FactsCache
from critmin.service.sparql_formats import TRIG, ResultFormat, serialize_graph
from critmin.service.store import Store
from critmin.service.void_description import (
    ServiceLinks,
    document_of,
    graph_title,
    void_description,
)

bp = Blueprint("dataset", __name__, template_folder="templates")

FACTS_KEY = "critmin.dataset_facts"
"""Where the app keeps its :class:`FactsCache` (``current_app.extensions``)."""

GRAPH_FORMATS = (TRIG, *resources.RDF_FORMATS)
"""What a named graph's triples are served as: TriG, then the resource pages' formats."""

GRAPH_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"

GRAPH_CLASSES_QUERY = """SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?class } }
GROUP BY ?class ORDER BY DESC(?n) ?class LIMIT 12"""
"""The kinds of resource a graph types most often, with how many of each."""


@bp.record_once
def _add_facts_cache(state: BlueprintSetupState) -> None:
    state.app.extensions[FACTS_KEY] = FactsCache()


def dataset_facts() -> DatasetFacts:
    """The app's dataset facts, read once."""
    cache: FactsCache = current_app.extensions[FACTS_KEY]
    return cache.get(current_app.extensions[STORE_KEY], resources.public_base())


def dataset_iri() -> URIRef:
    """The IRI of the dataset as a whole: ``dataset`` under the public base."""
    return URIRef(resources.public_base() + "dataset")


@bp.get("/.well-known/void")
def void() -> ResponseReturnValue:
    """The dataset's VoID and DCAT description (Turtle unless ``Accept`` asks otherwise)."""
    offered = [fmt.media_types[0] for fmt in resources.RDF_FORMATS]
    media = resources.negotiate(offered)
    fmt = next(fmt for fmt in resources.RDF_FORMATS if fmt.media_types[0] == media)
    facts = dataset_facts()
    links = ServiceLinks(
        dataset=dataset_iri(),
        uri_space=resources.public_base(),
        endpoint=URIRef(url_for("sparql.sparql_endpoint", _external=True)),
        landing_page=URIRef(url_for("web.form", _external=True)),
        dumps={name: URIRef(url) for name in facts.stats.graph_sizes
               if (url := _graph_url(name, TRIG, external=True))},
    )
    response = Response(serialize_graph(void_description(facts, links), fmt), mimetype=media)
    response.vary.add("Accept")
    return response


@bp.get("/id/dataset")
def dataset() -> ResponseReturnValue:
    """The dataset's IRI: 303 to its description."""
    return redirect(url_for(".void"), 303)


@bp.get("/id/graph/<path:rest>")
def named_graph(rest: str) -> ResponseReturnValue:
    """A named graph's page, or its triples by ``Accept`` or extension (see the module)."""
    names = {str(name): name for name in dataset_facts().stats.graph_sizes}
    prefix = resources.public_base() + "graph/"
    stem, _, extension = rest.rpartition(".")
    by_extension = next((fmt for fmt in GRAPH_FORMATS if fmt.name == extension), None)
    if by_extension and prefix + stem in names:
        return _graph_triples(names[prefix + stem], by_extension)
    name = names.get(prefix + rest)
    if name is None:
        return resources.resource(f"graph/{rest}")
    media = resources.negotiate(
        [resources.HTML, *(fmt.media_types[0] for fmt in GRAPH_FORMATS)]
    )
    if media == resources.HTML:
        response = _graph_page(name)
    else:
        response = _graph_triples(name, next(
            fmt for fmt in GRAPH_FORMATS if fmt.media_types[0] == media
        ))
    response.vary.add("Accept")
    return response


@bp.get("/ontology/<path:version>")
def ontology_version(version: str) -> ResponseReturnValue:
    """An ontology version IRI the dataset holds: 303 to the ontology."""
    iri = f"{ONTOLOGY_IRI}/{version}"
    if iri not in {str(known) for known in dataset_facts().ontology_versions}:
        media = resources.negotiate([resources.HTML, resources.JSON])
        return resources.not_found(f"no ontology version <{iri}>", media)
    return redirect(url_for("resources.ontology"), 303)


def _graph_url(name: URIRef, fmt: ResultFormat | None, external: bool = False) -> str | None:
    """The local URL of graph ``name`` (in format ``fmt``, by extension), if it is under the
    public base."""
    prefix = resources.public_base() + "graph/"
    if not str(name).startswith(prefix):
        return None
    rest = str(name)[len(prefix):] + (f".{fmt.name}" if fmt else "")
    return url_for(".named_graph", rest=rest, _external=external)


def _graph_triples(name: URIRef, fmt: ResultFormat) -> Response:
    """The triples of graph ``name`` in ``fmt`` (TriG names the graph)."""
    store: Store = current_app.extensions[STORE_KEY]
    graph = Graph(identifier=name)
    bind_prefixes(graph)
    for triple in store.query(GRAPH_QUERY, {"g": name}):
        graph.add(triple)  # type: ignore[arg-type]
    return Response(serialize_graph(graph, fmt), mimetype=fmt.media_types[0])


def _graph_page(name: URIRef) -> Response:
    """The HTML page of graph ``name``: title, size, source, kinds of resource, downloads."""
    store: Store = current_app.extensions[STORE_KEY]
    facts = dataset_facts()
    classes = [(row["class"], int(row.n)) for row in store.query(GRAPH_CLASSES_QUERY, {"g": name})]
    query = f"SELECT ?s ?p ?o WHERE {{\n  GRAPH <{name}> {{ ?s ?p ?o }}\n}}\nLIMIT 100\n"
    downloads = [(fmt, _graph_url(name, fmt)) for fmt in GRAPH_FORMATS]
    return Response(
        render_template(
            "named_graph.html",
            name=name,
            title=graph_title(name, facts),
            size=facts.stats.graph_sizes.get(name, 0),
            document=document_of(name, facts),
            classes=classes,
            downloads=downloads,
            query_href=url_for("web.form") + "?" + urlencode({"query": query}),
        ),
        mimetype=resources.HTML,
    )
