"""The prescreen lets through only texts that cannot name another endpoint or graph."""

from __future__ import annotations

import pytest

from critmin.service.query_prescreen import stays_in_dataset


@pytest.mark.parametrize("text", [
    "SELECT ?s WHERE { ?s a <https://w3id.org/critmin/ontology#Agreement> }",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5",
    'SELECT * { ?s <http://www.w3.org/2000/01/rdf-schema#label> "tariff"@en }',
    "PREFIX cm: <https://w3id.org/critmin/ontology#>\nDESCRIBE ?a { ?a a cm:Agreement }",
])
def test_a_query_of_the_store_alone_passes(text: str) -> None:
    assert stays_in_dataset(text)


@pytest.mark.parametrize("text", [
    "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/g> { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }",
    # Glued to what comes before: Oxigraph reads these as keywords.
    "ASKFROM <http://example.org/g> {}",
    "SELECT ?x { ?s ?p trueSERVICE <http://127.0.0.1:9/> { ?a ?b ?c } }",
    "SELECT ?x { ?s ?p 1SeRvIcE <http://127.0.0.1:9/> { ?a ?b ?c } }",
    # Hidden behind what a careless reader takes for an IRI, a comment or a string.
    "SELECT * { FILTER(?a<?b#>''' \n SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } \n# ''') }",
    'SELECT * { ?s ?p "x" # "\n SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }',
    # SPARQL expands code point escapes anywhere before parsing.
    "SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * { \\U00000053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
])
def test_a_text_that_may_name_another_endpoint_or_graph_goes_to_the_guard(text: str) -> None:
    assert not stays_in_dataset(text)


@pytest.mark.parametrize("text", [
    "SELECT ?f ?s { ?f <http://www.w3.org/ns/prov#wasDerivedFrom> ?s }",
    'SELECT * { ?s ?p "customer service" }',
])
def test_the_words_inside_names_and_strings_also_go_to_the_guard(text: str) -> None:
    assert not stays_in_dataset(text)
