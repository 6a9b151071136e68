"""One source document's named graph: its statements, their provenance and their evidence spans.

Every node has a content-derived IRI (no blank nodes), so the same extraction always gives the
same triples. Statement IRIs come from ``names`` (statement key → IRI), which the merge step
fills so that one real-world thing reported by several documents has one IRI.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping

from rdflib import DCTERMS, PROV, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from critmin.graph.base.documents import Document
from critmin.graph.base.kinds import MODALITY_INDIVIDUALS, UNCONCLUDED, class_of
from critmin.graph.base.namespaces import CM, NIF, SCHEMA, bind_prefixes, document_iri, span_iri
from critmin.graph.base.namespaces import document_graph as document_graph_iri
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
from critmin.graph.base.values import (
    MAX_ANCHOR_WORDS,
    WORD,
    DateValue,
    Entity,
    Evidence,
    Quantity,
    Span,
)
from critmin.graph.rdf import iris
from critmin.graph.rdf.literals import (
    date_literal,
    decimal_literal,
    end_date,
    offset_literal,
    without_copied_runs,
    word_runs,
)

log = logging.getLogger(__name__)

SHARE_CLASSES: dict[str, URIRef] = {
    "mining": CM.MiningShare, "processing": CM.ProcessingShare,
    "consumption": CM.ConsumptionShare, "production": CM.ProductionShare,
    "reserves": CM.ReserveShare,
}  # fmt: skip
"""Share classes by what a share is of (``Measurement.share_of``)."""
STAGES = frozenset(
    CM[name]
    for name in [
        "exploration", "mining", "processing", "separation", "refining", "beneficiation",
        "metalMaking", "magnetMaking", "recycling", "stockpiling",
    ]
)  # fmt: skip
UNITS: dict[str, URIRef] = {
    "percent": CM.percent, "kilogram": CM.kilogram, "tonne": CM.tonne, "year": CM.year,
}  # fmt: skip
STATUSES: dict[str, URIRef] = {
    "in-force": CM.inForce, "in force": CM.inForce, "inForce": CM.inForce,
    "paused": CM.paused, "lifted": CM.lifted,
}  # fmt: skip
ACTS_ON: dict[str, URIRef] = {"pause": CM.pauses, "suspension": CM.pauses, "lifting": CM.lifts}
CRITICAL_MINERALS_LIST = re.compile(r"\blist\b.*\bcritical minerals?\b|\bcritical minerals? list\b")



def document_graph(extraction: Extraction, names: Mapping[str, URIRef] | None = None) -> Graph:
    """The named graph of one document: what it states, with provenance and evidence spans.

    ``names`` maps statement keys to IRIs (the merge step's choice); statements not in it get
    their own content-derived IRI.
    """
    document = extraction.document
    graph = Graph(identifier=document_graph_iri(document.sha16))
    bind_prefixes(graph)
    writer = _Writer(graph, document, {**iris.statement_iris(extraction), **(names or {})})
    writer.document_node()
    for entity in extraction.new_entities:
        writer.entity(entity)
    for agreement in extraction.agreements:
        writer.agreement(agreement)
    for control in extraction.controls:
        writer.control(control)
    for event in extraction.events:
        writer.event(event)
    for measurement in extraction.measurements:
        writer.measurement(measurement)
    for role in extraction.roles:
        writer.role(role)
    for source in extraction.supply_sources:
        writer.supply_source(source)
    return graph


class _Writer:
    """Adds one document's statements to its graph."""

    def __init__(self, graph: Graph, document: Document, names: Mapping[str, URIRef]) -> None:
        self.graph = graph
        self.document = document
        self.names = names
        self.source = document_iri(document.sha16)
        self.runs = word_runs(document.text)

    def text_literal(self, phrase: str) -> Literal:
        """A literal made from the document's words: never a run of 12 of them."""
        return Literal(without_copied_runs(phrase, self.runs))

    def add(self, subject: Node, predicate: URIRef, obj: Node | None) -> None:
        if obj is not None:
            self.graph.add((subject, predicate, obj))

    def add_all(self, subject: Node, predicate: URIRef, objects: Iterable[Node]) -> None:
        for obj in objects:
            self.add(subject, predicate, obj)

    def document_node(self) -> None:
        document, node = self.document, self.source
        title = without_copied_runs(document.title, self.runs) if document.title else None
        self.add(node, RDF.type, CM.SourceDocument)
        self.add(node, RDFS.label, Literal(title or document.file_name))
        self.add(node, CM.fileName, Literal(document.file_name))
        self.add(node, CM.sha256, Literal(document.sha256))
        if title:
            self.add(node, DCTERMS.title, Literal(title))
        if document.publisher:
            self.add(node, DCTERMS.publisher, Literal(document.publisher))
        if document.date:
            self.add(node, DCTERMS.date, date_literal(document.date))
        for author in document.authors:
            person = iris.author_iri(author.name)
            self.add(node, DCTERMS.creator, person)
            self.add(person, RDF.type, CM.Person)
            self.add(person, RDFS.label, Literal(author.name))
            if author.role or author.affiliation:
                organisation = None
                if author.affiliation:
                    organisation = iris.organisation_iri(author.affiliation)
                    self.add(organisation, RDF.type, CM.Actor)
                    self.add(organisation, RDFS.label, Literal(author.affiliation))
                title = author.role or "affiliate"
                role = iris.person_role_iri(person, title, organisation)
                self.add(person, CM.hasRole, role)
                self.add(role, RDF.type, CM.Role)
                self.add(role, RDFS.label, Literal(title))
                self.add(role, CM.roleTitle, Literal(title))
                self.add(role, CM.roleIn, organisation)
                self.add(role, PROV.wasDerivedFrom, node)

    def entity(self, entity: Entity) -> None:
        if entity.label:
            self.add(entity.iri, RDFS.label, self.text_literal(entity.label))
        self.add_all(entity.iri, RDF.type, entity.types)
        for predicate, obj in entity.facts:
            self.add(entity.iri, predicate, obj)

    def provenance(self, node: URIRef, label: str, evidence: Evidence) -> None:
        """Label, source document and evidence span of a statement node."""
        self.add(node, RDFS.label, self.text_literal(label))
        self.add(node, PROV.wasDerivedFrom, self.source)
        self.add(node, CM.evidence, self.span(evidence))

    def span(self, evidence: Evidence) -> URIRef:
        anchor, sentence = self.short_anchor(evidence.anchor), evidence.sentence
        text = self.document.text[anchor.begin : anchor.end]
        node = span_iri(self.document.sha16, anchor.begin, anchor.end)
        self.add(node, RDF.type, NIF.String)
        self.add(node, RDF.type, NIF.OffsetBasedString)
        self.add(node, NIF.beginIndex, offset_literal(anchor.begin))
        self.add(node, NIF.endIndex, offset_literal(anchor.end))
        self.add(node, NIF.anchorOf, Literal(text))
        self.add(node, NIF.referenceContext, self.source)
        self.add(node, CM.sentenceBegin, offset_literal(sentence.begin))
        self.add(node, CM.sentenceEnd, offset_literal(sentence.end))
        return node

    def short_anchor(self, anchor: Span) -> Span:
        """The anchor, cut after its ``MAX_ANCHOR_WORDS``-th word if it is longer.

        Words are counted as the SHACL shape and the corpus leak check count them: runs of
        ASCII letters and digits, so "one-year" and "China's" are two words each.
        """
        words = list(WORD.finditer(self.document.text, anchor.begin, anchor.end))
        name = self.document.file_name
        if not words:
            raise ValueError(f"{name}: evidence anchor {anchor.begin}-{anchor.end} has no words")
        if len(words) <= MAX_ANCHOR_WORDS:
            return anchor
        log.warning("%s: evidence anchor %d-%d has %d words; cut to %d", name, anchor.begin,
                    anchor.end, len(words), MAX_ANCHOR_WORDS)
        return Span(anchor.begin, words[MAX_ANCHOR_WORDS - 1].end())

    def kind(self, node: URIRef, statement: str, word: str, modality: str) -> None:
        """The class of a statement of this kind; for one the source does not state as done,
        the class of unconcluded statements and its modality."""
        if modality == "stated":
            self.add(node, RDF.type, class_of(statement, word))
        else:
            self.add(node, RDF.type, UNCONCLUDED[statement])
            self.add(node, CM.modality, MODALITY_INDIVIDUALS[modality])

    def unconcluded(
        self,
        node: URIRef,
        actors: Iterable[Entity],
        date: DateValue | None,
        minerals: Iterable[Entity],
    ) -> None:
        """What an unconcluded agreement or unimposed control involves: who, when, which
        minerals (never as parties or imposers, which would make it an agreement or control)."""
        self.add_all(node, CM.involvesActor, (actor.iri for actor in actors))
        self.dates(node, date)
        self.add_all(node, CM.coversMineral, (mineral.iri for mineral in minerals))

    def in_force(self, node: URIRef, date: DateValue | None) -> None:
        if date is not None and not date.end:
            self.add(node, CM.inForceFrom, date_literal(date.start))

    def dates(self, node: URIRef, date: DateValue | None) -> None:
        if date is None:
            return
        if date.approximate and date.decade():
            self.add(node, CM.horizon, Literal(date.decade()))
        elif date.end:
            self.add(node, CM.startDate, date_literal(date.start))
            self.add(node, CM.endDate, date_literal(date.end))
        else:
            self.add(node, CM.date, date_literal(date.start))

    def linked(self, node: URIRef, predicate: URIRef, keys: Iterable[str]) -> None:
        """Links to other statements of this document, by their keys."""
        for key in keys:
            if key in self.names:
                self.add(node, predicate, self.names[key])
            else:
                name = self.document.file_name
                log.warning("%s: %s refers to unknown statement %r", name, node, key)

    def obligations(self, node: URIRef, predicate: URIRef, items: Iterable[Obligation]) -> None:
        for obligation in items:
            obligation_node = iris.obligation_iri(node, obligation)
            self.add(node, predicate, obligation_node)
            self.add(obligation_node, RDF.type, obligation.kind)
            self.add(obligation_node, RDFS.label, self.text_literal(obligation.label))
            if obligation.party:
                self.add(obligation_node, CM.obligedParty, obligation.party.iri)

    def amounts(self, node: URIRef, quantities: Iterable[Quantity], evidence: Evidence) -> None:
        """Monetary amount nodes (measurements too) with the evidence of their statement."""
        for quantity in quantities:
            amount = iris.amount_iri(node, quantity)
            self.add(node, CM.hasAmount, amount)
            self.add(amount, RDF.type, CM.MonetaryAmount)
            self.provenance(amount, _amount_label(quantity), evidence)
            self.quantity(amount, quantity, monetary=True)

    def quantity(self, node: URIRef, quantity: Quantity, monetary: bool = False) -> None:
        """The figure of a measurement or amount node: value or range, unit, currency."""
        for predicate, schema_predicate, number in (
            (CM.value, SCHEMA.value, quantity.value),
            (CM.minValue, SCHEMA.minValue, quantity.low),
            (CM.maxValue, SCHEMA.maxValue, quantity.high),
        ):
            if number is not None:
                self.add(node, predicate, decimal_literal(number))
                if monetary:
                    self.add(node, schema_predicate, decimal_literal(number))
        self.add(node, CM.unit, UNITS.get(quantity.unit))
        if quantity.currency:
            self.add(node, CM.currency, Literal(quantity.currency))
            if monetary:
                self.add(node, SCHEMA.currency, Literal(quantity.currency))
        if quantity.per_unit:
            self.add(node, CM.perUnit, UNITS.get(quantity.per_unit))
        if quantity.qualifier:
            self.add(node, CM.qualifier, Literal(quantity.qualifier))

    def agreement(self, agreement: Agreement) -> None:
        node = self.names[agreement.key]
        self.kind(node, "agreement", agreement.kind, agreement.modality)
        self.provenance(node, agreement.label, agreement.evidence)
        if agreement.modality != "stated":
            self.unconcluded(node, agreement.parties, agreement.date, agreement.minerals)
            return
        self.add_all(node, CM.signatory, (signer.iri for signer in agreement.signatories))
        self.in_force(node, agreement.in_force)
        self.linked(node, CM.amends, agreement.amends)
        self.add_all(node, CM.party, (party.iri for party in agreement.parties))
        self.dates(node, agreement.date)
        if agreement.binding is not None:
            self.add(node, CM.bindingStatus, CM.binding if agreement.binding else CM.nonBinding)
        self.add_all(node, CM.coversStage, agreement.stages)
        self.add_all(node, CM.coversMineral, (mineral.iri for mineral in agreement.minerals))
        self.amounts(node, agreement.amounts, agreement.evidence)
        self.obligations(node, CM.hasObligation, agreement.obligations)
        self.linked(node, CM.comprises, agreement.comprises)
        self.linked(node, CM.agreedAt, [agreement.agreed_at] if agreement.agreed_at else [])

    def control(self, control: Control) -> None:
        node = self.names[control.key]
        self.kind(node, "control", control.kind, control.modality)
        self.provenance(node, control.label, control.evidence)
        if control.modality != "stated":
            actors = (control.imposer, *control.targets) if control.imposer else control.targets
            self.unconcluded(node, actors, control.date, control.minerals)
            return
        self.in_force(node, control.in_force)
        self.linked(node, CM.replaces, control.replaces)
        self.add(node, CM.imposedBy, control.imposer.iri if control.imposer else None)
        self.add_all(node, CM.targets, (target.iri for target in control.targets))
        self.add_all(node, CM.coversMineral, (mineral.iri for mineral in control.minerals))
        if control.element_count is not None:
            self.add(node, CM.elementCount, Literal(control.element_count, datatype=XSD.integer))
        self.dates(node, control.date)
        if control.duration:
            self.add(node, CM.duration, Literal(control.duration, datatype=XSD.duration))
            if control.date and not control.date.end:
                end = end_date(control.date.start, control.duration)
                self.add(node, CM.endDate, date_literal(end) if end else None)
        if control.status:
            self.add(node, CM.status, STATUSES.get(control.status))
        if control.acts_on and control.kind in ACTS_ON:
            self.linked(node, ACTS_ON[control.kind], control.acts_on)
        self.obligations(node, CM.inExchangeFor, control.in_exchange_for)
        self.linked(node, CM.agreedIn, [control.agreed_in] if control.agreed_in else [])

    def event(self, event: Event) -> None:
        node = self.names[event.key]
        kind_class = class_of("event", event.kind)
        if kind_class == CM.Publication and CRITICAL_MINERALS_LIST.search(event.label.lower()):
            kind_class = CM.CriticalMineralsList
        self.add(node, RDF.type, kind_class)
        self.provenance(node, event.label, event.evidence)
        self.add_all(node, CM.participant, (actor.iri for actor in event.participants))
        self.add(node, CM.place, event.place.iri if event.place else None)
        self.dates(node, event.date)
        initiator = event.initiator.iri if event.initiator else None
        recipients = [recipient.iri for recipient in event.recipients]
        minerals = [mineral.iri for mineral in event.minerals]
        self.add(node, CM.initiator, initiator)
        if event.kind == "shipment":
            self.add(node, CM.shippedFrom, initiator)
            self.add_all(node, CM.shippedTo, recipients)
        elif event.kind == "investment":
            self.add(node, CM.investor, initiator)
            self.add_all(node, CM.investsIn, recipients)
        else:
            self.add_all(node, CM.participant, recipients)
        if event.kind == "publication":
            self.add(node, CM.publishedBy, initiator)
            self.add_all(node, CM.listsMineral, minerals)
        else:
            self.add_all(node, CM.coversMineral, minerals)
        self.add_all(node, CM.coversStage, event.stages)
        self.amounts(node, event.amounts, event.evidence)
        self.linked(node, CM.outcome, event.outcomes)

    def measurement(self, measurement: Measurement) -> None:
        node = self.names[measurement.key]
        kind_class = class_of("measurement", measurement.kind)
        if kind_class == CM.Share and measurement.share_of is not None:
            kind_class = SHARE_CLASSES.get(measurement.share_of, CM.Share)
        self.add(node, RDF.type, kind_class)
        self.provenance(node, measurement.label, measurement.evidence)
        subject = measurement.subject
        self.add(node, CM.measuredSubject, subject.iri if subject else None)
        self.add(node, CM.ofMineral, measurement.mineral.iri if measurement.mineral else None)
        if measurement.stage in STAGES:
            self.add(node, CM.ofStage, measurement.stage)
        self.quantity(node, measurement.quantity, monetary=kind_class == CM.MonetaryAmount)
        self.dates(node, measurement.date)
        according_to = measurement.according_to
        self.add(node, CM.accordingTo, according_to.iri if according_to else None)

    def role(self, role: Role) -> None:
        node = iris.role_iri(role)
        self.add(role.person.iri, CM.hasRole, node)
        self.add(node, RDF.type, CM.Role)
        self.add(node, CM.roleTitle, self.text_literal(role.title))
        self.add(node, CM.roleIn, role.organisation.iri if role.organisation else None)
        self.provenance(node, role.title, role.evidence)

    def supply_source(self, source: SupplySource) -> None:
        node = iris.supply_source_iri(source)
        is_mine = re.search(r"\bmines?\b", source.label, re.IGNORECASE)
        self.add(node, RDF.type, CM.Mine if is_mine else CM.SupplySource)
        self.provenance(node, source.label, source.evidence)
        self.add(node, CM.locatedIn, source.located_in.iri if source.located_in else None)
        self.add_all(node, CM.sourceOf, (mineral.iri for mineral in source.minerals))


def _amount_label(quantity: Quantity) -> str:
    if quantity.value is not None:
        figure = iris.decimal_text(quantity.value)
    else:
        bounds = (quantity.low, quantity.high)
        figure = "-".join(iris.decimal_text(n) for n in bounds if n is not None)
    words = [quantity.qualifier, quantity.currency, figure]
    return " ".join(word for word in words if word)
