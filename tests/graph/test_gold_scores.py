"""How much of the hand-made gold (../shared/gold/seeds.yaml) the seed build's tables hold.

Run with ``pytest -s`` to see the scores and the facts missed. A gold agreement is found when
a row of the ``agreements`` table has its parties (as a set, labels resolved to entities
through the labels in the graph), its kind, its date at the gold's precision and its binding
status. A gold agreement of more than two parties may be one row of kind ``group`` (whatever
the gold's kind word), or several agreements: it is then found when one of its parties has a
matching bilateral row with each of the others. Generic gold kinds (``agreement``,
``cooperation``) match either generic word. A gold control is found when a row of the
``controls`` table has its imposer, kind, date and element count (where the gold gives one).
Multi-valued cells (``a | b``) match on any value.

The other way round, no row may appear that the texts do not support: every row must be about
a gold fact (same parties, or two parties of a gold group; same imposer and kind), or be one
of the few rows listed in ``SUPPORTED_EXTRAS`` with the short phrase of the corpus that
supports it (the test checks that the phrase is in the corpus).
"""

import datetime
from pathlib import Path

import pytest
import yaml
from rdflib import RDFS, SKOS, Dataset, URIRef

from critmin.graph.build import build
from critmin.graph.rdf.dataset import read_dataset
from critmin.service import evaluation
from critmin.service.catalogue import find_query, run
from critmin.service.store import LocalStore

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / ".." / "shared" / "corpus"
GOLD = ROOT / ".." / "shared" / "gold" / "seeds.yaml"
METADATA = ROOT / "graph" / "seed" / "corpus-metadata.yaml"
THRESHOLD = 0.8
GENERIC_KINDS = {"agreement", "cooperation"}

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not (CORPUS.is_dir() and GOLD.is_file()),
        reason=f"seed corpus or gold facts not found at {CORPUS.resolve()}, {GOLD.resolve()}",
    ),
]

Row = dict[str, str]

# Rows the gold does not list that the texts do state: (table, kind, imposer or first party,
# a short phrase of the corpus that states it).
SUPPORTED_EXTRAS = {
    ("controls", "sanction", "United States", "lifting sanctions"),
}


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gold") / "seed.trig"
    build(CORPUS, out, METADATA)
    return out


@pytest.fixture(scope="module")
def names(seed: Path) -> dict[str, URIRef]:
    """Every label, alias and preferred label in the graph → its entity (preferred wins)."""
    return label_index(read_dataset(seed))


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


def table(seed: Path, query_id: str) -> list[Row]:
    result = run(find_query(query_id), LocalStore.from_file(seed))
    return [
        {str(name): "" if row[name] is None else str(row[name]) for name in result.vars}
        for row in result
    ]


def label_index(dataset: Dataset) -> dict[str, URIRef]:
    index: dict[str, URIRef] = {}
    for predicate in (SKOS.altLabel, RDFS.label, SKOS.prefLabel):
        for entity, label in sorted(dataset.subject_objects(predicate)):
            if isinstance(entity, URIRef):
                index[str(label).casefold()] = entity
    return index


def cells(value: str) -> set[str]:
    return {part.strip() for part in value.split(" | ") if part.strip()}


def resolve(labels, names: dict[str, URIRef]) -> frozenset:
    return frozenset(names.get(str(label).casefold(), str(label).casefold()) for label in labels)


def gold_date(value: object) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def date_matches(gold: str, row_dates: str) -> bool:
    """A row date at least as precise as the gold one that agrees at the gold's precision."""
    wanted = gold.split("/")
    for candidate in cells(row_dates):
        parts = candidate.split("/")
        if len(parts) == len(wanted) and all(
            len(part) >= len(want) and part[: len(want)] == want
            for part, want in zip(parts, wanted, strict=True)
        ):
            return True
    return False


def kind_matches(gold: str, row_kinds: str, collective: bool = False) -> bool:
    """The gold kind among the row's, a generic kind for a generic word, or (for a gold fact
    about more than two parties) a row describing a group of agreements."""
    kinds = cells(row_kinds)
    if gold in GENERIC_KINDS and kinds & GENERIC_KINDS:
        return True
    if collective and "group" in kinds:
        return True
    return any(gold == kind or gold.endswith(f"-{kind}") for kind in kinds)


def binding_word(value: object) -> str:
    return {True: "true", False: "false"}.get(value, str(value))  # type: ignore[arg-type]


def agreement_row_matches(fact: dict, parties: frozenset, row: Row, names) -> bool:
    return (
        resolve(cells(row["parties"]), names) == parties
        and kind_matches(fact["kind"], row["kind"], collective=len(parties) > 2)
        and date_matches(gold_date(fact["date"]), row["date"])
        and row["binding"] == binding_word(fact["binding"])
    )


def agreement_found(fact: dict, rows: list[Row], names: dict[str, URIRef]) -> bool:
    parties = resolve(fact["parties"], names)
    if any(agreement_row_matches(fact, parties, row, names) for row in rows):
        return True
    return len(parties) > 2 and any(
        all(
            any(agreement_row_matches(fact, frozenset({hub, other}), row, names) for row in rows)
            for other in parties - {hub}
        )
        for hub in parties
    )


