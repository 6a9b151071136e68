"""The sentence behind a span, read from a corpus folder by sha256 at its offsets."""

from __future__ import annotations

from pathlib import Path

from sample_texts import WrittenText

from critmin.service.corpus_text import CorpusFolder, sentence_around


def test_sentence_around_finds_the_sentence_and_checks_the_anchor(
    written_text: WrittenText,
) -> None:
    text, begin, end = written_text.text, written_text.begin, written_text.end
    sentence = sentence_around(text, begin, end, written_text.anchor)
    assert sentence is not None
    assert (sentence.before, sentence.anchor, sentence.after) == (
        "Chile and Norway signed ", written_text.anchor, " that week."
    )
    assert sentence_around(text, begin, end, "another phrase") is None
    assert sentence_around(text, 0, len(text) + 5) is None


def test_corpus_folder_finds_texts_by_sha256_not_by_name(
    tmp_path: Path, written_text: WrittenText
) -> None:
    (tmp_path / "andes.txt").write_text("a different text", encoding="utf-8")
    (tmp_path / "other.txt").write_text(written_text.text, encoding="utf-8")
    folder = CorpusFolder(tmp_path)
    assert folder.text(written_text.sha256, "andes.txt") == written_text.text
    assert folder.text("0" * 64) is None
    assert folder.text(written_text.sha256, "../outside.txt") == written_text.text


def test_a_sentence_ends_at_a_line_break_and_an_anchor_ending_in_a_full_stop() -> None:
    text = "Heading line\nPeru raised cobalt duties. Bolivia did not."
    begin = text.index("Peru")
    end = text.index(" Bolivia")
    sentence = sentence_around(text, begin, end)
    assert sentence is not None
    assert (sentence.before, sentence.anchor, sentence.after) == (
        "", "Peru raised cobalt duties.", ""
    )
