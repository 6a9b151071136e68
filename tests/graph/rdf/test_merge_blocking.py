"""graph/rdf/merge_blocking.py: blocking keys and months are necessary conditions of a match."""

from hashlib import sha256
from itertools import product

import pytest
from rdflib import URIRef

from critmin.graph.base.namespaces import CMR
from critmin.graph.base.statements import Agreement, Control
from critmin.graph.base.values import DateValue, Entity, Evidence, Span
from critmin.graph.rdf.merge import dates_compatible, same_agreement, same_control
from critmin.graph.rdf.merge_blocking import (
    Blocks,
    agreement_keys,
    blocking_keys,
    group_keys,
    member_key,
    months,
)

KENYA, GHANA, PERU, CHILE = (
    Entity(CMR[f"actor/{name}"]) for name in ("kenya", "ghana", "peru", "chile")
)
EVIDENCE = Evidence(Span(0, 10), Span(0, 5))
MARCH_2024 = 2024 * 12 + 2

DATES = [None, DateValue("2030s"), DateValue("2024-05", "2024-03")] + [
    DateValue(value)
    for year in ("2023", "2024")
    for value in (year, *(f"{year}-{m:02d}" for m in (1, 2, 12)),
                  *(f"{year}-{m:02d}-{d:02d}" for m in (1, 2, 12) for d in (1, 28)))
] + [
    DateValue("2023-12-30", "2024-01-02"), DateValue("2023", "2024-02"),
    DateValue("2024-01", "2024"), DateValue("2030", "2039"),
]  # fmt: skip
"""Dates of every precision, periods across a new year, and shapes months() does not read."""


def agreement(kind: str, parties: tuple[Entity, ...], date: DateValue | None) -> Agreement:
    key = sha256(repr((kind, parties, date)).encode()).hexdigest()[:8]
    return Agreement(key, kind, "an agreement", EVIDENCE, parties=parties, date=date)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (None, None),
        (DateValue("2024"), range(2024 * 12, 2024 * 12 + 12)),
        (DateValue("2024-03"), range(MARCH_2024, MARCH_2024 + 1)),
        (DateValue("2024-03-12"), range(MARCH_2024, MARCH_2024 + 1)),
        (DateValue("2024-03-30", "2024-04-02"), range(MARCH_2024, MARCH_2024 + 2)),
        (DateValue("2024-05", "2024-03"), None),
        (DateValue("2030s"), None),
        (DateValue("2024-13"), None),
    ],
)
def test_months_a_date_covers(date: DateValue | None, expected: range | None) -> None:
    assert months(date) == expected


def test_compatible_dates_share_a_month_or_one_has_none() -> None:
    for first, second in product(DATES, repeat=2):
        one, two = months(first), months(second)
        if dates_compatible(first, second) and one is not None and two is not None:
            assert set(one) & set(two), (first, second)


def test_blocks_give_what_shares_a_key_and_a_month() -> None:
    blocks = Blocks()
    blocks.add(0, ["a"], DateValue("2024-03"))
    blocks.add(1, ["a"], DateValue("2024-04-02"))
    blocks.add(2, ["a"], None)
    blocks.add(3, ["b"], DateValue("2024-03"))
    blocks.add(4, ["a", "b"], DateValue("2024"))
    assert blocks.candidates(["a"], DateValue("2024-03-12")) == [0, 2, 4]
    assert blocks.candidates(["a", "b"], DateValue("2024-03")) == [0, 2, 3, 4]
    assert blocks.candidates(["a"], None) == [0, 1, 2, 4]
    assert blocks.candidates(["a"], DateValue("2025")) == [2]
    assert blocks.candidates(["c"], None) == []


def test_agreements_that_may_be_one_share_a_key_and_a_month() -> None:
    party_sets = [(KENYA,), (KENYA, GHANA), (GHANA, KENYA, PERU), (PERU, CHILE), ()]
    agreements = [
        agreement(kind, parties, date)
        for kind in ("deal", "mou", "group")
        for parties in party_sets
        for date in DATES
    ]
    blocks = Blocks()
    for number, one in enumerate(agreements):
        blocks.add(number, agreement_keys(one), one.date)
    matches = 0
    for one in agreements:
        found = set(blocks.candidates(agreement_keys(one), one.date))
        for other, two in enumerate(agreements):
            if same_agreement(one, two):
                matches += 1
                assert other in found, (one, two)
    assert matches > len(agreements)


def test_a_group_finds_every_agreement_among_its_parties() -> None:
    group = agreement("group", (KENYA, GHANA, PERU, CHILE), DateValue("2024"))
    among = agreement("deal", (CHILE, GHANA, PERU), DateValue("2024-03"))
    assert member_key(among) in group_keys(group)
    assert member_key(agreement("deal", (KENYA,), None)) is None
    assert member_key(agreement("group", (KENYA, GHANA), None)) is None
    assert len(group_keys(group)) == 6


def test_controls_that_may_be_one_have_the_same_key() -> None:
    def control(kind: str, imposer: Entity | None, duration: str | None) -> Control:
        return Control("c", kind, "a control", EVIDENCE, imposer=imposer, duration=duration)

    controls = [
        control(kind, imposer, duration)
        for kind in ("export-ban", "pause")
        for imposer in (KENYA, GHANA, None)
        for duration in (None, "P1Y")
    ]
    for one, two in product(controls, repeat=2):
        assert same_control(one, two) is (blocking_keys(one) == blocking_keys(two))


def test_an_agreement_without_parties_has_no_key() -> None:
    assert agreement_keys(agreement("deal", (), DateValue("2024"))) == set()
    assert blocking_keys(agreement("deal", (KENYA,), None)) == {
        ("parties", frozenset({URIRef(KENYA.iri)}))
    }
