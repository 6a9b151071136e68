"""One agreement reported at two levels: between states by one source, between their
organisations by another ("a US-Pakistan deal" and "an MoU between a US firm and a Pakistani
military-run body").

The two reports cannot be one node (each source's parties would become the other's), so the
merge keeps them apart and joins them by ``cm:correspondsTo``. The rule is conservative:

- the two come from different documents; both have the kind ``deal``, ``mou`` or
  ``agreement``;
- one report's parties are two states; the other's parties are not all states, and each of
  them maps to a state (a state; a body, person or organisation the reference data places in
  or under a state; a minted organisation ``cm:basedIn`` a place in a state), giving the same
  two states;
- dates are compatible, binding statuses do not conflict, and stated amounts agree;
- the match is unique both ways: the state-level report matches one report of the other
  document, and that report matches only it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from rdflib import URIRef

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Agreement
from critmin.graph.base.values import Entity
from critmin.graph.text.reference import ReferenceIndex

KINDS = frozenset(("deal", "mou", "agreement"))
_PLACING = (CM.basedIn, CM.locatedIn, CM.runBy)

Compatible = Callable[[Agreement, Agreement], bool]


def party_states(agreement: Agreement, index: ReferenceIndex) -> frozenset[URIRef] | None:
    """The states the parties map to, or None when a party maps to none."""
    states: set[URIRef] = set()
    for party in agreement.parties:
        state = _state(party, index)
        if state is None:
            return None
        states.add(state)
    return frozenset(states)


def state_level_pairs(
    agreements: Sequence[tuple[int, Agreement]], index: ReferenceIndex, compatible: Compatible
) -> list[tuple[int, int]]:
    """Pairs of positions (state-level, organisation-level) of the same agreement.

    ``agreements`` holds (document order, agreement); ``compatible`` tells whether dates and
    binding statuses allow one real-world agreement (the merge's own test, parties aside).
    """
    by_states: dict[frozenset[URIRef], list[int]] = defaultdict(list)
    for position, (_, agreement) in enumerate(agreements):
        states = party_states(agreement, index) if agreement.kind in KINDS else None
        if states is not None and len(states) == 2:
            by_states[states].append(position)
    matches: dict[int, list[int]] = defaultdict(list)
    for positions in by_states.values():
        for one in positions:
            for two in positions:
                if _matches(agreements[one], agreements[two], index, compatible):
                    matches[one].append(two)
    others: dict[int, list[int]] = defaultdict(list)
    for one, found in matches.items():
        for two in found:
            others[two].append(one)
    return sorted(
        (one, found[0])
        for one, found in matches.items()
        if len(found) == 1 and len(others[found[0]]) == 1
    )


def _matches(
    first: tuple[int, Agreement],
    second: tuple[int, Agreement],
    index: ReferenceIndex,
    compatible: Compatible,
) -> bool:
    (order, states_level), (other_order, organisations) = first, second
    return (
        order != other_order
        and _all_states(states_level, index)
        and not _all_states(organisations, index)
        and compatible(states_level, organisations)
        and _amounts_agree(states_level, organisations)
    )


def _all_states(agreement: Agreement, index: ReferenceIndex) -> bool:
    return all(index.is_a(party.iri, CM.State) for party in agreement.parties)


def _amounts_agree(first: Agreement, second: Agreement) -> bool:
    values = {q.value for q in first.amounts}, {q.value for q in second.amounts}
    return not (values[0] and values[1]) or bool(values[0] & values[1])


def _state(party: Entity, index: ReferenceIndex) -> URIRef | None:
    if index.is_a(party.iri, CM.State):
        return party.iri
    if party.iri in index.types:
        return index.state_of(party.iri)
    for predicate, place in party.facts:
        if predicate in _PLACING:
            state = place if index.is_a(place, CM.State) else index.state_of(place)
            if state is not None:
                return state
    return None
