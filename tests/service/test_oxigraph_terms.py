"""Terms between rdflib and pyoxigraph: each kind goes over and comes back unchanged."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Identifier

from critmin.service.oxigraph_terms import from_oxigraph, pack, to_oxigraph, unpack


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


def test_terms_travel_packed_as_tuples_of_strings() -> None:
    datatype = ox.NamedNode(str(XSD.gYear))
    assert pack(ox.NamedNode("http://example.org/a")) == ("iri", "http://example.org/a")
    assert pack(ox.BlankNode("b1")) == ("bnode", "b1")
    assert pack(ox.Literal("x", language="fr")) == ("literal", "x", "", "fr")
    assert pack(ox.Literal("text")) == ("literal", "text", "", "")
    assert pack(ox.Literal("2031", datatype=datatype)) == ("literal", "2031", str(XSD.gYear), "")
    iri = unpack(("iri", "http://example.org/a"))
    assert type(iri) is URIRef
    assert (iri, hash(iri), iri.n3()) == (
        URIRef("http://example.org/a"), hash(URIRef("http://example.org/a")),
        "<http://example.org/a>",
    )
    year = unpack(("literal", "2031", str(XSD.gYear), ""))
    assert (year, type(year.datatype)) == (Literal("2031", datatype=XSD.gYear), URIRef)


def test_unpacked_literals_equal_the_literals_rdflib_makes() -> None:
    for value in ("plain text", "", "  spaced  ", "ünïcode"):
        plain = unpack(("literal", value, "", ""))
        assert (plain, hash(plain), plain.n3(), plain.value) == (
            Literal(value), hash(Literal(value)), Literal(value).n3(), value,
        )
        tagged = unpack(("literal", value, "", "en"))
        assert (tagged, tagged.language, tagged.n3()) == (
            Literal(value, lang="en"), "en", Literal(value, lang="en").n3(),
        )
