"""The manifest a dataset file carries: written at build, checked when the file is read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from critmin.graph.rdf.manifest import (
    HEADER,
    Manifest,
    ManifestError,
    check_counts,
    check_manifest,
    with_manifest,
)
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.store import DataFileError, LocalStore

BODY = (
    "@prefix ex: <http://example.org/> .\n\n"
    "ex:g1 {\n    ex:a ex:p ex:b .\n}\n\n"
    "ex:g2 {\n    ex:a ex:p ex:c, ex:d .\n}\n"
)


@pytest.fixture
def dataset_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.trig"
    path.write_text(with_manifest(BODY, quads=3, graphs=2), encoding="utf-8")
    return path


def test_the_manifest_wraps_the_body_and_hashes_what_comes_before_it() -> None:
    text = with_manifest(BODY, quads=3, graphs=2)
    head, _, last = text.rstrip("\n").rpartition("\n")
    assert text.startswith(HEADER + BODY)
    digest = hashlib.sha256((head + "\n").encode()).hexdigest()
    assert last + "\n" == Manifest(3, 2, digest).line()
    assert last == f"# critmin manifest: quads=3 graphs=2 sha256={digest}"


def test_a_whole_file_gives_its_manifest(dataset_file: Path) -> None:
    manifest = check_manifest(dataset_file)
    assert manifest is not None
    assert (manifest.quads, manifest.graphs) == (3, 2)
    check_counts(dataset_file, manifest, 3, 2)
    with pytest.raises(ManifestError, match="holds 2 quads in 2 graphs; its manifest says 3 in 2"):
        check_counts(dataset_file, manifest, 2, 2)


def test_a_file_without_the_header_has_no_manifest(tmp_path: Path) -> None:
    path = tmp_path / "other.trig"
    path.write_text(BODY, encoding="utf-8")
    assert check_manifest(path) is None


@pytest.mark.parametrize("cut", [1, 40, 100, 130])
def test_a_file_cut_short_is_refused(dataset_file: Path, cut: int) -> None:
    data = dataset_file.read_bytes()
    dataset_file.write_bytes(data[: len(HEADER) + cut])
    with pytest.raises(ManifestError, match="was cut short: it has no manifest line at its end"):
        check_manifest(dataset_file)


def test_a_changed_file_is_refused(dataset_file: Path) -> None:
    dataset_file.write_text(dataset_file.read_text().replace("ex:d", "ex:e"), encoding="utf-8")
    with pytest.raises(ManifestError, match="was changed after it was built"):
        check_manifest(dataset_file)


@pytest.mark.parametrize("store_class", [OxigraphStore, LocalStore])
def test_stores_refuse_a_file_whose_counts_differ_from_its_manifest(
    tmp_path: Path, store_class: type
) -> None:
    path = tmp_path / "data.trig"
    path.write_text(with_manifest(BODY, quads=4, graphs=2), encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        store_class.from_file(path)
    assert str(raised.value) == f"{path} holds 3 quads in 2 graphs; its manifest says 4 in 2"
    path.write_text(with_manifest(BODY, quads=3, graphs=2), encoding="utf-8")
    assert store_class.from_file(path).stats().triples == 3
