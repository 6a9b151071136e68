"""Reading a corpus: plain UTF-8 texts, their metadata, and the boilerplate to keep out of facts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Author:
    """A document's author and, where known, their role and affiliation in plain words."""

    name: str
    role: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Document:
    """One source text as read (offsets refer to ``text``) and its metadata."""

    file_name: str
    text: str
    sha256: str
    title: str | None = None
    authors: tuple[Author, ...] = ()
    publisher: str | None = None
    date: str | None = None
    noise: tuple[tuple[int, int], ...] = ()

    @property
    def sha16(self) -> str:
        """The first 16 hex digits of the text's sha256: the document's key in IRIs."""
        return self.sha256[:16]
