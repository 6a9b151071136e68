"""The metadata of corpus texts: manifests, sidecar files, and what the text itself shows.

Metadata of ``name.txt`` comes from, in rising priority: guesses from the text itself (title,
dateline, byline; see ``guess_metadata``), the manifest (the ``metadata`` argument, else
``metadata.yaml`` or ``corpus.yaml`` in the folder), and a sidecar ``name.meta.yaml`` (or
``name.txt.meta.yaml``) next to the text. A manifest maps file names to fields; a sidecar
holds the fields of its one text. Fields: ``title``, ``authors`` (a list of names or of
``{name, role, affiliation}``; ``author`` for one), ``publisher``, ``date`` (ISO 8601) and
``sha256`` (checked against the file). A null field counts as not given.
"""

from __future__ import annotations

import logging
import re
from datetime import date as calendar_date
from pathlib import Path
from typing import Any

import yaml

from critmin.graph.base.documents import Author
from critmin.graph.text.dates import DAY, ISO_DATE, MONTH, YEAR, find_dates
from critmin.graph.text.span_index import NoiseSpans

log = logging.getLogger("critmin.corpus")

MANIFEST_NAMES = ("metadata.yaml", "corpus.yaml")
SIDECAR_SUFFIX = ".meta.yaml"
SEED_METADATA = Path(__file__).resolve().parents[1] / "seed" / "corpus-metadata.yaml"
FIELDS = ("title", "authors", "author", "publisher", "date", "sha256")


class CorpusError(Exception):
    """A corpus that cannot be read as given: one line naming the file and the problem."""


def read_manifest(path: Path) -> dict[str, dict[str, Any]]:
    """A metadata manifest: file name → checked fields (see the module docstring)."""
    raw = _load_yaml(path)
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise CorpusError(f"{path}: metadata must map file names to their fields")
    return {str(name): _fields(fields, f"{path}: {name}") for name, fields in raw.items()}


