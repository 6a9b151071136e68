"""A small fictional dataset for the tests of the dataset's description (VoID, named graphs).

It has the five kinds of named graph, two source documents (one with title, date and
publisher, one with only a name), links to Wikidata by two properties (one link stated in two
graphs), triples stated in two graphs (so quads and distinct triples differ), an ontology with a
version IRI, and a resource whose IRI looks like a graph's but names none.
"""

from __future__ import annotations

from rdflib import Dataset, URIRef

from critmin.graph.base.namespaces import CMR, PREFIXES

TRIG = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items()) + """
cmr:graph\\/ontology {
    <https://w3id.org/critmin/ontology> a owl:Ontology ;
        owl:versionIRI <https://w3id.org/critmin/ontology/9.1.0> .
    cm:Agreement a owl:Class ; rdfs:label "agreement"@en .
}

cmr:graph\\/reference {
    cmr:actor\\/testland a cm:State ; skos:prefLabel "Testland"@en ;
        skos:exactMatch wd:Q1000001 .
    cmr:actor\\/exampleland a cm:State ; skos:prefLabel "Exampleland"@en ;
        skos:exactMatch wd:Q1000002 .
    cmr:mineral\\/unobtainium a cm:Mineral ; skos:prefLabel "unobtainium"@en ;
        skos:exactMatch wd:Q1000003 ; schema:sameAs wd:Q1000003 .
    cmr:graph\\/retired rdfs:label "A retired graph's IRI, described but holding nothing" .
}

cmr:graph\\/doc\\/00000000000000aa {
    cmr:doc\\/00000000000000aa a cm:SourceDocument ; dcterms:title "Unobtainium in Testland" ;
        dcterms:date "2031-04-02"^^xsd:date ; dcterms:publisher "The Test Gazette" ;
        skos:prefLabel "Unobtainium in Testland" .
    cmr:agreement\\/testland-exampleland-0000aaaa a cm:MemorandumOfUnderstanding ;
        rdfs:label "Testland-Exampleland unobtainium memorandum" ;
        cm:party cmr:actor\\/testland, cmr:actor\\/exampleland ;
        prov:wasDerivedFrom cmr:doc\\/00000000000000aa .
    cmr:actor\\/testland skos:prefLabel "Testland"@en .
}

cmr:graph\\/doc\\/00000000000000bb {
    cmr:doc\\/00000000000000bb a cm:SourceDocument ; skos:prefLabel "bb.txt" .
    cmr:control\\/exampleland-unobtainium-0000bbbb a cm:ExportControl ;
        cm:imposedBy cmr:actor\\/exampleland ;
        prov:wasDerivedFrom cmr:doc\\/00000000000000bb .
}

cmr:graph\\/inferred {
    cmr:agreement\\/testland-exampleland-0000aaaa a cm:Agreement, cm:NonBindingAgreement .
    cmr:control\\/exampleland-unobtainium-0000bbbb a cm:ControlMeasure .
    cmr:doc\\/00000000000000aa a cm:SourceDocument .
    cmr:actor\\/testland skos:exactMatch wd:Q1000001 .
}
"""

ONTOLOGY_VERSION = URIRef("https://w3id.org/critmin/ontology/9.1.0")
DOC_AA, DOC_BB = CMR["doc/00000000000000aa"], CMR["doc/00000000000000bb"]
GRAPH_AA, GRAPH_BB = CMR["graph/doc/00000000000000aa"], CMR["graph/doc/00000000000000bb"]
AGREEMENT = CMR["agreement/testland-exampleland-0000aaaa"]
CONTROL = CMR["control/exampleland-unobtainium-0000bbbb"]
EXAMPLELAND, UNOBTAINIUM = CMR["actor/exampleland"], CMR["mineral/unobtainium"]
RETIRED = CMR["graph/retired"]


def sample_dataset() -> Dataset:
    """The sample as an rdflib dataset whose default graph is the union."""
    dataset = Dataset(default_union=True)
    dataset.parse(data=TRIG, format="trig")
    return dataset
