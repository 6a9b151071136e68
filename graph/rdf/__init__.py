"""From statements to RDF: IRIs, literals, triples, merging, curation and the dataset file."""
