"""A small invented dataset, reasoned with the real ontology, for running every canned query.

The facts are made up (other states, minerals, numbers and wording than the seed corpus) and
written with the ontology's terms the way the extraction writes them: statements in one named
graph per document, reference entities in their own graph, the OWL 2 RL closure in another.
"""

from __future__ import annotations

from rdflib import Dataset, Graph
from rdflib.query import Result

from critmin.graph.base.namespaces import INFERRED_GRAPH, ONTOLOGY_GRAPH, PREFIXES
from critmin.graph.owl.ontology import load_ontology
from critmin.graph.owl.reasoning import infer
from critmin.service.catalogue import load_catalogue, run
from critmin.service.store import LocalStore, Store

CATALOGUE = load_catalogue()

TRIG_PREFIXES = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items())
"""Every critmin prefix declared, for the TriG below."""


def evidence_spans(sha16: str, *spans: tuple[int, int, str]) -> str:
    """TriG for text spans ``(begin, end, anchor)`` of document ``sha16``, in its graph."""
    doc = f"cmr:doc\\/{sha16}"
    described = "".join(
        f"  <https://w3id.org/critmin/id/doc/{sha16}#char={begin},{end}> a nif:String ;\n"
        f'      nif:anchorOf "{anchor}" ;\n'
        f'      nif:beginIndex "{begin}"^^xsd:nonNegativeInteger ;\n'
        f'      nif:endIndex "{end}"^^xsd:nonNegativeInteger ;\n'
        f"      nif:referenceContext {doc} .\n"
        for begin, end, anchor in spans
    )
    return f"\ncmr:graph\\/doc\\/{sha16} {{\n{described}}}\n"


REFERENCE = """
cmr:graph\\/reference {
  cmr:actor\\/canada a cm:State ; skos:prefLabel "Canada"@en ; rdfs:label "Canada"@en ;
      cm:wikidataId "Q16" ; skos:exactMatch wd:Q16 .
  cmr:actor\\/india a cm:State ; skos:prefLabel "India"@en ; rdfs:label "India"@en ;
      cm:wikidataId "Q668" ; skos:exactMatch wd:Q668 .
  cmr:actor\\/chile a cm:State ; skos:prefLabel "Chile"@en ; rdfs:label "Chile"@en .
  cmr:actor\\/brazil a cm:State ; skos:prefLabel "Brazil"@en ; rdfs:label "Brazil"@en .
  cmr:actor\\/kenya a cm:State ; skos:prefLabel "Kenya"@en ; rdfs:label "Kenya"@en .
  cmr:actor\\/andes-lithium a cm:Company ; skos:prefLabel "Andes Lithium"@en ;
      rdfs:label "Andes Lithium"@en ; cm:basedIn cmr:actor\\/chile .
  cmr:actor\\/mining-board a cm:MilitaryRunOrganisation ; skos:prefLabel "Mining Board"@en ;
      rdfs:label "Mining Board"@en ; cm:runBy cmr:actor\\/india ; cm:basedIn cmr:actor\\/india .
  cmr:actor\\/state-smelter a cm:StateRunOrganisation ; skos:prefLabel "State Smelter"@en ;
      rdfs:label "State Smelter"@en ; cm:basedIn cmr:actor\\/brazil .
  cmr:actor\\/ministry-of-mines a cm:GovernmentBody ; skos:prefLabel "Ministry of Mines"@en ;
      rdfs:label "Ministry of Mines"@en ; cm:partOfOrganisation cmr:actor\\/canada .
  cmr:actor\\/world-bank a cm:IntergovernmentalOrganisation ; skos:prefLabel "World Bank"@en ;
      rdfs:label "World Bank"@en .
  cmr:actor\\/east-corp a cm:Company ; skos:prefLabel "East Corp"@en ; rdfs:label "East Corp"@en .
  cmr:person\\/ana-silva a cm:Person ; skos:prefLabel "Ana Silva"@en ; rdfs:label "Ana Silva"@en ;
      cm:hasRole cmr:person\\/ana-silva-role .
  cmr:person\\/ana-silva-role a cm:Role ; cm:roleTitle "Minister of Mines" ;
      cm:roleIn cmr:actor\\/canada .
  cmr:person\\/raj-kumar a cm:Person ; skos:prefLabel "Raj Kumar"@en ; rdfs:label "Raj Kumar"@en .
  cmr:person\\/lee-park a cm:Person ; skos:prefLabel "Lee Park"@en ; rdfs:label "Lee Park"@en .
  cmr:person\\/noor-ali a cm:Person ; skos:prefLabel "Noor Ali"@en ; rdfs:label "Noor Ali"@en .
  cmr:mineral\\/lithium a cm:ChemicalElement ; skos:prefLabel "lithium"@en ;
      rdfs:label "lithium"@en ; cm:elementSymbol "Li" .
  cmr:mineral\\/cerium a cm:LightRareEarthElement ; skos:prefLabel "cerium"@en ;
      rdfs:label "cerium"@en ; cm:elementSymbol "Ce" .
  cmr:mineral\\/dysprosium a cm:HeavyRareEarthElement ; skos:prefLabel "dysprosium"@en ;
      rdfs:label "dysprosium"@en ; cm:elementSymbol "Dy" .
  cmr:mineral\\/rare-earths a cm:MineralGroup ; skos:prefLabel "rare earths"@en ;
      rdfs:label "rare earths"@en ;
      cm:hasGroupMember cmr:mineral\\/cerium , cmr:mineral\\/dysprosium .
  cmr:mineral\\/lithium-carbonate a cm:MineralProduct ; skos:prefLabel "lithium carbonate"@en ;
      rdfs:label "lithium carbonate"@en ; cm:productOf cmr:mineral\\/lithium .
  cmr:place\\/geneva a cm:City ; skos:prefLabel "Geneva"@en ; rdfs:label "Geneva"@en .
  cmr:place\\/atlantic a cm:Region ; skos:prefLabel "Atlantic"@en ; rdfs:label "Atlantic"@en .
  cmr:place\\/antofagasta a cm:Region ; skos:prefLabel "Antofagasta"@en ;
      rdfs:label "Antofagasta"@en ; cm:locatedIn cmr:actor\\/chile .
  cmr:place\\/andes-mine a cm:Mine ; skos:prefLabel "Andes Mine"@en ;
      rdfs:label "Andes Mine"@en ; cm:locatedIn cmr:actor\\/chile .
  cmr:place\\/deccan-mine a cm:Mine ; skos:prefLabel "Deccan Mine"@en ;
      rdfs:label "Deccan Mine"@en ; cm:locatedIn cmr:actor\\/india ;
      cm:sourceOf cmr:mineral\\/cerium .
  cmr:place\\/lithium-plant a cm:SupplySource ; skos:prefLabel "Lithium Plant"@en ;
      rdfs:label "Lithium Plant"@en ; cm:locatedIn cmr:actor\\/chile .
}
"""

