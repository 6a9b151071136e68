"""Bind variables of a SPARQL query to RDF terms in its text, as rdflib's ``initBindings`` does.

A remote store has no ``initBindings``: the bound terms must travel in the query text, as
``VALUES`` blocks (so a term is never pasted where a variable is expected, and literals are
escaped by their ``n3()`` form). rdflib holds a bound variable fixed everywhere in the query,
including in groups evaluated on their own (``{ BIND(?this AS ?x) } UNION { ... }``, the right
side of ``OPTIONAL`` or ``MINUS``, ``EXISTS``, subqueries). A single ``VALUES`` block in the
outer ``WHERE`` group only joins at the end, after such groups have run with the variable
free. So :func:`with_bindings` opens with a ``VALUES`` block every group graph pattern that
mentions a bound variable, and every top-level group (the ``WHERE`` group, where the variable
may be used only in the projection, ``GROUP BY``, ``ORDER BY`` or a ``CONSTRUCT`` template).

The text is scanned, not parsed: comments, strings and IRIs are masked first; braces after
``VALUES`` (data) and ``CONSTRUCT`` (template) are not groups; a group holding only a
subquery (``{ SELECT ... }``) gets its ``VALUES`` block around the subquery.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.term import Identifier

from critmin.graph.base.namespaces import IRI_FORBIDDEN

# What the scan skips: comments, strings (long and short) and IRIs, masked with spaces.
_SKIPPED = re.compile(
    r"""\#[^\n]*|'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\""""
    r"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>""",
)
# Braces, and the keywords that say what the next brace opens (not a variable or a name).
_TOKEN = re.compile(
    r"[{}]|(?<![\w?$:])(?P<keyword>VALUES|CONSTRUCT|SELECT)(?![\w:-])", re.IGNORECASE
)
_GROUP, _SUBQUERY, _DATA = "group", "subquery", "data"


def sparql_term(term: Identifier) -> str:
    """``term`` written as SPARQL; ValueError for a blank node, or an IRI that is not one
    (``<`` and ``>`` inside it would end it early and let the rest read as query syntax)."""
    if isinstance(term, URIRef):
        if IRI_FORBIDDEN.search(str(term)):
            raise ValueError(f"not an IRI: {str(term)!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.datatype is not None and IRI_FORBIDDEN.search(str(term.datatype)):
            raise ValueError(f"not a datatype IRI: {str(term.datatype)!r}")
        return term.n3()
    kind = "a blank node" if isinstance(term, BNode) else type(term).__name__
    raise ValueError(f"cannot bind {kind} in a query")


def mask_skipped(sparql: str) -> str:
    """``sparql`` with its comments, strings and IRIs blanked out (same length)."""
    return _SKIPPED.sub(lambda match: " " * len(match.group()), sparql)


def _next_is(masked: str, tokens: list[re.Match[str]], position: int, text: str) -> bool:
    """Whether the token after ``tokens[position]`` is ``text`` with only blanks before it."""
    if position + 1 == len(tokens):
        return False
    current, following = tokens[position], tokens[position + 1]
    return following.group().upper() == text and not masked[current.end():following.start()].strip()


def _braces(masked: str) -> list[tuple[int, int, str, int]]:
    """Every brace pair of a masked query: (open index, close index, kind, depth).

    ``kind`` is a group graph pattern, a group holding a subquery, or data (a ``VALUES``
    block or a ``CONSTRUCT`` template, whose content is skipped). ValueError when unbalanced.
    """
    pairs: list[tuple[int, int, str, int]] = []
    open_braces: list[tuple[int, str]] = []
    next_kind = _GROUP
    tokens = list(_TOKEN.finditer(masked))
    for position, token in enumerate(tokens):
        keyword = (token["keyword"] or "").upper()
        in_data = bool(open_braces) and open_braces[-1][1] == _DATA
        if keyword == "VALUES" and not in_data:
            next_kind = _DATA
        elif keyword == "CONSTRUCT":
            if not _next_is(masked, tokens, position, "{"):
                raise ValueError("a CONSTRUCT WHERE query has no group to bind variables in")
            next_kind = _DATA
        elif token.group() == "{":
            if in_data:
                raise ValueError("unbalanced braces in the query")
            kind = next_kind
            if kind == _GROUP and _next_is(masked, tokens, position, "SELECT"):
                kind = _SUBQUERY
            open_braces.append((token.start(), kind))
            next_kind = _GROUP
        elif token.group() == "}":
            if not open_braces:
                raise ValueError("unbalanced braces in the query")
            start, kind = open_braces.pop()
            pairs.append((start, token.start(), kind, len(open_braces)))
    if open_braces:
        raise ValueError("unbalanced braces in the query")
    return pairs


def with_bindings(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """``sparql`` with ``bindings`` (variable name to term) as a ``VALUES`` block opening every
    top-level group and every group that mentions one of the variables.

    ValueError when the query has no group to put them in (``DESCRIBE ?x`` alone, the
    ``CONSTRUCT WHERE`` short form) or unbalanced braces.
    """
    if not bindings:
        return sparql
    names = list(bindings)
    values = (
        f" VALUES ({' '.join(Variable(name).n3() for name in names)}) "
        f"{{ ({' '.join(sparql_term(bindings[name]) for name in names)}) }} "
    )
    masked = mask_skipped(sparql)
    mentioned = re.compile("|".join(rf"[?$]{re.escape(name)}(?!\w)" for name in names))
    inserts: list[tuple[int, str]] = []
    for start, end, kind, depth in _braces(masked):
        if kind == _DATA or (depth > 0 and not mentioned.search(masked, start, end)):
            continue
        if kind == _SUBQUERY:
            inserts += [(start + 1, values + "{ "), (end, " } ")]
        else:
            inserts.append((start + 1, values))
    if not inserts:
        raise ValueError("the query has no group to bind variables in")
    text = sparql
    for at, insert in sorted(inserts, key=lambda item: item[0], reverse=True):
        text = text[:at] + insert + text[at:]
    return text
