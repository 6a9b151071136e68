"""Extraction scored against hand-made gold: the ``agreements`` and ``controls`` tables.

A gold file is YAML: a list of documents, each ``{doc: FILE, agreements: [...], controls:
[...]}`` in the schema of ``../shared/gold/*.yaml``. A gold agreement names ``id``, ``label``,
``kind``, ``parties`` and optionally ``date``, ``binding`` and ``evidence``; a gold control
``id``, ``label``, ``kind``, ``imposer`` and optionally ``date`` and ``element_count``.

Matching, the same as the team's ``score_tables.py``:

- a gold fact is matched only against rows sourced from its own document (when the
  documents are known), each row standing for at most one fact of a document;
- an agreement row is a candidate when its parties and the gold's overlap by half or more
  (Jaccard, names compared lower-case, without "the", common aliases resolved) and its date
  agrees with the gold's (a coarser date must contain it); it is right when its kind
  includes the gold's (any kind for a generic "agreement") and, where the gold tests binding
  status (an MoU, or evidence that mentions "binding"), its binding agrees;
- a control row is a candidate when its imposer, kind and date agree; it is right when its
  element count agrees where the gold gives one.

Recall is facts found over facts, per table; precision is rows matched to some fact over
all rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from rdflib import Dataset

from critmin.graph.base.namespaces import CM

Row = Mapping[str, str]
GoldFact = Mapping[str, Any]

NAME_ALIASES = {
    "people's republic of china": "china",
    "prc": "china",
    "beijing": "china",
    "united states of america": "united states",
    "us": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "america": "united states",
    "washington": "united states",
    "united states government": "united states",
    "european union": "eu",
    "group of seven": "g7",
    "g-7": "g7",
    "frontier works organization": "frontier works organisation",
    "fwo": "frontier works organisation",
    "pakistan frontier works organisation": "frontier works organisation",
    "u.s. strategic metals": "us strategic metals",
    "kingdom of saudi arabia": "saudi arabia",
    "viet nam": "vietnam",
    "republic of korea": "south korea",
}
"""Other names of the same actor, as gold files and tables may write them."""

KIND_WORDS = {
    "memorandum of understanding": "mou",
    "memorandum": "mou",
    "mou": "mou",
    "framework": "framework",
    "framework agreement": "framework",
    "deal": "deal",
    "partnership": "partnership",
    "agreement": "agreement",
    "cooperation": "agreement",
    "export control": "export-control",
    "export-control": "export-control",
    "export controls": "export-control",
    "tariff": "tariff",
    "tariffs": "tariff",
    "pause": "pause",
    "suspension": "pause",
    "sanction-lifting": "sanction-lifting",
    "sanctions lifting": "sanction-lifting",
    "lifting": "sanction-lifting",
    "sanction": "sanction",
}
"""Kind words that name the same kind."""

GENERIC_KINDS = frozenset({"agreement"})
_REQUIRED = {
    "agreements": ("id", "label", "kind", "parties"),
    "controls": ("id", "label", "kind", "imposer"),
}


class GoldError(ValueError):
    """A gold file that cannot be read or does not follow the schema; the message says where."""


@dataclass(frozen=True)
class GoldDocument:
    """The gold facts of one text."""

    file_name: str
    agreements: tuple[GoldFact, ...]
    controls: tuple[GoldFact, ...]


@dataclass(frozen=True)
class Verdict:
    """What became of one gold fact: ``ok``, ``MISSING`` or ``wrong ...`` (what was wrong)."""

    table: str
    file_name: str
    fact_id: str
    label: str
    verdict: str

    @property
    def found(self) -> bool:
        return self.verdict == "ok"

    def line(self) -> str:
        kind = "agreement" if self.table == "agreements" else "control"
        return f"{kind} {self.file_name[:3]}#{self.fact_id} {self.label}: {self.verdict}"


@dataclass(frozen=True)
class Score:
    """Verdicts per gold fact, recall per table, and the rows no fact matched."""

    verdicts: tuple[Verdict, ...]
    rows: int
    unmatched: tuple[Row, ...]

    def recall(self, table: str) -> float:
        verdicts = [v for v in self.verdicts if v.table == table]
        return sum(v.found for v in verdicts) / max(len(verdicts), 1)

    @property
    def precision(self) -> float:
        return (self.rows - len(self.unmatched)) / self.rows if self.rows else 0.0

    def summary(self) -> str:
        return (
            f"agreements recall={self.recall('agreements'):.2f} "
            f"controls recall={self.recall('controls'):.2f} "
            f"unmatched_rows={len(self.unmatched)} precision={self.precision:.2f}"
        )


def read_gold(path: Path) -> list[GoldDocument]:
    """The gold documents of a YAML file; GoldError naming the file and the fault."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GoldError(f"{path}: cannot read: {error.strerror}") from None
    except (UnicodeDecodeError, yaml.YAMLError) as error:
        reason = str(error).splitlines()[0]
        raise GoldError(f"{path}: not a YAML file: {reason}") from None
    if not isinstance(data, list) or not data:
        raise GoldError(f"{path}: expected a list of documents ({{doc: FILE, ...}})")
    return [_gold_document(path, n, entry) for n, entry in enumerate(data, start=1)]


