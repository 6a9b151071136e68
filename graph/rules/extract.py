"""Extraction of one document: mentions, then statements of each kind, then links between them.

Steps: sentences outside the noise spans; reference mentions and minted names (organisations
and people the reference data lacks); dates (with the document's context year) and
quantities; clauses; then agreements, events, controls and acts on them, the agreements
those acts imply, measurements, roles and supply sources. Keys are ``<kind>-<n>``, unique
within the document (in text order, implied agreements after stated ones). Links: a pause or
lifting acts on the controls of its imposer; an agreement or control action stated in the
sentence of a meeting is its outcome and is agreed at / in it.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from spacy.language import Language

from critmin.graph.base.documents import Document
from critmin.graph.base.statements import Agreement, Control, Event, Extraction
from critmin.graph.base.values import Evidence, Quantity, Span
from critmin.graph.rules.actors import find_new_actors, find_roles, merge_mentions
from critmin.graph.rules.agreements import find_agreements
from critmin.graph.rules.control_acts import act_objects, find_control_acts
from critmin.graph.rules.controls import find_controls
from critmin.graph.rules.events import find_events
from critmin.graph.rules.implied_agreements import (
    adopted_instruments,
    committed_agreements,
    implied_agreements,
)
from critmin.graph.rules.measurements import find_measurements
from critmin.graph.rules.supply import find_supply_sources
from critmin.graph.text.amounts import find_quantities
from critmin.graph.text.dates import find_dates, year_of_context
from critmin.graph.text.mentions import make_clauses, mention_finder
from critmin.graph.text.nlp import split_sentences
from critmin.graph.text.reference import ReferenceIndex

log = logging.getLogger("critmin.extract")


def extract(document: Document, nlp: Language, index: ReferenceIndex) -> Extraction:
    """Everything one document states, as plain values (see graph/base/statements.py)."""
    text, noise = document.text, document.noise
    sentences = split_sentences(text, nlp, noise)
    reference = mention_finder(nlp, index).find(text, noise)
    minted = [
        found
        for sentence in sentences
        for found in find_new_actors(text, sentence.span, reference, index)
    ]
    mentions = merge_mentions(reference, minted)
    year = year_of_context(text, document.date)
    dates = [d for d in find_dates(text, year, document.date) if not document.in_noise(d.begin)]
    quantities = [q for q in find_quantities(text) if not document.in_noise(q.begin)]
    clauses = make_clauses(text, sentences, mentions, dates, quantities)

    agreements = find_agreements(clauses, index, year)
    events = find_events(clauses, index)
    controls = find_controls(clauses, index, year, exclude=act_objects(clauses))
    controls = find_control_acts(clauses, controls, index, year)
    agreements += implied_agreements(clauses, agreements, controls, events, index)
    agreements += committed_agreements(clauses, agreements, index, year)
    agreements += adopted_instruments(clauses, agreements, index, year)
    agreements, controls, events = _link(text, agreements, controls, events)
    used = _used_quantities(quantities, agreements, controls, events)
    measurements = find_measurements(clauses, index, year, used)
    roles = find_roles(clauses, index)
    sources = find_supply_sources(clauses, index)
    extraction = Extraction(
        document=document,
        mentions=tuple(m.as_mention() for m in mentions),
        agreements=tuple(agreements),
        controls=tuple(controls),
        events=tuple(events),
        measurements=tuple(measurements),
        roles=tuple(roles),
        supply_sources=tuple(sources),
        new_entities=tuple(dict.fromkeys(m.entity for m in minted)),
    )
    log.info(
        "%s: %d mentions, %d agreements, %d controls, %d events, %d measurements, "
        "%d roles, %d supply sources, %d new entities",
        document.file_name,
        len(extraction.mentions),
        len(agreements),
        len(controls),
        len(events),
        len(measurements),
        len(roles),
        len(sources),
        len(extraction.new_entities),
    )
    return extraction


def _used_quantities(
    quantities: list[Quantity],
    agreements: list[Agreement],
    controls: list[Control],
    events: list[Event],
) -> set[tuple[int, int]]:
    """Quantities other statements hold (amounts, element counts, durations, participants)."""
    used = {(q.begin, q.end) for agreement in agreements for q in agreement.amounts}
    used |= {(q.begin, q.end) for event in events for q in event.amounts}
    for quantity in quantities:
        span = Span(quantity.begin, quantity.end)
        for control in controls:
            sentence = control.evidence.sentence
            if not sentence.begin <= span.begin < sentence.end:
                continue
            count = quantity.unit == "count" and quantity.value == control.element_count
            duration = quantity.unit == "year" and control.duration == f"P{quantity.value}Y"
            if count or duration:
                used.add((quantity.begin, quantity.end))
        for event in events:
            anchor = event.evidence.anchor
            if quantity.unit == "count" and anchor.begin <= span.begin < anchor.end:
                used.add((quantity.begin, quantity.end))
    return used


def _link(
    text: str, agreements: list[Agreement], controls: list[Control], events: list[Event]
) -> tuple[list[Agreement], list[Control], list[Event]]:
    """Relate statements made in the clause of a meeting or summit to that event."""
    meetings = [e for e in events if e.kind in ("summit", "meeting")]
    linked_agreements: list[Agreement] = []
    outcomes: dict[str, list[str]] = {e.key: list(e.outcomes) for e in events}
    for agreement in agreements:
        event = _event_of(text, agreement.evidence, meetings)
        if event is not None:
            agreement = replace(agreement, agreed_at=event.key)
            outcomes[event.key].append(agreement.key)
        linked_agreements.append(agreement)
    linked_controls: list[Control] = []
    for control in controls:
        if control.kind in ("pause", "suspension") or control.kind.endswith("lifting"):
            agreement = next(
                (a for a in linked_agreements if a.evidence.sentence == control.evidence.sentence),
                None,
            )
            event = _event_of(text, control.evidence, meetings)
            if agreement is not None and control.agreed_in is None:
                control = replace(control, agreed_in=agreement.key)
            elif event is not None and control.agreed_in is None:
                control = replace(control, agreed_in=event.key)
            if event is not None:
                outcomes[event.key].append(control.key)
        linked_controls.append(control)
    linked_events = [replace(e, outcomes=tuple(dict.fromkeys(outcomes[e.key]))) for e in events]
    return linked_agreements, linked_controls, linked_events


def _event_of(text: str, found: Evidence, meetings: list[Event]) -> Event | None:
    """The meeting or summit named in the same clause (no semicolon between), if any."""
    for event in meetings:
        if event.evidence.sentence == found.sentence:
            begin = min(event.evidence.anchor.begin, found.anchor.begin)
            end = max(event.evidence.anchor.end, found.anchor.end)
            if ";" not in text[begin:end]:
                return event
    return None
