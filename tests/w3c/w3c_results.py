"""Query answers read from the W3C result formats, and compared by the rules of the test suite.

An answer is a :class:`Solutions` (SELECT), a ``bool`` (ASK) or an rdflib ``Graph``
(CONSTRUCT, DESCRIBE). Readers: SPARQL Results XML (``.srx``) and JSON (``.srj`` and the
endpoint's JSON), TSV, CSV and the suite's result sets in RDF (``rs:ResultSet``). The XML, JSON
and TSV readers keep literals' lexical forms as written (rdflib would normalise ``"01"`` to
``"1"``); graphs and ``rs:ResultSet`` files are parsed by rdflib.

Comparison (:func:`difference`): solutions as a bag, or as a sequence when the query orders
them; blank nodes up to a one-to-one renaming (for graphs ``rdflib.compare.isomorphic``);
literals by term (lexical form, datatype, language tag in any case), a simple literal being the
same term as an ``xsd:string`` one (RDF 1.1), and two numeric literals of the same datatype
equal when their values are (computed numbers may be written in another lexical form).
CSV cells are plain text, so CSV answers are compared as text, blank node labels aside.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
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

_DECIMAL_TYPES = frozenset(
    XSD[name] for name in (
        "decimal", "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short",
        "byte", "nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
        "unsignedByte", "positiveInteger",
    )
)
_FLOAT_TYPES = frozenset((XSD.double, XSD.float))


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


# Comparison.

def _plain(term: Identifier) -> Identifier:
    """``term`` with an ``xsd:string`` literal written as the simple literal it is."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return _literal(str(term))
    return term


def term_key(term: Identifier) -> Hashable:
    """What two terms (not blank nodes) must share to be equal (see the module docstring)."""
    if not isinstance(term, Literal):
        return (type(term).__name__, str(term))
    datatype = term.datatype
    try:
        if datatype in _DECIMAL_TYPES:
            return ("number", datatype, Decimal(str(term).strip()))
        if datatype in _FLOAT_TYPES and str(term).strip() != "NaN":
            return ("number", datatype, float(str(term).strip()))
    except (InvalidOperation, ValueError):
        pass  # an ill-typed literal: compared by its lexical form
    language = term.language.lower() if term.language else None
    return ("literal", str(term), None if datatype == XSD.string else datatype, language)


def _row_shape(row: Row) -> Hashable:
    """The row with its blank nodes blanked out: rows of different shapes never match."""
    return frozenset(
        (name, None if isinstance(term, BNode) else term_key(term)) for name, term in row.items()
    )


def _extend(mapping: dict[BNode, BNode], expected: Row, actual: Row) -> dict[BNode, BNode] | None:
    """``mapping`` (expected blank node to actual one) extended so that ``expected`` maps onto
    ``actual``, or ``None`` when it cannot be (it stays one-to-one)."""
    if expected.keys() != actual.keys():
        return None
    extended = dict(mapping)
    taken = set(extended.values())
    for name, term in expected.items():
        other = actual[name]
        if isinstance(term, BNode) != isinstance(other, BNode):
            return None
        if not isinstance(term, BNode):
            if term_key(term) != term_key(other):
                return None
        elif term in extended:
            if extended[term] != other:
                return None
        elif other in taken:
            return None
        else:
            extended[term] = other
            taken.add(other)
    return extended


def _match_bag(expected: Sequence[Row], actual: list[Row], mapping: dict[BNode, BNode]) -> bool:
    """Whether the rows match one to one under one blank node renaming (backtracking)."""
    if not expected:
        return not actual
    first, rest = expected[0], expected[1:]
    shape = _row_shape(first)
    for position, row in enumerate(actual):
        if _row_shape(row) != shape:
            continue
        extended = _extend(mapping, first, row)
        if extended is not None and _match_bag(rest, actual[:position] + actual[position + 1:],
                                               extended):
            return True
    return False


def _has_bnode(row: Row) -> bool:
    return any(isinstance(term, BNode) for term in row.values())


def _show(row: Row) -> str:
    return "{" + ", ".join(f"?{name}={row[name].n3()}" for name in sorted(row)) + "}"


