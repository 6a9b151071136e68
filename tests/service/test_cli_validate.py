"""critmin validate: SHACL and OWL 2 RL consistency of a dataset file, with exit status."""

from pathlib import Path

import pytest
from rdflib import Dataset

from critmin.service.cli import main

SHA = "3c" * 32
VALID_TRIG = f"""
@prefix cm: <https://w3id.org/critmin/ontology#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix graph: <https://w3id.org/critmin/id/graph/> .
@prefix doc: <https://w3id.org/critmin/id/doc/> .
@prefix actor: <https://w3id.org/critmin/id/actor/> .
@prefix agreement: <https://w3id.org/critmin/id/agreement/> .

graph:reference {{
    actor:peru a cm:State .
    actor:andes-tin a cm:Company .
}}

<https://w3id.org/critmin/id/graph/doc/{SHA[:16]}> {{
    doc:{SHA[:16]} a cm:SourceDocument ; cm:sha256 "{SHA}" .
    <https://w3id.org/critmin/id/doc/{SHA[:16]}#char=0,24> a nif:String ;
        nif:beginIndex "0"^^xsd:nonNegativeInteger ;
        nif:endIndex "24"^^xsd:nonNegativeInteger ;
        nif:anchorOf "a tin smelting memorandum" ;
        nif:referenceContext doc:{SHA[:16]} .
    agreement:tin-mou a cm:MemorandumOfUnderstanding ;
        cm:party actor:peru , actor:andes-tin ;
        cm:coversStage cm:refining ;
        prov:wasDerivedFrom doc:{SHA[:16]} ;
        cm:evidence <https://w3id.org/critmin/id/doc/{SHA[:16]}#char=0,24> .
}}
"""


def run_validate(tmp_path: Path, text: str, name: str = "data.trig") -> int:
    data = tmp_path / name
    data.write_text(text, encoding="utf-8")
    return main(["validate", "--data", str(data)])


def test_a_conforming_dataset_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_validate(tmp_path, VALID_TRIG) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == ["Validation Report", "Conforms: True"]
    assert out[-2:] == ["OWL 2 RL consistency: consistent", f"{tmp_path / 'data.trig'}: conforms"]


def test_a_dataset_that_breaks_a_shape_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    without_party = VALID_TRIG.replace("cm:party actor:peru , actor:andes-tin ;", "")
    assert run_validate(tmp_path, without_party) == 1
    out = capsys.readouterr().out
    assert "Conforms: False" in out
    assert "\tSource Shape: cmsh:AgreementPartyShape\n" in out
    assert "\tFocus Node: <https://w3id.org/critmin/id/agreement/tin-mou>\n" in out
    assert "\tResult Path: cm:party\n" in out
    assert out.splitlines()[-1] == (
        f"{tmp_path / 'data.trig'}: does not conform: 1 SHACL violations, 0 inconsistencies"
    )


def test_an_inconsistent_dataset_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binding_mou = VALID_TRIG.replace(
        "cm:coversStage cm:refining ;", "cm:coversStage cm:refining ; cm:bindingStatus cm:binding ;"
    )
    assert run_validate(tmp_path, binding_mou) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[-3:] == [
        "OWL 2 RL consistency: inconsistent",
        "  OWL 2 RL rule cax-dw: cmr:agreement/tin-mou is an instance of both "
        "cm:BindingAgreement and cm:NonBindingAgreement, which are disjoint classes",
        f"{tmp_path / 'data.trig'}: does not conform: 0 SHACL violations, 1 inconsistencies",
    ]


def test_an_nquads_file_is_read_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dataset = Dataset()
    dataset.parse(data=VALID_TRIG, format="trig")
    assert run_validate(tmp_path, dataset.serialize(format="nquads"), "data.nq") == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{tmp_path / 'data.nq'}: conforms"


def test_a_missing_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent.trig"
    assert main(["validate", "--data", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"critmin validate: error: data file {missing} does not exist\n"


def test_an_unparsable_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_validate(tmp_path, "graph:reference { this is not TriG") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        f"critmin validate: error: cannot parse {tmp_path / 'data.trig'} as trig: "
    )
    assert captured.err.count("\n") == 1
