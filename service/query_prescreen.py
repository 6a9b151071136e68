"""A quick look at a query's text: can it reach beyond the store's own dataset?

The query guard (``query_guard``) parses every endpoint query with rdflib to find ``SERVICE``
patterns and ``FROM`` clauses: 5 to 15 ms for a short query. A query whose text does not hold
either word can have neither, so the Oxigraph store runs it without that parse
(``oxigraph_eval``): Oxigraph parses it anyway, and whatever Oxigraph refuses (an update, a
syntax error) still goes through the guard for its answer (403, or 400 with the place of the
error).

The search is deliberately blunt, so that it can err only towards the guard: the words are
looked for anywhere, in any case, inside strings, comments, IRIs and longer names too
(Oxigraph reads ``ASKFROM <g> {}`` as ``ASK FROM <g> {}`` and ``?s ?p trueSERVICE <e> {}`` as a
triple and a ``SERVICE`` pattern). So ``prov:wasDerivedFrom`` sends a query to the guard. A
text with a ``\\u`` or ``\\U`` escape, which SPARQL expands anywhere in a query before parsing
it, always goes to the guard.
"""

from __future__ import annotations

import re

_REACHING_KEYWORD = re.compile(r"SERVICE|FROM", re.IGNORECASE)
_CODEPOINT_ESCAPE = re.compile(r"\\[uU]")


def stays_in_dataset(text: str) -> bool:
    """Whether ``text`` certainly has no ``SERVICE`` pattern and no ``FROM`` clause (see the
    module docstring); ``False`` means the guard must look."""
    return _CODEPOINT_ESCAPE.search(text) is None and _REACHING_KEYWORD.search(text) is None
