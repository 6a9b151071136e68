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

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue
from rdflib import Graph, URIRef

from critmin.graph.base.namespaces import ONTOLOGY_IRI, bind_prefixes
from critmin.service import resources
from critmin.service.config import STORE_KEY
from critmin.service.dataset_facts import DatasetFacts, FactsCache
from critmin.service.negotiation import (
    HTML,
    JSON,
    RDF_REPRESENTATIONS,
    REPRESENTATIONS,
    Representation,
    link_alternates,
    negotiate,
    rdf_representation,
    split_extension,
)
from critmin.service.sparql_formats import (
    TRIG,
    ResultFormat,
    content_type,
    serialize_graph,
    with_stable_blank_nodes,
)
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

GRAPH_REPRESENTATIONS = (*REPRESENTATIONS, rdf_representation("trig", TRIG))
"""What a named graph is served as: the resource pages' representations, and TriG."""

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
    chosen = negotiate(request.accept_mimetypes, RDF_REPRESENTATIONS)
    facts = dataset_facts()
    links = ServiceLinks(
        dataset=dataset_iri(),
        uri_space=resources.public_base(),
        endpoint=URIRef(url_for("sparql.sparql_endpoint", _external=True)),
        landing_page=URIRef(url_for("web.form", _external=True)),
        dumps={name: URIRef(url) for name in facts.stats.graph_sizes
               if (url := _graph_url(name, "trig", external=True))},
    )
    graph = with_stable_blank_nodes(void_description(facts, links))
    response = Response(
        serialize_graph(graph, chosen.graph_format), content_type=content_type(chosen.media_type)
    )
    response.vary.add("Accept")
    return response


@bp.get("/id/dataset")
def dataset() -> ResponseReturnValue:
    """The dataset's IRI: 303 to its description in RDF, or to its landing page (the form) for
    a client that names HTML and prefers it."""
    accept = request.accept_mimetypes
    offered = [HTML, *(media for rep in RDF_REPRESENTATIONS for media in rep.accepted_as)]
    wants_page = HTML in accept.values() and accept.best_match(offered) == HTML
    response = redirect(url_for("web.form" if wants_page else ".void"), 303)
    response.vary.add("Accept")
    return response


@bp.get("/id/graph/<path:rest>")
def named_graph(rest: str) -> ResponseReturnValue:
    """A named graph's page, or its triples by ``Accept`` or extension (see the module)."""
    names = {str(name): name for name in dataset_facts().stats.graph_sizes}
    prefix = resources.public_base() + "graph/"
    stem, by_extension = split_extension(rest, GRAPH_REPRESENTATIONS)
    name = names.get(prefix + stem) if by_extension else names.get(prefix + rest)
    if name is None:
        return resources.resource(f"graph/{rest}")
    chosen = by_extension or negotiate(request.accept_mimetypes, GRAPH_REPRESENTATIONS)
    if chosen.graph_format is None:
        response = _graph_page(name)
    else:
        response = _graph_triples(name, chosen.graph_format)

    def url_of(rep: Representation) -> str:
        return _graph_url(name, rep.extension) or ""

    return link_alternates(
        response, chosen, url_of, negotiated=by_extension is None, offered=GRAPH_REPRESENTATIONS
    )


@bp.get("/ontology/<path:version>")
def ontology_version(version: str) -> ResponseReturnValue:
    """An ontology version IRI the dataset holds: 303 to the ontology."""
    iri = f"{ONTOLOGY_IRI}/{version}"
    if iri not in {str(known) for known in dataset_facts().ontology_versions}:
        media = request.accept_mimetypes.best_match([HTML, JSON], default=JSON)
        return resources.not_found(f"no ontology version <{iri}>", media)
    return redirect(url_for("resources.ontology"), 303)


def _graph_url(name: URIRef, extension: str | None, external: bool = False) -> str | None:
    """The local URL of graph ``name`` (with ``extension``, naming a representation), if it is
    under the public base."""
    prefix = resources.public_base() + "graph/"
    if not str(name).startswith(prefix):
        return None
    rest = str(name)[len(prefix):] + (f".{extension}" if extension else "")
    return url_for(".named_graph", rest=rest, _external=external)


def _graph_triples(name: URIRef, fmt: ResultFormat) -> Response:
    """The triples of graph ``name`` in ``fmt`` (TriG names the graph)."""
    store: Store = current_app.extensions[STORE_KEY]
    graph = Graph(identifier=name)
    bind_prefixes(graph)
    for triple in store.query(GRAPH_QUERY, {"g": name}):
        graph.add(triple)  # type: ignore[arg-type]
    return Response(serialize_graph(graph, fmt), content_type=content_type(fmt.media_types[0]))


def _graph_page(name: URIRef) -> Response:
    """The HTML page of graph ``name``: title, size, source, kinds of resource, downloads."""
    store: Store = current_app.extensions[STORE_KEY]
    facts = dataset_facts()
    classes = [(row["class"], int(row.n)) for row in store.query(GRAPH_CLASSES_QUERY, {"g": name})]
    query = f"SELECT ?s ?p ?o WHERE {{\n  GRAPH <{name}> {{ ?s ?p ?o }}\n}}\nLIMIT 100\n"
    downloads = [
        (rep.graph_format, _graph_url(name, rep.extension))
        for rep in GRAPH_REPRESENTATIONS if rep.graph_format is not None
    ]
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
        mimetype=HTML,
    )
