"""`critmin build`: a folder of texts to a dataset file, or a one-line error and exit 2."""

import re
from pathlib import Path

import pytest
from rdflib import RDF

from critmin.graph.base.namespaces import CM, INFERRED_GRAPH
from critmin.graph.rdf.dataset import graph_sizes, read_dataset
from critmin.service.cli import graph_sizes_text, main

GOOD_TEXTS = {
    "lithium.txt": (
        "Lithium Brief\n\n"
        "Canada and Chile signed a critical minerals framework on March 3, 2024. "
        "The deal covers lithium refining.\n"
    ),
    "cobalt.txt": (
        "Cobalt Brief\n\n"
        "Japan and Chile agreed a memorandum of understanding on copper exploration in 2023.\n"
    ),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in GOOD_TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_build(*args: str) -> int:
    return main(["build", *args])


def test_a_good_corpus_gives_a_dataset_file(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "build" / "data.trig"
    assert run_build("--corpus", str(corpus), "--out", str(out)) == 0
    printed = capsys.readouterr().out.strip().splitlines()
    assert len(printed) == 1
    summary = re.fullmatch(
        rf"wrote {re.escape(str(out))}: 2 documents, \d+ statements, 0 corrections, "
        r"(\d+) quads in (\d+) graphs \((.*)\), (\d+) distinct triples in their union",
        printed[0],
    )
    assert summary, printed[0]
    dataset = read_dataset(out)
    sizes = graph_sizes(dataset)
    assert (int(summary.group(1)), int(summary.group(2))) == (sum(sizes.values()), len(sizes))
    assert int(summary.group(4)) == len(dataset)  # the union, each triple once
    # The summary names each graph of the file (short name after /graph/) with its size.
    assert summary.group(3) == ", ".join(
        f"{name.rsplit('/graph/', 1)[-1]} {size}" for name, size in graph_sizes(dataset).items()
    )
    assert len(set(dataset.subjects(RDF.type, CM.SourceDocument))) == 2
    assert len(dataset.graph(INFERRED_GRAPH)) > 0


def test_no_reason_and_nquads(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "data.nq"
    assert run_build("--corpus", str(corpus), "--out", str(out), "--no-reason") == 0
    assert INFERRED_GRAPH not in {graph.identifier for graph in read_dataset(out).graphs()}


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"Caf\xe9 au lait\n", "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_a_bad_file_exits_2_naming_it_and_writes_nothing(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
    problem: str,
) -> None:
    (corpus / "broken.txt").write_bytes(content)
    out = tmp_path / "data.trig"
    assert run_build("--corpus", str(corpus), "--out", str(out)) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert error.startswith("critmin build: error: ")
    assert "broken.txt" in error and problem in error
    assert not out.exists()


def test_a_text_over_max_text_bytes_exits_2_in_one_line(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "large.txt").write_text("Testland grows.\n" * 100, encoding="utf-8")
    out = tmp_path / "data.trig"
    assert run_build("--corpus", str(corpus), "--out", str(out), "--max-text-bytes", "1000") == 2
    assert capsys.readouterr().err == (
        f"critmin build: error: {corpus / 'large.txt'}: 1,600 bytes, more than the 1,000 taken"
        " (raise --max-text-bytes to read it)\n"
    )
    assert not out.exists()
    with pytest.raises(SystemExit):
        run_build("--corpus", str(corpus), "--max-text-bytes", "0")
    assert "--max-text-bytes: 0 is less than 1" in capsys.readouterr().err


def test_skip_bad_files_builds_the_others(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "broken.txt").write_bytes(b"")
    out = tmp_path / "data.trig"
    options = ["--skip-bad-files", "--no-reason"]
    assert run_build("--corpus", str(corpus), "--out", str(out), *options) == 0
    assert ": 2 documents, " in capsys.readouterr().out


@pytest.mark.parametrize(
    ("out_name", "extra", "message"),
    [
        ("data.ttl", [], "unsupported dataset file type '.ttl'"),
        ("data.trig", ["--metadata", "absent.yaml"], "absent.yaml"),
        ("data.trig", ["--curation", "absent.yaml"], "cannot read curation file"),
        ("data.trig", ["--curation", "c.yaml", "--no-curation"], "--curation and --no-curation"),
        ("data.trig", ["--jobs", "0"], "--jobs must be at least 1"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], out_name: str,
    extra: list[str], message: str,
) -> None:
    options = [str(tmp_path / arg) if arg.endswith(".yaml") else arg for arg in extra]
    out = tmp_path / out_name
    assert run_build("--corpus", str(corpus), "--out", str(out), *options) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and message in error
    assert not out.exists()


def test_a_missing_corpus_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_build("--corpus", str(tmp_path / "nowhere"), "--out",
                     str(tmp_path / "data.trig")) == 2
    assert "nowhere: no such folder" in capsys.readouterr().err


def test_the_corpus_curation_file_is_applied_unless_no_curation(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "curation.yaml").write_text("- reason: incomplete\n", encoding="utf-8")
    out = tmp_path / "data.trig"
    assert run_build("--corpus", str(corpus), "--out", str(out)) == 2
    assert "entry 1: needs exactly one of 'assert' or 'retract'" in capsys.readouterr().err
    options = ["--no-curation", "--no-reason"]
    assert run_build("--corpus", str(corpus), "--out", str(out), *options) == 0
    assert out.exists()


def test_many_document_graphs_are_summed_up_in_the_summary() -> None:
    base = "https://w3id.org/critmin/id/graph/"
    sizes = {f"{base}doc/{number:016x}": 40 + number for number in range(7)}
    sizes.update({f"{base}inferred": 900, f"{base}ontology": 1136, f"{base}reference": 4598})
    assert graph_sizes_text(sizes) == (
        "7 documents 40 to 46 each, inferred 900, ontology 1136, reference 4598"
    )
    few = dict(list(sizes.items())[:2])
    assert graph_sizes_text(few) == "doc/0000000000000000 40, doc/0000000000000001 41"
