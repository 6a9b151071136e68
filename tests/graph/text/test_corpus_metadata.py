"""Metadata of corpus texts guessed from the text itself (graph/text/corpus_metadata.py)."""

import pytest
from graph_helpers import HEADED

from critmin.graph.base.documents import Author
from critmin.graph.text.corpus_metadata import (
    CorpusError,
    guess_metadata,
    read_manifest,
    text_lines,
)


def test_guess_metadata_from_headline_byline_dateline_and_bio():
    assert guess_metadata(HEADED) == {
        "title": "Cobalt Corridor: Zambia Courts Gulf Investors",
        "date": "2024-03-14",
        "authors": (
            Author("Lena Okafor", "senior analyst", "Southern Minerals Institute"),
            Author("Piet de Vries"),
        ),
    }


def test_guess_metadata_from_a_bare_dateline_a_name_in_parentheses_and_a_closing_bio():
    text = (
        "Grid metals are the new oil, and Nairobi knows it.\n"
        "(Amara Wanjiku)\n"
        "March 3, 2023 at 7:15 PM EAT\n"
        "Kenya listed 12 minerals.\n"
        "Author Amara Wanjiku is Research Fellow at Rift Policy Centre.\n"
    )
    assert guess_metadata(text) == {
        "title": None,  # a sentence, not a headline
        "date": "2023-03-03",
        "authors": (Author("Amara Wanjiku", "Research Fellow", "Rift Policy Centre"),),
    }


def test_a_manifest_read_on_its_own(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("a.txt:\n  author: Ana Ruiz\n  date: 2024-05\nb.txt:\n", encoding="utf-8")
    assert read_manifest(path) == {
        "a.txt": {"authors": (Author("Ana Ruiz"),), "date": "2024-05"},
        "b.txt": {},
    }
    path.write_text("- a.txt\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="metadata must map file names to their fields"):
        read_manifest(path)


def test_text_lines_without_margins():
    text = "  Title  \n\n\tBody line.\r\n"
    assert [text[b:e] for b, e in text_lines(text)] == ["Title", "Body line."]


def test_lines_in_the_noise_are_passed_over() -> None:
    text = "Photo: Staff\nTestland opens a smelter\nBy Ana Ruiz\nThe plant opened.\n"
    noise = ((0, 12), (40, 45))  # the credit line, and a span inside the byline
    guessed = guess_metadata(text, noise)
    assert guessed["title"] == "Testland opens a smelter"
    assert guessed["authors"] == ()
    unfiltered = guess_metadata(text)
    assert (unfiltered["title"], unfiltered["authors"]) == ("Photo: Staff", (Author("Ana Ruiz"),))
