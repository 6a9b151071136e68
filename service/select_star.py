"""The columns of ``SELECT *`` in the order their variables first appear in the query.

SPARQL 1.1 makes the projection of ``*`` the query's in-scope variables, a set; clients expect
them in the order they are written (``SELECT * { ?s ?p ?o }`` gives ``s, p, o``), as Fuseki and
the Wikidata Query Service give them. rdflib gives them in set order (a different order from
one process to the next) and Oxigraph sorts them by name, so both stores put the engine's
columns in this order. The text is scanned, not parsed (comments, strings and IRIs masked as
``sparql_bindings`` does).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from critmin.service.sparql_bindings import mask_skipped

_SELECT_STAR = re.compile(
    r"\A\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*SELECT\s+(?:(?:DISTINCT|REDUCED)\s+)?\*",
    re.IGNORECASE,
)
_VARIABLE = re.compile(r"[?$](\w+)")
_Name = TypeVar("_Name", bound=str)  # a name, or an rdflib Variable


def star_order(sparql: str, names: Sequence[_Name]) -> tuple[_Name, ...]:
    """``names`` (the engine's columns) in order of first appearance in ``sparql`` when it is
    a ``SELECT *`` query, the names the text does not show last; else ``names`` unchanged."""
    masked = mask_skipped(sparql)
    star = _SELECT_STAR.match(masked)
    if star is None:
        return tuple(names)
    seen = dict.fromkeys(match.group(1) for match in _VARIABLE.finditer(masked, star.end()))
    position = {name: index for index, name in enumerate(seen)}
    return tuple(sorted(names, key=lambda name: position.get(str(name), len(position))))
