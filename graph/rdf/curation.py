"""Analyst corrections: triples to assert or retract, each with a reason, applied after merging.

A curation file is a YAML list; each entry holds ``assert`` or ``retract`` (a mapping of
``subject``, ``predicate`` and ``object``), a ``reason`` and optionally an ``author``::

    - assert:
        subject: cmr:agreement/some-framework-0123abcd
        predicate: cm:bindingStatus
        object: cm:binding
      reason: The signed text is binding.
      author: A. Analyst
    - retract:
        subject: cmr:agreement/some-framework-0123abcd
        predicate: cm:date
        object: {literal: "2025-10", datatype: xsd:gYearMonth}
      reason: The month is the announcement, not the signature.

Terms are full IRIs or CURIEs with critmin's prefixes; a literal object is a mapping with
``literal`` and at most one of ``datatype`` or ``language``. Assertions go to the curation
graph. Retractions remove the triple from every document graph. Both are recorded in the
curation graph as a ``cm:Correction`` (an ``rdf:Statement`` reifying the triple) with its
reason, author and, for retractions, the graphs the triple was removed from, so nothing is
lost silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rdflib import DCTERMS, RDF, RDFS, Graph, Literal, URIRef
from rdflib.term import Node

from critmin.graph.base.namespaces import CM, CURATION_GRAPH, PREFIXES, bind_prefixes
from critmin.graph.rdf.iris import correction_iri

ACTIONS = {"assert": CM.CuratedAssertion, "retract": CM.CuratedRetraction}
ENTRY_KEYS = {"reason", "author"}
TRIPLE_KEYS = {"subject", "predicate", "object"}


class CurationError(ValueError):
    """A curation file that cannot be read; the message names the file and the entry."""


@dataclass(frozen=True)
class Correction:
    """One analyst correction: assert or retract one triple, and why."""

    action: str
    subject: URIRef
    predicate: URIRef
    object: Node
    reason: str
    author: str | None = None


def read_curation(path: Path) -> list[Correction]:
    """The corrections in a curation file, in file order."""
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        problem = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise CurationError(f"{path}: cannot read curation file: {problem}") from error
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise CurationError(f"{path}: a curation file is a YAML list of corrections")
    corrections = []
    for number, entry in enumerate(entries, start=1):
        try:
            corrections.append(_correction(entry))
        except CurationError as error:
            raise CurationError(f"{path}: entry {number}: {error}") from None
    return corrections


def apply_curation(corrections: Sequence[Correction], documents: Sequence[Graph]) -> Graph:
    """Apply ``corrections`` to the document graphs in place; return the curation graph."""
    curation = Graph(identifier=CURATION_GRAPH)
    bind_prefixes(curation)
    for correction in corrections:
        triple = (correction.subject, correction.predicate, correction.object)
        node = correction_iri(correction.action, *triple)
        curation.add((node, RDF.type, CM.Correction))
        curation.add((node, RDF.type, ACTIONS[correction.action]))
        curation.add((node, RDF.type, RDF.Statement))
        curation.add((node, RDF.subject, correction.subject))
        curation.add((node, RDF.predicate, correction.predicate))
        curation.add((node, RDF.object, correction.object))
        curation.add((node, RDFS.comment, Literal(correction.reason)))
        if correction.author:
            curation.add((node, DCTERMS.creator, Literal(correction.author)))
        if correction.action == "assert":
            curation.add(triple)
            continue
        for document in documents:
            if triple in document:
                document.remove(triple)
                curation.add((node, CM.retractedFrom, document.identifier))
    return curation


def _correction(entry: Any) -> Correction:
    if not isinstance(entry, dict):
        raise CurationError("expected a mapping with 'assert' or 'retract' and a 'reason'")
    actions = [key for key in entry if key in ACTIONS]
    if len(actions) != 1:
        raise CurationError("needs exactly one of 'assert' or 'retract'")
    unknown = set(entry) - ENTRY_KEYS - set(ACTIONS)
    if unknown:
        raise CurationError(f"unknown keys: {', '.join(sorted(map(str, unknown)))}")
    reason, author = entry.get("reason"), entry.get("author")
    if not isinstance(reason, str) or not reason.strip():
        raise CurationError("needs a 'reason' (a non-empty string)")
    if author is not None and not isinstance(author, str):
        raise CurationError("'author' must be a string")
    action = actions[0]
    triple = entry[action]
    if not isinstance(triple, dict) or set(triple) != TRIPLE_KEYS:
        raise CurationError(f"'{action}' needs exactly 'subject', 'predicate' and 'object'")
    return Correction(
        action=action,
        subject=_iri(triple["subject"], "subject"),
        predicate=_iri(triple["predicate"], "predicate"),
        object=_object(triple["object"]),
        reason=reason.strip(),
        author=author,
    )


def _object(value: Any) -> Node:
    if isinstance(value, dict):
        if "literal" not in value or set(value) - {"literal", "datatype", "language"}:
            raise CurationError("write a literal as {literal: ..., datatype: ...}")
        if "datatype" in value and "language" in value:
            raise CurationError("a literal has a datatype or a language, not both")
        text = value["literal"]
        if not isinstance(text, str | int | float) or isinstance(text, bool):
            raise CurationError("a literal's value must be written as a string or a number")
        if "datatype" in value:
            return Literal(str(text), datatype=_iri(value["datatype"], "datatype"))
        return Literal(str(text), lang=value.get("language"))
    return _iri(value, "object")


def _iri(value: Any, role: str) -> URIRef:
    if not isinstance(value, str) or not value.strip():
        raise CurationError(f"the {role} must be an IRI or a CURIE such as cm:party")
    value = value.strip()
    if value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    prefix, colon, local = value.partition(":")
    if not colon or prefix not in PREFIXES:
        known = ", ".join(sorted(PREFIXES))
        raise CurationError(f"the {role} {value!r} is neither an IRI nor a CURIE ({known})")
    return URIRef(PREFIXES[prefix] + local)
