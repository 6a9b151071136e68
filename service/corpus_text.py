"""The sentence behind a fact, read at run time from the corpus folder where it is at hand.

Texts are found by the sha256 of their bytes (a document's ``cm:sha256``); offsets are
character offsets into the UTF-8 decoded text, as NIF spans give them. The project ships
no article text: without a corpus folder the pages show only the short anchor phrase.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

# The end of a sentence: terminal punctuation with any closing quotes, then white space; or
# a line break (headings, list items and paragraphs end there too).
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+|\n")


@dataclass(frozen=True)
class Sentence:
    """The text around a span, split so that a page can mark the span itself."""

    before: str
    anchor: str
    after: str


class CorpusFolder:
    """The ``.txt`` files of one folder, looked up by sha256 (indexed once per instance)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self._paths_by_sha256: dict[str, Path] | None = None

    def text(self, sha256: str, file_name: str | None = None) -> str | None:
        """The text whose bytes hash to ``sha256``; ``file_name`` is tried first as a hint."""
        if file_name:
            hinted = (self.folder / file_name).resolve()
            if hinted.parent == self.folder and hinted.is_file():
                data = hinted.read_bytes()
                if hashlib.sha256(data).hexdigest() == sha256:
                    return data.decode("utf-8")
        path = self._index().get(sha256)
        return path.read_bytes().decode("utf-8") if path else None

    def _index(self) -> dict[str, Path]:
        if self._paths_by_sha256 is None:
            self._paths_by_sha256 = {
                hashlib.sha256(path.read_bytes()).hexdigest(): path
                for path in sorted(self.folder.glob("*.txt"))
                if path.is_file()
            }
        return self._paths_by_sha256


def sentence_around(
    text: str, begin: int, end: int, anchor: str | None = None, limit: int = 400
) -> Sentence | None:
    """The sentence holding ``text[begin:end]`` (at most ``limit`` characters either side).

    ``None`` when the offsets fall outside the text or the text there is not ``anchor``
    (the file is not the one the offsets were taken from).
    """
    if not 0 <= begin <= end <= len(text):
        return None
    if anchor is not None and text[begin:end] != anchor:
        return None
    start = max(0, begin - limit)
    for match in _SENTENCE_END.finditer(text, start, begin):
        start = match.end()
    stop = min(len(text), end + limit)
    following = _SENTENCE_END.search(text, max(begin, end - 1), stop)
    if following:
        stop = following.start() + len(following.group().rstrip())
    return Sentence(
        before=text[start:begin].lstrip(), anchor=text[begin:end], after=text[end:stop].rstrip()
    )
