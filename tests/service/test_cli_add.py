"""`critmin add`: texts added to a built dataset give the bytes a build of all of them gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from critmin.graph.build_cache import cache_path
from critmin.service.cli import main

# Written for this test: three short reports, the third about the same deal as the first.
TEXTS = {
    "a-report.txt": (
        "Chile and Norway signed a memorandum on lithium refining in March 2031.\n"
        "The memorandum is not binding.\n"
    ),
    "b-report.txt": "Kenya imposed an export ban on raw cobalt ore in June 2031.\n",
    "c-report.txt": (
        "Norway and Chile agreed a lithium refining memorandum in March 2031, officials said.\n"
    ),
}


def write_texts(folder: Path, names: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(TEXTS[name], encoding="utf-8")
    return folder


def run(*argv: str) -> int:
    return main(list(argv))


@pytest.fixture(scope="module")
def full_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of all three texts."""
    folder = write_texts(tmp_path_factory.mktemp("all"), sorted(TEXTS))
    out = folder.parent / "all.trig"
    assert run("build", "--corpus", str(folder), "--out", str(out), "--jobs", "1") == 0
    return out


def test_adding_texts_gives_the_bytes_of_a_full_build(
    tmp_path: Path, full_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_texts(tmp_path / "first", ["a-report.txt"])
    later = write_texts(tmp_path / "later", ["b-report.txt", "c-report.txt"])
    out = tmp_path / "grown.trig"
    assert run("build", "--corpus", str(first), "--out", str(out), "--jobs", "1") == 0
    assert cache_path(out).is_file()
    capsys.readouterr()
    status = run("add", *(str(path) for path in sorted(later.iterdir())), "--data", str(out),
                 "--jobs", "1")
    assert status == 0
    assert capsys.readouterr().out.startswith(f"wrote {out}: 3 documents (2 added), ")
    assert out.read_bytes() == full_build.read_bytes()
    # and the texts can be added one at a time, in any order
    one_by_one = tmp_path / "one-by-one.trig"
    assert run("build", "--corpus", str(first), "--out", str(one_by_one), "--jobs", "1") == 0
    for name in ["c-report.txt", "b-report.txt"]:
        assert run("add", str(later / name), "--data", str(one_by_one), "--jobs", "1") == 0
    assert one_by_one.read_bytes() == full_build.read_bytes()


def test_a_text_already_in_the_dataset_is_refused_and_nothing_changes(
    tmp_path: Path, full_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data.trig"
    shutil.copy(full_build, data)
    shutil.copy(cache_path(full_build), cache_path(data))
    again = write_texts(tmp_path / "again", ["b-report.txt"])
    renamed = again / "b-copy.txt"
    (again / "b-report.txt").rename(renamed)
    capsys.readouterr()
    assert run("add", str(renamed), "--data", str(data)) == 2
    assert capsys.readouterr().err == (
        f"critmin add: error: b-copy.txt: already in {data} (as b-report.txt)\n"
    )
    assert data.read_bytes() == full_build.read_bytes()


def test_a_dataset_without_its_extractions_is_one_line(
    tmp_path: Path, full_build: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "bare.trig"
    shutil.copy(full_build, data)
    text = write_texts(tmp_path / "new", ["b-report.txt"]) / "b-report.txt"
    capsys.readouterr()
    assert run("add", str(text), "--data", str(data)) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"critmin add: error: {cache_path(data)} is missing: ")
    assert error.count("\n") == 1
