"""Stable, content-derived IRIs for what critmin mints (see ontology/MODEL.md, "IRIs").

Every IRI here is a function of content only: a slug of a label plus the first 8 hex digits of
the sha256 of a canonical key. Keys treat collections as sets (sorted), so the order in which
extraction lists parties or minerals never changes an IRI; nothing is random or read from the
clock.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from hashlib import sha256

from rdflib import URIRef

from critmin.graph.base.namespaces import CMR
from critmin.graph.base.statements import (
    Agreement,
    Control,
    Event,
    Extraction,
    Measurement,
    Obligation,
    Role,
    SupplySource,
)
from critmin.graph.base.values import DateValue, Entity, Quantity, slug

KeyPart = str | int | Decimal | URIRef | DateValue | Entity | Quantity | Iterable | None


def key_hash(*parts: KeyPart) -> str:
    """The first 8 hex digits of the sha256 of the canonical form of ``parts``."""
    canonical = "\x1f".join(_canonical(part) for part in parts)
    return sha256(canonical.encode("utf-8")).hexdigest()[:8]


def decimal_text(value: Decimal) -> str:
    """A decimal in positional notation without trailing zeros: ``8.5E9`` → ``8500000000``."""
    text = format(value.normalize(), "f")
    return text or "0"


def agreement_iri(agreement: Agreement) -> URIRef:
    """``cmr:agreement/<slug>-<hash8>`` from kind, parties, date, stated binding status and,
    for one that is not stated as concluded, its modality (talks about a deal are never the
    node of the deal itself, which would be both concluded and not)."""
    binding = None if agreement.binding is None else str(agreement.binding)
    digest = key_hash(
        "agreement", agreement.kind, agreement.parties, agreement.date, binding,
        *_unstated(agreement.modality),
    )
    return CMR[f"agreement/{slug(agreement.label)}-{digest}"]


def _unstated(modality: str) -> tuple[str, ...]:
    """The modality as a key part when it is not "stated" (stated IRIs keep their old key)."""
    return () if modality == "stated" else (modality,)


def control_iri(control: Control) -> URIRef:
    """``cmr:control/<slug>-<hash8>`` from kind, imposer, targets, minerals, count, dates and,
    for one that is not stated as imposed, its modality."""
    digest = key_hash(
        "control",
        control.kind,
        control.imposer,
        control.targets,
        control.minerals,
        control.element_count,
        control.date,
        control.duration,
        *_unstated(control.modality),
    )
    return CMR[f"control/{slug(control.label)}-{digest}"]


def event_iri(event: Event) -> URIRef:
    """``cmr:event/<slug>-<hash8>`` from kind, place, participants and date."""
    digest = key_hash("event", event.kind, event.place, event.participants, event.date)
    return CMR[f"event/{slug(event.label)}-{digest}"]


def measurement_iri(measurement: Measurement) -> URIRef:
    """``cmr:measurement/<slug>-<hash8>`` from kind, what is measured, the figure and its date."""
    digest = key_hash(
        "measurement",
        measurement.kind,
        measurement.subject,
        measurement.mineral,
        measurement.stage,
        measurement.quantity,
        measurement.date,
        measurement.according_to,
        measurement.share_of,
    )
    return CMR[f"measurement/{slug(measurement.label)}-{digest}"]


def amount_iri(statement: URIRef, quantity: Quantity) -> URIRef:
    """The monetary amount node of a statement: ``<statement>/amount/<hash8>``."""
    return URIRef(f"{statement}/amount/{key_hash(quantity)}")


def obligation_iri(statement: URIRef, obligation: Obligation) -> URIRef:
    """An obligation of a statement: ``<statement>/obligation/<slug>-<hash8>``."""
    digest = key_hash(obligation.kind, obligation.label, obligation.party)
    return URIRef(f"{statement}/obligation/{slug(obligation.label)}-{digest}")


def role_iri(role: Role) -> URIRef:
    """``cmr:role/<person slug>-<hash8>`` from person, title and organisation."""
    return person_role_iri(role.person.iri, role.title, role.organisation)


def person_role_iri(person: URIRef, title: str, organisation: Entity | URIRef | None) -> URIRef:
    """A person's role node, for extracted roles and for document authors alike."""
    digest = key_hash("role", person, title.casefold(), organisation)
    return CMR[f"role/{slug(person.rsplit('/', 1)[-1])}-{digest}"]


def supply_source_iri(source: SupplySource) -> URIRef:
    """``cmr:place/<slug>-<hash8>`` from the source's label and where it is."""
    digest = key_hash("supply-source", " ".join(source.label.casefold().split()), source.located_in)
    return CMR[f"place/{slug(source.label)}-{digest}"]


def author_iri(name: str) -> URIRef:
    """A document author: ``cmr:person/<slug>``, the reference IRI scheme for people."""
    return CMR[f"person/{slug(name)}"]


def organisation_iri(name: str) -> URIRef:
    """An organisation named in plain words (an author's affiliation): ``cmr:actor/<slug>``."""
    return CMR[f"actor/{slug(name)}"]


def correction_iri(action: str, subject: URIRef, predicate: URIRef, obj: KeyPart) -> URIRef:
    """An analyst's correction: ``cmr:correction/<action>-<hash8>`` of the triple it is about."""
    return CMR[f"correction/{action}-{key_hash(action, subject, predicate, _term_key(obj))}"]


def _term_key(term: KeyPart) -> str:
    """An RDF term with its datatype and language, so ``"1"`` and ``1`` stay apart."""
    datatype = getattr(term, "datatype", None)
    language = getattr(term, "language", None)
    return f"{type(term).__name__}:{term}^^{datatype or ''}@{language or ''}"


def _canonical(part: KeyPart) -> str:
    if part is None:
        return "-"
    if isinstance(part, Entity):
        return str(part.iri)
    if isinstance(part, DateValue):
        return f"{part.start}/{part.end or ''}{'~' if part.approximate else ''}"
    if isinstance(part, Decimal):
        return decimal_text(part)
    if isinstance(part, Quantity):
        fields = (
            part.unit,
            part.value,
            part.low,
            part.high,
            part.currency,
            part.per_unit,
            part.qualifier,
            part.counted,
        )
        return "(" + "\x1e".join(_canonical(field) for field in fields) + ")"
    if isinstance(part, str | int):
        return str(part)
    return "{" + "\x1e".join(sorted(_canonical(item) for item in part)) + "}"


def statement_iris(extraction: Extraction) -> dict[str, URIRef]:
    """Each statement's own IRI, by its extraction key (before any merge across documents)."""
    names: dict[str, URIRef] = {}
    for agreement in extraction.agreements:
        names[agreement.key] = agreement_iri(agreement)
    for control in extraction.controls:
        names[control.key] = control_iri(control)
    for event in extraction.events:
        names[event.key] = event_iri(event)
    for measurement in extraction.measurements:
        names[measurement.key] = measurement_iri(measurement)
    return names
