"""ontology/shapes.ttl: every shape accepts a valid example and rejects an invalid one."""

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from critmin.graph.owl.ontology import load_shapes
from critmin.graph.owl.validation import validate

SH = Namespace("http://www.w3.org/ns/shacl#")
CMSH = Namespace("https://w3id.org/critmin/shapes#")
CMR = "https://w3id.org/critmin/id/"
SPAN = f"<{CMR}doc/0a1b2c3d4e5f6a7b#char=120,158>"

VALID = f"""
@prefix cm: <https://w3id.org/critmin/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix doc: <{CMR}doc/> .
@prefix actor: <{CMR}actor/> .
@prefix agreement: <{CMR}agreement/> .
@prefix control: <{CMR}control/> .
@prefix event: <{CMR}event/> .
@prefix measurement: <{CMR}measurement/> .

doc:0a1b2c3d4e5f6a7b a cm:SourceDocument ;
    cm:sha256 "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b" ;
    dcterms:date "2024-03"^^xsd:gYearMonth .
{SPAN} a nif:String , nif:OffsetBasedString ;
    nif:beginIndex "120"^^xsd:nonNegativeInteger ;
    nif:endIndex "158"^^xsd:nonNegativeInteger ;
    nif:anchorOf "a lithium accord signed in Santiago" ;
    nif:referenceContext doc:0a1b2c3d4e5f6a7b .
actor:chile a cm:State .
actor:argentina a cm:State .
agreement:lithium-accord a cm:MemorandumOfUnderstanding ;
    cm:party actor:chile , actor:argentina ;
    cm:bindingStatus cm:nonBinding ;
    cm:date "2024-03-05"^^xsd:date ;
    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b ; cm:evidence {SPAN} .
control:brine-licences a cm:ExportControl ;
    cm:imposedBy actor:chile ; cm:elementCount 3 ; cm:date "2024"^^xsd:gYear ;
    cm:status cm:paused ;
    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b ; cm:evidence {SPAN} .
control:licence-pause a cm:Pause ;
    cm:pauses control:brine-licences ; cm:duration "P6M"^^xsd:duration ;
    cm:startDate "2024-04"^^xsd:gYearMonth ; cm:endDate "2024-10"^^xsd:gYearMonth ;
    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b ; cm:evidence {SPAN} .
event:andes-summit a cm:Summit ;
    cm:participant actor:chile , actor:argentina ;
    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b ; cm:evidence {SPAN} .
measurement:carbonate-price a cm:Price ;
    cm:value 12.5 ; cm:currency "EUR" ; cm:perUnit cm:kilogram ;
    cm:referenceYear "2023"^^xsd:gYear ;
    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b ; cm:evidence {SPAN} .
measurement:brine-share a cm:MiningShare ;
    cm:minValue 30.0 ; cm:maxValue 35.0 ; cm:unit cm:percent ;
    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b ; cm:evidence {SPAN} .
measurement:salt-flats a cm:Count ;
    cm:value 4.0 ;
    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b ; cm:evidence {SPAN} .
"""


def data(turtle: str) -> Graph:
    return Graph().parse(data=turtle, format="turtle")


def failures(turtle: str) -> set[tuple[str, str]]:
    """(shape, focus node) of every violation, both as short names."""
    result = validate(data(turtle))
    assert result.conforms is (result.violation_count == 0)
    return {
        (str(v.source_shape).removeprefix(str(CMSH)), str(v.focus_node).removeprefix(CMR))
        for v in result.violations
    }


def edited(old: str, new: str) -> str:
    assert VALID.count(old) == 1, old
    return VALID.replace(old, new)


def test_the_valid_example_conforms() -> None:
    result = validate(data(VALID))
    assert result.conforms
    assert result.violations == ()
    assert "Conforms: True" in result.text


def test_the_valid_example_exercises_every_property_shape() -> None:
    shapes, example = load_shapes(), data(VALID)
    paths = {
        path
        for shape in shapes.subjects(RDF.type, SH.PropertyShape)
        for path in shapes.objects(shape, SH.path)
        if isinstance(path, URIRef)
    }
    assert {p for p in paths if (None, p, None) not in example} == set()


