"""Find the resources a user means by a label, a prefixed name or an IRI.

Analysts name things by label ("processing", "United States", "cerium"), not by IRI. A label
matches a resource's ``rdfs:label``, ``skos:prefLabel`` or ``skos:altLabel`` in the dataset,
compared case-insensitively with runs of white space as one space. These are plain functions
over a :class:`~critmin.service.store.Store`, for the command line and the web form alike; the
text a user gives is bound as a typed term, never pasted into a query.
"""

from __future__ import annotations

import re

from rdflib import Literal, URIRef

from critmin.graph.base.namespaces import PREFIXES
from critmin.service.store import Store

_LABELLED = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?thing WHERE {
  VALUES ?property { rdfs:label skos:prefLabel skos:altLabel }
  ?thing ?property ?label .
  FILTER(isIRI(?thing) && LCASE(STR(?label)) = ?wanted)
  %s
} ORDER BY ?thing
"""
_OF_CLASS = "?thing a ?class ."
_SHARES_A_TYPE = "ASK { ?thing a ?type . ?example a ?type }"

_PREFIXED_NAME = re.compile(r"([A-Za-z][\w.-]*)?:([^\s<>\"{}|\\^`]*)")
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


def resolve_label(store: Store, text: str, class_iri: URIRef | None = None) -> list[URIRef]:
    """The IRIs of the resources labelled ``text`` (of class ``class_iri`` if given), in IRI
    order; empty when none is."""
    wanted = " ".join(text.split()).lower()
    if not wanted:
        return []
    bindings = {"wanted": Literal(wanted)}
    if class_iri is not None:
        bindings["class"] = class_iri
    sparql = _LABELLED % (_OF_CLASS if class_iri is not None else "")
    return [URIRef(row["thing"]) for row in store.query(sparql, bindings)]


def expand_name(text: str) -> URIRef | None:
    """``text`` as an IRI when it is one: ``<IRI>``, a prefixed name with a critmin prefix
    (``cm:processing``) or an absolute IRI (``https://...``); else ``None`` (a label)."""
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    prefixed = _PREFIXED_NAME.fullmatch(text)
    if prefixed and (prefixed.group(1) or "") in PREFIXES:
        return URIRef(PREFIXES[prefixed.group(1) or ""] + prefixed.group(2))
    return URIRef(text) if _ABSOLUTE_IRI.fullmatch(text) else None


def resolve_iri(store: Store, text: str, class_iri: URIRef | None = None) -> list[URIRef]:
    """What ``text`` names: the IRI it writes (:func:`expand_name`), else the resources it
    is a label of (:func:`resolve_label`)."""
    iri = expand_name(text)
    return [iri] if iri is not None else resolve_label(store, text, class_iri)


def of_same_kind(store: Store, candidates: list[URIRef], example: URIRef) -> list[URIRef]:
    """The ``candidates`` that share an ``rdf:type`` with ``example`` (to choose, among
    resources of one label, the one of the kind a parameter expects)."""
    return [
        candidate for candidate in candidates
        if store.query(_SHARES_A_TYPE, {"thing": candidate, "example": example}).askAnswer
    ]