def _gold_document(path: Path, number: int, entry: object) -> GoldDocument:
    if not isinstance(entry, dict) or not isinstance(entry.get("doc"), str):
        raise GoldError(f"{path}: document {number} has no 'doc' file name")
    file_name = entry["doc"]
    tables: dict[str, tuple[GoldFact, ...]] = {}
    for table, required in _REQUIRED.items():
        facts = entry.get(table)
        facts = [] if facts is None else facts
        if not isinstance(facts, list):
            raise GoldError(f"{path}: {file_name}: '{table}' is not a list")
        for fact in facts:
            if not isinstance(fact, dict):
                raise GoldError(f"{path}: {file_name}: an entry of '{table}' is not a mapping")
            missing = [key for key in required if fact.get(key) in (None, "")]
            if missing:
                name = fact.get("id", "?")
                raise GoldError(f"{path}: {file_name}: {table} {name} lacks {', '.join(missing)}")
            if table == "agreements" and not isinstance(fact["parties"], list):
                raise GoldError(f"{path}: {file_name}: agreements {fact['id']}: parties not a list")
        tables[table] = tuple(facts)
    return GoldDocument(file_name, tables["agreements"], tables["controls"])


def normal_name(name: str) -> str:
    """A name compared lower-case, without a leading "the", its common aliases resolved."""
    name = re.sub(r"\s+", " ", name.strip().lower().replace("\u2019", "'"))
    name = re.sub(r"^the ", "", name)
    return NAME_ALIASES.get(name, name)


def normal_kind(word: str) -> str:
    """A kind word in the form tables and gold share (``export controls`` → ``export-control``)."""
    word = (word or "").strip().lower().replace("_", "-")
    return KIND_WORDS.get(word, KIND_WORDS.get(word.replace("-", " "), word))


def cell_names(value: str) -> set[str]:
    """The normal names of a `` | ``-joined cell."""
    return {normal_name(v) for v in (value or "").split("|") if v.strip()}


def date_agrees(gold: object, row: str) -> bool:
    """No gold date; or a row date as fine as the gold's that agrees, or a coarser one with it."""
    if gold is None:
        return True
    wanted = str(gold).split("/")[0]
    given = (row or "").strip()
    return bool(given) and (given.startswith(wanted) or wanted.startswith(given))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def agreement_verdict(gold: GoldFact, row: Row) -> str:
    """``ok``, or what a candidate row gets wrong about a gold agreement."""
    row_kinds = {normal_kind(k) for k in (row.get("kind") or "").split("|")}
    kind = normal_kind(gold["kind"])
    kind_ok = kind in GENERIC_KINDS or kind in row_kinds
    tests_binding = gold["kind"] == "mou" or "binding" in (gold.get("evidence") or "")
    binding = (row.get("binding") or "").strip().lower()
    binding_ok = not tests_binding or binding == str(gold.get("binding")).lower()
    if kind_ok and binding_ok:
        return "ok"
    return f"wrong kind={row.get('kind')} binding={row.get('binding')}"


