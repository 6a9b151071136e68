"""What the event patterns share: making an event, its date, its place, names of entities.

Dates: the nearest date after the trigger in the clause, else the last one before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from critmin.graph.base.statements import Event
from critmin.graph.base.values import DateValue, Entity, Span
from critmin.graph.rules.agents import counted_states
from critmin.graph.text.mentions import Clause, EntityMention
from critmin.graph.text.nlp import evidence
from critmin.graph.text.reference import PLACE_CLASSES, ReferenceIndex


def event_date(clause: Clause, trigger: Span) -> DateValue | None:
    """The nearest date after the trigger in the clause, else the last one before it."""
    after = clause.dates_within(trigger.end, clause.span.end)
    if after:
        return after[0].value
    before = clause.dates_within(clause.span.begin, trigger.begin)
    return before[-1].value if before else None


def entities_of(
    mentions: Sequence[EntityMention], text: str, index: ReferenceIndex
) -> tuple[Entity, ...]:
    """The entities of mentions; a grouping stands for its members, "N <region> states" for the
    states of the region (``agents.counted_states``)."""
    found: list[Entity] = []
    for mention in mentions:
        members = tuple(map(Entity, index.members.get(mention.iri, ()))) or counted_states(
            mention, text, index
        )
        for entity in members or (mention.entity,):
            if entity not in found:
                found.append(entity)
    return tuple(found)


def place_in(clause: Clause, begin: int, end: int, index: ReferenceIndex) -> Entity | None:
    """The first place named between two offsets of the clause."""
    for mention in clause.mentions_within(begin, end):
        if index.is_a(mention.iri, PLACE_CLASSES):
            return mention.entity
    return None


def name_of(entity: Entity, index: ReferenceIndex) -> str:
    """A minted entity's label, else the reference label."""
    return entity.label or index.label(entity.iri)


def make_event(clause: Clause, kind: str, label: str, trigger: Span, **fields) -> Event:
    """An event of the clause with its evidence around the trigger (and its date by default)."""
    fields.setdefault("date", event_date(clause, trigger))
    return Event(
        key="",
        kind=kind,
        label=label,
        evidence=evidence(clause.text, clause.sentence, trigger, clause.span),
        **fields,
    )
