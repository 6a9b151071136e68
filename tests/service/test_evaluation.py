"""Scoring tables against gold facts: candidates, verdicts, recall and precision."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from critmin.service.evaluation import (
    GoldDocument,
    GoldError,
    date_agrees,
    normal_kind,
    normal_name,
    read_gold,
    score,
)

GOLD = """
- doc: a.txt
  agreements:
    - id: a1
      label: Peru-Norway copper MoU
      kind: mou
      parties: [Peru, Norway]
      binding: false
      date: 2024-11
    - id: a2
      label: Peru-Chile lithium deal
      kind: deal
      parties: [Peru, Chile]
      date: 2024-03-02
  controls:
    - id: c1
      label: Peru's copper ore export ban
      kind: export-control
      imposer: Peru
      element_count: 1
      date: 2024
- doc: b.txt
  agreements:
    - id: a1
      label: Norway-Chile framework
      kind: agreement
      parties: [Norway, Chile]
"""


def agreement(parties: str, kind: str, date: str, binding: str = "unknown", src: str = "A") -> dict:
    return {"parties": parties, "kind": kind, "date": date, "binding": binding, "sources": src}


def control(imposer: str, kind: str, date: str, count: str = "", src: str = "A") -> dict:
    return {"imposer": imposer, "kind": kind, "date": date, "element_count": count, "sources": src}


@pytest.fixture
def gold(tmp_path: Path) -> list[GoldDocument]:
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    return read_gold(path)


def sources(file_name: str) -> str:
    return {"a.txt": "A", "b.txt": "B"}[file_name]


def test_gold_documents_are_read_with_their_facts(gold: list[GoldDocument]) -> None:
    assert [d.file_name for d in gold] == ["a.txt", "b.txt"]
    assert [f["id"] for f in gold[0].agreements] == ["a1", "a2"]
    assert gold[0].agreements[1]["date"] == datetime.date(2024, 3, 2)
    assert gold[1].controls == ()


def test_names_are_compared_lower_case_without_the_and_with_aliases() -> None:
    assert normal_name("The  United States") == "united states"
    assert normal_name("U.S.") == "united states"
    assert normal_name("People\u2019s Republic of China") == "china"
    assert normal_name("Peru") == "peru"


def test_kind_words_of_one_kind_are_one() -> None:
    assert normal_kind("Memorandum of Understanding") == "mou"
    assert normal_kind("export_controls") == "export-control"
    assert normal_kind("suspension") == "pause"
    assert normal_kind("equity-stake") == "equity-stake"


def test_a_coarser_date_holds_a_finer_one_but_not_the_other_way_wrong() -> None:
    assert date_agrees(datetime.date(2024, 3, 2), "2024")
    assert date_agrees("2024-03", "2024-03-02")
    assert not date_agrees("2024-03", "2024-04")
    assert not date_agrees("2024", "")
    assert date_agrees(None, "")


def test_every_fact_found_gives_full_recall_and_precision(gold: list[GoldDocument]) -> None:
    tables = {
        "agreements": [
            agreement("Norway | Peru", "mou", "2024-11-05", "false"),
            agreement("Peru | Chile", "deal | investment", "2024-03"),
            agreement("Chile | Norway | Sweden", "framework", "2021", src="B"),
        ],
        "controls": [control("Peru", "export controls", "2024-06", "1")],
    }
    result = score(gold, tables, sources)
    assert [v.line() for v in result.verdicts] == [
        "agreement a.t#a1 Peru-Norway copper MoU: ok",
        "agreement a.t#a2 Peru-Chile lithium deal: ok",
        "control a.t#c1 Peru's copper ore export ban: ok",
        "agreement b.t#a1 Norway-Chile framework: ok",
    ]
    assert result.summary() == (
        "agreements recall=1.00 controls recall=1.00 unmatched_rows=0 precision=1.00"
    )


def test_wrong_binding_kind_count_and_other_sources_are_reported(
    gold: list[GoldDocument],
) -> None:
    tables = {
        "agreements": [
            agreement("Norway | Peru", "mou", "2024-11", "unknown"),
            agreement("Peru | Chile", "partnership", "2024"),
            agreement("Chile | Norway", "framework", "2021", src="A"),
            agreement("Peru | Brazil", "deal", "2024"),
        ],
        "controls": [control("Peru", "export-control", "2024", "2")],
    }
    result = score(gold, tables, sources)
    assert [v.verdict for v in result.verdicts] == [
        "wrong kind=mou binding=unknown",
        "wrong kind=partnership binding=unknown",
        "wrong element_count=2",
        "MISSING",
    ]
    assert result.recall("agreements") == 0.0
    assert [r["parties"] for r in result.unmatched] == ["Chile | Norway", "Peru | Brazil"]
    assert result.precision == pytest.approx(3 / 5)


def test_without_source_keys_any_row_matches(gold: list[GoldDocument]) -> None:
    tables = {
        "agreements": [agreement("Chile | Norway", "agreement", "2021", src="elsewhere")],
        "controls": [],
    }
    result = score(gold, tables)
    assert [v.verdict for v in result.verdicts if v.file_name == "b.txt"] == ["ok"]


def test_a_row_serves_one_fact_of_a_document(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(
        "- doc: a.txt\n  controls:\n"
        "    - {id: c1, label: one, kind: tariff, imposer: Peru}\n"
        "    - {id: c2, label: two, kind: tariff, imposer: Peru}\n",
        encoding="utf-8",
    )
    result = score(read_gold(path), {"agreements": [], "controls": [control("Peru", "tariff", "")]})
    assert [v.verdict for v in result.verdicts] == ["ok", "MISSING"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "expected a list of documents"),
        ("- agreements: []", "document 1 has no 'doc' file name"),
        (
            "- doc: a.txt\n  agreements: [{id: a1, label: x, kind: mou}]",
            "a.txt: agreements a1 lacks parties",
        ),
        ("- doc: a.txt\n  controls: {}", "a.txt: 'controls' is not a list"),
        ("- doc: [a", "not a YAML file"),
    ],
)
def test_malformed_gold_is_named_in_one_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GoldError, match=message) as raised:
        read_gold(path)
    assert "\n" not in str(raised.value)
    assert str(path) in str(raised.value)


def test_a_missing_gold_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="cannot read"):
        read_gold(tmp_path / "absent.yaml")
