"""Obligations stated with agreements and acts on controls: price floors, obligations against
export restrictions, investment commitments, tariff reductions and purchases.

``find_obligations`` reads those named in a span (the party is the actor after "committed", if
any); ``exchanged_obligations`` those after "in exchange for" / "in return for" in a clause,
up to the next comma.
"""

from __future__ import annotations

import re

from rdflib import URIRef

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Obligation
from critmin.graph.base.values import Entity, Span
from critmin.graph.rules.agents import is_actor, state_for
from critmin.graph.text.mentions import Clause
from critmin.graph.text.reference import ReferenceIndex

OBLIGATIONS: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (re.compile(r"\bprice floors?\b", re.I), CM.PriceFloor),
    (
        re.compile(
            r"\b(?:obligations?|commitments?|pledges?) (?:against|not to impose) "
            r"export (?:restrictions|controls|bans)\b",
            re.I,
        ),
        CM.ObligationAgainstExportRestrictions,
    ),
    (
        re.compile(
            r"\binvestments? in [a-z]+(?:ing|ion)(?:(?:,\s*|,?\s+and\s+)[a-z]+(?:ing|ion))*\b",
            re.I,
        ),
        CM.InvestmentCommitment,
    ),
    (
        re.compile(r"\btariff (?:reductions?|cuts?)\b|\b(?:reduc|cut|lower)\w* tariffs\b", re.I),
        CM.TariffReduction,
    ),
    (re.compile(r"\b[a-z]+ purchases\b|\bpurchases? of [a-z]+\b", re.I), CM.PurchaseCommitment),
)
EXCHANGE = re.compile(r"\bin (?:exchange|return) for\b", re.I)


def find_obligations(
    clause: Clause, segment: Span, index: ReferenceIndex
) -> tuple[Obligation, ...]:
    """Obligations named in a segment; the party is the actor after "committed" if any."""
    found: list[tuple[int, Obligation]] = []
    for pattern, kind in OBLIGATIONS:
        for match in pattern.finditer(clause.text, segment.begin, segment.end):
            party = _committed_party(clause, segment.begin, match.start(), index)
            found.append((match.start(), Obligation(kind, match.group().lower(), party)))
    return tuple(obligation for _, obligation in sorted(found, key=lambda pair: pair[0]))


def _committed_party(clause: Clause, begin: int, end: int, index: ReferenceIndex) -> Entity | None:
    verbs = list(re.finditer(r"\bcommitt?(?:ed|s)?\b", clause.text[begin:end]))
    if not verbs:
        return None
    verb = verbs[-1]
    for mention in clause.mentions_within(begin + verb.end(), end):
        if is_actor(mention, index):
            return state_for(mention, clause.text, index)
    return None


def exchanged_obligations(clause: Clause) -> tuple[Obligation, ...]:
    """Obligations named after "in exchange for" in a clause, up to the next comma."""
    match = EXCHANGE.search(clause.text, clause.span.begin, clause.span.end)
    if match is None:
        return ()
    end = clause.text.find(",", match.end(), clause.span.end)
    end = clause.span.end if end < 0 else end
    found: list[tuple[int, Obligation]] = []
    for pattern, kind in OBLIGATIONS:
        for obligation in pattern.finditer(clause.text, match.end(), end):
            found.append((obligation.start(), Obligation(kind, obligation.group().lower())))
    return tuple(o for _, o in sorted(found, key=lambda pair: pair[0]))
