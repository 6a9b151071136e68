"""critmin.graph: from texts and reference entities to an OWL knowledge graph (no web code)."""