DOCUMENT_ONE = """
cmr:graph\\/doc\\/aaaa000000000001 {
  cmr:doc\\/aaaa000000000001 a cm:SourceDocument ; dcterms:title "Report one" ;
      dcterms:creator "Jo Writer" .

  cmr:agreement\\/canada-andes-mou-11111111 a cm:MemorandumOfUnderstanding ;
      rdfs:label "Canada-Andes Lithium MoU" ;
      cm:party cmr:actor\\/canada , cmr:actor\\/andes-lithium ;
      cm:coversStage cm:refining , cm:exploration ; cm:coversMineral cmr:mineral\\/lithium ;
      cm:date "2024-03"^^xsd:gYearMonth ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 ;
      cm:evidence <https://w3id.org/critmin/id/doc/aaaa000000000001#char=10,35> .

  cmr:agreement\\/canada-india-framework-22222222 a cm:Framework ;
      rdfs:label "Canada-India framework" ; cm:bindingStatus cm:binding ;
      cm:party cmr:actor\\/canada , cmr:actor\\/india ; cm:coversStage cm:mining ;
      cm:date "2024-05-14"^^xsd:date ; cm:agreedAt cmr:event\\/geneva-summit-cccccccc ;
      cm:hasAmount cmr:measurement\\/framework-amount-12121212 ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 ;
      cm:evidence <https://w3id.org/critmin/id/doc/aaaa000000000001#char=40,70> .
  cmr:measurement\\/framework-amount-12121212 a cm:MonetaryAmount ;
      schema:value 1200000000 ; schema:currency "USD" ;
      cm:value 1200000000 ; cm:currency "USD" .

  cmr:control\\/india-export-control-55555555 a cm:ExportControl ;
      rdfs:label "India's February export controls" ; cm:imposedBy cmr:actor\\/india ;
      cm:coversMineral cmr:mineral\\/rare-earths ; cm:elementCount 5 ;
      cm:date "2024-02"^^xsd:gYearMonth ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 ;
      cm:evidence <https://w3id.org/critmin/id/doc/aaaa000000000001#char=80,100> .
  cmr:control\\/india-export-control-66666666 a cm:ExportControl ;
      rdfs:label "India's June export controls" ; cm:imposedBy cmr:actor\\/india ;
      cm:coversMineral cmr:mineral\\/dysprosium ; cm:elementCount 2 ;
      cm:date "2024-06-10"^^xsd:date ; prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 .
  cmr:control\\/india-export-control-77777777 a cm:ExportControl ;
      rdfs:label "India's lithium export controls" ; cm:imposedBy cmr:actor\\/india ;
      cm:coversMineral cmr:mineral\\/lithium ; cm:date "2024"^^xsd:gYear ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 .
  cmr:control\\/india-pause-88888888 a cm:Pause ;
      rdfs:label "six-month pause of India's controls" ; cm:imposedBy cmr:actor\\/india ;
      cm:pauses cmr:control\\/india-export-control-55555555 ;
      cm:date "2024-07"^^xsd:gYearMonth ; cm:duration "P6M"^^xsd:duration ;
      cm:agreedIn cmr:agreement\\/canada-india-framework-22222222 ;
      cm:inExchangeFor cmr:agreement\\/wheat-purchases-13131313 ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 .
  cmr:agreement\\/wheat-purchases-13131313 a cm:PurchaseCommitment ; rdfs:label "wheat purchases" .

  cmr:event\\/geneva-summit-cccccccc a cm:Summit ; rdfs:label "Geneva summit" ;
      cm:place cmr:place\\/geneva ; cm:date "2024-05"^^xsd:gYearMonth ;
      cm:participant cmr:person\\/ana-silva , cmr:person\\/raj-kumar ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 .
  cmr:event\\/lithium-shipment-dddddddd a cm:Shipment ; rdfs:label "first lithium shipment" ;
      cm:date "2024-05-02"^^xsd:date ; prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 .

  cmr:measurement\\/india-mining-share-14141414 a cm:MiningShare ;
      rdfs:label "India's share of rare-earth mining" ; cm:measuredSubject cmr:actor\\/india ;
      cm:ofMineral cmr:mineral\\/rare-earths ; cm:value 35.0 ; cm:unit cm:percent ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 .
  cmr:measurement\\/carbonate-price-15151515 a cm:Price ;
      rdfs:label "lithium carbonate price in 2021" ;
      cm:measuredSubject cmr:mineral\\/lithium-carbonate ; cm:value 14.0 ; cm:currency "USD" ;
      cm:perUnit cm:kilogram ; cm:referenceYear "2021"^^xsd:gYear ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 .
  cmr:measurement\\/carbonate-price-16161616 a cm:Price ;
      rdfs:label "lithium carbonate price in 2024" ;
      cm:measuredSubject cmr:mineral\\/lithium-carbonate ; cm:value 22.0 ; cm:currency "USD" ;
      cm:perUnit cm:kilogram ; cm:referenceYear "2024"^^xsd:gYear ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 .
  cmr:measurement\\/refining-forecast-17171717 a cm:Forecast ;
      rdfs:label "refining shifted away from India" ;
      cm:minValue 10.0 ; cm:maxValue 15.0 ; cm:unit cm:percent ; cm:horizon "2040s" ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000001 .
}
""" + evidence_spans(
    "aaaa000000000001",
    (10, 35, "a memorandum on refining"),
    (40, 70, "a binding framework worth 1.2 billion"),
    (80, 100, "curbs on five elements"),
)

