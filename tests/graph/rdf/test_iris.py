"""graph/rdf/iris.py: IRIs derived from content only, stable across runs and input order."""

import re
import subprocess
import sys
from decimal import Decimal

from rdflib import XSD, Literal, URIRef

from critmin.graph.base.documents import Document
from critmin.graph.base.namespaces import CM, CMR, span_iri
from critmin.graph.base.statements import (
    Agreement,
    Control,
    Event,
    Extraction,
    Measurement,
    Obligation,
)
from critmin.graph.base.values import DateValue, Entity, Evidence, Quantity, Span
from critmin.graph.rdf import iris

PERU, BOLIVIA, INDIA = (Entity(CMR[f"actor/{name}"]) for name in ("peru", "bolivia", "india"))
TIN = Entity(CMR["mineral/tin"])
EVIDENCE = Evidence(Span(0, 40), Span(5, 20))
STATEMENT_IRI = re.compile(r"https://w3id\.org/critmin/id/(agreement|control|event|measurement)/"
                           r"[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{8}")


def tin_accord(**changes: object) -> Agreement:
    fields: dict = {
        "key": "a1",
        "kind": "framework",
        "label": "Peru\u2013Bolivia Tin Accord",
        "evidence": EVIDENCE,
        "parties": (PERU, BOLIVIA),
        "date": DateValue("2023-06-14"),
    }
    fields.update(changes)
    return Agreement(**fields)


def test_agreement_iri_is_pinned() -> None:
    assert iris.agreement_iri(tin_accord()) == CMR["agreement/peru-bolivia-tin-accord-ae6489f8"]


def test_agreement_iri_ignores_party_order_and_key() -> None:
    reordered = tin_accord(parties=(BOLIVIA, PERU), key="other-key")
    assert iris.agreement_iri(reordered) == iris.agreement_iri(tin_accord())


def test_agreement_iri_changes_with_date_parties_kind_and_binding() -> None:
    base = iris.agreement_iri(tin_accord())
    variants = [
        tin_accord(date=DateValue("2023-06")),
        tin_accord(parties=(PERU, INDIA)),
        tin_accord(kind="deal"),
        tin_accord(binding=False),
    ]
    assert len({base, *(iris.agreement_iri(variant) for variant in variants)}) == 5


def test_talks_about_a_deal_never_share_the_deal_s_iri() -> None:
    """A deal stated by one text and reported as negotiated by another stay two nodes: one
    node would be both a concluded and an unconcluded agreement (disjoint classes)."""
    stated = iris.agreement_iri(tin_accord())
    assert stated == CMR["agreement/peru-bolivia-tin-accord-ae6489f8"]  # unchanged key
    others = {iris.agreement_iri(tin_accord(modality=word)) for word in ("negotiated", "planned")}
    assert len({stated, *others}) == 3


def test_statement_iris_follow_the_model_pattern() -> None:
    control = Control("c1", "export-control", "Indian tin export ban", EVIDENCE, imposer=INDIA,
                      minerals=(TIN,), element_count=1, date=DateValue("2022"))
    event = Event("e1", "summit", "Lima Summit", EVIDENCE, participants=(PERU, BOLIVIA))
    measurement = Measurement("m1", "share", "Peru's tin mining share", EVIDENCE,
                              Quantity(0, 3, "percent", value=Decimal("12")), subject=PERU)
    made = [
        iris.control_iri(control),
        iris.event_iri(event),
        iris.measurement_iri(measurement),
        iris.agreement_iri(tin_accord()),
    ]
    assert all(STATEMENT_IRI.fullmatch(str(iri)) for iri in made)
    assert str(made[0]).startswith(str(CMR["control/indian-tin-export-ban-"]))
    assert str(made[1]).startswith(str(CMR["event/lima-summit-"]))


def test_statement_iris_map_keys_of_one_extraction() -> None:
    document = Document("tin.txt", "x" * 50, "ab" * 32)
    extraction = Extraction(document, agreements=(tin_accord(),))
    assert iris.statement_iris(extraction) == {"a1": iris.agreement_iri(tin_accord())}


def test_value_nodes_hang_under_their_statement() -> None:
    statement = iris.agreement_iri(tin_accord())
    amount = Quantity(0, 5, "money", value=Decimal("3.5E8"), currency="PEN")
    duty = Obligation(CM.PurchaseCommitment, "tin purchases", PERU)
    assert re.fullmatch(re.escape(str(statement)) + r"/amount/[0-9a-f]{8}",
                        str(iris.amount_iri(statement, amount)))
    assert re.fullmatch(re.escape(str(statement)) + r"/obligation/tin-purchases-[0-9a-f]{8}",
                        str(iris.obligation_iri(statement, duty)))
    same_figure = Quantity(10, 15, "money", value=Decimal("350000000"), currency="PEN")
    assert iris.amount_iri(statement, same_figure) == iris.amount_iri(statement, amount)


def test_decimal_text_is_positional_without_trailing_zeros() -> None:
    assert iris.decimal_text(Decimal("8.5E9")) == "8500000000"
    assert iris.decimal_text(Decimal("0.50")) == "0.5"
    assert iris.decimal_text(Decimal("120")) == "120"


def test_span_and_person_iris() -> None:
    assert span_iri("0123456789abcdef", 4, 19) == URIRef(
        "https://w3id.org/critmin/id/doc/0123456789abcdef#char=4,19"
    )
    assert iris.author_iri("Ana María Quispe") == CMR["person/ana-maria-quispe"]
    assert iris.organisation_iri("Andean Policy Forum") == CMR["actor/andean-policy-forum"]


def test_correction_iri_tells_literal_datatypes_apart() -> None:
    subject, predicate = iris.agreement_iri(tin_accord()), CM.elementCount
    typed = iris.correction_iri("retract", subject, predicate, Literal("5", datatype=XSD.integer))
    plain = iris.correction_iri("retract", subject, predicate, Literal("5"))
    assert typed != plain
    assert str(typed).startswith(str(CMR["correction/retract-"]))


def test_iris_do_not_depend_on_the_process() -> None:
    """Hash randomisation differs between processes; IRIs must not."""
    script = (
        "from critmin.graph.rdf import iris; from critmin.graph.base.namespaces import CMR; "
        "from critmin.graph.base.statements import Agreement; "
        "from critmin.graph.base.values import DateValue, Entity, Evidence, Span; "
        "parties = (Entity(CMR['actor/peru']), Entity(CMR['actor/bolivia'])); "
        "evidence = Evidence(Span(0, 40), Span(5, 20)); "
        "print(iris.agreement_iri(Agreement('a1', 'framework', 'Peru\u2013Bolivia Tin Accord', "
        "evidence, parties=parties, date=DateValue('2023-06-14'))))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            env={"PYTHONHASHSEED": seed},
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert outputs == {str(iris.agreement_iri(tin_accord())) + "\n"}
