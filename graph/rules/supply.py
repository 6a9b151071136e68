"""Named sources of minerals in text: mines, reserves, deposits, sites, projects, and where
they are (see ``find_supply_sources``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import SupplySource
from critmin.graph.base.values import Entity, Span
from critmin.graph.rules.agents import agent_before, listed_after, state_for
from critmin.graph.rules.contract import Found, Reading, Rule
from critmin.graph.text.mentions import Clause
from critmin.graph.text.nlp import evidence
from critmin.graph.text.reference import (
    ACTOR_CLASSES,
    MINERAL_CLASSES,
    PLACE_CLASSES,
    ReferenceIndex,
)

_SOURCE_NOUN = re.compile(r"\b(mines?|reserves|deposits|sites|projects|fields)\b", re.I)
_SOURCE_CUE = re.compile(
    r"\bsources?\b|\bhome to\b|\b(?:holds?|held|has|have|possess\w*)\s+(?:[\w-]+\s+){0,2}"
    r"(?:reserves|deposits|resources)\b",
    re.I,
)
_ITEM_BREAK = re.compile(r",\s*(?:and\s+)?|\s+and\s+|\binclude\w*\s+|:\s*")


def find_supply_sources(clauses: Sequence[Clause], index: ReferenceIndex) -> list[SupplySource]:
    """Named sources of minerals: mines, reserves, deposits, sites, projects and where they are.

    A source noun counts in a clause that speaks of sources or of holding ("X holds reserves")
    or that names a mine of the reference data. Its place is a demonym or place in its item of
    the enumeration ("Chilean deposits"), the places after "in" ("projects in Peru and
    Bolivia": one source each), the reference mine's location, or the clause's agent.
    """
    sources: list[SupplySource] = []
    for clause in clauses:
        mines = [m for m in clause.mentions if index.is_a(m.iri, CM.Mine)]
        if not (_SOURCE_CUE.search(clause.words) or mines):
            continue
        for match in _SOURCE_NOUN.finditer(clause.text, clause.span.begin, clause.span.end):
            for label, place, trigger in _source_items(clause, match, index):
                sources.append(
                    SupplySource(
                        key=f"source-{len(sources) + 1}",
                        label=label,
                        evidence=evidence(clause.text, clause.sentence, trigger, clause.span),
                        located_in=place,
                        minerals=_minerals_of(clause, match.end(), index),
                    )
                )
    return sources


def _source_items(
    clause: Clause, match: re.Match[str], index: ReferenceIndex
) -> list[tuple[str, Entity | None, Span]]:
    text = clause.text
    breaks = [b.end() for b in _ITEM_BREAK.finditer(text, clause.span.begin, match.start())]
    item = Span(breaks[-1] if breaks else clause.span.begin, match.end())
    trigger = Span(item.begin, match.end())
    inside = clause.mentions_within(item.begin, item.end)
    phrase = re.sub(r"^(?:the|a|an)\s+", "", text[item.begin : item.end], flags=re.I)
    mine = next((m for m in inside if index.is_a(m.iri, CM.Mine)), None)
    if mine is not None:
        located = index.located_in.get(mine.iri, ())
        return [(index.label(mine.iri), Entity(located[0]) if located else None, trigger)]
    tail = re.match(r"\s+in\s+", text[match.end() : clause.span.end])
    if tail:
        places = listed_after(
            clause, match.end() + tail.end(), index, classes=ACTOR_CLASSES | PLACE_CLASSES
        )
        if places:
            return [
                (
                    f"{phrase} in {m.entity.label or index.label(m.iri)}",
                    m.entity,
                    Span(item.begin, m.span.end),
                )
                for m in places
            ]
    place = next((m for m in inside if index.is_a(m.iri, PLACE_CLASSES | {CM.State})), None)
    if place is not None:
        state = place.entity
        if _SOURCE_CUE.search(phrase):  # "Chile holds vast deposits"
            phrase = f"{index.label(place.iri)} {match.group(1).lower()}"
        return [(phrase, state, trigger)]
    holder = agent_before(clause, match.start(), index)
    if holder is not None and len(phrase.split()) > 4:
        state = state_for(holder, text, index)
        noun = match.group(1).lower()
        return [
            (
                f"{state.label or index.label(state.iri)} {noun}",
                state,
                Span(holder.span.begin, match.end()),
            )
        ]
    return []


def _minerals_of(clause: Clause, position: int, index: ReferenceIndex) -> tuple[Entity, ...]:
    """Minerals named right after a source noun ("deposits of lithium and cobalt")."""
    of = re.match(r"\s+(?:of|for)\s+", clause.text[position : clause.span.end])
    if of is None:
        return ()
    listed = listed_after(clause, position + of.end(), index, classes=MINERAL_CLASSES)
    return tuple(m.entity for m in listed)


def _supply_sources(reading: Reading, found: Found) -> list[SupplySource]:
    return find_supply_sources(reading.clauses, reading.index)


RULE = Rule(name="supply-sources", find=_supply_sources)
