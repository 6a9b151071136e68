"""Source documents as read: their text, its sha256, and their metadata, as plain values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Author:
    """A document's author and, where known, their role and affiliation in plain words."""

    name: str
    role: str | None = None
    affiliation: str | None = None

    def __str__(self) -> str:
        details = ", ".join(part for part in (self.role, self.affiliation) if part)
        return f"{self.name} ({details})" if details else self.name


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

    def in_noise(self, position: int) -> bool:
        """True when the character at ``position`` is in scraped boilerplate."""
        return any(start <= position < stop for start, stop in self.noise)
