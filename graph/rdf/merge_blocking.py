"""Blocking for the merge: which statements may be one thing, found without comparing all pairs.

The merge (``merge``) compares a statement only with what shares a blocking key with it in
an overlapping month. Each key is a necessary condition of the merge's rules, so blocking
changes the work, never the result:

- two agreements that may be one have the same party set, or the same date and a party in
  common (one party set a subset of the other); an agreement of a group comprises another
  whose two first parties (in IRI order) are among its own;
- two controls that may be one have the same kind, imposer and duration;
- two events that may be one share a place or a participant.

Dates that are compatible (``dates_compatible``: equal, one a prefix of the other, or
overlapping periods) always cover a common month, so each key is filed per month of a
statement's date. A statement without a date, or with a date of another shape, is filed under
the key alone and meets every month.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from itertools import combinations

from rdflib import URIRef

from critmin.graph.base.statements import Agreement, Control, Event
from critmin.graph.base.values import DateValue

Statement = Agreement | Control | Event

_ISO_DATE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2])(?:-\d{2})?)?")


class Blocks:
    """Numbers (of clusters or statements) filed under blocking keys, month by month."""

    def __init__(self) -> None:
        self._by_month: dict[tuple[Hashable, int], set[int]] = defaultdict(set)
        self._undated: dict[Hashable, set[int]] = defaultdict(set)
        self._any_month: dict[Hashable, set[int]] = defaultdict(set)

    def add(self, number: int, keys: Iterable[Hashable], date: DateValue | None) -> None:
        """File ``number`` under each key, in each month of ``date``."""
        span = months(date)
        for key in keys:
            self._any_month[key].add(number)
            if span is None:
                self._undated[key].add(number)
            else:
                for month in span:
                    self._by_month[key, month].add(number)

    def candidates(self, keys: Iterable[Hashable], date: DateValue | None) -> list[int]:
        """The numbers filed under one of ``keys`` in a month of ``date`` (or without a
        month), in increasing order."""
        span = months(date)
        found: set[int] = set()
        for key in keys:
            if span is None:
                found.update(self._any_month.get(key, ()))
                continue
            found.update(self._undated.get(key, ()))
            for month in span:
                found.update(self._by_month.get((key, month), ()))
        return sorted(found)


def months(date: DateValue | None) -> range | None:
    """The months a date covers (numbered year * 12 + month - 1), or None when it has none
    (no date, or not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or an end before its start)."""
    if date is None:
        return None
    first, last = _month_bounds(date.start), _month_bounds(date.end or date.start)
    if first is None or last is None or first[0] > last[1]:
        return None
    return range(first[0], last[1] + 1)


def blocking_keys(statement: Statement) -> set[Hashable]:
    """Keys that two statements which may be one thing always share (see ``merge.same_*``)."""
    if isinstance(statement, Agreement):
        return agreement_keys(statement)
    if isinstance(statement, Control):
        imposer = statement.imposer.iri if statement.imposer else None
        return {("control", statement.kind, imposer, statement.duration)}
    place = {statement.place.iri} if statement.place else set()
    return place | entity_iris(statement.participants)


def agreement_keys(agreement: Agreement) -> set[Hashable]:
    """The party set; with a date, the date with each party (for subset matches)."""
    parties = entity_iris(agreement.parties)
    if not parties:
        return set()
    keys: set[Hashable] = {("parties", parties)}
    if agreement.date is not None:
        keys.update(("dated", agreement.date, party) for party in parties)
    return keys


def member_key(agreement: Agreement) -> tuple[URIRef, URIRef] | None:
    """The first two parties (in IRI order) of an agreement that a group agreement may
    comprise (not a group, two parties or more), else None."""
    parties = sorted(entity_iris(agreement.parties))
    if agreement.kind == "group" or len(parties) < 2:
        return None
    return parties[0], parties[1]


def group_keys(group: Agreement) -> list[tuple[URIRef, URIRef]]:
    """The ``member_key`` of every agreement whose parties are among the group's."""
    return list(combinations(sorted(entity_iris(group.parties)), 2))


def entity_iris(entities: Sequence) -> frozenset[URIRef]:
    """The IRIs of entities, as a set."""
    return frozenset(entity.iri for entity in entities)


def _month_bounds(value: str) -> tuple[int, int] | None:
    """The first and the last month a ``YYYY[-MM[-DD]]`` value covers."""
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        return None
    january = int(match[1]) * 12
    if match[2] is None:
        return january, january + 11
    month = january + int(match[2]) - 1
    return month, month
