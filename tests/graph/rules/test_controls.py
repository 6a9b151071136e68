"""Control patterns (export controls, tariffs, sanctions, technology curbs) on test sentences."""

import pytest
from graph_helpers import actor, extract_text, mineral

from critmin.graph.base.values import DateValue
from critmin.graph.rules.controls import duration_words


def controls(text, nlp, index):
    return extract_text(text, nlp, index).controls


def test_metonym_subject_bans_exports_of_named_minerals(nlp, index):
    text = "Beijing banned exports of gallium and germanium in July."
    (found,) = controls(text, nlp, index)
    assert (found.kind, found.imposer, found.minerals, found.date, found.element_count) == (
        "export-control",
        actor("china"),
        (mineral("gallium"), mineral("germanium")),
        DateValue("2025-07"),
        None,
    )
    assert (
        found.label
        == "People's Republic of China export controls on gallium and germanium (2025-07)"
    )
    assert text[found.evidence.anchor.begin : found.evidence.anchor.end] == (
        "Beijing banned exports of gallium and germanium in July"
    )


def test_element_counts_and_an_elliptical_continuation(nlp, index):
    text = (
        "Trade ties soured after China restricted exports of five rare earths in February, "
        "followed by three elements in May."
    )
    first, second = controls(text, nlp, index)
    group = mineral("rare-earth-elements")
    assert (first.imposer, first.minerals, first.element_count, first.date) == (
        actor("china"),
        (group,),
        5,
        DateValue("2025-02"),
    )
    assert (second.kind, second.imposer, second.minerals, second.element_count, second.date) == (
        "export-control",
        actor("china"),
        (group,),
        3,
        DateValue("2025-05"),
    )
    assert first.key != second.key


def test_generic_element_count_takes_the_mineral_group_of_the_context(nlp, index):
    text = (
        "Rare earths are hard to refine. Rare earths matter for magnets. "
        "Seoul answered with export controls on four elements."
    )
    (found,) = controls(text, nlp, index)
    assert (found.imposer, found.minerals, found.element_count, found.date) == (
        actor("south-korea"),
        (mineral("rare-earth-elements"),),
        4,
        DateValue("2025"),
    )


def test_tariffs_by_a_demonym_government_against_a_state(nlp, index):
    (found,) = controls(
        "The Canadian government raised tariffs against Brazil in 2024.", nlp, index
    )
    assert (found.kind, found.imposer, found.targets, found.date) == (
        "tariff",
        actor("canada"),
        (actor("brazil"),),
        DateValue("2024"),
    )


def test_coordinated_restriction_shares_the_imposer_and_targets_the_other_state(nlp, index):
    text = "The dispute over Indian tariffs and technology restrictions hurt Japan."
    tariff, tech = controls(text, nlp, index)
    assert (tariff.kind, tariff.imposer, tariff.targets) == (
        "tariff",
        actor("india"),
        (actor("japan"),),
    )
    assert (tech.kind, tech.imposer, tech.targets) == (
        "technology-restriction",
        actor("india"),
        (actor("japan"),),
    )


@pytest.mark.parametrize(
    "text",
    [
        "Firms fear renewed export restrictions.",
        "The pact created obligations against export restrictions within the group.",
        "The pause secured in Osaka is temporary.",
        "Critics say the tariff confrontation will deepen.",
    ],
)
def test_no_control_without_an_imposer_or_a_control_noun(text, nlp, index):
    assert controls(text, nlp, index) == ()


@pytest.mark.parametrize(
    ("duration", "words"),
    [("P1Y", "one-year"), ("P6M", "six-month"), ("P18M", "18-month"), ("P2W", "two-week"),
     ("P1Y6M", "P1Y6M")],
)
def test_durations_read_as_adjectives_in_labels(duration: str, words: str) -> None:
    assert duration_words(duration) == words