SPAN_FOCUS = "doc/0a1b2c3d4e5f6a7b#char=120,158"
ANCHOR_12 = "one two three four five six seven eight nine ten eleven twelve"
INVALID = {
    "agreement without party": (
        "cm:party actor:chile , actor:argentina ;\n    cm:bindingStatus",
        "cm:bindingStatus",
        {("AgreementPartyShape", "agreement/lithium-accord")},
    ),
    "party that is not an actor": (
        "cm:party actor:chile , actor:argentina ;",
        "cm:party actor:chile , cm:percent ;",
        {("AgreementPartyShape", "agreement/lithium-accord")},
    ),
    "binding status that is not one": (
        "cm:bindingStatus cm:nonBinding ;",
        "cm:bindingStatus cm:paused ;",
        {("AgreementBindingStatusShape", "agreement/lithium-accord")},
    ),
    "statement without source document": (
        'cm:date "2024-03-05"^^xsd:date ;\n    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b ;',
        'cm:date "2024-03-05"^^xsd:date ;',
        {("StatementSourceShape", "agreement/lithium-accord")},
    ),
    "statement without evidence": (
        'cm:referenceYear "2023"^^xsd:gYear ;\n    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b ;'
        f" cm:evidence {SPAN} .",
        'cm:referenceYear "2023"^^xsd:gYear ;\n    prov:wasDerivedFrom doc:0a1b2c3d4e5f6a7b .',
        {("StatementEvidenceShape", "measurement/carbonate-price")},
    ),
    "span that ends before it begins": (
        'nif:beginIndex "120"^^xsd:nonNegativeInteger',
        'nif:beginIndex "170"^^xsd:nonNegativeInteger',
        {("SpanBeginShape", SPAN_FOCUS)},
    ),
    "span offset that is a plain integer": (
        'nif:endIndex "158"^^xsd:nonNegativeInteger',
        "nif:endIndex 158",
        {("SpanEndShape", SPAN_FOCUS)},
    ),
    "anchor of twelve words": (
        'nif:anchorOf "a lithium accord signed in Santiago"',
        f'nif:anchorOf "{ANCHOR_12}"',
        {("SpanAnchorShape", SPAN_FOCUS)},
    ),
    "span without reference context": (
        ";\n    nif:referenceContext doc:0a1b2c3d4e5f6a7b .",
        " .",
        {("SpanContextShape", SPAN_FOCUS)},
    ),
    "measurement without value": (
        "cm:value 12.5 ;",
        "",
        {("MeasurementValueShape", "measurement/carbonate-price")},
    ),
    "value that is not a decimal": (
        "cm:value 12.5 ;",
        'cm:value "12.5" ;',
        {("MeasurementDecimalValueShape", "measurement/carbonate-price")},
    ),
    "minimum that is a string": (
        "cm:minValue 30.0",
        'cm:minValue "30"',
        {("MeasurementDecimalMinShape", "measurement/brine-share")},
    ),
    "maximum that is an integer": (
        "cm:maxValue 35.0",
        "cm:maxValue 35",
        {("MeasurementDecimalMaxShape", "measurement/brine-share")},
    ),
    "per unit that is not a unit": (
        "cm:perUnit cm:kilogram",
        "cm:perUnit cm:lifted",
        {("MeasurementPerUnitClassShape", "measurement/carbonate-price")},
    ),
    "imposer that is not an actor": (
        "cm:imposedBy actor:chile ;",
        "cm:imposedBy cm:tonne ;",
        {("ControlImposedByShape", "control/brine-licences")},
    ),
    "measurement without unit or currency": (
        "cm:minValue 30.0 ; cm:maxValue 35.0 ; cm:unit cm:percent ;",
        "cm:minValue 30.0 ; cm:maxValue 35.0 ;",
        {("MeasurementUnitShape", "measurement/brine-share")},
    ),
    "currency that is not an ISO code": (
        'cm:currency "EUR"',
        'cm:currency "euros"',
        {("MeasurementCurrencyShape", "measurement/carbonate-price")},
    ),
    "unit that is not a unit": (
        "cm:unit cm:percent",
        "cm:unit cm:paused",
        {("MeasurementUnitClassShape", "measurement/brine-share")},
    ),
    "control without imposer, paused by an act without one": (
        "cm:imposedBy actor:chile ; cm:elementCount 3",
        "cm:elementCount 3",
        {
            ("ControlImposerShape", "control/brine-licences"),
            ("ControlImposerShape", "control/licence-pause"),
        },
    ),
    "element count of zero": (
        "cm:elementCount 3",
        "cm:elementCount 0",
        {("ControlElementCountShape", "control/brine-licences")},
    ),
    "duration as a string": (
        'cm:duration "P6M"^^xsd:duration',
        'cm:duration "six months"',
        {("ControlDurationShape", "control/licence-pause")},
    ),
    "status that is not one": (
        "cm:status cm:paused",
        "cm:status cm:binding",
        {("ControlStatusShape", "control/brine-licences")},
    ),
    "event without date, place or participant": (
        "cm:participant actor:chile , actor:argentina ;\n    prov:wasDerivedFrom",
        "prov:wasDerivedFrom",
        {("EventShape", "event/andes-summit")},
    ),
    "participant that is not an actor": (
        "cm:participant actor:chile , actor:argentina ;",
        "cm:participant actor:chile , cm:kilogram ;",
        {("EventParticipantShape", "event/andes-summit")},
    ),
    "document with a short digest": (
        'cm:sha256 "0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b"',
        'cm:sha256 "0a1b2c3d4e5f6a7b"',
        {("DocumentSha256Shape", "doc/0a1b2c3d4e5f6a7b")},
    ),
    "date as a string": (
        'cm:date "2024-03-05"^^xsd:date',
        'cm:date "2024-03-05"',
        {("DateShape", "agreement/lithium-accord")},
    ),
    "start date with a time": (
        'cm:startDate "2024-04"^^xsd:gYearMonth',
        'cm:startDate "2024-04-01T00:00:00"^^xsd:dateTime',
        {("StartDateShape", "control/licence-pause")},
    ),
    "end date as a plain year number": (
        'cm:endDate "2024-10"^^xsd:gYearMonth',
        "cm:endDate 2024",
        {("EndDateShape", "control/licence-pause")},
    ),
    "document date as a string": (
        'dcterms:date "2024-03"^^xsd:gYearMonth',
        'dcterms:date "March 2024"',
        {("DocumentDateShape", "doc/0a1b2c3d4e5f6a7b")},
    ),
    "reference year with a month": (
        'cm:referenceYear "2023"^^xsd:gYear',
        'cm:referenceYear "2023-01"^^xsd:gYearMonth',
        {("ReferenceYearShape", "measurement/carbonate-price")},
    ),
}


