"""What extraction finds in one document, as plain values: the hand-over from text to RDF.

The extraction modules (mentions, agreements, controls, events, measurements) produce these;
the RDF modules (triples, merge, dataset) turn them into named graphs. Nothing here knows
about spaCy or about serialisation. Offsets are character offsets into ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from critmin.graph.base.documents import Document
from critmin.graph.base.values import DateValue, Entity, Evidence, Mention, Quantity


@dataclass(frozen=True)
class Obligation:
    """Something a party commits to: a ``cm:Obligation`` subclass, a label and who owes it."""

    kind: URIRef
    label: str
    party: Entity | None = None


MODALITIES = (
    "stated", "denied", "hypothetical", "negotiated", "proposed", "initialled", "planned",
    "threatened",
)  # fmt: skip
"""How a source puts a statement: as a fact (``stated``), or as something that is only talked
about, proposed, initialled, planned, denied, supposed or threatened."""


@dataclass(frozen=True)
class Agreement:
    """An agreement the text mentions. ``kind`` is the short word of the agreements table.

    Only a ``stated`` agreement is an agreement; the others are prospective (talks, proposals,
    plans) or denied. ``signatories`` are the people or bodies that signed for the parties;
    ``amends`` the keys of agreements this one changes or extends.
    """

    key: str
    kind: str
    label: str
    evidence: Evidence
    parties: tuple[Entity, ...] = ()
    date: DateValue | None = None
    binding: bool | None = None
    stages: tuple[URIRef, ...] = ()
    minerals: tuple[Entity, ...] = ()
    amounts: tuple[Quantity, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    comprises: tuple[str, ...] = ()
    agreed_at: str | None = None
    modality: str = "stated"
    signatories: tuple[Entity, ...] = ()
    in_force: DateValue | None = None
    amends: tuple[str, ...] = ()


@dataclass(frozen=True)
class Control:
    """A control measure, or an act (pause, lifting, suspension) on other controls.

    ``acts_on`` holds the keys of the controls a pause or lifting acts on; ``agreed_in`` the key
    of the agreement or event that produced it; ``duration`` an ISO 8601 duration (``P1Y``).
    ``date`` is when it was announced or decided, ``in_force`` when it applies from;
    ``replaces`` the keys of controls it replaces. Only a ``stated`` control is a control.
    """

    key: str
    kind: str
    label: str
    evidence: Evidence
    imposer: Entity | None = None
    targets: tuple[Entity, ...] = ()
    minerals: tuple[Entity, ...] = ()
    element_count: int | None = None
    date: DateValue | None = None
    duration: str | None = None
    status: str | None = None
    acts_on: tuple[str, ...] = ()
    in_exchange_for: tuple[Obligation, ...] = ()
    agreed_in: str | None = None
    modality: str = "stated"
    in_force: DateValue | None = None
    replaces: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """A summit, meeting, visit, shipment, publication, investment or outreach."""

    key: str
    kind: str
    label: str
    evidence: Evidence
    participants: tuple[Entity, ...] = ()
    place: Entity | None = None
    date: DateValue | None = None
    initiator: Entity | None = None
    recipients: tuple[Entity, ...] = ()
    minerals: tuple[Entity, ...] = ()
    stages: tuple[URIRef, ...] = ()
    amounts: tuple[Quantity, ...] = ()
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Measurement:
    """A figure: price, share, amount of money, count, forecast, duration or impact.

    ``share_of`` says what a share is of: one of ``SHARE_OF`` (the stage, if any, is ``stage``).
    """

    key: str
    kind: str
    label: str
    evidence: Evidence
    quantity: Quantity
    subject: Entity | None = None
    mineral: Entity | None = None
    stage: URIRef | None = None
    date: DateValue | None = None
    according_to: Entity | None = None
    share_of: str | None = None


SHARE_OF = ("mining", "processing", "consumption", "production", "reserves")
"""What a share may be of: a stage of supply (mining; processing with its narrower stages),
use (consumption), output (production) or what lies in the ground (reserves)."""


@dataclass(frozen=True)
class Role:
    """A person's role: title, and the organisation or state it is in."""

    person: Entity
    title: str
    evidence: Evidence
    organisation: Entity | None = None


@dataclass(frozen=True)
class SupplySource:
    """A named source of minerals (mine, reserves, deposits, sites, projects) and where it is."""

    key: str
    label: str
    evidence: Evidence
    located_in: Entity | None = None
    minerals: tuple[Entity, ...] = ()


Statement = Agreement | Control | Event | Measurement | Role | SupplySource
"""Anything an extraction rule returns."""


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    controls: tuple[Control, ...] = ()
    events: tuple[Event, ...] = ()
    measurements: tuple[Measurement, ...] = ()
    roles: tuple[Role, ...] = ()
    supply_sources: tuple[SupplySource, ...] = ()
    new_entities: tuple[Entity, ...] = field(default=())
