"""Reading a corpus: plain UTF-8 texts, their metadata, and the boilerplate to keep out of facts.

Metadata comes from ``corpus_metadata`` (manifest, sidecars and guesses from the text); noise
is scraped boilerplate (picture credits, links to other articles, disclaimers, markup, cookie
notices) whose offsets extraction skips.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from critmin.graph.base.documents import Document
from critmin.graph.text.corpus_metadata import (
    MANIFEST_NAMES,
    CorpusError,
    guess_metadata,
    read_manifest,
    read_sidecar,
    text_lines,
    with_guessed_roles,
)

log = logging.getLogger("critmin.corpus")

# Share of control characters above which a decodable file is taken for binary data.
MAX_CONTROL_SHARE = 0.1
# Control characters other than the whitespace ones (Unicode category Cc).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_TEXT_BYTES = 100_000_000
"""The largest text read by default (``--max-text-bytes``): a text is read whole in memory."""


def read_corpus(
    folder: Path, metadata: Path | None = None, *, skip_unreadable: bool = False,
    max_text_bytes: int = MAX_TEXT_BYTES,
) -> list[Document]:
    """Every ``*.txt`` of ``folder``, sorted by file name, with its metadata and noise.

    Everything is read and checked before anything is returned. An empty, binary, non-UTF-8
    or too large (over ``max_text_bytes``) file raises ``CorpusError`` unless
    ``skip_unreadable``, which logs and skips it.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"{folder}: no such folder")
    paths = sorted(path for path in folder.glob("*.txt") if path.is_file())
    if not paths:
        raise CorpusError(f"{folder}: no .txt files")
    manifest_path = metadata or next(
        (folder / name for name in MANIFEST_NAMES if (folder / name).is_file()), None
    )
    documents = read_texts(
        paths, manifest_path, skip_unreadable=skip_unreadable, max_text_bytes=max_text_bytes
    )
    if not documents:
        raise CorpusError(f"{folder}: no readable .txt files")
    return documents


def read_texts(
    paths: Sequence[Path], metadata: Path | None = None, *, skip_unreadable: bool = False,
    max_text_bytes: int = MAX_TEXT_BYTES,
) -> list[Document]:
    """The texts at ``paths``, sorted by file name, with their metadata (the manifest at
    ``metadata``, sidecars) and noise; CorpusError as for :func:`read_corpus`."""
    names = Counter(path.name for path in paths)
    duplicates = sorted(name for name, count in names.items() if count > 1)
    if duplicates:
        raise CorpusError(f"two texts are named {duplicates[0]}: file names must differ")
    manifest = read_manifest(metadata) if metadata else {}
    for name in sorted(set(manifest) - set(names)):
        log.warning("%s: metadata for %s, which is not among the texts", metadata, name)
    documents = []
    for path in sorted(paths, key=lambda path: path.name):
        try:
            text, sha256 = read_text(path, max_text_bytes)
        except CorpusError as error:
            if not skip_unreadable:
                raise
            log.warning("skipping %s", error)
            continue
        fields = {**manifest.get(path.name, {}), **read_sidecar(path)}
        documents.append(_document(path, text, sha256, fields))
    return documents


