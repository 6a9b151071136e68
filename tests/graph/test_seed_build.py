"""The seed corpus's build: reproducible, shipped up to date, free of article text, valid.

Reads ../shared/corpus (relative to the repository root) and skips where it is absent.
"""

import re
from hashlib import sha256
from pathlib import Path

import pytest
from graph_helpers import words
from rdflib import PROV, SKOS, Literal

from critmin.graph.base.namespaces import NIF
from critmin.graph.build import build
from critmin.graph.owl.validation import validate
from critmin.graph.rdf.dataset import read_dataset

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".." / "shared" / "corpus"
METADATA = ROOT / "graph" / "seed" / "corpus-metadata.yaml"
SHIPPED = ROOT / "graph" / "seed" / "critmin-seed.trig"
RUN = 12
"""A run of this many consecutive corpus words counts as copied article text."""

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not CORPUS.is_dir(), reason=f"seed corpus not found at {CORPUS.resolve()}"
    ),
]


def runs(text: str) -> set[str]:
    tokens = words(text)
    return {" ".join(tokens[i : i + RUN]) for i in range(len(tokens) - RUN + 1)}


@pytest.fixture(scope="module")
def corpus_runs() -> set[str]:
    return set().union(*(runs(path.read_text(encoding="utf-8")) for path in CORPUS.glob("*.txt")))


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed") / "critmin-seed.trig"
    build(CORPUS, out, METADATA)
    return out


def test_two_builds_are_byte_identical(fresh: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.trig"
    build(CORPUS, again, METADATA)
    assert again.read_bytes() == fresh.read_bytes()


def test_the_shipped_seed_build_is_up_to_date(fresh: Path) -> None:
    assert SHIPPED.is_file(), f"{SHIPPED} is missing: run `make seed`"
    assert SHIPPED.read_bytes() == fresh.read_bytes(), f"{SHIPPED} is stale: run `make seed`"


@pytest.mark.parametrize("which", ["shipped", "fresh"])
def test_no_literal_of_the_build_copies_the_corpus(
    which: str, fresh: Path, corpus_runs: set[str]
) -> None:
    """Anchors, labels made from text, titles: no literal holds 12 corpus words in a row."""
    dataset = read_dataset(SHIPPED if which == "shipped" else fresh)
    long_literals = {
        str(term)
        for quad in dataset.quads((None, None, None, None))
        for term in quad[:3]
        if isinstance(term, Literal) and len(words(str(term))) >= RUN
    }
    copied = sorted(literal for literal in long_literals if runs(literal) & corpus_runs)
    assert copied == []


def test_the_shipped_file_holds_no_run_of_corpus_words(corpus_runs: set[str]) -> None:
    """What corpus_leak_check.py checks, over the file as a whole (runs across literals too)."""
    found = runs(SHIPPED.read_text(encoding="utf-8")) & corpus_runs
    assert sorted(found)[:3] == []


def test_anchors_are_short_and_match_the_text(fresh: Path) -> None:
    texts = {
        sha256(path.read_bytes()).hexdigest()[:16]: path.read_text(encoding="utf-8")
        for path in CORPUS.glob("*.txt")
    }
    anchors = sorted(read_dataset(fresh).subject_objects(NIF.anchorOf))
    assert anchors
    for span, anchor in anchors:
        assert 1 <= len(words(str(anchor))) <= 11, span  # as the leak check counts words
        assert len(str(anchor).split()) <= 11, span
        sha16, begin, end = re.fullmatch(r".*/doc/(\w{16})#char=(\d+),(\d+)", str(span)).groups()
        assert texts[sha16][int(begin) : int(end)] == str(anchor)


def test_every_statement_has_exactly_one_preferred_label(fresh: Path) -> None:
    dataset = read_dataset(fresh)
    statements = set(dataset.subjects(PROV.wasDerivedFrom, None))
    assert statements
    counts = {node: len(set(dataset.objects(node, SKOS.prefLabel))) for node in statements}
    assert {node: count for node, count in counts.items() if count != 1} == {}


def test_the_seed_build_conforms_to_the_shapes(fresh: Path) -> None:
    result = validate(read_dataset(fresh))
    assert result.violations == (), result.text
    assert result.conforms