@pytest.mark.parametrize("old, new, expected", INVALID.values(), ids=INVALID.keys())
def test_invalid_example_fails_its_shape(old: str, new: str, expected: set) -> None:
    assert failures(edited(old, new)) == expected


def test_a_pause_may_take_its_imposer_from_the_control_it_pauses() -> None:
    assert failures(VALID) == set()
    assert "control:licence-pause a cm:Pause ;\n    cm:pauses" in VALID  # no cm:imposedBy


def test_every_constraint_shape_has_a_failing_example() -> None:
    shapes = load_shapes()
    structural = {
        RDF.type,
        SH.property,
        SH.targetClass,
        SH.targetObjectsOf,
        SH.targetSubjectsOf,
        SH.message,
        SH.path,
    }
    constraint_shapes = {
        str(shape).removeprefix(str(CMSH))
        for shape, predicate in shapes.subject_predicates(None)
        if isinstance(shape, URIRef)
        and str(predicate).startswith(str(SH))
        and predicate not in structural
    }
    tested = {shape for _, _, expected in INVALID.values() for shape, _ in expected}
    assert constraint_shapes == tested


ANCHORS = {
    "eleven words with punctuation": (
        "Quito, Lima and La Paz agreed on it (now) in 2023.",
        True,
    ),
    "a dash splits words as the leak checker does": ("the Lima\u2013Quito pact", True),
    "eleven words joined by dashes": ("-".join(ANCHOR_12.split()[:11]), True),
    "twelve words joined by dashes": ("-".join(ANCHOR_12.split()), False),
    "empty": ("", False),
    "punctuation only": ("…", False),
}


@pytest.mark.parametrize("anchor, allowed", ANCHORS.values(), ids=ANCHORS.keys())
def test_anchor_length_counts_words_like_the_leak_checker(anchor: str, allowed: bool) -> None:
    found = failures(edited("a lithium accord signed in Santiago", anchor))
    assert found == (set() if allowed else {("SpanAnchorShape", SPAN_FOCUS)})
