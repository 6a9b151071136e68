"""A query's size and nesting depth, measured before anything parses it.

rdflib's parser recurses once per level of brackets and fails past about 25 nested
parentheses (Python's recursion limit), and its time grows with the query's length, so the
endpoint refuses a query longer than ``max_query_chars`` or nested deeper than
``max_query_depth`` with a 400 before it parses. Depth counts ``(``, ``[`` and ``{`` together,
outside strings, IRIs and comments.
"""

from __future__ import annotations

import re

from critmin.service.query_guard import QueryRejected

_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long strings
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"  # IRIs
    r"|#[^\n]*"  # comments
    r"|[(\[{]|[)\]}]",
    re.DOTALL,
)
_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")


def nesting_depth(text: str) -> int:
    """The deepest nesting of brackets in ``text``, outside strings, IRIs and comments."""
    depth = deepest = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in _OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif token in _CLOSING:
            depth = max(0, depth - 1)
    return deepest


def check_shape(text: str, max_chars: int, max_depth: int) -> None:
    """A 400 :class:`QueryRejected` if ``text`` is longer than ``max_chars`` characters or nested
    deeper than ``max_depth``."""
    if len(text) > max_chars:
        raise QueryRejected(
            400, "Query too long",
            f"the query has {len(text):,} characters; this endpoint takes {max_chars:,} at most",
        )
    depth = nesting_depth(text)
    if depth > max_depth:
        raise QueryRejected(
            400, "Query too deeply nested",
            f"the query nests brackets {depth} deep; this endpoint takes {max_depth} at most",
        )
