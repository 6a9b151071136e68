"""Texts written for the service tests (never corpus text), each with one span in it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class WrittenText:
    """A text and the anchor of one span in it, with the span's offsets as NIF gives them."""

    text: str
    anchor: str

    @property
    def begin(self) -> int:
        """Where the anchor starts (its first occurrence)."""
        return self.text.index(self.anchor)

    @property
    def end(self) -> int:
        """Where the anchor ends."""
        return self.begin + len(self.anchor)

    @property
    def sha256(self) -> str:
        """The sha256 of the text's UTF-8 bytes, as a document's ``cm:sha256`` gives it."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


MEMORANDUM = WrittenText(
    text=(
        "Delegations met in Santiago on Tuesday.\n"
        "Chile and Norway signed a memorandum on lithium refining that week. "
        "Details were not published."
    ),
    anchor="a memorandum on lithium refining",
)
"""Three sentences on two lines; the span is a phrase in the second."""
