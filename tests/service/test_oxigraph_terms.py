"""Terms between rdflib and pyoxigraph: each kind goes over and comes back unchanged."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Identifier

from critmin.service.oxigraph_terms import from_oxigraph, to_oxigraph


@pytest.mark.parametrize(
    "term",
    [
        URIRef("https://w3id.org/critmin/id/actor/testland"),
        BNode("b0"),
        Literal("plain"),
        Literal("Testland", lang="en"),
        Literal("2031-04", datatype=XSD.gYearMonth),
        Literal("PT0S", datatype=XSD.dayTimeDuration, normalize=False),
        Literal("3.50", datatype=XSD.decimal, normalize=False),
    ],
)
def test_a_term_comes_back_as_it_went(term: Identifier) -> None:
    back = from_oxigraph(to_oxigraph(term))
    assert back == term
    assert str(back) == str(term)


def test_an_xsd_string_comes_back_as_a_plain_literal() -> None:
    assert from_oxigraph(ox.Literal("text")) == Literal("text")
    assert from_oxigraph(ox.Literal("text")).datatype is None


def test_iris_and_language_tags_map_to_their_oxigraph_kinds() -> None:
    assert to_oxigraph(URIRef("http://example.org/a")) == ox.NamedNode("http://example.org/a")
    assert to_oxigraph(Literal("x", lang="fr")) == ox.Literal("x", language="fr")
    assert to_oxigraph(Literal("1", datatype=XSD.integer)) == ox.Literal(
        "1", datatype=ox.NamedNode(str(XSD.integer))
    )
