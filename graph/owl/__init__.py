"""The ontology: loading it and its shapes, OWL 2 RL reasoning, validation and its docs."""
