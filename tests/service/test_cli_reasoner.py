"""`critmin build|validate --reasoner fast|owlrl`: the same files and verdicts either way."""

from pathlib import Path

import pytest
from rdflib import RDF
from test_cli_validate import VALID_TRIG

from critmin.graph.base.namespaces import CM, INFERRED_GRAPH
from critmin.graph.rdf.dataset import read_dataset
from critmin.service.cli import main

TEXTS = {
    "nickel.txt": (
        "Nickel Note\n\n"
        "Canada and Chile signed a critical minerals partnership on June 5, 2024. "
        "The partnership covers nickel refining.\n"
    ),
    "copper.txt": (
        "Copper Note\n\n"
        "Japan and Peru agreed a memorandum of understanding on copper exploration in 2022.\n"
    ),
}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The corpus of TEXTS built with the default reasoner and with owlrl."""
    folder = tmp_path_factory.mktemp("reasoner")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, text in TEXTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    outs = {"default": folder / "default.trig", "owlrl": folder / "owlrl.trig"}
    assert main(["build", "--corpus", str(corpus), "--out", str(outs["default"])]) == 0
    assert main(
        ["build", "--corpus", str(corpus), "--out", str(outs["owlrl"]), "--reasoner", "owlrl"]
    ) == 0
    return outs


def test_the_default_and_owlrl_builds_are_byte_identical(builds: dict[str, Path]) -> None:
    assert builds["default"].read_bytes() == builds["owlrl"].read_bytes()


def test_the_build_has_inferences_through_the_property_chain(builds: dict[str, Path]) -> None:
    inferred = read_dataset(builds["default"]).graph(INFERRED_GRAPH)
    processing = set(inferred.subjects(RDF.type, CM.ProcessingAgreement))
    assert len(processing) == 1
    assert set(inferred.objects(processing.pop(), CM.involvesStage)) == {
        CM.refining,
        CM.processing,
    }


@pytest.mark.parametrize("reasoner", ["fast", "owlrl"])
def test_validate_reports_an_inconsistency_alike_with_either_reasoner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], reasoner: str
) -> None:
    data = tmp_path / "data.trig"
    data.write_text(
        VALID_TRIG.replace("cm:coversStage", "cm:bindingStatus cm:binding ; cm:coversStage"),
        encoding="utf-8",
    )
    assert main(["validate", "--data", str(data), "--reasoner", reasoner]) == 1
    assert capsys.readouterr().out.splitlines()[-3:] == [
        "OWL 2 RL consistency: inconsistent",
        "  OWL 2 RL rule cax-dw: cmr:agreement/tin-mou is an instance of both "
        "cm:BindingAgreement and cm:NonBindingAgreement, which are disjoint classes",
        f"{data}: does not conform: 0 SHACL violations, 1 inconsistencies",
    ]


def test_an_unknown_reasoner_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_status:
        main(["build", "--corpus", str(tmp_path), "--reasoner", "hermit"])
    assert exit_status.value.code == 2
    assert "argument --reasoner: invalid choice: 'hermit'" in capsys.readouterr().err
