"""Linked Data pages: every IRI under the public base at /id/<rest>, and the ontology at /ontology.

People get HTML; machines get Turtle, JSON-LD, N-Triples or RDF/XML by content negotiation
(``Accept``) or by extension (``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``; ``.html`` for the page),
and a 406 when ``Accept`` names none of them (``negotiation``). The data comes only from SPARQL
queries through the store, with the IRI bound as a typed term.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

from flask import Blueprint, Response, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue
from pyoxigraph import NamedNode
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from critmin.graph.base.namespaces import CM, CMR, bind_prefixes
from critmin.graph.owl.justification import Schema, Triple, why_id
from critmin.graph.owl.justify import read_schema
from critmin.service.config import STORE_KEY
from critmin.service.corpus_text import CorpusFolder, Sentence, sentence_around
from critmin.service.errors import error_response
from critmin.service.negotiation import (
    HTML,
    RDF_REPRESENTATIONS,
    Representation,
    link_alternates,
    negotiate,
    split_extension,
    with_extension,
)
from critmin.service.prefixes import prefixed_name
from critmin.service.resource_description import (
    Description,
    Evidence,
    describe,
    describe_as_graph,
    document_file,
)
from critmin.service.sparql_formats import TURTLE, ResultFormat, content_type, serialize_graph
from critmin.service.store import Store

bp = Blueprint("resources", __name__, template_folder="templates")

SCHEMA_KEY = "critmin.justification-schema"
"""Where the app keeps the ontology's axioms that justifications use (see :func:`schema`)."""


def _is_iri(text: str) -> bool:
    """Whether ``text`` is an IRI (RFC 3987, as Oxigraph reads one): a path that makes anything
    else (a stray ``%``, a control character, U+FFFD from bytes that were not UTF-8) names no
    resource."""
    try:
        NamedNode(text)
    except ValueError:
        return False
    return True


def public_base() -> str:
    """The public base IRI of minted resources (setting ``PUBLIC_BASE_IRI``)."""
    return str(current_app.config.get("PUBLIC_BASE_IRI") or CMR)


def _chosen(extension_choice: Representation | None) -> Representation:
    """The representation an extension chose, else the one ``Accept`` prefers (or a 406)."""
    return extension_choice or negotiate(request.accept_mimetypes)


def _rdf_response(graph: Graph, fmt: ResultFormat) -> Response:
    """``graph`` written in graph format ``fmt``."""
    return Response(serialize_graph(graph, fmt), content_type=content_type(fmt.media_types[0]))


@bp.get("/id/<path:rest>")
def resource(rest: str) -> ResponseReturnValue:
    """A resource's page (HTML) or description (RDF) by ``Accept`` or extension."""
    rest, extension_choice = split_extension(rest)
    chosen = _chosen(extension_choice)

    def url_of(rep: Representation) -> str:
        return url_for("resources.resource", rest=f"{rest}.{rep.extension}")

    iri_text = public_base() + rest
    if not _is_iri(iri_text):
        return not_found(f"no resource {iri_text!r}", chosen.media_type)
    iri = URIRef(iri_text)
    store: Store = current_app.extensions[STORE_KEY]
    if chosen.graph_format is None:
        description = describe(store, iri, schema(store))
        if description is None:
            return not_found(f"no resource <{iri}>", chosen.media_type)
        alternates = [(rep.graph_format, url_of(rep)) for rep in RDF_REPRESENTATIONS]
        response = Response(
            render_template(
                "resource.html",
                description=description,
                evidence=_evidence_with_sentences(store, description),
                alternates=alternates,
                query_href=query_about(iri),
            ),
            mimetype=HTML,
        )
    else:
        graph = describe_as_graph(store, iri, schema(store))
        if not len(graph):
            return not_found(f"no resource <{iri}>", chosen.media_type)
        response = _rdf_response(graph, chosen.graph_format)
    return link_alternates(response, chosen, url_of, negotiated=extension_choice is None)


def schema(store: Store) -> Schema:
    """The axioms that justify inferred facts, read from ``store`` once per app: they change
    only with the dataset (restart the service after loading another ontology into a remote
    store)."""
    cached = current_app.extensions.get(SCHEMA_KEY)
    if cached is None or cached[0] is not store:
        cached = current_app.extensions[SCHEMA_KEY] = (store, read_schema(store))
    return cached[1]


@bp.get("/ontology")
@bp.get("/ontology.<extension>")
def ontology(extension: str | None = None) -> ResponseReturnValue:
    """The ontology's documentation (HTML) or, by extension or content negotiation, its
    Turtle (the file as generated) or the same triples in another RDF format."""
    extension_choice = None if extension is None else with_extension(extension)
    if extension is not None and extension_choice is None:
        return error_response(404, "Not Found", f"the ontology has no .{extension} format")
    chosen = _chosen(extension_choice)
    path = ontology_dir() / ("critmin.html" if chosen.media_type == HTML else "critmin.ttl")
    if not path.is_file():
        return not_found(f"the ontology file {path.name} has not been generated", chosen.media_type)
    if chosen.graph_format is None:
        page = with_way_back(path.read_bytes())
        response = Response(page, content_type=content_type(chosen.media_type))
    elif chosen.graph_format is TURTLE:
        response = Response(path.read_bytes(), content_type=content_type(chosen.media_type))
    else:
        graph = Graph()
        bind_prefixes(graph)
        response = _rdf_response(graph.parse(path, format="turtle"), chosen.graph_format)

    def url_of(rep: Representation) -> str:
        return url_for("resources.ontology", extension=rep.extension)

    return link_alternates(response, chosen, url_of, negotiated=extension_choice is None)


