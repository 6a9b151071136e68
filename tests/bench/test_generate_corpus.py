"""The benchmark corpus generator: deterministic, distinct texts, more facts for more texts."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from critmin.graph.rules.extract import extract
from critmin.graph.text.corpus import read_corpus
from critmin.graph.text.nlp import make_pipeline
from critmin.graph.text.reference import ReferenceIndex, load_reference

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "generate_corpus.py"


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def texts(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}


def test_same_seed_same_texts_other_seed_other_texts(generator: ModuleType, tmp_path: Path):
    generator.generate(6, tmp_path / "one", seed=7)
    generator.generate(6, tmp_path / "two", seed=7)
    generator.generate(6, tmp_path / "three", seed=8)
    first = texts(tmp_path / "one")
    assert list(first) == [f"news-{n:05d}.txt" for n in range(1, 7)]
    assert first == texts(tmp_path / "two")
    assert first != texts(tmp_path / "three")


def test_texts_are_distinct_and_dated(generator: ModuleType, tmp_path: Path):
    generator.generate(40, tmp_path, seed=1)
    found = list(texts(tmp_path).values())
    assert len(set(found)) == 40
    assert all("Published: " in text for text in found)


def test_cli_refuses_a_folder_that_holds_texts(generator: ModuleType, tmp_path: Path, capsys):
    assert generator.main(["--count", "2", "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"wrote 2 texts to {tmp_path}\n"
    with pytest.raises(SystemExit) as raised:
        generator.main(["--count", "2", "--out", str(tmp_path)])
    assert raised.value.code == 2
    assert "already holds .txt files" in capsys.readouterr().err


def test_more_texts_give_more_agreements_and_controls(generator: ModuleType, tmp_path: Path):
    nlp = make_pipeline()
    index = ReferenceIndex.from_graph(load_reference())

    def counts(count: int) -> tuple[int, int]:
        folder = generator.generate(count, tmp_path / str(count), seed=0)[0].parent
        extractions = [extract(document, nlp, index) for document in read_corpus(folder)]
        agreements = [a for e in extractions for a in e.agreements if a.modality == "stated"]
        controls = [c for e in extractions for c in e.controls if c.modality == "stated"]
        return len(agreements), len(controls)

    few, many = counts(5), counts(20)
    assert few[0] >= 3 and few[1] >= 3
    assert many[0] > 2 * few[0] and many[1] > 2 * few[1]



def test_joined_texts_are_one_file_with_blank_lines_between(
    generator: ModuleType, tmp_path: Path
):
    separate = generator.generate(3, tmp_path / "separate", seed=4)
    texts = [path.read_text(encoding="utf-8") for path in separate]
    assert generator.main(["--count", "3", "--seed", "4", "--joined", "--out",
                           str(tmp_path / "one")]) == 0
    assert [path.name for path in (tmp_path / "one").iterdir()] == ["joined.txt"]
    assert (tmp_path / "one" / "joined.txt").read_text(encoding="utf-8") == "\n\n".join(texts)
