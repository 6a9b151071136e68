"""The one table of statement kinds: the short word of the tables and the ontology class.

Rules give a statement its kind word; the RDF writer types it with the class; the ontology
gives each class its word as ``cm:kindWord`` (a test checks they agree), which the canned
queries read. Adding a kind touches its rule, this table and the ontology.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from critmin.graph.base.namespaces import CM


@dataclass(frozen=True)
class Kind:
    """A kind of statement: what it is a kind of, its word, its class."""

    statement: str
    word: str
    cls: URIRef


KINDS: tuple[Kind, ...] = tuple(
    Kind(statement, word, CM[name])
    for statement, rows in (
        ("agreement", (
            ("agreement", "Agreement"), ("framework", "Framework"),
            ("mou", "MemorandumOfUnderstanding"), ("deal", "Deal"),
            ("partnership", "Partnership"), ("cooperation", "Cooperation"),
            ("joint-statement", "JointStatement"), ("letter-of-interest", "LetterOfInterest"),
            ("letter-of-intent", "LetterOfIntent"), ("investment", "InvestmentAgreement"),
            ("group", "AgreementGroup"), ("contract", "Contract"),
            ("equity-stake", "EquityStake"), ("loan", "Loan"), ("lease", "Lease"),
            ("offtake", "OfftakeAgreement"), ("supply", "SupplyAgreement"),
            ("declaration", "Declaration"), ("action-plan", "ActionPlan"),
            ("initiative", "Initiative"), ("peace-agreement", "PeaceAgreement"),
            ("joint-venture", "JointVenture"), ("amendment", "Amendment"),
            ("extension", "Extension"), ("loan-extension", "LoanExtension"),
        )),
        ("control", (
            ("control", "ControlMeasure"), ("export-control", "ExportControl"),
            ("export-ban", "ExportBan"), ("export-quota", "ExportQuota"),
            ("export-duty", "ExportDuty"), ("export-restriction", "ExportRestriction"),
            ("export-licensing", "ExportLicensing"), ("export-suspension", "ExportSuspension"),
            ("mining-ban", "MiningBan"), ("border-closure", "BorderClosure"),
            ("tariff", "Tariff"), ("sanction", "Sanction"),
            ("technology-restriction", "TechnologyRestriction"), ("pause", "Pause"),
            ("lifting", "Lifting"), ("suspension", "Suspension"),
        )),
        ("event", (
            ("event", "Event"), ("summit", "Summit"), ("meeting", "Meeting"),
            ("visit", "Visit"), ("shipment", "Shipment"), ("publication", "Publication"),
            ("investment", "Investment"), ("outreach", "Outreach"),
        )),
        ("measurement", (
            ("measurement", "Measurement"), ("impact", "Impact"), ("price", "Price"),
            ("share", "Share"),
            ("amount", "MonetaryAmount"), ("count", "Count"), ("forecast", "Forecast"),
            ("duration", "Duration"),
        )),
    )
    for word, name in rows
)  # fmt: skip

UNCONCLUDED: dict[str, URIRef] = {
    "agreement": CM.UnconcludedAgreement,
    "control": CM.UnimposedControl,
}
"""The class of a statement of each kind that a source does not state as done."""

MODALITY_INDIVIDUALS: dict[str, URIRef] = {
    "denied": CM.denied, "hypothetical": CM.hypothetical, "negotiated": CM.underNegotiation,
    "proposed": CM.proposed, "initialled": CM.initialled, "planned": CM.planned,
    "threatened": CM.threatened,
}  # fmt: skip
"""The ``cm:Modality`` individual of each modality other than ``stated``."""


def class_of(statement: str, word: str) -> URIRef:
    """The class of a kind word of a statement kind; the statement kind's own class if the
    word is not in the table."""
    found = [k.cls for k in KINDS if k.statement == statement and k.word == word]
    if found:
        return found[0]
    return next(k.cls for k in KINDS if k.statement == statement)