def with_way_back(page: bytes) -> bytes:
    """The ontology's generated documentation with a bar of links back to the service (the
    form, the endpoint) after its ``<body>`` tag: the file itself is standalone."""
    bar = render_template("ontology_nav.html").encode("utf-8")
    return page.replace(b"<body>", b"<body>\n" + bar, 1)


def query_about(iri: URIRef) -> str:
    """The form's URL holding a query of what the graph says about ``iri``."""
    query = (
        f"# What the graph says about <{iri}>\n"
        f"SELECT ?property ?value WHERE {{\n  <{iri}> ?property ?value\n}}\n"
        "ORDER BY ?property ?value\n"
    )
    return url_for("web.form") + "?" + urlencode({"query": query})


def ontology_dir() -> Path:
    """The folder of critmin.ttl and critmin.html (setting ``ONTOLOGY_DIR``)."""
    configured = current_app.config.get("ONTOLOGY_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[1] / "ontology"


def not_found(message: str, media: str) -> ResponseReturnValue:
    """A 404: an HTML page for browsers, the JSON error shape for everyone else."""
    if media == HTML:
        return render_template("not_found.html", message=message), 404
    return error_response(404, "Not Found", message)


def _evidence_with_sentences(
    store: Store, description: Description
) -> list[tuple[Evidence, Sentence | None]]:
    """Each evidence span with its whole sentence, where the corpus folder holds its text."""
    configured = current_app.config.get("CORPUS_DIR")
    corpus = CorpusFolder(Path(configured)) if configured else None
    texts: dict[URIRef, str | None] = {}
    paired: list[tuple[Evidence, Sentence | None]] = []
    for span in description.evidence:
        sentence = None
        if corpus and span.begin is not None and span.end is not None:
            if span.document not in texts:
                sha256, file_name = document_file(store, span.document)
                texts[span.document] = corpus.text(sha256, file_name) if sha256 else None
            text = texts[span.document]
            if text is not None:
                sentence = sentence_around(text, span.begin, span.end, span.anchor)
        paired.append((span, sentence))
    return paired


@bp.app_template_global()
def term_href(term: Identifier) -> str | None:
    """Where a term links: local pages for IRIs under the public base, else the IRI itself."""
    if not isinstance(term, URIRef):
        return None
    text, base = str(term), public_base()
    if text.startswith(base) and len(text) > len(base):
        return url_for("resources.resource", rest=text[len(base) :].split("#", 1)[0]) + (
            "#" + text.split("#", 1)[1] if "#" in text else ""
        )
    if text.startswith(str(CM)):
        return url_for("resources.ontology") + "#" + text[len(str(CM)) :]
    return text if text.startswith(("http://", "https://")) else None


bp.add_app_template_global(why_id)


@bp.app_template_global()
def why_href(triple: Triple, iri: URIRef) -> str | None:
    """Where the justification of an inferred ``triple`` is: on this page when it is about
    ``iri``, else on the page of its subject or object, whichever has one."""
    if iri in (triple[0], triple[2]):
        return "#" + why_id(triple)
    for term in (triple[0], triple[2]):
        href = term_href(term)
        if href and href.startswith(request.script_root + "/id/"):
            return href.split("#", 1)[0] + "#" + why_id(triple)
    return None


@bp.app_template_global()
def term_name(term: Identifier) -> str:
    """A term written compactly: a prefixed name for IRIs, the lexical form for literals."""
    if isinstance(term, BNode):
        return f"_:{term}"
    return (prefixed_name(term) if isinstance(term, URIRef) else None) or str(term)


@bp.app_template_global()
def is_literal(term: Identifier) -> bool:
    """Whether ``term`` is a literal (templates show it as text, never as a link)."""
    return isinstance(term, Literal)


@bp.app_template_global()
def is_term(part: object) -> bool:
    """Whether ``part`` of an axiom as shown is an RDF term (else it is a word or symbol)."""
    return isinstance(part, Identifier)


@bp.app_template_global()
def literal_note(term: Identifier) -> str | None:
    """A literal's language tag or (non-string) datatype, written compactly."""
    if not isinstance(term, Literal):
        return None
    if term.language:
        return f"@{term.language}"
    if term.datatype and term.datatype != XSD.string:
        return term_name(term.datatype)
    return None


@bp.app_template_global()
def wikidata_href(term: Identifier) -> str | None:
    """The Wikidata page of a QID literal (``cm:wikidataId``)."""
    text = str(term)
    return f"https://www.wikidata.org/wiki/{text}" if re.fullmatch(r"Q[1-9]\d*", text) else None


@bp.app_template_global()
def fragment_of(term: Identifier, iri: URIRef) -> str | None:
    """The fragment id of ``term`` when it is ``iri#fragment`` (spans of a document)."""
    text = str(term)
    prefix = f"{iri}#"
    return text[len(prefix) :] if text.startswith(prefix) else None
