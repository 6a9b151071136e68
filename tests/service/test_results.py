"""SELECT results as SPARQL JSON, CSV, TSV and an aligned text table: exact output."""

from __future__ import annotations

import json

import pytest
from rdflib import XSD, BNode, Literal, URIRef, Variable
from rdflib.query import Result

from critmin.service.results import WRITERS, to_csv, to_sparql_json, to_table, to_tsv, write_result

AGREEMENT = URIRef("https://w3id.org/critmin/id/agreement/peru-deal-1a2b3c4d")
EXTERNAL = URIRef("https://example.org/thing")


def sample() -> Result:
    result = Result("SELECT")
    result.vars = [Variable("item"), Variable("label"), Variable("count")]
    result.bindings = [
        {Variable("item"): AGREEMENT, Variable("label"): Literal("Peru deal", lang="en"),
         Variable("count"): Literal(3)},
        {Variable("item"): EXTERNAL, Variable("label"): Literal('tin, "refined"\tbars\nnew')},
        {Variable("item"): BNode("b0"), Variable("count"): Literal("12.5", datatype=XSD.decimal)},
    ]
    return result


def test_sparql_json() -> None:
    assert json.loads(to_sparql_json(sample())) == {
        "head": {"vars": ["item", "label", "count"]},
        "results": {
            "bindings": [
                {
                    "item": {"type": "uri", "value": str(AGREEMENT)},
                    "label": {"type": "literal", "value": "Peru deal", "xml:lang": "en"},
                    "count": {"type": "literal", "value": "3", "datatype": str(XSD.integer)},
                },
                {
                    "item": {"type": "uri", "value": str(EXTERNAL)},
                    "label": {"type": "literal", "value": 'tin, "refined"\tbars\nnew'},
                },
                {
                    "item": {"type": "bnode", "value": "b0"},
                    "count": {"type": "literal", "value": "12.5", "datatype": str(XSD.decimal)},
                },
            ]
        },
    }


def test_sparql_json_of_an_ask_result() -> None:
    result = Result("ASK")
    result.askAnswer = True
    assert json.loads(to_sparql_json(result)) == {"head": {}, "boolean": True}


def test_csv() -> None:
    assert to_csv(sample()) == (
        "item,label,count\r\n"
        f"{AGREEMENT},Peru deal,3\r\n"
        f'{EXTERNAL},"tin, ""refined""\tbars\nnew",\r\n'
        "_:b0,,12.5\r\n"
    )


def test_tsv() -> None:
    assert to_tsv(sample()) == (
        "?item\t?label\t?count\n"
        f'<{AGREEMENT}>\t"Peru deal"@en\t"3"^^<{XSD.integer}>\n'
        f'<{EXTERNAL}>\t"tin, \\"refined\\"\\tbars\\nnew"\t\n'
        f'_:b0\t\t"12.5"^^<{XSD.decimal}>\n'
    )


def test_table() -> None:
    assert to_table(sample()) == (
        "item                              label                    count\n"
        "--------------------------------  -----------------------  -----\n"
        "cmr:agreement/peru-deal-1a2b3c4d  Peru deal                3\n"
        'https://example.org/thing         tin, "refined" bars new\n'
        "_:b0                                                       12.5\n"
        "(3 rows)\n"
    )


def test_table_of_no_rows() -> None:
    result = Result("SELECT")
    result.vars = [Variable("agreement"), Variable("date")]
    result.bindings = []
    assert to_table(result) == "agreement  date\n---------  ----\n(0 rows)\n"


def test_writers_by_name() -> None:
    assert {"json": to_sparql_json, "csv": to_csv, "tsv": to_tsv, "table": to_table} == WRITERS
    for name, writer in WRITERS.items():
        assert write_result(sample(), name) == writer(sample())


def test_non_select_results_are_refused_as_tables() -> None:
    result = Result("ASK")
    result.askAnswer = False
    with pytest.raises(ValueError, match="ASK results cannot be written as a table"):
        to_csv(result)
