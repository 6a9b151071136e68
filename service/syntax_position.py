"""Where a SPARQL syntax error really is, from rdflib's parser.

rdflib's pyparsing grammar backtracks: when a pattern fails deep inside a group
(``OPTIONAL { ?s ?p }`` on line 20), the optional and repeated parts around it give up
silently and the error is reported where the enclosing pattern began (the ``OPTIONAL`` on
line 18), or even at the first triple of the ``WHERE`` group. :func:`located_error` drills
down: it parses the patterns that may start at the reported place (triples, a group, a
``FILTER``, ``OPTIONAL``... an expression) and takes the failure that got furthest, again
from there, until no pattern gets further. A bare word at the reported place (a misspelt
keyword such as ``LIMT``) is the error itself and is kept.

The grammar is shared and not thread-safe: call :func:`located_error` while holding the lock
that guards rdflib's parser.
"""

from __future__ import annotations

import re

import rdflib.plugins.sparql.parser as sparql_grammar
from pyparsing import ParseBaseException

# The patterns tried at an error's place: everything that may open a part of a query body.
_PROBES = (
    sparql_grammar.TriplesBlock,
    sparql_grammar.GraphPatternNotTriples,
    sparql_grammar.GroupGraphPattern,
    sparql_grammar.SubSelect,
    sparql_grammar.Expression,
    sparql_grammar.ConstructTemplate,
)
# Keywords that open a pattern; any other word with no ':' or '(' after it is a typo.
_PATTERN_KEYWORDS = frozenset(
    ("OPTIONAL", "FILTER", "BIND", "MINUS", "GRAPH", "SERVICE", "VALUES", "UNION", "NOT", "SELECT")
)
_BARE_WORD = re.compile(r"[A-Za-z_][\w-]*(?![\w:(-])")


def _is_bare_word(text: str, loc: int) -> bool:
    """Whether a word that is no pattern keyword, prefixed name or function starts at ``loc``."""
    match = _BARE_WORD.match(text, loc)
    return match is not None and match.group().upper() not in _PATTERN_KEYWORDS


def _furthest_probe(text: str, loc: int) -> ParseBaseException | None:
    """The failure furthest past ``loc`` of the patterns that may start there, if any."""
    furthest: ParseBaseException | None = None
    for probe in _PROBES:
        try:
            probe.try_parse(text, loc)
        except ParseBaseException as failure:
            if failure.loc > loc and (furthest is None or failure.loc > furthest.loc):
                furthest = failure
        except RecursionError:
            return furthest
    return furthest


def located_error(text: str, error: ParseBaseException) -> ParseBaseException:
    """``error`` (rdflib's parse error of ``text``) moved to where the text stops making
    sense: the furthest failure of the patterns that start at its place, repeatedly."""
    located = error
    while not _is_bare_word(text, located.loc):
        further = _furthest_probe(text, located.loc)
        if further is None:
            break
        located = further
    return located