def read_sidecar(text_path: Path) -> dict[str, Any]:
    """The fields of the sidecar file next to a text, if there is one."""
    for path in (
        text_path.with_suffix(SIDECAR_SUFFIX),
        text_path.with_name(text_path.name + SIDECAR_SUFFIX),
    ):
        if path.is_file():
            return _fields(_load_yaml(path), str(path))
    return {}


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise CorpusError(f"{path}: cannot read metadata: {error.strerror}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        problem = str(error).splitlines()[0]
        raise CorpusError(f"{path}: not valid YAML metadata: {problem}") from None


def _fields(raw: Any, where: str) -> dict[str, Any]:
    """Checked, normalised metadata fields; nulls are left out."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise CorpusError(f"{where}: metadata must be a mapping of fields")
    unknown = sorted(str(key) for key in raw if key not in FIELDS)
    if unknown:
        raise CorpusError(
            f"{where}: unknown metadata field {unknown[0]!r} (known: title, "
            "authors, publisher, date, sha256)"
        )
    fields: dict[str, Any] = {}
    for key in ("title", "publisher"):
        if raw.get(key) is not None:
            fields[key] = _string(raw[key], f"{where}: {key}")
    if raw.get("date") is not None:
        fields["date"] = _iso_date(raw["date"], f"{where}: date")
    if raw.get("sha256") is not None:
        sha256 = raw["sha256"].strip().lower() if isinstance(raw["sha256"], str) else ""
        if not re.fullmatch(r"[0-9a-f]{64}", sha256):
            raise CorpusError(f"{where}: sha256 must be 64 hex digits (quoted if all digits)")
        fields["sha256"] = sha256
    people = raw.get("authors") if raw.get("authors") is not None else raw.get("author")
    if people is not None:
        people = people if isinstance(people, list) else [people]
        fields["authors"] = tuple(_author(person, f"{where}: authors") for person in people)
    return fields


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str | int | float) or not str(value).strip():
        raise CorpusError(f"{where} must be a non-empty string")
    return str(value).strip()


def _iso_date(value: Any, where: str) -> str:
    """``2025``, ``2025-12``, ``2025-12-04`` (YAML dates too); a time of day is dropped."""
    if isinstance(value, calendar_date):
        return value.isoformat()[:10]
    match = re.fullmatch(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ].*)?", str(value).strip())
    if match is None:
        raise CorpusError(f"{where} must be ISO 8601 (2025, 2025-12 or 2025-12-04): {value!r}")
    return match.group(1)


def _author(person: Any, where: str) -> Author:
    if isinstance(person, str):
        return Author(_string(person, where))
    if not isinstance(person, dict) or person.get("name") is None:
        raise CorpusError(f"{where}: each author needs a name")
    extra = sorted(set(person) - {"name", "role", "affiliation"})
    if extra:
        raise CorpusError(f"{where}: unknown author field {extra[0]!r}")
    role, affiliation = person.get("role"), person.get("affiliation")
    return Author(
        _string(person["name"], where),
        _string(role, where) if role is not None else None,
        _string(affiliation, where) if affiliation is not None else None,
    )


def with_guessed_roles(
    given: tuple[Author, ...] | None, guessed: tuple[Author, ...], file_name: str
) -> tuple[Author, ...]:
    """The given authors, with the role and affiliation the text states for them where the
    metadata leaves them out; the guessed authors where none are given."""
    if given is None:
        for author in guessed:
            log.info("%s: guessed author %s from the text", file_name, author)
        return guessed
    by_name = {author.name: author for author in guessed}
    completed = []
    for author in given:
        found = by_name.get(author.name, author)
        better = Author(
            author.name, author.role or found.role, author.affiliation or found.affiliation
        )
        if better != author:
            log.info("%s: completed author %s from the text", file_name, better)
        completed.append(better)
    return tuple(completed)


def text_lines(text: str) -> list[tuple[int, int]]:
    """(begin, end) of each non-blank line of ``text`` without its margins."""
    return [match.span(1) for match in re.finditer(r"[ \t]*(\S(?:.*\S)?)[ \t\r]*", text)]


# Lines at the top and the bottom of a text where datelines, bylines and bios are looked for.
EDGE_LINES = 12
# A person's name: two to five capitalised words, with particles ("Ana de la Cruz", "J. Doe").
NAME = (
    r"(?:[A-Z][a-zA-Z\u2019'.-]+)(?:\s+(?:(?:de|da|del|la|le|van|von|der|den|bin|al|el)\s+)*"
    r"[A-Z][a-zA-Z\u2019'.-]+){1,4}"
)
# Last words that make a name an organisation: "(Reuters Staff)", "By Bloomberg News".
_NOT_A_PERSON = re.compile(r"\b(?:News|Staff|Desk|Agency|Bureau|Service|Wire|Press|Team)$")
# "By Jane Doe", "By Jane Doe and John Roe | Reuters", "Written by: Jane Doe".
BYLINE = re.compile(r"(?i:by|written\s+by|author)\s*:?\s+(?P<names>[^|]+?)\s*(?:\|.*)?")
# "(Jane Doe)" alone on a line near the top.
PARENTHESISED_NAME = re.compile(rf"\(\s*(?P<name>{NAME})\s*\)")
# "Author Jane Doe is ...", "Jane Doe is a ... Fellow at the X Foundation."
BIO = re.compile(rf"(?:(?i:author|about\s+the\s+author)\s*:?\s+)?(?P<name>{NAME})\s+is\s+.+")
ROLE_MODIFIERS = (
    r"senior|distinguished|visiting|research|associate|assistant|adjunct|executive|managing"
    r"|deputy|chief|principal|non-resident|nonresident|contributing|founding|honorary"
)
ROLE_NOUNS = (
    r"fellow|professor|director|editor|researcher|analyst|correspondent|lecturer|scholar"
    r"|associate|adviser|advisor|consultant|economist|reporter|journalist|columnist|writer"
)
# "Distinguished Fellow at the India Foundation", "senior analyst with Acme Research Group".
ROLE_AT = re.compile(
    rf"(?P<role>(?:(?i:{ROLE_MODIFIERS})\s+){{0,3}}(?i:{ROLE_NOUNS}))"
    r"\s+(?:at|with|of)\s+(?:the\s+)?"
    r"(?P<affiliation>[A-Z][\w&\u2019'-]*(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w&\u2019'-]*)*)"
)
# A dateline: "March 3, 2024 at 9:10 AM GMT", "Published: 4 Dec 2025", "2025-12-04".
DATELINE = re.compile(
    r"(?i:(?P<updated>(?:last\s+)?updated)|published|posted|date)?(?:\s+on)?\s*:?\s*"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?P<date>{MONTH}\s+{DAY},?\s+{YEAR}|{DAY}\s+{MONTH},?\s+{YEAR}|{ISO_DATE})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?"
    r"\s*(?:\|.*)?"
)


def guess_metadata(text: str, noise: tuple[tuple[int, int], ...] = ()) -> dict[str, Any]:
    """Title, date and authors that the text shows: ``{"title", "date", "authors"}``.

    The date comes from a dateline near the top; authors from a byline ("By ...", "(Name)")
    and a short bio ("Name is Senior Fellow at X") near the top or the bottom; the title is
    the first line when it reads as a headline (short, no final full stop). None where absent.
    """
    in_noise = NoiseSpans(noise)
    spans = [span for span in text_lines(text) if not in_noise.overlap(*span)]
    lines = [text[begin:end] for begin, end in (*spans[:EDGE_LINES], *spans[-EDGE_LINES:])]
    head, tail = lines[:EDGE_LINES], lines[-EDGE_LINES:]
    datelines = [match for line in head if (match := DATELINE.fullmatch(line))]
    datelines.sort(key=lambda match: match.group("updated") is not None)
    published = find_dates(datelines[0].group("date"), None) if datelines else []
    authors: dict[str, Author] = {}
    for line in head:
        for name in _byline_names(line):
            authors.setdefault(name, Author(name))
    for line in dict.fromkeys(head + tail):
        bio, role = BIO.fullmatch(line), ROLE_AT.search(line)
        if bio and role and not _NOT_A_PERSON.search(bio.group("name")):
            role_words = re.sub(r"\s+", " ", role.group("role"))
            authors[bio.group("name")] = Author(
                bio.group("name"), role_words, role.group("affiliation")
            )
    first = lines[0] if lines else ""
    is_headline = (
        len(first) <= 200
        and len(first.split()) <= 25
        and first[:1].isupper()
        and not first.endswith((".", ",", ";", ":"))
        and not DATELINE.fullmatch(first)
        and not _byline_names(first)
    )
    return {
        "title": first if is_headline else None,
        "date": published[0].value.start if published else None,
        "authors": tuple(authors.values()),
    }


def _byline_names(line: str) -> list[str]:
    """The names of a byline line ("By A, B and C"; "(A)"), else an empty list."""
    parenthesised = PARENTHESISED_NAME.fullmatch(line)
    if parenthesised:
        candidates = [parenthesised.group("name")]
    elif byline := BYLINE.fullmatch(line):
        candidates = re.split(r"\s*(?:,|&|\band\b)\s*", byline.group("names"))
    else:
        return []
    names = []
    for candidate in candidates:
        if not re.fullmatch(NAME, candidate) or _NOT_A_PERSON.search(candidate):
            break
        names.append(candidate)
    return names
