"""The measures read so far (control_memory): a measure named again is merged into the one
named first; acts and measures of other imposers, kinds, instruments or dates are kept apart."""

from dataclasses import replace

import pytest
from graph_helpers import actor, extract_text, mineral

from critmin.graph.base.statements import Control
from critmin.graph.base.values import DateValue, Evidence, Span
from critmin.graph.rules.control_memory import (
    NEARBY_SENTENCES,
    Measure,
    MeasureIndex,
    last_measure,
    last_of_kind,
    remember,
)
from critmin.graph.text.mentions import Clause

LEAD = "Markets were calm. "
_EVIDENCE = Evidence(Span(0, 10), Span(0, 5))


def _measure(sentence=1, paragraph=0, **fields) -> Measure:
    """A Measure of an export control of China on gallium dated 2025-07, changed by ``fields``
    (Control fields, or year_only / instrument / headline / in_force_only)."""
    options = {
        name: fields.pop(name)
        for name in ("year_only", "instrument", "headline", "in_force_only")
        if name in fields
    }
    control = Control(
        key="",
        kind="export-control",
        label="",
        evidence=_EVIDENCE,
        imposer=actor("china"),
        minerals=(mineral("gallium"),),
        date=DateValue("2025-07"),
    )
    return Measure(replace(control, **fields), sentence, paragraph, **options)


def test_a_measure_is_compared_only_with_those_of_its_kind_and_imposer():
    by_kind = MeasureIndex()
    export_control, tariff = _measure().control, _measure(kind="tariff").control
    by_kind.add(0, export_control)
    by_kind.add(1, tariff)
    by_kind.add(2, export_control)
    assert by_kind.of(_measure(sentence=5).control) == [0, 2]
    assert by_kind.of(_measure(kind="tariff").control) == [1]
    assert by_kind.of(_measure(imposer=actor("india")).control) == []


def test_the_measures_named_in_a_sentence_and_the_imposer_of_most():
    by_kind = MeasureIndex()
    assert by_kind.main_imposer() is None
    for number, imposer in enumerate(["india", "china", "china", "india"]):
        by_kind.add(number, _measure(imposer=actor(imposer)).control)
    assert by_kind.main_imposer() == actor("india")  # as many as China's, and named first
    by_kind.named_in(3, 2)
    by_kind.named_in(0, 2)
    by_kind.named_in(0, 5)
    assert (by_kind.of_sentence(2), by_kind.of_sentence(5), by_kind.of_sentence(4)) == (
        [0, 3],
        [0],
        [],
    )


def test_a_measure_may_name_again_those_sharing_a_mineral_naming_none_or_near():
    by_kind = MeasureIndex()
    for number, (sentence, minerals, kind) in enumerate(
        [(1, ("gallium",), "export-control"), (2, (), "export-control"),
         (3, ("cobalt",), "export-control"), (20, ("cobalt",), "export-control"),
         (4, ("gallium",), "tariff")]
    ):  # fmt: skip
        measure = _measure(sentence=sentence, kind=kind, minerals=tuple(map(mineral, minerals)))
        by_kind.add(number, measure.control)
        by_kind.named_in(number, sentence)
    gallium = _measure(sentence=21, minerals=(mineral("gallium"),))
    assert by_kind.may_name_again(gallium) == [0, 1, 3]  # 3: named two sentences before
    assert by_kind.may_name_again(_measure(sentence=9, minerals=())) == [0, 1, 2, 3]
    by_kind.note_minerals(2, _measure(minerals=(mineral("gallium"),)).control)  # merged
    assert by_kind.may_name_again(gallium) == [0, 1, 2, 3]


def _clause(sentence_number: int) -> Clause:
    return Clause("", Span(0, 0), Span(0, 0), sentence_number, 0, (), (), ())


def test_a_restated_measure_is_merged_into_the_first():
    items: list[Measure] = []
    by_kind = MeasureIndex()
    first = remember(items, by_kind, _measure())
    again = remember(
        items,
        by_kind,
        _measure(
            sentence=3,
            minerals=(mineral("gallium"), mineral("germanium")),
            element_count=2,
            in_force=DateValue("2025-08-01"),
        ),
    )
    assert (first, again, len(items)) == (0, 0, 1)
    merged = items[0].control
    assert (merged.key, merged.minerals, merged.element_count, merged.date, merged.in_force) == (
        "new-1",
        (mineral("gallium"), mineral("germanium")),
        2,
        DateValue("2025-07"),
        DateValue("2025-08-01"),
    )
    assert items[0].sentence == 3  # named last in sentence 3


@pytest.mark.parametrize(
    "other",
    [
        dict(imposer=actor("japan")),
        dict(kind="export-quota"),
        dict(minerals=(mineral("graphite"),)),
        dict(targets=(actor("japan"),)),
        dict(date=DateValue("2025-09")),
        dict(instrument=("47", "2025", None)),
        dict(acts_on=("new-1",), kind="export-control"),
    ],
)
def test_measures_that_differ_are_kept_apart(other):
    items: list[Measure] = []
    by_kind = MeasureIndex()
    remember(items, by_kind, _measure(instrument=("46", "2025", None), targets=(actor("india"),)))
    number = remember(items, by_kind, _measure(sentence=2, **other))
    assert (number, len(items), [i.control.key for i in items]) == (1, 2, ["new-1", "new-2"])


