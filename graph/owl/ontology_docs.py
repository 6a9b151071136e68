"""Write the ontology's HTML documentation (ontology/critmin.html) with pyLODE, reproducibly.

Usage: ``python -m critmin.graph.owl.ontology_docs [--out FILE]`` (``make docs``). Two runs give
the same bytes: pyLODE walks sets of RDF terms, so the rendering runs with a fixed
``PYTHONHASHSEED`` on a copy of the ontology whose blank nodes have canonical labels; the
members of an intersection or union, which pyLODE collects in a set of HTML elements, are
put in the order of their HTML; and the schema.org JSON-LD it embeds is sorted. pyLODE does
not document individuals, so a section of its own lists the named individuals (supply-chain
stages, binding and control statuses, units) with their labels and definitions.
"""

from __future__ import annotations

import argparse
import html
import importlib
import json
import os
import re
import subprocess
import sys
import types
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any
from unittest import mock

from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef
from rdflib.compare import to_canonical_graph

from critmin.graph.base.namespaces import CM
from critmin.graph.owl.ontology import ONTOLOGY_HTML_FILE, load_ontology

HASH_SEED = "0"
INDIVIDUALS_ANCHOR = '<div id="namespaces">'
JSON_LD_SCRIPT = re.compile(
    r'(<script id="schema\.org" type="application/ld\+json">)(.*?)(</script>)', re.DOTALL
)


def render_html() -> str:
    """The HTML documentation of the ontology (stable only under ``PYTHONHASHSEED=0``)."""
    ontpub = _ontpub_class()
    pylode_utils = importlib.import_module("pylode.utils")
    with mock.patch.object(pylode_utils, "intersperse", _sorted_intersperse):
        page = ontpub(ontology=_documented_graph(), sort_subjects=True).make_html()
    page = page.replace(
        INDIVIDUALS_ANCHOR, individuals_section(load_ontology()) + INDIVIDUALS_ANCHOR, 1
    )
    return JSON_LD_SCRIPT.sub(_sorted_json_ld, page)


def individuals_section(ontology: Graph) -> str:
    """HTML listing the ontology's named individuals by class, each with its definition."""
    individuals = sorted(
        (_local_name(cls), _local_name(term), term)
        for term in ontology.subjects(RDF.type, OWL.NamedIndividual)
        if isinstance(term, URIRef) and term.startswith(str(CM))
        for cls in ontology.objects(term, RDF.type)
        if cls != OWL.NamedIndividual
    )
    entries = []
    for cls, name, term in individuals:
        broader = "".join(
            f' (narrower than <a href="#{_local_name(b)}">{_literal(ontology, b, RDFS.label)}</a>)'
            for b in sorted(ontology.objects(term, CM.narrowerStageOf))
        )
        entries.append(
            f'        <div class="entity" id="{html.escape(name)}">\n'
            f"          <h3>{_literal(ontology, term, RDFS.label)} <sup>ni</sup></h3>\n"
            f"          <p><code>{html.escape(str(term))}</code>, a "
            f'<a href="#{html.escape(cls)}">{html.escape(cls)}</a>{broader}</p>\n'
            f"          <p>{_literal(ontology, term, SKOS.definition)}</p>\n"
            "        </div>\n"
        )
    return (
        '<div class="section" id="individuals">\n        <h2>Named Individuals</h2>\n'
        + "".join(entries)
        + "      </div>\n      "
    )


def _local_name(term: URIRef) -> str:
    return str(term).removeprefix(str(CM))


def _literal(ontology: Graph, term: URIRef, predicate: URIRef) -> str:
    return html.escape(str(ontology.value(term, predicate) or ""))


def _sorted_intersperse(elements: Iterable[Any], separator: Any) -> list[Any]:
    """pyLODE's ``intersperse`` (used only for union and intersection members), sorted."""
    ordered = sorted(elements, key=lambda element: element.render())
    result = [separator] * (len(ordered) * 2 - 1)
    result[0::2] = ordered
    return result


def _documented_graph() -> Graph:
    """The ontology with canonical blank nodes, its concept scheme left out of the typing.

    pyLODE's OntPub takes every ``skos:ConceptScheme`` for the ontology itself and mixes its
    title into the page's metadata; the stages stay documented through their class.
    """
    ontology = load_ontology()
    for scheme in list(ontology.subjects(RDF.type, SKOS.ConceptScheme)):
        ontology.remove((scheme, RDF.type, SKOS.ConceptScheme))
    documented = Graph(bind_namespaces="core")
    for prefix, namespace in ontology.namespaces():
        documented.bind(prefix, namespace, override=True)
    for triple in sorted(to_canonical_graph(ontology)):
        documented.add(triple)
    return documented


def _sorted_json_ld(match: re.Match[str]) -> str:
    nodes = json.loads(match[2])
    if isinstance(nodes, list):
        nodes.sort(key=lambda node: json.dumps(node, sort_keys=True))
    return f"{match[1]}\n{json.dumps(nodes, indent=2, sort_keys=True)}\n\t{match[3]}"


def _ontpub_class() -> type:
    """pyLODE's OntPub class.

    pyLODE 3.4.1 reads its own version from a pyproject.toml that its wheel does not ship, so
    importing it fails (RDFLib/pyLODE#256, fixed after that release); the version module is
    then supplied from the installed package's metadata.
    """
    try:
        from pylode import OntPub
    except FileNotFoundError:
        version_module = types.ModuleType("pylode.version")
        version_module.__version__ = metadata.version("pylode")  # type: ignore[attr-defined]
        sys.modules["pylode.version"] = version_module
        from pylode import OntPub
    return OntPub


def write_html(out: Path) -> None:
    """Render the documentation into ``out`` (replaced whole, never half-written)."""
    html = render_html()
    partial = out.with_name(out.name + ".partial")
    partial.write_text(html, encoding="utf-8")
    partial.replace(out)


def main(argv: Sequence[str] | None = None) -> int:
    """Write the documentation, re-running under a fixed hash seed when needed."""
    parser = argparse.ArgumentParser(
        prog="python -m critmin.graph.owl.ontology_docs",
        description="Write the critmin ontology's HTML documentation with pyLODE.",
    )
    parser.add_argument("--out", type=Path, default=ONTOLOGY_HTML_FILE, help="HTML file")
    args = parser.parse_args(argv)
    if os.environ.get("PYTHONHASHSEED") != HASH_SEED:
        command = [sys.executable, "-m", "critmin.graph.owl.ontology_docs", "--out", str(args.out)]
        env = {**os.environ, "PYTHONHASHSEED": HASH_SEED}
        return subprocess.run(command, env=env, check=False).returncode
    write_html(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
