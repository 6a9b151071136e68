"""SELECT results written as SPARQL JSON, CSV, TSV (the W3C result formats) or a text table.

The one writer of each format: the endpoint and the canned-query API (``sparql_formats``) and
``critmin query`` all use these.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from critmin.service.text_table import result_table

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})
"""N-Triples escapes for literals in TSV cells."""


def to_sparql_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON (ASK results as ``boolean``)."""
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)})
    _require_select(result)
    variables = [str(variable) for variable in result.vars]
    bindings = [
        {str(variable): _json_term(term) for variable, term in row.items() if term is not None}
        for row in result.bindings
    ]
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False)


def to_csv(result: Result) -> str:
    """SPARQL 1.1 Query Results CSV: plain values, IRIs without brackets, CRLF lines."""
    _require_select(result)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([str(variable) for variable in result.vars])
    for row in result.bindings:
        writer.writerow([_plain(row.get(variable)) for variable in result.vars])
    return buffer.getvalue()


def to_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV: terms in Turtle syntax, ``?name`` headers, LF lines."""
    _require_select(result)
    lines = ["\t".join(f"?{variable}" for variable in result.vars)]
    for row in result.bindings:
        lines.append("\t".join(_turtle(row.get(variable)) for variable in result.vars))
    return "\n".join(lines) + "\n"


def to_table(result: Result) -> str:
    """An aligned text table, IRIs shortened with critmin's prefixes (``text_table``)."""
    return result_table(result).text


WRITERS: Mapping[str, Callable[[Result], str]] = {
    "json": to_sparql_json,
    "csv": to_csv,
    "tsv": to_tsv,
    "table": to_table,
}
"""The writers by format name."""


def write_result(result: Result, format_name: str) -> str:
    """``result`` in the named format (one of WRITERS)."""
    return WRITERS[format_name](result)


def _require_select(result: Result) -> None:
    if result.type != "SELECT":
        raise ValueError(f"{result.type} results cannot be written as a table of bindings")


def _json_term(term: Identifier) -> dict[str, Any]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    encoded: dict[str, Any] = {"type": "literal", "value": str(term)}
    if isinstance(term, Literal) and term.language:
        encoded["xml:lang"] = term.language
    elif isinstance(term, Literal) and term.datatype:
        encoded["datatype"] = str(term.datatype)
    return encoded


def _plain(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _turtle(term: Identifier | None) -> str:
    if term is None:
        return ""
    if not isinstance(term, Literal):
        return term.n3()
    quoted = f'"{str(term).translate(_ESCAPES)}"'
    if term.language:
        return f"{quoted}@{term.language}"
    return f"{quoted}^^<{term.datatype}>" if term.datatype else quoted
