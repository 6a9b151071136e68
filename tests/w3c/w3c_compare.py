"""Query answers compared by the rules of the W3C test suite.

Solutions as a bag, or as a sequence when the query orders them; blank nodes up to a
one-to-one renaming (for graphs ``rdflib.compare.isomorphic``); literals by term (lexical
form, datatype, language tag in any case), a simple literal being the same term as an
``xsd:string`` one (RDF 1.1), and two numeric literals of the same datatype equal when their
values are (computed numbers may be written in another lexical form).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import XSD, BNode, Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.term import Identifier
from w3c_results import Answer, Row, Solutions

_DECIMAL_TYPES = frozenset(
    XSD[name] for name in (
        "decimal", "integer", "nonPositiveInteger", "negativeInteger", "long", "int", "short",
        "byte", "nonNegativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
        "unsignedByte", "positiveInteger",
    )
)
_FLOAT_TYPES = frozenset((XSD.double, XSD.float))


def _plain(term: Identifier) -> Identifier:
    """``term`` with an ``xsd:string`` literal written as the simple literal it is."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
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
