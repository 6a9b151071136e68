"""Extraction of one document: the reading, then every rule in order, then the links.

``RULES`` are run in order, each after the rules whose statements it reads. The extractor
alone gives statements their keys, ``<kind>-<n>`` in the order the rules return them (the
agreements a rule implies after those stated), rewriting the keys statements use for each
other. Links: an agreement or a control action stated in the clause of a meeting or summit
is its outcome and is agreed at / in it; a control action stated with an agreement is agreed
in it.

``Extractor`` is the interface any extractor keeps (a document in, statements with evidence
out), so that a statistical one can be scored on the same gold.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import fields, replace
from typing import Protocol

from spacy.language import Language

from critmin.graph.base.documents import Document
from critmin.graph.base.statements import Agreement, Control, Event, Extraction, Statement
from critmin.graph.base.values import Evidence, Span
from critmin.graph.rules import (
    actors,
    agreements,
    controls,
    events,
    implied_agreements,
    measurements,
    supply,
)
from critmin.graph.rules.contract import Rule
from critmin.graph.rules.reading import read
from critmin.graph.text.reference import ReferenceIndex

log = logging.getLogger("critmin.extract")

RULES: tuple[Rule, ...] = (
    agreements.RULE,
    events.RULE,
    controls.RULE,
    implied_agreements.RULE,
    measurements.RULE,
    actors.ROLES,
    supply.RULE,
)
"""The rules, in the order they run."""

KEY_PREFIXES = {
    "agreements": "agreement", "implied-agreements": "agreement", "controls": "control",
    "events": "event", "measurements": "measurement", "supply-sources": "source",
}  # fmt: skip
"""The key prefix of each rule's statements (roles have no keys)."""

_REFERENCES = ("acts_on", "comprises", "amends", "replaces", "agreed_in", "agreed_at", "outcomes")


class Extractor(Protocol):
    """Anything that turns a document into its statements."""

    def __call__(self, document: Document) -> Extraction: ...


def check_order(rules: Sequence[Rule]) -> None:
    """Raise ValueError where a rule runs before a rule whose statements it reads."""
    seen: set[str] = set()
    for rule in rules:
        missing = [name for name in rule.after if name not in seen]
        if missing:
            raise ValueError(f"rule {rule.name} runs before {', '.join(missing)}")
        seen.add(rule.name)


def extract(document: Document, nlp: Language, index: ReferenceIndex) -> Extraction:
    """Everything one document states, as plain values (see graph/base/statements.py)."""
    check_order(RULES)
    reading = read(document, nlp, index)
    found: dict[str, list[Statement]] = {}
    counters: dict[str, int] = {}
    for rule in RULES:
        found[rule.name] = _keyed(list(rule.find(reading, found)), rule.name, counters)
    stated_agreements = [*found["agreements"], *found["implied-agreements"]]
    linked_agreements, linked_controls, linked_events = _link(
        document.text, stated_agreements, found["controls"], found["events"]
    )
    extraction = Extraction(
        document=document,
        mentions=tuple(m.as_mention() for m in reading.mentions if m.form != "anaphor"),
        agreements=tuple(linked_agreements),
        controls=tuple(linked_controls),
        events=tuple(linked_events),
        measurements=tuple(found["measurements"]),
        roles=tuple(found["roles"]),
        supply_sources=tuple(found["supply-sources"]),
        new_entities=reading.minted,
    )
    log.info(
        "%s: %s",
        document.file_name,
        ", ".join(f"{len(statements)} {name}" for name, statements in found.items()),
    )
    return extraction


def _keyed(statements: list[Statement], rule: str, counters: dict[str, int]) -> list[Statement]:
    """The statements of one rule with final keys, and their references to each other
    rewritten; keys of earlier rules' statements are left as they are."""
    prefix = KEY_PREFIXES.get(rule)
    if prefix is None:
        return statements
    renamed: dict[str, str] = {}
    for statement in statements:
        counters[prefix] = counters.get(prefix, 0) + 1
        renamed[statement.key] = f"{prefix}-{counters[prefix]}"
    keyed = []
    for statement in statements:
        changes = {"key": renamed[statement.key]}
        names = {f.name for f in fields(statement)}
        for reference in _REFERENCES:
            if reference not in names:
                continue
            value = getattr(statement, reference)
            if isinstance(value, tuple):
                changes[reference] = tuple(renamed.get(k, k) for k in value)
            elif isinstance(value, str):
                changes[reference] = renamed.get(value, value)
        keyed.append(replace(statement, **changes))
    return keyed


def _link(
    text: str, agreements: list[Agreement], controls: list[Control], events: list[Event]
) -> tuple[list[Agreement], list[Control], list[Event]]:
    """Relate statements made in the clause of a meeting or summit to that event."""
    meetings: dict[Span, list[Event]] = {}
    for event in events:
        if event.kind in ("summit", "meeting"):
            meetings.setdefault(event.evidence.sentence, []).append(event)
    linked_agreements: list[Agreement] = []
    outcomes: dict[str, list[str]] = {e.key: list(e.outcomes) for e in events}
    for agreement in agreements:
        event = _event_of(text, agreement.evidence, meetings)
        if event is not None and agreement.modality == "stated":
            agreement = replace(agreement, agreed_at=event.key)
            outcomes[event.key].append(agreement.key)
        linked_agreements.append(agreement)
    stated_in: dict[Span, Agreement] = {}
    for agreement in linked_agreements:
        if agreement.modality == "stated":
            stated_in.setdefault(agreement.evidence.sentence, agreement)
    linked_controls: list[Control] = []
    for control in controls:
        if control.acts_on and control.modality == "stated":
            agreement = stated_in.get(control.evidence.sentence)
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


def _event_of(text: str, found: Evidence, meetings: dict[Span, list[Event]]) -> Event | None:
    """The meeting or summit named in the same clause (no semicolon between), if any;
    ``meetings``: the meetings and summits by sentence, in order."""
    for event in meetings.get(found.sentence, ()):
        begin = min(event.evidence.anchor.begin, found.anchor.begin)
        end = max(event.evidence.anchor.end, found.anchor.end)
        if ";" not in text[begin:end]:
            return event
    return None
