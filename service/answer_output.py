"""A query's answer as ``critmin query`` prints it, whatever its form, in the format asked for.

SELECT answers are tables (``table``, ``csv``, ``tsv``, SPARQL ``json``); an ASK answer is
``yes`` or ``no`` (``table``) or the SPARQL JSON boolean (``json``); CONSTRUCT and DESCRIBE
answers are graphs (``turtle``, ``nt``, ``json-ld`` with critmin's prefixes as its context,
RDF/XML as ``xml``), written with critmin's prefixes and in a stable order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Graph
from rdflib.query import Result

from critmin.graph.base.namespaces import PREFIXES, bind_prefixes
from critmin.service.oxigraph_terms import to_oxigraph
from critmin.service.results import to_sparql_json, write_result
from critmin.service.text_table import result_table

TABLE_FORMATS = ("table", "csv", "json", "tsv")
BOOLEAN_FORMATS = ("table", "json")
GRAPH_FORMATS = ("turtle", "nt", "json-ld", "xml")
FORMATS = (*TABLE_FORMATS, *GRAPH_FORMATS)
"""Every format name ``critmin query --format`` takes."""


class FormatMismatch(ValueError):
    """The format asked for cannot hold an answer of the query's form (the message says
    which formats can)."""


@dataclass(frozen=True)
class Output:
    """What to print, and whether table cells were cut to fit the width."""

    text: str
    cut: bool = False


def default_format(form: str) -> str:
    """``turtle`` for a graph answer (CONSTRUCT, DESCRIBE), else ``table``."""
    return "turtle" if form in ("CONSTRUCT", "DESCRIBE") else "table"


def write_answer(result: Result, format_name: str, width: int | None = None) -> Output:
    """``result`` in ``format_name`` (one of :data:`FORMATS`); a table fitted to ``width``
    characters (``None``: cells in full). FormatMismatch when the format does not suit."""
    if result.type == "SELECT":
        _require(format_name, TABLE_FORMATS, "a SELECT answer is a table")
        if format_name == "table":
            table = result_table(result, width)
            return Output(table.text, table.cut)
        return Output(write_result(result, format_name))
    if result.type == "ASK":
        _require(format_name, BOOLEAN_FORMATS, "an ASK answer is yes or no")
        if format_name == "json":
            return Output(to_sparql_json(result) + "\n")
        return Output("yes\n" if result.askAnswer else "no\n")
    _require(format_name, GRAPH_FORMATS, f"a {result.type} answer is a graph")
    return Output(graph_text(result.graph or Graph(), format_name))


def graph_text(graph: Graph, format_name: str) -> str:
    """The triples of ``graph`` in a graph format (one of :data:`GRAPH_FORMATS`) with
    critmin's prefixes, the same text for the same triples: rdflib writes Turtle (sorted),
    N-Triples (lines sorted here) and JSON-LD (its arrays and keys sorted here), Oxigraph
    RDF/XML (in the order of the sorted triples; rdflib's follows the hash order of terms)."""
    if format_name == "xml":
        triples = [ox.Triple(*map(to_oxigraph, triple)) for triple in sorted(graph)]
        return ox.serialize(triples, format=ox.RdfFormat.RDF_XML,
                            prefixes=dict(PREFIXES)).decode("utf-8").rstrip("\n") + "\n"
    prefixed = Graph()
    bind_prefixes(prefixed)
    for triple in graph:
        prefixed.add(triple)
    if format_name == "nt":
        lines = prefixed.serialize(format="nt").splitlines(keepends=True)
        return "".join(sorted(line for line in lines if line.strip()))
    if format_name == "json-ld":
        text = prefixed.serialize(format="json-ld", context=dict(PREFIXES), auto_compact=True)
        return json.dumps(_sorted_json(json.loads(text)), indent=2, sort_keys=True,
                          ensure_ascii=False) + "\n"
    return prefixed.serialize(format="turtle").rstrip("\n") + "\n"


def _sorted_json(value: object) -> object:
    """A JSON-LD value with its arrays sorted (node lists and sets of values alike), except
    ``@list`` arrays, whose order is data."""
    if isinstance(value, dict):
        return {
            key: item if key == "@list" else _sorted_json(item) for key, item in value.items()
        }
    if isinstance(value, list):
        items = [_sorted_json(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


def _require(format_name: str, suitable: tuple[str, ...], what: str) -> None:
    if format_name not in suitable:
        raise FormatMismatch(f"{what}: use --format {_listed(suitable)}, not {format_name}")


def _listed(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
