"""Query answers read from the W3C result formats.

An answer is a :class:`Solutions` (SELECT), a ``bool`` (ASK) or an rdflib ``Graph``
(CONSTRUCT, DESCRIBE). Readers: SPARQL Results XML (``.srx``) and JSON (``.srj`` and the
endpoint's JSON), TSV, CSV and the suite's result sets in RDF (``rs:ResultSet``). The XML, JSON
and TSV readers keep literals' lexical forms as written (rdflib would normalise ``"01"`` to
``"1"``); graphs and ``rs:ResultSet`` files are parsed by rdflib. CSV cells are plain text, so
a CSV answer holds literals (and blank node labels) only.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.term import Identifier
from rdflib.util import guess_format

RS = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
SRX = "{http://www.w3.org/2005/sparql-results#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

Row = Mapping[str, Identifier]


@dataclass(frozen=True)
class Solutions:
    """A SELECT answer: its variables and its rows (a row omits the variables it leaves
    unbound)."""

    variables: frozenset[str]
    rows: tuple[Row, ...]


Answer = Solutions | bool | Graph


def _literal(text: str, datatype: str | None = None, lang: str | None = None) -> Literal:
    """A literal with ``text`` as its lexical form, exactly."""
    datatype_iri = URIRef(datatype) if datatype else None
    return Literal(text, lang=lang, datatype=datatype_iri, normalize=False)


# Results in XML, JSON, TSV and CSV.

def read_srx(data: bytes) -> Solutions | bool:
    """SPARQL 1.1 Query Results XML."""
    root = ET.fromstring(data)
    boolean = root.find(f"{SRX}boolean")
    if boolean is not None:
        return (boolean.text or "").strip() == "true"
    variables = frozenset(v.attrib["name"] for v in root.iter(f"{SRX}variable"))
    rows = []
    for result in root.iter(f"{SRX}result"):
        row = {}
        for binding in result.iter(f"{SRX}binding"):
            term = binding[0]
            kind = term.tag.removeprefix(SRX)
            text = term.text or ""
            if kind == "uri":
                row[binding.attrib["name"]] = URIRef(text.strip())
            elif kind == "bnode":
                row[binding.attrib["name"]] = BNode(text.strip())
            else:
                row[binding.attrib["name"]] = _literal(
                    text, term.attrib.get("datatype"), term.attrib.get(XML_LANG)
                )
        rows.append(row)
    return Solutions(variables, tuple(rows))


def _json_term(term: Mapping[str, str]) -> Identifier:
    if term["type"] == "uri":
        return URIRef(term["value"])
    if term["type"] == "bnode":
        return BNode(term["value"])
    return _literal(term["value"], term.get("datatype"), term.get("xml:lang"))


def read_srj(data: bytes) -> Solutions | bool:
    """SPARQL 1.1 Query Results JSON."""
    document = json.loads(data)
    if "boolean" in document:
        return bool(document["boolean"])
    rows = tuple(
        {name: _json_term(term) for name, term in binding.items()}
        for binding in document["results"]["bindings"]
    )
    return Solutions(frozenset(document["head"]["vars"]), rows)


_TSV_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'",
                "\\": "\\"}
_TSV_LITERAL = re.compile(r'"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$')
_TSV_NUMBER = (
    (re.compile(r"[+-]?\d+$"), XSD.integer),
    (re.compile(r"[+-]?\d*\.\d+$"), XSD.decimal),
    (re.compile(r"[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$"), XSD.double),
)


def _unescape(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        escape = match.group(1)
        if escape[0] in "uU":
            return chr(int(escape[1:], 16))
        return _TSV_ESCAPES[escape]

    return re.sub(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", replace, text)


def _tsv_term(cell: str) -> Identifier:
    """A TSV cell: a term in Turtle syntax (IRIs in full, numbers and booleans bare)."""
    if cell.startswith("<") and cell.endswith(">"):
        return URIRef(_unescape(cell[1:-1]))
    if cell.startswith("_:"):
        return BNode(cell[2:])
    literal = _TSV_LITERAL.match(cell)
    if literal:
        return _literal(_unescape(literal.group(1)), literal.group(3), literal.group(2))
    if cell in ("true", "false"):
        return _literal(cell, XSD.boolean)
    for pattern, datatype in _TSV_NUMBER:
        if pattern.match(cell):
            return _literal(cell, datatype)
    raise ValueError(f"not a term in TSV: {cell!r}")


def read_tsv(text: str) -> Solutions:
    """SPARQL 1.1 Query Results TSV (``?name`` headers, an empty cell for an unbound one)."""
    lines = text.rstrip("\r\n").split("\n") if text.strip() else []
    header = [name.removeprefix("?") for name in lines[0].rstrip("\r").split("\t")]
    rows = []
    for line in lines[1:]:
        cells = line.rstrip("\r").split("\t")
        rows.append({name: _tsv_term(cell) for name, cell in zip(header, cells, strict=True)
                     if cell})
    return Solutions(frozenset(header), tuple(rows))


def read_csv(text: str) -> Solutions:
    """SPARQL 1.1 Query Results CSV: every cell is text (a literal), ``_:`` a blank node
    label, an empty cell an unbound variable."""
    records = list(csv.reader(io.StringIO(text)))
    header = records[0]
    rows = tuple(
        {
            name: BNode(cell[2:]) if cell.startswith("_:") else _literal(cell)
            for name, cell in zip(header, record, strict=True) if cell
        }
        for record in records[1:]
    )
    return Solutions(frozenset(header), rows)


# Results in RDF: the suite's rs:ResultSet vocabulary.

def read_result_graph(graph: Graph) -> Solutions | bool | None:
    """The result set a graph describes with the ``rs:`` vocabulary (``None`` if none),
    its solutions in ``rs:index`` order when they have one."""
    result_set = graph.value(predicate=RDF.type, object=RS.ResultSet, any=False)
    if result_set is None:
        return None
    boolean = graph.value(result_set, RS.boolean)
    if boolean is not None:
        return bool(boolean.toPython())
    indexed = []
    for solution in graph.objects(result_set, RS.solution):
        row = {
            str(graph.value(binding, RS.variable)): graph.value(binding, RS.value)
            for binding in graph.objects(solution, RS.binding)
        }
        index = graph.value(solution, RS.index)
        indexed.append((int(index) if index is not None else 0, row))
    variables = frozenset(str(name) for name in graph.objects(result_set, RS.resultVariable))
    return Solutions(variables, tuple(row for _, row in sorted(indexed, key=lambda i: i[0])))


def read_answer_file(path: Path, base_iri: str) -> Answer:
    """An expected result: by its suffix, results (``.srx``, ``.srj``, ``.tsv``, ``.csv``)
    or RDF (a result set in the ``rs:`` vocabulary or a graph); ``base_iri`` is its IRI."""
    if path.suffix == ".srx":
        return read_srx(path.read_bytes())
    if path.suffix == ".srj":
        return read_srj(path.read_bytes())
    if path.suffix == ".tsv":
        return read_tsv(path.read_text(encoding="utf-8"))
    if path.suffix == ".csv":
        return read_csv(path.read_text(encoding="utf-8"))
    graph = Graph().parse(path, format=guess_format(str(path)), publicID=base_iri)
    result_set = read_result_graph(graph)
    return graph if result_set is None else result_set
