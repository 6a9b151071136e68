"""Where the ontology and its SHACL shapes live, and how to load them."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

ONTOLOGY_DIR = Path(__file__).resolve().parents[2] / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "critmin.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY_HTML_FILE = ONTOLOGY_DIR / "critmin.html"


def load_ontology() -> Graph:
    """The critmin OWL ontology (ontology/critmin.ttl) as a fresh graph."""
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def load_shapes() -> Graph:
    """The SHACL shapes for critmin instance data (ontology/shapes.ttl) as a fresh graph."""
    return Graph().parse(SHAPES_FILE, format="turtle")
