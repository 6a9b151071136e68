"""The comparison rules of the harness: bags and sequences, blank nodes, literals, graphs."""

from __future__ import annotations

from rdflib import XSD, BNode, Graph, Literal, URIRef
from w3c_compare import difference
from w3c_results import Solutions

A, B = URIRef("urn:a"), URIRef("urn:b")


def solutions(*rows: dict) -> Solutions:
    return Solutions(frozenset({"x", "y"}), tuple(rows))


def test_rows_are_a_bag_unless_ordered() -> None:
    one, two = {"x": A}, {"x": B}
    assert difference(solutions(one, two), solutions(two, one)) is None
    assert difference(solutions(one, two), solutions(two, one), ordered=True) == (
        "row 1 is {?x=<urn:b>}, expected {?x=<urn:a>} (ordered)"
    )
    assert difference(solutions(one, one), solutions(one, two)) == (
        "the rows differ: missing {?x=<urn:a>}; unexpected {?x=<urn:b>}"
    )
    assert difference(solutions(one), solutions(one, one)) == (
        "2 rows instead of 1: unexpected {?x=<urn:a>}"
    )


def test_blank_nodes_match_up_to_a_one_to_one_renaming() -> None:
    b0, b1, c0, c1 = BNode("b0"), BNode("b1"), BNode("c0"), BNode("c1")
    expected = solutions({"x": b0, "y": b1}, {"x": b1, "y": A})
    assert difference(expected, solutions({"x": c1, "y": A}, {"x": c0, "y": c1})) is None
    merged = solutions({"x": c0, "y": c0}, {"x": c0, "y": A})
    assert difference(expected, merged) == (
        "the rows with blank nodes differ beyond a renaming of blank nodes"
    )


def test_literals_equal_by_term_numbers_by_value_within_a_datatype() -> None:
    def same(a: Literal, b: Literal) -> bool:
        return difference(solutions({"x": a}), solutions({"x": b})) is None

    assert same(Literal("2.0", datatype=XSD.decimal), Literal("2.00", datatype=XSD.decimal))
    assert same(Literal("1E0", datatype=XSD.double), Literal("1.0", datatype=XSD.double))
    assert not same(Literal("2", datatype=XSD.integer), Literal("2.0", datatype=XSD.decimal))
    assert same(Literal("a"), Literal("a", datatype=XSD.string))
    assert same(Literal("a", lang="en-GB"), Literal("a", lang="en-gb"))
    assert not same(Literal("a"), Literal("a", lang="en"))
    one = Literal("1", datatype=XSD.boolean, normalize=False)
    assert not same(Literal("true", datatype=XSD.boolean), one)


def test_variables_and_kinds_of_answers_must_agree() -> None:
    assert difference(solutions(), Solutions(frozenset({"x"}), ())) == (
        "variables ['x'] instead of ['x', 'y']"
    )
    assert difference(True, solutions()) == "solutions instead of a boolean"
    assert difference(True, False) == "False instead of True"


def test_graphs_compare_up_to_blank_node_renaming() -> None:
    expected = Graph().parse(data='_:n <urn:p> "a"^^<http://www.w3.org/2001/XMLSchema#string> .',
                             format="nt")
    assert difference(expected, Graph().parse(data='_:m <urn:p> "a" .', format="nt")) is None
    different = Graph().parse(data='_:m <urn:p> "b" .', format="nt")
    assert difference(expected, different).startswith("graphs differ (1 triples, 1 expected)")
