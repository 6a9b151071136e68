"""SHACL validation of critmin instance data against ontology/shapes.ttl (with pySHACL)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import RDF, Dataset, Graph, Namespace, Node

from critmin.graph.base.namespaces import bind_prefixes
from critmin.graph.owl.ontology import load_ontology, load_shapes

SH = Namespace("http://www.w3.org/ns/shacl#")
log = logging.getLogger("critmin.validation")


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, the path (None for a node-level constraint), the shape."""

    focus_node: Node
    result_path: Node | None
    source_shape: Node
    message: str


@dataclass(frozen=True)
class ValidationResult:
    """Whether the data conforms, pySHACL's text report, and the violations one by one."""

    conforms: bool
    text: str
    violations: tuple[Violation, ...]

    @property
    def violation_count(self) -> int:
        """How many SHACL results of severity sh:Violation the data has."""
        return len(self.violations)


def validate(data: Graph | Dataset) -> ValidationResult:
    """Validate ``data`` (for a Dataset: the union of all its graphs) against the shapes.

    The ontology is added to the data graph so that targets and ``sh:class`` follow its
    subclass hierarchy and its individuals (``cm:percent a cm:Unit``) are known. It is merged
    here rather than passed as pySHACL's ``ont_graph``: that mix-in copies classes and
    properties but not individuals, unless they are declared ``owl:NamedIndividual``, which it
    then deep-clones at a cost of a minute per run. No RDFS or OWL inference is run first, so
    a value must be typed by the data itself (reference entities, statements or a stored
    closure) rather than by a domain or range axiom that would make the check vacuous.
    """
    union = Graph()
    bind_prefixes(union)
    triples = (
        ((s, p, o) for s, p, o, _ in data.quads((None, None, None, None)))
        if isinstance(data, Dataset)
        else data.triples((None, None, None))
    )
    for triple in triples:
        union.add(triple)
    union += load_ontology()
    log.info("SHACL validation of %d triples...", len(union))
    started = time.process_time()
    conforms, report, text = shacl_validate(
        union,
        shacl_graph=load_shapes(),
        inference="none",
        advanced=False,
        allow_warnings=False,
    )
    violations = tuple(
        sorted(
            (
                Violation(
                    focus_node=report.value(result, SH.focusNode),
                    result_path=report.value(result, SH.resultPath),
                    source_shape=report.value(result, SH.sourceShape),
                    message=str(report.value(result, SH.resultMessage) or ""),
                )
                for result in report.subjects(RDF.type, SH.ValidationResult)
                if report.value(result, SH.resultSeverity) == SH.Violation
            ),
            key=lambda v: (str(v.source_shape), str(v.focus_node), str(v.result_path)),
        )
    )
    log.info("SHACL validation: %d violations, %.1f s CPU", len(violations),
             time.process_time() - started)
    return ValidationResult(conforms=bool(conforms), text=str(text), violations=violations)
