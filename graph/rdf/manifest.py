"""The manifest a dataset file carries, so that a truncated or altered file is refused.

``critmin build`` writes a header comment as the file's first line and a manifest comment as
its last: the number of quads and of named graphs, and the sha256 of every byte before the
manifest line. Both are comments, so any TriG or N-Quads reader reads the file as before.
:func:`check_manifest` reads them back: a file that starts with the header but lacks a valid
manifest was cut short; a sha256 that differs means the file was changed. A file without the
header was not written by critmin and is read as it is.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

HEADER = "# critmin dataset: its manifest (quads, graphs, sha256) is the last line\n"
_MANIFEST = re.compile(rb"# critmin manifest: quads=(\d+) graphs=(\d+) sha256=([0-9a-f]{64})\n")
_TAIL_BYTES = 200
_CHUNK_BYTES = 1 << 20


class ManifestError(ValueError):
    """The file's manifest is missing or does not match the file (the message says how)."""


@dataclass(frozen=True)
class Manifest:
    """What a dataset file holds, as its writer counted it."""

    quads: int
    graphs: int
    sha256: str

    def line(self) -> str:
        """The manifest as the file's last line."""
        return f"# critmin manifest: quads={self.quads} graphs={self.graphs} sha256={self.sha256}\n"


def with_manifest(body: str, quads: int, graphs: int) -> str:
    """``body`` (the dataset as text) with the header before it and its manifest after it."""
    text = HEADER + body
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return text + Manifest(quads, graphs, digest).line()


def check_manifest(path: Path) -> Manifest | None:
    """The manifest of the file at ``path``, checked against its bytes; ``None`` when the file
    has no critmin header. ManifestError when it has one but no valid manifest or another sha256.
    """
    with path.open("rb") as stream:
        if stream.read(len(HEADER)) != HEADER.encode("utf-8"):
            return None
        size = stream.seek(0, 2)
        stream.seek(max(0, size - _TAIL_BYTES))
        tail = stream.read()
        start = tail.rfind(b"\n# critmin manifest: ")
        found = _MANIFEST.fullmatch(tail[start + 1:]) if start >= 0 else None
        if found is None:
            raise ManifestError(
                f"{path} was cut short: it has no manifest line at its end (rebuild it)"
            )
        body_size = size - (len(tail) - start - 1)
        digest = hashlib.sha256()
        stream.seek(0)
        remaining = body_size
        while remaining:
            chunk = stream.read(min(_CHUNK_BYTES, remaining))
            digest.update(chunk)
            remaining -= len(chunk)
    manifest = Manifest(int(found[1]), int(found[2]), found[3].decode("ascii"))
    if digest.hexdigest() != manifest.sha256:
        raise ManifestError(f"{path} was changed after it was built: its sha256 differs from its"
                            " manifest's (rebuild it)")
    return manifest


def check_counts(path: Path, manifest: Manifest, quads: int, graphs: int) -> None:
    """ManifestError unless the loaded ``quads`` and ``graphs`` are the manifest's."""
    if (quads, graphs) != (manifest.quads, manifest.graphs):
        raise ManifestError(
            f"{path} holds {quads:,} quads in {graphs} graphs; its manifest says"
            f" {manifest.quads:,} in {manifest.graphs}"
        )
