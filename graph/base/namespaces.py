"""The IRIs critmin mints and the standard vocabularies it reuses (see ontology/MODEL.md)."""

import re

from rdflib import Namespace, URIRef

CM = Namespace("https://w3id.org/critmin/ontology#")
CMR = Namespace("https://w3id.org/critmin/id/")
ONTOLOGY_IRI = URIRef("https://w3id.org/critmin/ontology")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
"""Characters an IRI may not hold: one of them would end an IRI written between ``<`` and
``>`` in Turtle, TriG or SPARQL, and let the rest read as syntax."""

ONTOLOGY_GRAPH = CMR["graph/ontology"]
REFERENCE_GRAPH = CMR["graph/reference"]
CURATION_GRAPH = CMR["graph/curation"]
INFERRED_GRAPH = CMR["graph/inferred"]


def document_graph(sha16: str) -> URIRef:
    """The named graph that holds the facts one source document states."""
    return CMR[f"graph/doc/{sha16}"]


def document_iri(sha16: str) -> URIRef:
    """The IRI of a source document, from the first 16 hex digits of its text's sha256."""
    return CMR[f"doc/{sha16}"]


def span_iri(sha16: str, begin: int, end: int) -> URIRef:
    """The IRI of a span of a document's text (RFC 5147 character offsets, as NIF uses)."""
    return URIRef(f"{document_iri(sha16)}#char={begin},{end}")


def bind_prefixes(graph) -> None:
    """Bind the prefixes critmin serialises with, so that files read the same everywhere."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


PREFIXES: dict[str, str] = {
    "cm": str(CM),
    "cmr": str(CMR),
    "nif": str(NIF),
    "schema": str(SCHEMA),
    "wd": str(WD),
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}
