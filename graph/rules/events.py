"""Events stated in text: summits and meetings, visits, publications and outreach here;
shipments, investments and financing in ``transfers``.

Rules:

- Summit: "<Name> Summit" (the name is the label; a place named in it is the place) or
  "summit with <actors>" (a grouping with members in the reference data stands for its
  members, "N <region> states" for the states of the region; the host is the clause's agent
  or the implied agent); "their / its summit (in PLACE)" is a summit of the clause's subject
  (a grouping standing for its members).
- Meeting: "<actors> met (in PLACE) (in MONTH)" or "meeting between/with <actors>"; a meeting
  of heads of state or government (reference roles President, Prime Minister, ...) is a summit.
- Visit: "<actors> arrived at/in PLACE", "visited PLACE", "a visit to PLACE".
- Publication: a Title-Case name holding List/Report/Outlook/Review/Assessment/Strategy with
  "released/published/issued/unveiled" in the clause; the publisher (initiator) is the actor
  named inside the title or after "by".
- Outreach: "<agent> reaching out to / approached / courted <partners> (in A, B and C)".
Dates: see ``event_parts``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from critmin.graph.base.statements import Event
from critmin.graph.base.values import Entity, Span
from critmin.graph.rules.actors import NAME
from critmin.graph.rules.agents import (
    DocumentAgents,
    agent_before,
    in_agent_position,
    is_actor,
    listed_after,
    state_for,
)
from critmin.graph.rules.contract import Found, Reading, Rule
from critmin.graph.rules.event_parts import entities_of, make_event, name_of, place_in
from critmin.graph.rules.transfers import financing, investments, shipments
from critmin.graph.text.mentions import Clause, EntityMention
from critmin.graph.text.reference import ACTOR_CLASSES, PLACE_CLASSES, ReferenceIndex

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
_WITH = re.compile(r"\s+with\b")
_OWN = re.compile(r"\b(?:their|its)\s+(?:[\w-]+\s+)?$", re.I)
_MET = re.compile(r"\bmet\b|\bmeeting (?:between|with)\b", re.I)
_VISIT = re.compile(
    r"\b(?:arrived (?:at|in)|visited|(?:a |an |the )?visit to|travell?ed to)\s", re.I
)
_PUBLICATION_NAME = re.compile(rf"(?:\b\d{{4}}\s+)?{NAME}")
_PUBLICATION_WORDS = re.compile(r"\b(?:List|Report|Outlook|Review|Assessment|Strategy)\b")
_PUBLISHING_VERB = re.compile(r"\b(?:released|published|issued|unveiled|launched)\b", re.I)
_OUTREACH = re.compile(r"\b(?:reach\w* out to|approach(?:ed|ing)|court(?:ed|ing))\s+", re.I)


def find_events(clauses: Sequence[Clause], index: ReferenceIndex) -> list[Event]:
    """Every event the clauses state, keyed ``event-<n>`` in text order."""
    events: list[Event] = []
    agents = DocumentAgents(clauses, index)
    for clause in clauses:
        found: list[Event] = []
        for finder in (
            _summits,
            _meetings,
            _visits,
            shipments,
            _publications,
            investments,
            financing,
            _outreach,
        ):
            found.extend(finder(clause, agents, index))
        for event in sorted(found, key=lambda e: e.evidence.anchor):
            events.append(replace(event, key=f"event-{len(events) + 1}"))
    return events


def _summits(clause: Clause, agents: DocumentAgents, index: ReferenceIndex) -> list[Event]:
    text = clause.text
    events: list[Event] = []
    for match in _NAMED_SUMMIT.finditer(text, clause.span.begin, clause.span.end):
        span = Span(match.start(1), match.end(1))
        place = place_in(clause, span.begin, span.end, index)
        if place is None:
            after = re.match(r"\s+in\s+", text[span.end : clause.span.end])
            place = place_in(clause, span.end, span.end + 40, index) if after else None
        events.append(make_event(clause, "summit", match.group(1), span, place=place))
    for match in _SUMMIT.finditer(text, clause.span.begin, clause.span.end):
        span = Span(match.start(), match.end())
        guests = (
            listed_after(
                clause, span.end + 1, index, max_lead_words=4, classes=ACTOR_CLASSES | PLACE_CLASSES
            )
            if _WITH.match(text, span.end)
            else []
        )
        if not guests:
            events.extend(_own_summit(clause, span, index))
            continue
        host = agent_before(clause, span.begin - 1, index)
        host_entity = state_for(host, text, index) if host else agents.implied(clause)
        hosts = [host_entity] if host_entity else []
        participants = tuple(dict.fromkeys([*hosts, *entities_of(guests, text, index)]))
        place = place_in(clause, max(clause.span.begin, span.begin - 40), span.begin, index)
        where = f"{name_of(place, index)} " if place else ""
        label = f"{where}summit with {', '.join(name_of(g.entity, index) for g in guests)}"
        events.append(
            make_event(clause, "summit", label, span, participants=participants, place=place)
        )
    return events


def _own_summit(clause: Clause, span: Span, index: ReferenceIndex) -> list[Event]:
    """ "their / its summit (in PLACE)": a summit of the clause's subject (and those listed
    with it)."""
    text = clause.text
    if not _OWN.search(text, clause.span.begin, span.begin):
        return []
    subject = next(
        (
            m
            for m in clause.mentions
            if is_actor(m, index) and m.form != "demonym" and in_agent_position(m, clause)
        ),
        None,
    )
    if subject is None:
        return []
    subjects = listed_after(clause, subject.span.begin, index) or [subject]
    at = re.match(r"\s+(?:in|at)\s+", text[span.end : clause.span.end])
    place = place_in(clause, span.end, span.end + 40, index) if at else None
    label = f"{' and '.join(name_of(m.entity, index) for m in subjects)} summit"
    label += f" in {name_of(place, index)}" if place else ""
    participants = entities_of(subjects, text, index)
    return [make_event(clause, "summit", label, span, participants=participants, place=place)]


def _is_leader(entity: Entity, index: ReferenceIndex) -> bool:
    return any(role.title.casefold() in LEADER_TITLES for role in index.roles.get(entity.iri, ()))


def _meetings(clause: Clause, agents: DocumentAgents, index: ReferenceIndex) -> list[Event]:
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
        place = place_in(clause, span.end, span.end + 40, index) if place_match else None
        label = f"{' and '.join(name_of(p, index) for p in participants)} meeting"
        if place is not None:
            label += f" in {name_of(place, index)}"
        events.append(make_event(clause, kind, label, span, participants=participants, place=place))
    return events


def _trailing_list(clause: Clause, mentions: list[EntityMention], end: int) -> list[EntityMention]:
    """The actors listed right before ``end`` ("A and B met")."""
    found: list[EntityMention] = []
    cursor = end
    for mention in reversed(mentions):
        gap = clause.text[mention.span.end : cursor]
        if not re.fullmatch(r"\s*(?:,|and|, and)?\s*(?:the\s+)?", gap):
            break
        found.insert(0, mention)
        cursor = mention.span.begin
    return found


def _visits(clause: Clause, agents: DocumentAgents, index: ReferenceIndex) -> list[Event]:
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
        names = " and ".join(name_of(m.entity, index) for m in visitors)
        label = f"{names} visit to {name_of(place, index)}"
        events.append(
            make_event(
                clause,
                "visit",
                label,
                span,
                participants=tuple(m.entity for m in visitors),
                place=place,
            )
        )
    return events


def _publications(clause: Clause, agents: DocumentAgents, index: ReferenceIndex) -> list[Event]:
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
            make_event(
                clause,
                "publication",
                match.group(),
                span,
                initiator=publisher.entity if publisher else None,
                participants=(publisher.entity,) if publisher else (),
            )
        )
    return events


def _outreach(clause: Clause, agents: DocumentAgents, index: ReferenceIndex) -> list[Event]:
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
            else agents.implied(clause)
        )
        label = (
            f"{name_of(initiator, index) if initiator else 'outreach'} outreach to "
            + ", ".join(name_of(m.entity, index) for m in partners)
        )
        events.append(
            make_event(
                clause,
                "outreach",
                label,
                Span(match.start(), match.end()),
                initiator=initiator,
                participants=entities_of(partners, text, index),
            )
        )
    return events


def _events(reading: Reading, found: Found) -> list[Event]:
    return find_events(reading.clauses, reading.index)


RULE = Rule(name="events", find=_events)
