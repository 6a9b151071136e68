"""Reading a corpus folder: texts, metadata files, errors and noise (graph/text/corpus.py)."""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

import pytest
from graph_helpers import HEADED

from critmin.graph.base.documents import Author, Document
from critmin.graph.text.corpus import CorpusError, find_noise, read_corpus
from critmin.graph.text.corpus_metadata import SEED_METADATA

CORPUS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpus"

ZINC = "Zinc Pact Signed\r\nOslo and Lima agreed on \u201cfair\u201d zinc prices.\r\n"
TIN = "Bolivia\u2019s tin output rose.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "b_tin.txt", TIN)
    write(tmp_path, "a_zinc.txt", ZINC)
    write(tmp_path, "README.md", "Not a document.\n")
    return tmp_path


def test_texts_are_read_exactly_as_stored_and_sorted_by_name(folder):
    zinc, tin = read_corpus(folder)
    assert [zinc.file_name, tin.file_name] == ["a_zinc.txt", "b_tin.txt"]
    assert zinc.text == ZINC  # CRLF and curly quotes kept: offsets match the file
    assert zinc.sha256 == hashlib.sha256(ZINC.encode("utf-8")).hexdigest()
    begin = zinc.text.index("\u201cfair\u201d")
    assert zinc.text[begin : begin + 6] == "\u201cfair\u201d"
    assert tin.sha16 == hashlib.sha256(TIN.encode("utf-8")).hexdigest()[:16]


def test_manifest_in_the_folder_and_sidecar_next_to_a_text(folder):
    write(
        folder,
        "metadata.yaml",
        (
            "a_zinc.txt:\n"
            "  title: Zinc Pact\n"
            "  authors:\n"
            "    - {name: Ana Ruiz, role: Editor, affiliation: Andes Wire}\n"
            "    - Tom Berg\n"
            "  publisher: Andes Wire\n"
            "  date: 2024-03-14\n"
            "b_tin.txt:\n"
            "  publisher: Old Name\n"
            "  date: 2023\n"
        ),
    )
    write(folder, "b_tin.meta.yaml", "publisher: Altiplano Daily\nauthor: Eva Quispe\n")
    zinc, tin = read_corpus(folder)
    assert (zinc.title, zinc.authors, zinc.publisher, zinc.date) == (
        "Zinc Pact",
        (Author("Ana Ruiz", "Editor", "Andes Wire"), Author("Tom Berg")),
        "Andes Wire",
        "2024-03-14",
    )
    assert (tin.authors, tin.publisher, tin.date) == (
        (Author("Eva Quispe"),),
        "Altiplano Daily",
        "2023",
    )


def test_manifest_given_as_an_argument_and_checked_sha256(folder, tmp_path_factory):
    digest = hashlib.sha256(TIN.encode("utf-8")).hexdigest()
    manifest = write(
        tmp_path_factory.mktemp("meta"),
        "m.yaml",
        f"b_tin.txt:\n  sha256: {digest}\n  date: '2022-11'\n",
    )
    tin = read_corpus(folder, manifest)[1]
    assert (tin.file_name, tin.date) == ("b_tin.txt", "2022-11")


def test_sidecar_named_after_the_whole_file_name(folder):
    write(folder, "a_zinc.txt.meta.yaml", "date: 2021-07\n")
    assert read_corpus(folder)[0].date == "2021-07"


def test_missing_manifest_is_an_error(folder):
    with pytest.raises(CorpusError, match=r"nowhere\.yaml: cannot read metadata"):
        read_corpus(folder, folder / "nowhere.yaml")


def test_sha256_mismatch_is_an_error_naming_the_file(folder):
    write(folder, "corpus.yaml", f"a_zinc.txt:\n  sha256: {'f' * 64}\n")
    with pytest.raises(CorpusError, match=r"a_zinc\.txt: sha256 [0-9a-f]{64} does not match"):
        read_corpus(folder)


@pytest.mark.parametrize(
    ("manifest", "problem"),
    [
        ("a_zinc.txt:\n  titel: Zinc\n", "unknown metadata field 'titel'"),
        ("a_zinc.txt:\n  date: last spring\n", "date must be ISO 8601"),
        ("a_zinc.txt:\n  sha256: abc\n", "sha256 must be 64 hex digits"),
        (f"a_zinc.txt:\n  sha256: {'1' * 64}\n", "sha256 must be 64 hex digits (quoted"),
        ("- a_zinc.txt\n", "metadata must map file names to their fields"),
        ("a_zinc.txt: [unclosed\n", "not valid YAML metadata"),
    ],
)
def test_bad_metadata_is_a_one_line_error(folder, manifest, problem):
    write(folder, "metadata.yaml", manifest)
    with pytest.raises(CorpusError) as error:
        read_corpus(folder)
    assert problem in str(error.value)
    assert "metadata.yaml" in str(error.value)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "c_bad.txt: empty file"),
        (b"  \n\n", "c_bad.txt: empty file"),
        (b"PK\x03\x04\x00\x00binary", "c_bad.txt: binary file (NUL bytes)"),
        (b"\x01\x02\x03\x04 ok", "c_bad.txt: binary file (mostly control characters)"),
        ("Gr\u00f6nland nickel".encode("latin-1"), "c_bad.txt: not UTF-8 (byte 0xf6 at offset 2)"),
    ],
)
def test_unreadable_files_are_errors_naming_the_file(folder, content, problem):
    write(folder, "c_bad.txt", content)
    with pytest.raises(CorpusError) as error:
        read_corpus(folder)
    assert problem in str(error.value)


