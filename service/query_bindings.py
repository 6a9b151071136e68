"""Bind variables of a trusted query to RDF terms for stores without rdflib's ``initBindings``.

Oxigraph's ``substitutions`` only accept projected variables, and a remote SPARQL endpoint
takes query text alone, so a binding becomes a one-row ``VALUES`` block opening every group
graph pattern that mentions the variable: its own ``WHERE`` group, each nested group, ``UNION``
operand, ``OPTIONAL``/``MINUS``/``GRAPH``/``EXISTS`` group and sub-query. Every solution of
such a group then has the variable bound to the term, which is what substituting the term for
the variable means for the queries the service runs, where the variable always occurs in a
triple pattern of the group that uses it.

The terms come from :func:`sparql_term`, which refuses what would not read back as exactly one
term: no value ever becomes query syntax.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.term import Identifier

# Query text that is never a brace of a group: comments, strings, IRIs (each masked out).
_SKIPPED = re.compile(
    r"""\#[^\n]*|'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
    r"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>""",
)
# A brace that opens a CONSTRUCT template or a VALUES data block rather than a group.
_NOT_A_GROUP = re.compile(
    r"(?:\bCONSTRUCT|\bVALUES\s+(?:[?$]\w+|\((?:\s*[?$]\w+)*\s*\)))\s*$", re.IGNORECASE
)
_IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')


def sparql_term(term: Identifier) -> str:
    """``term`` written as SPARQL; ValueError for a blank node or an IRI that is not one."""
    if isinstance(term, URIRef):
        if not _IRI.fullmatch(str(term)):
            raise ValueError(f"not an IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.datatype is not None and not _IRI.fullmatch(str(term.datatype)):
            raise ValueError(f"not a datatype IRI: {str(term.datatype)!r}")
        return term.n3()
    kind = "a blank node" if isinstance(term, BNode) else type(term).__name__
    raise ValueError(f"cannot bind {kind} in a query")


def _masked(sparql: str) -> str:
    """``sparql`` with comments, strings and IRIs blanked out (same length, same offsets)."""
    return _SKIPPED.sub(lambda match: " " * len(match.group()), sparql)


def _group_spans(masked: str) -> list[tuple[int, int]]:
    """(index after ``{``, index of ``}``) of every group graph pattern, outermost first."""
    opened: list[tuple[int, bool]] = []
    spans: list[tuple[int, int]] = []
    for index, char in enumerate(masked):
        if char == "{":
            before = masked[max(0, index - 200):index]
            opened.append((index, not _NOT_A_GROUP.search(before)))
        elif char == "}" and opened:
            start, is_group = opened.pop()
            if is_group:
                spans.append((start + 1, index))
    return sorted(spans)


def with_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """``sparql`` with each of ``bindings`` as a one-row VALUES block opening every group
    graph pattern that mentions its variable (see the module docstring)."""
    if not bindings:
        return sparql
    masked = _masked(sparql)
    values = {name: sparql_term(term) for name, term in bindings.items()}
    inserts: list[tuple[int, str]] = []
    for start, end in _group_spans(masked):
        body = masked[start:end]
        names = [
            name for name in values if re.search(rf"[?$]{re.escape(name)}(?!\w)", body)
        ]
        if names:
            variables = " ".join(Variable(name).n3() for name in names)
            terms = " ".join(values[name] for name in names)
            inserts.append((start, f" VALUES ({variables}) {{ ({terms}) }} "))
    for at, block in sorted(inserts, reverse=True):
        sparql = sparql[:at] + block + sparql[at:]
    return sparql
