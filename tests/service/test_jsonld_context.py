"""The JSON-LD context at /context.jsonld, and JSON-LD answers compacted with it."""

from __future__ import annotations

import json
from urllib.parse import quote

from flask.testing import FlaskClient
from rdflib import RDF, SKOS, Graph, Literal

from critmin.graph.base.namespaces import CM, CMR, PREFIXES

CONTEXT_LINK = '</context.jsonld>; rel="http://www.w3.org/ns/json-ld#context"; ' \
    'type="application/ld+json"'
TESTLAND = CMR["actor/testland"]
AGREEMENT = CMR["agreement/testland-exampleland-0000aaaa"]


def test_the_context_names_every_prefix(client: FlaskClient) -> None:
    response = client.get("/context.jsonld")
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    assert response.get_json() == {"@context": PREFIXES}


def test_a_resource_in_json_ld_is_compacted_with_the_context(client: FlaskClient) -> None:
    response = client.get("/id/actor/testland.jsonld")
    document = json.loads(response.data)
    assert document["@context"] == PREFIXES
    assert response.headers["Link"].endswith(CONTEXT_LINK)
    nodes = document.get("@graph", [document])
    testland = next(node for node in nodes if node["@id"] == str(TESTLAND))
    assert testland["@type"] == "cm:State"
    assert testland["skos:prefLabel"] == {"@language": "en", "@value": "Testland"}
    assert testland["cm:wikidataId"] == "Q1000001"
    graph = Graph().parse(data=response.data, format="json-ld")
    assert set(graph.triples((TESTLAND, None, None))) == {
        (TESTLAND, RDF.type, CM.State),
        (TESTLAND, SKOS.prefLabel, Literal("Testland", lang="en")),
        (TESTLAND, CM.wikidataId, Literal("Q1000001")),
    }


def test_a_construct_answer_in_json_ld_is_compacted_with_the_context(
    client: FlaskClient,
) -> None:
    query = "CONSTRUCT { ?a <https://w3id.org/critmin/ontology#party> ?p } WHERE " \
        "{ ?a <https://w3id.org/critmin/ontology#party> ?p }"
    response = client.get(f"/sparql?query={quote(query)}",
                          headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    assert response.headers["Link"] == CONTEXT_LINK
    document = json.loads(response.data)
    assert document["@context"] == PREFIXES
    assert document["@id"] == str(AGREEMENT)
    assert sorted(party["@id"] for party in document["cm:party"]) == [
        str(CMR["actor/exampleland"]), str(TESTLAND)
    ]


def test_the_service_description_in_json_ld_uses_the_context(client: FlaskClient) -> None:
    response = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    assert json.loads(response.data)["@context"]["cm"] == str(CM)
    assert response.headers["Link"] == CONTEXT_LINK
