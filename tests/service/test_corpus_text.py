"""The sentence behind a span, read from a corpus folder by sha256 at its offsets."""

from __future__ import annotations

import hashlib
from pathlib import Path

from critmin.service.corpus_text import CorpusFolder, sentence_around

# A text written for these tests.
TEXT = (
    "Delegations met in Santiago on Tuesday.\n"
    "Chile and Norway signed a memorandum on lithium refining that week. "
    "Details were not published."
)
ANCHOR = "a memorandum on lithium refining"
BEGIN = TEXT.index(ANCHOR)
END = BEGIN + len(ANCHOR)
SHA256 = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()


def test_sentence_around_finds_the_sentence_and_checks_the_anchor():
    sentence = sentence_around(TEXT, BEGIN, END, ANCHOR)
    assert sentence is not None
    assert (sentence.before, sentence.anchor, sentence.after) == (
        "Chile and Norway signed ", ANCHOR, " that week."
    )
    assert sentence_around(TEXT, BEGIN, END, "another phrase") is None
    assert sentence_around(TEXT, 0, len(TEXT) + 5) is None


def test_corpus_folder_finds_texts_by_sha256_not_by_name(tmp_path: Path):
    (tmp_path / "andes.txt").write_text("a different text", encoding="utf-8")
    (tmp_path / "other.txt").write_text(TEXT, encoding="utf-8")
    folder = CorpusFolder(tmp_path)
    assert folder.text(SHA256, "andes.txt") == TEXT
    assert folder.text("0" * 64) is None
    assert folder.text(SHA256, "../outside.txt") == TEXT


def test_a_sentence_ends_at_a_line_break_and_an_anchor_ending_in_a_full_stop():
    text = "Heading line\nPeru raised cobalt duties. Bolivia did not."
    begin = text.index("Peru")
    end = text.index(" Bolivia")
    sentence = sentence_around(text, begin, end)
    assert (sentence.before, sentence.anchor, sentence.after) == (
        "", "Peru raised cobalt duties.", ""
    )
