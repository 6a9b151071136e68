"""Events stated in text: summits and meetings, visits, shipments, publications, investments
and outreach.

Rules:

- Summit: "<Name> Summit" (the name is the label; a place named in it is the place) or
  "summit with <actors>" (a grouping with members in the reference data stands for its
  members; the host is the clause's agent or the implied agent).
- Meeting: "<actors> met (in PLACE) (in MONTH)" or "meeting between/with <actors>"; a meeting
  of heads of state or government (reference roles President, Prime Minister, ...) is a summit.
- Visit: "<actors> arrived at/in PLACE", "visited PLACE", "a visit to PLACE".
- Shipment: "sent/shipped/delivered ... shipment/consignment/cargo (of MINERAL) (to X)" or
  "its first consignment sent on DATE": the shipper (initiator) is the actor before the noun,
  or the paragraph's agent for a pronoun; recipients follow "to".
- Publication: a Title-Case name holding List/Report/Outlook/Review/Assessment/Strategy with
  "released/published/issued/unveiled" in the clause; the publisher (initiator) is the actor
  named inside the title or after "by".
- Investment: "<agent> invested/invests in <object>": minerals, stages and place (a demonym or
  place) of the object; money in the clause.
- Outreach: "<agent> reaching out to / approached / courted <partners> (in A, B and C)".
Dates: the nearest date after the trigger in the clause, else the last one before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from critmin.graph.actors import (
    NAME,
    agent_before,
    implied_agent,
    is_actor,
    listed_after,
    state_for,
)
from critmin.graph.dates import DateValue
from critmin.graph.mentions import Clause, EntityMention, find_stages
from critmin.graph.namespaces import CM
from critmin.graph.nlp import evidence
from critmin.graph.reference import ACTOR_CLASSES, MINERAL_CLASSES, PLACE_CLASSES, ReferenceIndex
from critmin.graph.statements import Entity, Event, Span

LEADER_TITLES = frozenset(
    (
        "president",
        "prime minister",
        "chancellor",
        "premier",
        "king",
        "general secretary",
        "leader",
        "head of state",
        "state counsellor",
    )
)
_NAMED_SUMMIT = re.compile(rf"\b(?:the\s+)?({NAME}\s+Summit)\b")
_SUMMIT = re.compile(r"\bsummit\b")
_MET = re.compile(r"\bmet\b|\bmeeting (?:between|with)\b", re.I)
_VISIT = re.compile(
    r"\b(?:arrived (?:at|in)|visited|(?:a |an |the )?visit to|travell?ed to)\s", re.I
)
_SHIPMENT = re.compile(r"\b(?:shipments?|consignments?|cargo(?:es)?|deliver(?:y|ies))\b", re.I)
_SHIPPING_VERB = re.compile(r"\b(?:sent|shipped|delivered|dispatched|exported)\b", re.I)
_PUBLICATION_NAME = re.compile(rf"(?:\b\d{{4}}\s+)?{NAME}")
_PUBLICATION_WORDS = re.compile(r"\b(?:List|Report|Outlook|Review|Assessment|Strategy)\b")
_PUBLISHING_VERB = re.compile(r"\b(?:released|published|issued|unveiled|launched)\b", re.I)
_INVESTED = re.compile(r"\binvest(?:ed|s|ing)\s+(?:[\w$.]+\s+){0,4}?in\s+", re.I)
_OUTREACH = re.compile(r"\b(?:reach\w* out to|approach(?:ed|ing)|court(?:ed|ing))\s+", re.I)


def find_events(clauses: Sequence[Clause], index: ReferenceIndex) -> list[Event]:
    """Every event the clauses state, keyed ``event-<n>`` in text order."""
    events: list[Event] = []
    for clause in clauses:
        found: list[Event] = []
        for finder in (
            _summits,
            _meetings,
            _visits,
            _shipments,
            _publications,
            _investments,
            _outreach,
        ):
            found.extend(finder(clause, clauses, index))
        for event in sorted(found, key=lambda e: e.evidence.anchor):
            events.append(replace(event, key=f"event-{len(events) + 1}"))
    return events


def _date(clause: Clause, trigger: Span) -> DateValue | None:
    after = clause.dates_within(trigger.end, clause.span.end)
    if after:
        return after[0].value
    before = clause.dates_within(clause.span.begin, trigger.begin)
    return before[-1].value if before else None


def _entities(mentions: Sequence[EntityMention], index: ReferenceIndex) -> tuple[Entity, ...]:
    """The entities of mentions; a grouping stands for its members, a region for its states."""
    found: list[Entity] = []
    for mention in mentions:
        members = index.members.get(mention.iri) or tuple(
            sorted(
                e
                for e, containers in index.located_in.items()
                if mention.iri in containers and index.is_a(e, CM.State)
            )
        )
        for entity in [Entity(m) for m in members] if members else [mention.entity]:
            if entity not in found:
                found.append(entity)
    return tuple(found)


def _place(clause: Clause, begin: int, end: int, index: ReferenceIndex) -> Entity | None:
    for mention in clause.mentions_within(begin, end):
        if index.is_a(mention.iri, PLACE_CLASSES):
            return mention.entity
    return None


def _name(entity: Entity, index: ReferenceIndex) -> str:
    return entity.label or index.label(entity.iri)


def _event(clause: Clause, kind: str, label: str, trigger: Span, **fields) -> Event:
    fields.setdefault("date", _date(clause, trigger))
    return Event(
        key="",
        kind=kind,
        label=label,
        evidence=evidence(clause.text, clause.sentence, trigger, clause.span),
        **fields,
    )


def _summits(clause: Clause, clauses: Sequence[Clause], index: ReferenceIndex) -> list[Event]:
    text = clause.text
    events: list[Event] = []
    for match in _NAMED_SUMMIT.finditer(text, clause.span.begin, clause.span.end):
        span = Span(match.start(1), match.end(1))
        place = _place(clause, span.begin, span.end, index)
        if place is None:
            after = re.match(r"\s+in\s+", text[span.end : clause.span.end])
            place = _place(clause, span.end, span.end + 40, index) if after else None
        events.append(_event(clause, "summit", match.group(1), span, place=place))
    for match in _SUMMIT.finditer(text, clause.span.begin, clause.span.end):
        span = Span(match.start(), match.end())
        guests = (
            listed_after(
                clause, span.end + 1, index, max_lead_words=4, classes=ACTOR_CLASSES | PLACE_CLASSES
            )
            if re.match(r"\s+with\b", text[span.end :])
            else []
        )
        if not guests:
            continue
        host = agent_before(clause, span.begin - 1, index)
        host_entity = (
            state_for(host, text, index) if host else implied_agent(clauses, clause, index)
        )
        participants = tuple(
            dict.fromkeys([*([host_entity] if host_entity else []), *_entities(guests, index)])
        )
        place = _place(clause, max(clause.span.begin, span.begin - 40), span.begin, index)
        where = f"{_name(place, index)} " if place else ""
        label = f"{where}summit with {', '.join(_name(g.entity, index) for g in guests)}"
        events.append(_event(clause, "summit", label, span, participants=participants, place=place))
    return events


def _is_leader(entity: Entity, index: ReferenceIndex) -> bool:
    return any(role.title.casefold() in LEADER_TITLES for role in index.roles.get(entity.iri, ()))


def _meetings(clause: Clause, clauses: Sequence[Clause], index: ReferenceIndex) -> list[Event]:
    text = clause.text
    events: list[Event] = []
    for match in _MET.finditer(text, clause.span.begin, clause.span.end):
        span = Span(match.start(), match.end())
        if match.group().lower() == "met":
            before = [
                m
                for m in clause.mentions_within(clause.span.begin, span.begin)
                if is_actor(m, index)
            ]
            people = _trailing_list(clause, before, span.begin)
        else:
            people = listed_after(clause, span.end + 1, index)
        if len(people) < 2:
            continue
        participants = tuple(m.entity for m in people)
        kind = "summit" if all(_is_leader(p, index) for p in participants) else "meeting"
        place_match = re.match(r"\s+(?:in|at)\s+", text[span.end : clause.span.end])
        place = _place(clause, span.end, span.end + 40, index) if place_match else None
        label = f"{' and '.join(_name(p, index) for p in participants)} meeting"
        if place is not None:
            label += f" in {_name(place, index)}"
        events.append(_event(clause, kind, label, span, participants=participants, place=place))
    return events


def _trailing_list(clause: Clause, mentions: list[EntityMention], end: int) -> list[EntityMention]:
    """The actors listed right before ``end`` ("A and B met")."""
    found: list[EntityMention] = []
    cursor = end
    for mention in reversed(mentions):
        gap = clause.text[mention.span.end : cursor]
        if not re.fullmatch(r"\s*(?:,|and|, and)?\s*", gap):
            break
        found.insert(0, mention)
        cursor = mention.span.begin
    return found


def _visits(clause: Clause, clauses: Sequence[Clause], index: ReferenceIndex) -> list[Event]:
    text = clause.text
    events: list[Event] = []
    for match in _VISIT.finditer(text, clause.span.begin, clause.span.end):
        span = Span(match.start(), match.end() - 1)
        before = [
            m for m in clause.mentions_within(clause.span.begin, span.begin) if is_actor(m, index)
        ]
        visitors = _trailing_list(clause, before, span.begin)
        place = next(iter(clause.mentions_within(span.end, span.end + 40)), None)
        if not visitors or place is None:
            continue
        place = place.entity
        names = " and ".join(_name(m.entity, index) for m in visitors)
        label = f"{names} visit to {_name(place, index)}"
        events.append(
            _event(
                clause,
                "visit",
                label,
                span,
                participants=tuple(m.entity for m in visitors),
                place=place,
            )
        )
    return events


def _shipments(clause: Clause, clauses: Sequence[Clause], index: ReferenceIndex) -> list[Event]:
    text = clause.text
    events: list[Event] = []
    for match in _SHIPMENT.finditer(text, clause.span.begin, clause.span.end):
        span = Span(match.start(), match.end())
        window = text[max(clause.span.begin, span.begin - 40) : min(clause.span.end, span.end + 30)]
        if not _SHIPPING_VERB.search(window):
            continue
        shipper_mention = agent_before(clause, span.begin, index)
        shipper = (
            state_for(shipper_mention, text, index)
            if shipper_mention
            else implied_agent(clauses, clause, index)
        )
        to = re.search(r"\bto\s+(?:the\s+)?", text[span.end : clause.span.end])
        recipients = listed_after(clause, span.end + to.end(), index) if to else []
        minerals = tuple(
            m.entity
            for m in clause.mentions_within(span.end, clause.span.end)
            if index.is_a(m.iri, MINERAL_CLASSES)
        )
        if shipper is None:
            continue
        label = f"{_name(shipper, index)} {text[span.begin : span.end].lower()}"
        if recipients:
            label += f" to {_name(recipients[0].entity, index)}"
        events.append(
            _event(
                clause,
                "shipment",
                label,
                span,
                initiator=shipper,
                participants=(shipper, *(state_for(r, text, index) for r in recipients)),
                recipients=tuple(state_for(r, text, index) for r in recipients),
                minerals=minerals,
            )
        )
    return events


def _publications(clause: Clause, clauses: Sequence[Clause], index: ReferenceIndex) -> list[Event]:
    text = clause.text
    if not _PUBLISHING_VERB.search(clause.words):
        return []
    events: list[Event] = []
    for match in _PUBLICATION_NAME.finditer(text, clause.span.begin, clause.span.end):
        if not _PUBLICATION_WORDS.search(match.group()):
            continue
        span = Span(match.start(), match.end())
        inside = [m for m in clause.mentions_within(span.begin, span.end) if is_actor(m, index)]
        by = re.match(r"\s+by\s+(?:the\s+)?", text[span.end : clause.span.end])
        publisher = inside[0] if inside else None
        if publisher is None and by:
            listed = listed_after(clause, span.end + by.end(), index)
            publisher = listed[0] if listed else None
        events.append(
            _event(
                clause,
                "publication",
                match.group(),
                span,
                initiator=publisher.entity if publisher else None,
                participants=(publisher.entity,) if publisher else (),
            )
        )
    return events


def _investments(clause: Clause, clauses: Sequence[Clause], index: ReferenceIndex) -> list[Event]:
    text = clause.text
    events: list[Event] = []
    for match in _INVESTED.finditer(text, clause.span.begin, clause.span.end):
        investor = agent_before(clause, match.start(), index)
        if investor is None:
            continue
        end = text.find(",", match.end(), clause.span.end)
        end = clause.span.end if end < 0 else end
        target = Span(match.end(), end)
        inside = clause.mentions_within(target.begin, target.end)
        place = next(
            (
                Entity(index.state_of(m.iri) or m.iri)
                for m in inside
                if m.form == "demonym" or index.is_a(m.iri, PLACE_CLASSES | {CM.State})
            ),
            None,
        )
        what = text[target.begin : target.end].strip(" .")
        label = f"{_name(investor.entity, index)} investment in {what}"
        events.append(
            _event(
                clause,
                "investment",
                label,
                Span(match.start(), match.end()),
                initiator=investor.entity,
                participants=(investor.entity,),
                place=place,
                minerals=tuple(m.entity for m in inside if index.is_a(m.iri, MINERAL_CLASSES)),
                stages=find_stages(text[target.begin : target.end]),
                amounts=tuple(
                    q
                    for q in clause.quantities_within(match.start(), end)
                    if q.unit == "money" and q.per_unit is None
                ),
            )
        )
    return events


def _outreach(clause: Clause, clauses: Sequence[Clause], index: ReferenceIndex) -> list[Event]:
    text = clause.text
    events: list[Event] = []
    for match in _OUTREACH.finditer(text, clause.span.begin, clause.span.end):
        partners = listed_after(clause, match.end(), index, max_lead_words=3)
        if not partners:
            continue
        initiator_mention = agent_before(clause, match.start(), index)
        initiator = (
            state_for(initiator_mention, text, index)
            if initiator_mention
            else implied_agent(clauses, clause, index)
        )
        label = f"{_name(initiator, index) if initiator else 'outreach'} outreach to " + ", ".join(
            _name(m.entity, index) for m in partners
        )
        events.append(
            _event(
                clause,
                "outreach",
                label,
                Span(match.start(), match.end()),
                initiator=initiator,
                participants=_entities(partners, index),
            )
        )
    return events