def read_text(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> tuple[str, str]:
    """The text of a file decoded as UTF-8 exactly as stored, and the sha256 of its bytes;
    CorpusError for a file over ``max_bytes``, which is not read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise CorpusError(
                f"{path}: {size:,} bytes, more than the {max_bytes:,} taken"
                " (raise --max-text-bytes to read it)"
            )
        data = path.read_bytes()
    except OSError as error:
        raise CorpusError(f"{path}: cannot read: {error.strerror}") from None
    if not data.strip():
        raise CorpusError(f"{path}: empty file")
    if b"\x00" in data:
        raise CorpusError(f"{path}: binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CorpusError(
            f"{path}: not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    controls = sum(1 for _ in _CONTROL.finditer(text))
    if controls > MAX_CONTROL_SHARE * len(text):
        raise CorpusError(f"{path}: binary file (mostly control characters), not text")
    return text, hashlib.sha256(data).hexdigest()


def _document(path: Path, text: str, sha256: str, fields: dict[str, Any]) -> Document:
    """The Document of one text: given fields first, then what the text itself shows."""
    if fields.get("sha256", sha256) != sha256:
        raise CorpusError(
            f"{path}: sha256 {sha256} does not match the metadata ({fields['sha256']})"
        )
    noise = find_noise(text)
    guessed = guess_metadata(text, noise)
    for key in ("title", "date"):
        if key not in fields and guessed.get(key):
            fields[key] = guessed[key]
            log.info("%s: guessed %s %r from the text", path.name, key, guessed[key])
    authors = with_guessed_roles(fields.get("authors"), guessed["authors"], path.name)
    return Document(
        path.name,
        text,
        sha256,
        fields.get("title"),
        authors,
        fields.get("publisher"),
        fields.get("date"),
        noise,
    )


# Scraped boilerplate, one whole line each (matched against the line without its margins).
NOISE_LINES: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        # picture credits: "Photo: Reuters", "Pic Source: AFP", "(Image credit: ...)"
        r"\(?(?:pic(?:ture)?|photo(?:graph)?|image|video|graphic|illustration|file\s+photo)s?"
        r"(?:\s+(?:source|credit|courtesy)s?)?\s*[:|].{0,200}",
        # links to other articles: "Also Read: ...", "Read more", "Related Articles"
        r"(?:also\s+read|read\s+also|read\s+more|see\s+also|you\s+may\s+also\s+like)\b.{0,200}",
        r"(?:related|recommended|more)(?:\s+(?:articles|posts|stories|news|reading|coverage))?"
        r"\s*(?::.{0,200})?",
        # page furniture: "Back to top button", "Share this", "Subscribe to ...", "Tags: ..."
        r"back\s+to\s+top(?:\s+button)?|advertisement|sponsored(?:\s+content)?"
        r"|share\s+(?:this|on|via)\b.{0,60}|(?:subscribe|sign\s+up|follow\s+us)\b.{0,150}"
        r"|click\s+here\b.{0,150}|tags?\s*:.{0,200}|leave\s+a\s+(?:comment|reply)",
        # disclaimers: "* Views expressed are personal.", "Disclaimer: ..."
        r"\*?\s*(?:the\s+)?views\s+expressed\b.{0,300}|disclaimer\s*:.{0,400}",
        # markup left by scraping: ".png)", "![alt](src)", "<div class=...>", a bare URL
        r"\S*\.(?:png|jpe?g|gif|webp|svg)\)?\S*|!\[[^\]]*\]\([^)]*\)|(?:<[^>]+>\s*)+"
        r"|https?://\S+",
        # cookie notices
        r".{0,300}\b(?:we\s+use\s+cookies|(?:this|our)\s+(?:web)?site\s+uses\s+cookies"
        r"|accept\s+(?:all\s+)?cookies|cookie\s+(?:policy|settings|preferences|consent))\b"
        r".{0,300}",
    )
)
# Boilerplate anywhere, across lines: "(The views expressed ... )", markdown images.
NOISE_SPANS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\((?:the\s+)?views\s+expressed\b[^()]*\)", re.IGNORECASE),
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),
)


def find_noise(text: str) -> tuple[tuple[int, int], ...]:
    """Offset ranges of scraped boilerplate (credits, links, disclaimers, markup), merged."""
    spans = [
        (begin, end)
        for begin, end in text_lines(text)
        if any(pattern.fullmatch(text, begin, end) for pattern in NOISE_LINES)
    ]
    spans += [match.span() for pattern in NOISE_SPANS for match in pattern.finditer(text)]
    merged: list[tuple[int, int]] = []
    for begin, end in sorted(spans):
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((begin, end))
    return tuple(merged)
