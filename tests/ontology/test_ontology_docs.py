"""ontology/critmin.html is what graph/owl/ontology_docs.py generates from the ontology today."""

import html
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, SKOS

from critmin.graph.base.namespaces import CM
from critmin.graph.owl.ontology import ONTOLOGY_HTML_FILE, load_ontology


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("docs") / "critmin.html"
    result = subprocess.run(
        [sys.executable, "-m", "critmin.graph.owl.ontology_docs", "--out", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_committed_documentation_is_up_to_date(regenerated: str) -> None:
    committed = Path(ONTOLOGY_HTML_FILE).read_text(encoding="utf-8")
    assert regenerated == committed, "run `make docs` and commit ontology/critmin.html"


def test_documentation_has_the_ontology_title_and_every_class_and_property(
    regenerated: str,
) -> None:
    assert "<title>critmin: the geopolitics of critical minerals</title>" in regenerated
    ontology = load_ontology()
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    terms = {
        term
        for kind in kinds
        for term in ontology.subjects(RDF.type, kind)
        if term.startswith(str(CM))
    }
    assert {CM.Agreement, CM.ProcessingAgreement, CM.party, CM.narrowerStageOf} <= terms
    assert sorted(t for t in terms if f"<code>{t}</code>" not in regenerated) == []


def test_documentation_lists_every_named_individual_with_its_definition(regenerated: str) -> None:
    ontology = load_ontology()
    individuals = sorted(
        term for term in ontology.subjects(RDF.type, OWL.NamedIndividual)
        if term.startswith(str(CM))
    )
    assert {CM.processing, CM.refining, CM.binding, CM.percent} <= set(individuals)
    section = regenerated[regenerated.index('id="individuals"'):]
    for term in individuals:
        definition = html.escape(str(ontology.value(term, SKOS.definition)))
        assert f'id="{term.removeprefix(str(CM))}"' in section
        assert f"<p>{definition}</p>" in section
    assert 'narrower than <a href="#processing">processing</a>' in section
