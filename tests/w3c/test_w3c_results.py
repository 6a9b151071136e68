"""The readers of the W3C result formats."""

from __future__ import annotations

from rdflib import XSD, BNode, Literal, URIRef
from w3c_results import Solutions, read_csv, read_srj, read_srx, read_tsv

A = URIRef("urn:a")


def solutions(*rows: dict) -> Solutions:
    return Solutions(frozenset({"x", "y"}), tuple(rows))


def test_srx_keeps_lexical_forms_languages_and_unbound_variables() -> None:
    document = b"""<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
  <head><variable name="x"/><variable name="y"/></head>
  <results>
    <result>
      <binding name="x"><literal datatype="http://www.w3.org/2001/XMLSchema#integer">01</literal></binding>
      <binding name="y"><bnode>b0</bnode></binding>
    </result>
    <result><binding name="x"><literal xml:lang="en-GB">colour</literal></binding></result>
    <result></result>
  </results>
</sparql>"""
    answer = read_srx(document)
    assert answer == solutions(
        {"x": Literal("01", datatype=XSD.integer, normalize=False), "y": BNode("b0")},
        {"x": Literal("colour", lang="en-GB")},
        {},
    )
    assert str(answer.rows[0]["x"]) == "01"


def test_srj_and_srx_booleans() -> None:
    assert read_srj(b'{"head": {}, "boolean": true}') is True
    boolean = b'<sparql xmlns="http://www.w3.org/2005/sparql-results#"><boolean>false</boolean>'
    assert read_srx(boolean + b"</sparql>") is False


def test_tsv_terms_in_turtle_syntax() -> None:
    text = '?x\t?y\n<urn:a>\t"a\\tb"@en\n4\t_:b0\n5.5\t"c"^^<urn:t>\n1.0E6\t\n'
    assert read_tsv(text) == solutions(
        {"x": A, "y": Literal("a\tb", lang="en")},
        {"x": Literal("4", datatype=XSD.integer), "y": BNode("b0")},
        {"x": Literal("5.5", datatype=XSD.decimal), "y": Literal("c", datatype=URIRef("urn:t"))},
        {"x": Literal("1.0E6", datatype=XSD.double, normalize=False)},
    )


def test_csv_cells_are_text() -> None:
    text = 'x,y\r\nurn:a,"4,4"\r\n_:b0,\r\n'
    assert read_csv(text) == solutions(
        {"x": Literal("urn:a"), "y": Literal("4,4")}, {"x": BNode("b0")}
    )