def test_skip_unreadable_logs_and_skips(folder, caplog):
    write(folder, "c_bad.txt", b"")
    with caplog.at_level(logging.WARNING, logger="critmin.corpus"):
        documents = read_corpus(folder, skip_unreadable=True)
    assert [document.file_name for document in documents] == ["a_zinc.txt", "b_tin.txt"]
    assert [record.getMessage() for record in caplog.records] == [
        f"skipping {folder / 'c_bad.txt'}: empty file"
    ]


def test_folders_that_are_not_a_corpus(tmp_path):
    with pytest.raises(CorpusError, match="no such folder"):
        read_corpus(tmp_path / "missing")
    write(tmp_path, "README.md", "Only a readme.\n")
    with pytest.raises(CorpusError, match=r"no \.txt files"):
        read_corpus(tmp_path)
    write(tmp_path, "x.txt", b"")
    with pytest.raises(CorpusError, match=r"no readable \.txt files"):
        read_corpus(tmp_path, skip_unreadable=True)


SCRAPED = """\
![harbour](https://img.example/harbour.jpg)
Photo: Kestrel Images
Antofagasta port reopened for copper.
Also Read: Why Nickel Slumped
Read more
Share this story
Subscribe to the Mining Brief newsletter
<div class="promo"></div>
lithium-chart.jpeg)
We use cookies to improve your visit. Accept all cookies.
The port handled 40 ships. (The views expressed here are the
author's own and do not reflect the Copper Review.)
Related Articles
* Views expressed are personal.
Back to top button
"""


def test_noise_spans_cover_boilerplate_lines():
    noise = [SCRAPED[begin:end] for begin, end in find_noise(SCRAPED)]
    assert noise == [
        "![harbour](https://img.example/harbour.jpg)",
        "Photo: Kestrel Images",
        "Also Read: Why Nickel Slumped",
        "Read more",
        "Share this story",
        "Subscribe to the Mining Brief newsletter",
        '<div class="promo"></div>',
        "lithium-chart.jpeg)",
        "We use cookies to improve your visit. Accept all cookies.",
        "(The views expressed here are the\nauthor's own and do not reflect the Copper Review.)",
        "Related Articles",
        "* Views expressed are personal.",
        "Back to top button",
    ]


def test_in_noise_is_true_for_positions_inside_a_noise_span():
    document = Document("x.txt", "abcdefghij", "0" * 64, noise=((2, 4), (7, 9)))
    assert [document.in_noise(position) for position in range(10)] == [
        False,
        False,
        True,
        True,
        False,
        False,
        False,
        True,
        True,
        False,
    ]


def test_guesses_fill_gaps_and_the_manifest_wins(tmp_path, caplog):
    write(tmp_path, "zambia.txt", HEADED)
    write(tmp_path, "metadata.yaml", "zambia.txt:\n  date: 2024-03-15\n  authors: [Lena Okafor]\n")
    with caplog.at_level(logging.INFO, logger="critmin.corpus"):
        [document] = read_corpus(tmp_path)
    assert (document.title, document.date, document.authors) == (
        "Cobalt Corridor: Zambia Courts Gulf Investors",
        "2024-03-15",
        (Author("Lena Okafor", "senior analyst", "Southern Minerals Institute"),),
    )
    assert [record.getMessage() for record in caplog.records] == [
        "zambia.txt: guessed title 'Cobalt Corridor: Zambia Courts Gulf Investors' from the text",
        "zambia.txt: completed author Lena Okafor (senior analyst, Southern Minerals Institute)"
        " from the text",
    ]


@pytest.mark.corpus
def test_seed_corpus_hashes_metadata_and_noise():
    if not CORPUS.is_dir():
        pytest.skip(f"the seed corpus is not at {CORPUS}")
    first, second = read_corpus(CORPUS, SEED_METADATA)
    assert (first.file_name, first.sha256) == (
        "000_6302e8904fdad696.txt",
        "c2527a391dc8472ff386b8698db6f49f5cd0d72c678c576adbdb41e3f370ef80",
    )
    assert (second.file_name, second.sha256) == (
        "004_f16e8475fa54c4a2.txt",
        "d56694b7d93b572f043c977ead23516bf8d5fd3ad0944ff28140ca57e42ee5a6",
    )
    assert first.title == first.text.splitlines()[0]  # the headline line of the text
    assert (first.authors, first.publisher, first.date) == (
        (Author("Ruchika Kakkar", "Senior Fellow", "Institute for Conflict Management"),),
        "Bharat Fact",
        None,
    )
    assert (second.title, second.authors, second.publisher, second.date) == (
        None,
        (Author("Rami Niranjan Desai", "Distinguished Fellow", "India Foundation"),),
        None,
        "2025-12-04",
    )
    for document, phrases in (
        (first, ["Pic Source", "Related Articles", "Back to top button"]),
        (second, ["Also Read"]),
    ):
        for phrase in phrases:
            starts = [match.start() for match in re.finditer(re.escape(phrase), document.text)]
            assert starts, phrase
            for start in starts:
                line_end = document.text.find("\n", start)
                line_end = len(document.text) if line_end < 0 else line_end
                assert any(b <= start and line_end <= e for b, e in document.noise), phrase