def control_found(fact: dict, rows: list[Row], names: dict[str, URIRef]) -> bool:
    imposer = resolve([fact["imposer"]], names)
    count = str(fact.get("element_count", ""))
    return any(
        resolve(cells(row["imposer"]), names) == imposer
        and kind_matches(fact["kind"], row["kind"])
        and date_matches(gold_date(fact["date"]), row["date"])
        and (not count or count in cells(row["element_count"]))
        for row in rows
    )


def score(name: str, facts: list[tuple[str, dict]], found) -> float:
    missed = [f"{doc}#{fact['id']} {fact['label']}" for doc, fact in facts if not found(fact)]
    share = (len(facts) - len(missed)) / len(facts)
    print(f"\n{name}: {len(facts) - len(missed)}/{len(facts)} = {share:.2f}")
    for line in missed:
        print(f"  missed {line}")
    return share


def test_gold_agreements_are_in_the_agreements_table(seed: Path, gold, names) -> None:
    rows = table(seed, "agreements")
    facts = [(entry["doc"], fact) for entry in gold for fact in entry.get("agreements", [])]
    share = score("agreements", facts, lambda fact: agreement_found(fact, rows, names))
    assert share >= THRESHOLD


def test_gold_controls_are_in_the_controls_table(seed: Path, gold, names) -> None:
    rows = table(seed, "controls")
    facts = [(entry["doc"], fact) for entry in gold for fact in entry.get("controls", [])]
    share = score("controls", facts, lambda fact: control_found(fact, rows, names))
    assert share >= THRESHOLD


def test_the_matching_rules_themselves() -> None:
    assert date_matches("2025-10", "2025 | 2025-10-20")
    assert not date_matches("2025-10-20", "2025-10")
    assert date_matches("2025-04-30/2025-05-13", "2025-04-30/2025-05-13")
    assert not date_matches("2025-04-30/2025-05-13", "2025-04-30")
    assert kind_matches("cooperation", "agreement")
    assert kind_matches("sanction-lifting", "lifting")
    assert not kind_matches("framework", "deal | mou")
    assert kind_matches("framework", "group", collective=True)
    assert not kind_matches("framework", "group")
    assert binding_word(True) == "true" and binding_word("unknown") == "unknown"


def agreement_about_gold(row: Row, gold_parties: list[frozenset], names) -> bool:
    parties = resolve(cells(row["parties"]), names)
    return any(parties == wanted or (len(parties) >= 2 and parties <= wanted)
               for wanted in gold_parties)


def control_about_gold(row: Row, gold_controls: list[dict], names) -> bool:
    return any(
        resolve(cells(row["imposer"]), names) == resolve([fact["imposer"]], names)
        and kind_matches(fact["kind"], row["kind"])
        for fact in gold_controls
    )


def supported_extra(table_name: str, row: Row, corpus_text: str) -> bool:
    actors = cells(row.get("imposer") or row.get("parties", ""))
    return any(
        name == table_name and kind == row["kind"] and actor in actors and phrase in corpus_text
        for name, kind, actor, phrase in SUPPORTED_EXTRAS
    )


def corpus_text() -> str:
    return " ".join(path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("*.txt")))


def test_every_agreement_row_is_supported_by_the_texts(seed: Path, gold, names) -> None:
    wanted = [resolve(fact["parties"], names)
              for entry in gold for fact in entry.get("agreements", [])]
    text = corpus_text()
    unsupported = [row["label"] for row in table(seed, "agreements")
                   if not agreement_about_gold(row, wanted, names)
                   and not supported_extra("agreements", row, text)]
    assert unsupported == []


def test_every_control_row_is_supported_by_the_texts(seed: Path, gold, names) -> None:
    facts = [fact for entry in gold for fact in entry.get("controls", [])]
    text = corpus_text()
    rows = table(seed, "controls")
    unsupported = [row["label"] for row in rows
                   if not control_about_gold(row, facts, names)
                   and not supported_extra("controls", row, text)]
    assert unsupported == []
    extras = {row["kind"] for row in rows if not control_about_gold(row, facts, names)}
    assert extras == {kind for name, kind, _, _ in SUPPORTED_EXTRAS if name == "controls"}


SEED_FLOOR = 0.9


def test_seed_floors_as_critmin_evaluate_scores_them(seed: Path) -> None:
    """Recall of both tables and precision at least 0.9, by the scorer of `critmin evaluate`
    (each gold fact matched only against rows sourced from its own text)."""
    store = LocalStore.from_file(seed)
    gold = evaluation.read_gold(GOLD)
    tables = {name: table(seed, name) for name in ("agreements", "controls")}
    result = evaluation.score(gold, tables, evaluation.source_keys(gold, store.dataset).get)
    print(f"\n{result.summary()}")
    assert result.recall("agreements") >= SEED_FLOOR
    assert result.recall("controls") >= SEED_FLOOR
    assert result.precision >= SEED_FLOOR
