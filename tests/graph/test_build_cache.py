"""graph/build_cache.py: the extractions kept beside a dataset file, refused when stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from critmin.graph import build_cache
from critmin.graph.base.documents import Document
from critmin.graph.base.statements import Extraction
from critmin.graph.build_cache import BuildCacheError, BuildInputs, cache_path

DOCUMENT = Document(file_name="a.txt", text="Our own sentence.\n", sha256="ab" * 32)
INPUTS = BuildInputs(extractions=(Extraction(document=DOCUMENT),), corrections=())


@pytest.fixture
def dataset_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.trig"
    path.write_text("# a dataset\n", encoding="utf-8")
    return path


def test_inputs_come_back_as_written(dataset_file: Path) -> None:
    written = build_cache.write_inputs(dataset_file, INPUTS)
    assert written == dataset_file.parent / "data.trig.extractions"
    assert build_cache.read_inputs(dataset_file) == INPUTS
    assert sorted(path.name for path in dataset_file.parent.iterdir()) == [
        "data.trig", "data.trig.extractions"
    ]


def test_a_missing_cache_says_to_build_again(dataset_file: Path) -> None:
    with pytest.raises(BuildCacheError) as raised:
        build_cache.read_inputs(dataset_file)
    assert str(raised.value) == (
        f"{cache_path(dataset_file)} is missing: critmin add extends datasets written by "
        "critmin build, which keeps the extractions there; build the dataset again"
    )


def test_a_dataset_written_since_makes_the_cache_stale(dataset_file: Path) -> None:
    build_cache.write_inputs(dataset_file, INPUTS)
    dataset_file.write_text("# another dataset\n", encoding="utf-8")
    with pytest.raises(BuildCacheError, match="belongs to another version of"):
        build_cache.read_inputs(dataset_file)


def test_another_critmin_version_is_refused(
    dataset_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_cache.write_inputs(dataset_file, INPUTS)
    monkeypatch.setattr(build_cache, "version", lambda _: "0.0.0-other")
    with pytest.raises(BuildCacheError, match=r"was written by critmin \S+, not 0\.0\.0-other"):
        build_cache.read_inputs(dataset_file)


def test_a_file_that_is_not_a_cache_is_one_line(dataset_file: Path) -> None:
    cache_path(dataset_file).write_bytes(b"not a pickle at all")
    with pytest.raises(BuildCacheError) as raised:
        build_cache.read_inputs(dataset_file)
    assert str(raised.value).startswith(f"{cache_path(dataset_file)}: cannot read: ")
    assert "\n" not in str(raised.value)