DOCUMENT_TWO = """
cmr:graph\\/doc\\/aaaa000000000002 {
  cmr:doc\\/aaaa000000000002 a cm:SourceDocument ; dcterms:title "Report two" ;
      dcterms:creator cmr:person\\/lee-park .

  cmr:agreement\\/canada-india-framework-22222222 prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 ;
      cm:evidence <https://w3id.org/critmin/id/doc/aaaa000000000002#char=5,30> .

  cmr:agreement\\/canada-brazil-partnership-33333333 a cm:Partnership ;
      rdfs:label "Canada-Brazil partnership" ; cm:bindingStatus cm:nonBinding ;
      cm:party cmr:actor\\/canada , cmr:actor\\/brazil ; cm:coversStage cm:separation ;
      cm:startDate "2024-01"^^xsd:gYearMonth ; cm:endDate "2024-02"^^xsd:gYearMonth ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .
  cmr:agreement\\/chile-kenya-deal-44444444 a cm:Deal ; rdfs:label "Chile-Kenya deal" ;
      cm:party cmr:actor\\/chile , cmr:actor\\/kenya ; cm:date "2023"^^xsd:gYear ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .

  cmr:control\\/canada-sanction-99999999 a cm:Sanction ;
      rdfs:label "Canadian sanctions on East Corp" ; cm:imposedBy cmr:actor\\/canada ;
      cm:targets cmr:actor\\/east-corp ; cm:date "2023"^^xsd:gYear ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .
  cmr:control\\/canada-lifting-aaaaaaaa a cm:Lifting ;
      rdfs:label "lifting of Canadian sanctions on East Corp" ; cm:imposedBy cmr:actor\\/canada ;
      cm:lifts cmr:control\\/canada-sanction-99999999 ; cm:date "2024-09"^^xsd:gYearMonth ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .
  cmr:control\\/chile-tariff-bbbbbbbb a cm:Tariff ; rdfs:label "Chilean tariffs on India" ;
      cm:imposedBy cmr:actor\\/chile ; cm:targets cmr:actor\\/india ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .

  cmr:event\\/canada-outreach-eeeeeeee a cm:Outreach ; rdfs:label "Canada's outreach" ;
      cm:initiator cmr:actor\\/canada ; cm:place cmr:place\\/atlantic ;
      cm:participant cmr:actor\\/canada , cmr:actor\\/india ,
          cmr:actor\\/brazil , cmr:actor\\/kenya ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .
  cmr:event\\/ministry-investment-ffffffff a cm:Investment ;
      rdfs:label "Ministry of Mines investment in a lithium plant" ;
      cm:investor cmr:actor\\/ministry-of-mines ; cm:investsIn cmr:place\\/lithium-plant ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .

  cmr:place\\/salt-flat a cm:SupplySource ; skos:prefLabel "Salt Flat"@en ;
      rdfs:label "Salt Flat"@en ; cm:locatedIn cmr:place\\/antofagasta ;
      cm:sourceOf cmr:mineral\\/lithium ; prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .
  cmr:measurement\\/india-processing-share-18181818 a cm:ProcessingShare ;
      rdfs:label "India's share of rare-earth processing" ;
      cm:measuredSubject cmr:actor\\/india ; cm:ofMineral cmr:mineral\\/rare-earths ;
      cm:value 60.0 ; cm:unit cm:percent ; cm:accordingTo cmr:actor\\/world-bank ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .
  cmr:measurement\\/mine-lead-time-19191919 a cm:Duration ; rdfs:label "new mine lead time" ;
      cm:minValue 3.0 ; cm:maxValue 6.0 ; cm:unit cm:year ;
      prov:wasDerivedFrom cmr:doc\\/aaaa000000000002 .
}
""" + evidence_spans(
    "aaaa000000000002",
    (5, 30, "the Canada-India accord"),
)


def reasoned_store(trig: str) -> LocalStore:
    """A store over the ontology, ``trig`` and their OWL 2 RL closure, laid out as a build."""
    dataset = Dataset(default_union=True)
    ontology = dataset.graph(ONTOLOGY_GRAPH)
    for triple in load_ontology():
        ontology.add(triple)
    dataset.parse(data=TRIG_PREFIXES + trig, format="trig")
    inferred = infer(dataset)
    closure: Graph = dataset.graph(INFERRED_GRAPH)
    for triple in inferred:
        closure.add(triple)
    return LocalStore(dataset)


def rows(store: Store, query_id: str, **params: str) -> list[tuple[str | None, ...]]:
    """The rows of a canned query, each cell as its string value (None where unbound)."""
    result: Result = run(CATALOGUE[query_id], store, params)
    return [
        tuple(None if row.get(var) is None else str(row[var]) for var in result.vars)
        for row in result.bindings
    ]


def columns(store: Store, query_id: str) -> list[str]:
    """The result columns of a canned query."""
    return [str(var) for var in run(CATALOGUE[query_id], store, {}).vars]