def control_verdict(gold: GoldFact, row: Row) -> str:
    """``ok``, or the element count a candidate row gets wrong about a gold control."""
    count = str(row.get("element_count") or "").strip()
    if "element_count" not in gold or count == str(gold["element_count"]):
        return "ok"
    return f"wrong element_count={row.get('element_count')}"


def _is_agreement_candidate(gold: GoldFact, row: Row) -> bool:
    parties = {normal_name(p) for p in gold["parties"]}
    return _jaccard(parties, cell_names(row.get("parties", ""))) >= 0.5 and date_agrees(
        gold.get("date"), row.get("date", "")
    )


def _is_control_candidate(gold: GoldFact, row: Row) -> bool:
    return (
        normal_name(gold["imposer"]) in cell_names(row.get("imposer", ""))
        and date_agrees(gold.get("date"), row.get("date", ""))
        and normal_kind(row.get("kind", "")) == normal_kind(gold["kind"])
    )


_TABLES: dict[str, tuple[Callable[[GoldFact, Row], bool], Callable[[GoldFact, Row], str]]] = {
    "agreements": (_is_agreement_candidate, agreement_verdict),
    "controls": (_is_control_candidate, control_verdict),
}


def score(
    gold: Sequence[GoldDocument],
    tables: Mapping[str, Sequence[Row]],
    source_key: Callable[[str], str | None] = lambda file_name: None,
) -> Score:
    """Score the ``agreements`` and ``controls`` rows against the gold documents.

    ``source_key(file_name)`` gives the text that marks a row as sourced from that document
    (found in its ``sources`` cell), or None to let any row match.
    """
    verdicts: list[Verdict] = []
    used: dict[str, set[int]] = {table: set() for table in _TABLES}
    for document in gold:
        key = source_key(document.file_name)
        for table, (is_candidate, verdict_of) in _TABLES.items():
            rows = [
                (i, row)
                for i, row in enumerate(tables[table])
                if key is None or key in row.get("sources", "")
            ]
            used_here: set[int] = set()
            for fact in getattr(document, table):
                candidates = [(i, r) for i, r in rows if is_candidate(fact, r)]
                index, verdict = _best_match(candidates, fact, verdict_of, used_here)
                if index is not None:
                    used_here.add(index)
                    used[table].add(index)
                verdicts.append(
                    Verdict(table, document.file_name, str(fact["id"]), fact["label"], verdict)
                )
    unmatched = tuple(
        row for table, rows in tables.items() for i, row in enumerate(rows) if i not in used[table]
    )
    return Score(tuple(verdicts), sum(len(rows) for rows in tables.values()), unmatched)


def _best_match(
    candidates: Iterable[tuple[int, Row]],
    fact: GoldFact,
    verdict_of: Callable[[GoldFact, Row], str],
    used: set[int],
) -> tuple[int | None, str]:
    """The first right candidate not used before, else the first unused one, else MISSING."""
    verdicts = [(i, verdict_of(fact, row)) for i, row in candidates if i not in used]
    found = next((v for v in verdicts if v[1] == "ok"), verdicts[0] if verdicts else None)
    return found if found is not None else (None, "MISSING")


def source_keys(gold: Sequence[GoldDocument], dataset: Dataset) -> dict[str, str]:
    """For each gold document, the IRI of its document node in the dataset, found by file name
    (``cm:fileName``); GoldError naming the gold documents the dataset lacks."""
    keys: dict[str, str] = {}
    for document, name in dataset.subject_objects(CM.fileName):
        keys[str(name)] = str(document)
    missing = [d.file_name for d in gold if d.file_name not in keys]
    if missing:
        raise GoldError(f"the dataset has no document {', '.join(missing)} named in the gold file")
    return keys
