"""What a dataset file was built from, kept beside it so that ``critmin add`` can extend it.

``critmin build --out FILE`` also writes ``FILE.extractions``: the extraction of every text
(statements, spans and the text itself) and the analyst corrections applied. ``critmin add``
then extracts only the new texts and redoes the cheap stages (merge, curation, reasoning) over
all of them, which gives the dataset a full build of all the texts would give.

The file is a pickle written by this program for itself: it records the critmin version that
wrote it and the sha256 of the dataset file it belongs to, and is refused when either differs
(another version may extract differently; another dataset file was written since). It holds
the texts, so it is the user's data, like the corpus: keep it out of version control.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from critmin.graph.base.statements import Extraction
from critmin.graph.rdf.curation import Correction

SUFFIX = ".extractions"
_FORMAT = 1


class BuildCacheError(Exception):
    """The extractions beside a dataset file are missing, unreadable or stale (one line)."""


@dataclass(frozen=True)
class BuildInputs:
    """The extractions of every text of a dataset, in build order, and the corrections."""

    extractions: tuple[Extraction, ...]
    corrections: tuple[Correction, ...]


def cache_path(dataset_file: Path) -> Path:
    """Where the extractions of ``dataset_file`` are kept."""
    return dataset_file.with_name(dataset_file.name + SUFFIX)


def write_inputs(dataset_file: Path, inputs: BuildInputs) -> Path:
    """Write ``inputs`` beside the (already written) ``dataset_file``, atomically."""
    path = cache_path(dataset_file)
    record = {
        "format": _FORMAT,
        "critmin": version("critmin"),
        "dataset_sha256": _sha256(dataset_file),
        "inputs": inputs,
    }
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(record, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def read_inputs(dataset_file: Path) -> BuildInputs:
    """The inputs ``dataset_file`` was built from; BuildCacheError if they cannot be used."""
    path = cache_path(dataset_file)
    if not dataset_file.is_file():
        raise BuildCacheError(f"{dataset_file}: no such dataset file")
    if not path.is_file():
        raise BuildCacheError(
            f"{path} is missing: critmin add extends datasets written by critmin build, which "
            "keeps the extractions there; build the dataset again"
        )
    try:
        with path.open("rb") as stream:
            record = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
        raise BuildCacheError(f"{path}: cannot read: {error}") from None
    if not isinstance(record, dict) or record.get("format") != _FORMAT:
        raise BuildCacheError(f"{path}: not an extractions file of this critmin")
    if record["critmin"] != version("critmin"):
        raise BuildCacheError(
            f"{path} was written by critmin {record['critmin']}, not {version('critmin')}: "
            "build the dataset again"
        )
    if record["dataset_sha256"] != _sha256(dataset_file):
        raise BuildCacheError(
            f"{path} belongs to another version of {dataset_file} (written since): "
            "build the dataset again"
        )
    return record["inputs"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