def _rows_difference(expected: Solutions, actual: Solutions, ordered: bool) -> str | None:
    expected_rows = [{k: _plain(v) for k, v in row.items()} for row in expected.rows]
    actual_rows = [{k: _plain(v) for k, v in row.items()} for row in actual.rows]
    if len(expected_rows) != len(actual_rows):
        return f"{len(actual_rows)} rows instead of {len(expected_rows)}" + _bag_detail(
            expected_rows, actual_rows
        )
    if ordered:
        mapping: dict[BNode, BNode] = {}
        for position, (wanted, got) in enumerate(zip(expected_rows, actual_rows, strict=True)):
            extended = _extend(mapping, wanted, got)
            if extended is None:
                return f"row {position + 1} is {_show(got)}, expected {_show(wanted)} (ordered)"
            mapping = extended
        return None
    ground_expected = [row for row in expected_rows if not _has_bnode(row)]
    ground_actual = [row for row in actual_rows if not _has_bnode(row)]
    if Counter(map(_row_shape, ground_expected)) != Counter(map(_row_shape, ground_actual)):
        return "the rows differ" + _bag_detail(expected_rows, actual_rows)
    blank_expected = [row for row in expected_rows if _has_bnode(row)]
    blank_actual = [row for row in actual_rows if _has_bnode(row)]
    if not _match_bag(blank_expected, blank_actual, {}):
        return "the rows with blank nodes differ beyond a renaming of blank nodes"
    return None


def _surplus(rows: list[Row], counts: Counter[Hashable]) -> list[Row]:
    """As many of ``rows`` of each shape as ``counts`` says."""
    left = Counter(counts)
    chosen = []
    for row in rows:
        if left[_row_shape(row)] > 0:
            left[_row_shape(row)] -= 1
            chosen.append(row)
    return chosen


def _bag_detail(expected: list[Row], actual: list[Row], shown: int = 3) -> str:
    """Some rows expected and missing, and some not expected (blank nodes compared by shape)."""
    missing = Counter(map(_row_shape, expected)) - Counter(map(_row_shape, actual))
    extra = Counter(map(_row_shape, actual)) - Counter(map(_row_shape, expected))
    missing_rows = _surplus(expected, missing)[:shown]
    extra_rows = _surplus(actual, extra)[:shown]
    parts = []
    if missing_rows:
        parts.append("missing " + " ".join(map(_show, missing_rows)))
    if extra_rows:
        parts.append("unexpected " + " ".join(map(_show, extra_rows)))
    return ": " + "; ".join(parts) if parts else ""


def _plain_graph(graph: Graph) -> Graph:
    plain = Graph()
    for triple in graph:
        plain.add(tuple(_plain(term) for term in triple))  # type: ignore[arg-type]
    return plain


def _graph_difference(expected: Graph, actual: Graph) -> str | None:
    expected, actual = _plain_graph(expected), _plain_graph(actual)
    if isomorphic(expected, actual):
        return None
    _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    shown = [f"missing {' '.join(t.n3() for t in triple)}" for triple in sorted(missing)[:3]]
    shown += [f"unexpected {' '.join(t.n3() for t in triple)}" for triple in sorted(extra)[:3]]
    return (
        f"graphs differ ({len(actual)} triples, {len(expected)} expected): " + "; ".join(shown)
    )


def _kind(answer: Any) -> str:
    return {Solutions: "solutions", bool: "a boolean"}.get(type(answer), "a graph")


def difference(expected: Answer, actual: Answer, ordered: bool = False) -> str | None:
    """``None`` when ``actual`` matches ``expected`` (see the module docstring), else what
    differs, in a line."""
    if _kind(expected) != _kind(actual):
        return f"{_kind(actual)} instead of {_kind(expected)}"
    if isinstance(expected, bool):
        return None if expected == actual else f"{actual} instead of {expected}"
    if isinstance(expected, Graph):
        assert isinstance(actual, Graph)
        return _graph_difference(expected, actual)
    assert isinstance(actual, Solutions)
    if expected.variables != actual.variables:
        return (
            f"variables {sorted(actual.variables)} instead of {sorted(expected.variables)}"
        )
    return _rows_difference(expected, actual, ordered)
