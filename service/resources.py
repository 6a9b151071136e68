"""Linked Data pages: every IRI under the public base at /id/<rest>, and the ontology at /ontology.

People get HTML; machines get Turtle, JSON-LD or N-Triples by content negotiation (``Accept``)
or by extension (``.ttl``, ``.jsonld``, ``.nt``). The data comes only from SPARQL queries
through the store, with the IRI bound as a typed term.
"""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, Response, current_app, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from pyoxigraph import NamedNode
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from critmin.graph.base.namespaces import CM, CMR
from critmin.graph.owl.justification import Schema, Triple, why_id
from critmin.graph.owl.justify import read_schema
from critmin.service.config import STORE_KEY
from critmin.service.corpus_text import CorpusFolder, Sentence, sentence_around
from critmin.service.errors import error_response
from critmin.service.prefixes import prefixed_name
from critmin.service.resource_description import (
    Description,
    Evidence,
    describe,
    describe_as_graph,
    document_file,
)
from critmin.service.sparql_formats import (
    JSONLD,
    NTRIPLES,
    TURTLE,
    ResultFormat,
    preferred_media_type,
    serialize_graph,
)
from critmin.service.store import Store

bp = Blueprint("resources", __name__, template_folder="templates")

HTML = "text/html"
JSON = "application/json"
RDF_FORMATS = (TURTLE, JSONLD, NTRIPLES)
"""The descriptions served to machines; their names (ttl, jsonld, nt) are the URL extensions."""
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


def negotiate(offered: list[str]) -> str:
    """The offered media type the request's ``Accept`` prefers; the first (HTML) when it says
    nothing or accepts none of them.

    Where JSON-LD is offered, a client asking for plain JSON gets JSON-LD.
    """
    candidates = [*offered, JSON] if JSONLD.media_types[0] in offered else offered
    best = preferred_media_type(request.accept_mimetypes, candidates) or offered[0]
    return JSONLD.media_types[0] if best == JSON else best


def _rdf_format(media: str) -> ResultFormat:
    return next(fmt for fmt in RDF_FORMATS if fmt.media_types[0] == media)


@bp.get("/id/<path:rest>")
def resource(rest: str) -> ResponseReturnValue:
    """A resource's page (HTML) or description (RDF) by ``Accept`` or extension."""
    stem, _, extension = rest.rpartition(".")
    extension_format = next((fmt for fmt in RDF_FORMATS if stem and fmt.name == extension), None)
    if extension_format:
        rest, media = stem, extension_format.media_types[0]
    else:
        media = negotiate([HTML, *(fmt.media_types[0] for fmt in RDF_FORMATS)])
    iri_text = public_base() + rest
    if not _is_iri(iri_text):
        return not_found(f"no resource {iri_text!r}", media)
    iri = URIRef(iri_text)
    store: Store = current_app.extensions[STORE_KEY]
    if media == HTML:
        description = describe(store, iri, schema(store))
        if description is None:
            return not_found(f"no resource <{iri}>", media)
        alternates = [
            (fmt, url_for(".resource", rest=f"{rest}.{fmt.name}")) for fmt in RDF_FORMATS
        ]
        response = Response(
            render_template(
                "resource.html",
                description=description,
                evidence=_evidence_with_sentences(store, description),
                alternates=alternates,
            ),
            mimetype=HTML,
        )
    else:
        graph = describe_as_graph(store, iri, schema(store))
        if not len(graph):
            return not_found(f"no resource <{iri}>", media)
        response = Response(serialize_graph(graph, _rdf_format(media)), mimetype=media)
    if not extension_format:
        response.vary.add("Accept")
    return response


def schema(store: Store) -> Schema:
    """The axioms that justify inferred facts, read from ``store`` once per app: they change
    only with the dataset (restart the service after loading another ontology into a remote
    store)."""
    cached = current_app.extensions.get(SCHEMA_KEY)
    if cached is None or cached[0] is not store:
        cached = current_app.extensions[SCHEMA_KEY] = (store, read_schema(store))
    return cached[1]


@bp.get("/ontology")
def ontology() -> ResponseReturnValue:
    """The ontology's documentation (HTML) or, by content negotiation, its Turtle."""
    media = negotiate([HTML, TURTLE.media_types[0]])
    path = ontology_dir() / ("critmin.html" if media == HTML else "critmin.ttl")
    if not path.is_file():
        return not_found(f"the ontology file {path.name} has not been generated", media)
    response = send_file(path, mimetype=media)
    response.vary.add("Accept")
    return response


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