def test_a_year_guessed_from_the_passage_agrees_with_a_finer_date_nearby():
    items: list[Measure] = []
    by_kind = MeasureIndex()
    remember(items, by_kind, _measure(date=DateValue("2025"), year_only=True))
    assert remember(items, by_kind, _measure(sentence=2)) == 0
    assert items[0].control.date == DateValue("2025-07")
    assert items[0].year_only is False


def test_a_guessed_year_far_away_agrees_only_with_the_same_year():
    items: list[Measure] = []
    by_kind = MeasureIndex()
    remember(items, by_kind, _measure(date=DateValue("2024"), year_only=True))
    far = 1 + NEARBY_SENTENCES + 1
    assert remember(items, by_kind, _measure(sentence=far, paragraph=3)) == 1


def test_a_planned_measure_stated_later_is_stated():
    items: list[Measure] = []
    by_kind = MeasureIndex()
    remember(items, by_kind, _measure(modality="planned", date=DateValue("2025-03-02")))
    guessed = _measure(sentence=2, date=DateValue("2025"), year_only=True)
    assert remember(items, by_kind, guessed) == 0
    assert (items[0].control.modality, items[0].control.date) == (
        "stated",
        DateValue("2025-03-02"),
    )


def test_last_measure_skips_acts_and_measures_not_stated():
    items: list[Measure] = []
    by_kind = MeasureIndex()
    remember(items, by_kind, _measure(sentence=1))
    remember(items, by_kind, _measure(sentence=2, kind="tariff", modality="threatened"))
    remember(items, by_kind, _measure(sentence=3, kind="pause", acts_on=("new-1",)))
    assert last_measure(items, by_kind, _clause(4), None) == 0
    assert last_measure(items, by_kind, _clause(4), "tariff") is None
    assert last_measure(items, by_kind, _clause(1 + NEARBY_SENTENCES + 1), None) is None
    assert last_of_kind(items, "export-control") == 0
    assert last_of_kind(items, "tariff") is None


def controls(text, nlp, index):
    return extract_text(text, nlp, index).controls


def test_a_measure_named_again_in_a_later_sentence_is_one_control(nlp, index):
    text = LEAD + (
        "Indonesia banned nickel exports in January 2020. Analysts were surprised. "
        "Indonesia's ban on nickel exports hit China."
    )
    (found,) = controls(text, nlp, index)
    assert (found.kind, found.imposer, found.minerals, found.date) == (
        "export-control",
        actor("indonesia"),
        (mineral("nickel"),),
        DateValue("2020-01"),
    )
    assert found.label == "Indonesia export control on nickel (2020-01)"


def test_a_headline_and_its_story_are_one_control(nlp, index):
    text = (
        "Indonesia Bans Nickel Exports\n"
        "Jakarta banned exports of nickel ore on 1 January 2020, officials said."
    )
    (found,) = controls(text, nlp, index)
    assert (found.kind, found.imposer, found.minerals, found.date, found.modality) == (
        "export-control",
        actor("indonesia"),
        (mineral("nickel"),),
        DateValue("2020-01-01"),
        "stated",
    )


@pytest.mark.xfail(
    strict=True,
    reason="bug: control_memory._merged keeps the label of the first report (dated by the "
    "guessed year, 'Indonesia export control on nickel (2025)') while taking the later date",
)
def test_a_merged_control_is_labelled_with_its_merged_date(nlp, index):
    text = (
        "Indonesia Bans Nickel Exports\n"
        "Jakarta banned exports of nickel ore on 1 January 2020, officials said."
    )
    (found,) = controls(text, nlp, index)
    assert found.label == "Indonesia export control on nickel (2020-01-01)"


def test_a_measure_reported_as_planned_and_later_stated_takes_the_announced_date(nlp, index):
    text = LEAD + (
        "On 2 March, Chile said it will ban lithium exports. Traders were calm. "
        "Chile has now banned lithium exports."
    )
    (found,) = controls(text, nlp, index)
    assert (found.kind, found.imposer, found.minerals, found.date, found.modality) == (
        "export-control",
        actor("chile"),
        (mineral("lithium"),),
        DateValue("2025-03-02"),
        "stated",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Chile banned lithium exports in 2023. In 2025 Chile banned lithium exports again.",
        "Chile imposed a lithium export duty in March. "
        "Brazil imposed a lithium export duty in March.",
    ],
)
def test_measures_of_other_years_or_imposers_are_two_controls(nlp, index, text):
    first, second = controls(LEAD + text, nlp, index)
    assert first.key != second.key
    assert (first.minerals, second.minerals) == ((mineral("lithium"),), (mineral("lithium"),))
    assert (first.imposer, first.date) != (second.imposer, second.date)
