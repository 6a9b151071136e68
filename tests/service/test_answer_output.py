"""Answers of every form as critmin query prints them, and the formats each form takes."""

from __future__ import annotations

import json

import pytest
from rdflib import RDFS, Graph, Literal, URIRef, Variable
from rdflib.compare import isomorphic
from rdflib.query import Result

from critmin.graph.base.namespaces import CM
from critmin.service.answer_output import (
    FormatMismatch,
    Output,
    default_format,
    graph_text,
    write_answer,
)

DEAL = URIRef("https://w3id.org/critmin/id/agreement/peru-deal-1a2b3c4d")
PERU = URIRef("https://w3id.org/critmin/id/actor/peru")


def select() -> Result:
    result = Result("SELECT")
    result.vars = [Variable("agreement"), Variable("label")]
    result.bindings = [{Variable("agreement"): DEAL, Variable("label"): Literal("Peru deal")}]
    return result


def ask(answer: bool) -> Result:
    result = Result("ASK")
    result.askAnswer = answer
    return result


def graph_result(form: str = "CONSTRUCT") -> Result:
    graph = Graph()
    graph.add((DEAL, CM.party, PERU))
    graph.add((DEAL, RDFS.label, Literal("Peru deal", lang="en")))
    graph.add((DEAL, CM.amountUsd, Literal(5)))
    result = Result(form)
    result.graph = graph
    return result


def test_default_formats() -> None:
    assert [default_format(form) for form in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")] == [
        "table", "table", "turtle", "turtle"
    ]


def test_select_as_a_fitted_table_or_in_the_result_formats() -> None:
    assert write_answer(select(), "table", 30) == Output(
        "agreement            label\n"
        "-------------------  ---------\n"
        "cmr:agreement/peru…  Peru deal\n"
        "(1 row)\n",
        cut=True,
    )
    assert write_answer(select(), "table", None).cut is False
    assert write_answer(select(), "csv").text == f"agreement,label\r\n{DEAL},Peru deal\r\n"


def test_ask_is_yes_or_no_or_the_json_boolean() -> None:
    assert write_answer(ask(True), "table") == Output("yes\n")
    assert write_answer(ask(False), "table") == Output("no\n")
    assert json.loads(write_answer(ask(False), "json").text) == {"head": {}, "boolean": False}


@pytest.mark.parametrize(
    ("result", "format_name", "message"),
    [
        (select(), "turtle", "a SELECT answer is a table: use --format table, csv, json or tsv, "
                             "not turtle"),
        (ask(True), "csv", "an ASK answer is yes or no: use --format table or json, not csv"),
        (graph_result(), "table", "a CONSTRUCT answer is a graph: use --format turtle, nt, "
                                  "json-ld or xml, not table"),
        (graph_result("DESCRIBE"), "json", "a DESCRIBE answer is a graph: use --format turtle, "
                                           "nt, json-ld or xml, not json"),
    ],
)
def test_a_format_that_does_not_suit_the_answer_is_refused(
    result: Result, format_name: str, message: str
) -> None:
    with pytest.raises(FormatMismatch) as error:
        write_answer(result, format_name)
    assert str(error.value) == message


def test_graphs_as_turtle_and_n_triples() -> None:
    assert write_answer(graph_result(), "turtle").text == (
        "@prefix cm: <https://w3id.org/critmin/ontology#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "\n"
        f'<{DEAL}> rdfs:label "Peru deal"@en ;\n'
        "    cm:amountUsd 5 ;\n"
        f"    cm:party <{PERU}> .\n"
    )
    assert write_answer(graph_result(), "nt").text == (
        f'<{DEAL}> <{RDFS.label}> "Peru deal"@en .\n'
        f'<{DEAL}> <{CM.amountUsd}> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
        f"<{DEAL}> <{CM.party}> <{PERU}> .\n"
    )


def test_graphs_as_json_ld_with_critmin_prefixes_as_context() -> None:
    document = json.loads(write_answer(graph_result(), "json-ld").text)
    assert document["@context"]["cm"] == "https://w3id.org/critmin/ontology#"
    assert {key: value for key, value in document.items() if key != "@context"} == {
        "@id": str(DEAL),
        "cm:amountUsd": 5,
        "cm:party": {"@id": str(PERU)},
        "rdfs:label": {"@language": "en", "@value": "Peru deal"},
    }


@pytest.mark.parametrize(("format_name", "rdflib_name"),
                         [("turtle", "turtle"), ("nt", "nt"), ("json-ld", "json-ld"),
                          ("xml", "xml")])
def test_every_graph_format_parses_back_to_the_same_graph(
    format_name: str, rdflib_name: str
) -> None:
    text = write_answer(graph_result(), format_name).text
    assert isomorphic(Graph().parse(data=text, format=rdflib_name), graph_result().graph)


def test_graph_text_is_the_same_whatever_order_the_triples_come_in() -> None:
    graph = graph_result().graph
    reversed_graph = Graph()
    for triple in sorted(graph, reverse=True):
        reversed_graph.add(triple)
    for format_name in ("turtle", "nt", "json-ld", "xml"):
        assert graph_text(graph, format_name) == graph_text(reversed_graph, format_name)
