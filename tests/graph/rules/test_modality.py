"""How a clause puts a statement: stated, denied, hypothetical, negotiated, proposed ..."""

import pytest

from critmin.graph.rules.modality import MODALITIES, governing_start, modality, modality_after


def modality_of(text: str, trigger: str) -> str:
    begin = text.index(trigger)
    return modality(text, 0, begin, begin + len(trigger))


def after_of(text: str, trigger: str) -> str | None:
    begin = text.index(trigger)
    return modality_after(text, 0, len(text), begin, begin + len(trigger))


def test_the_modalities():
    assert MODALITIES == (
        "stated", "denied", "hypothetical", "negotiated", "proposed", "initialled", "planned",
        "threatened",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Chile signed a pact with Japan.", "pact", "stated"),
        ("Chile did not sign a pact with Japan.", "pact", "denied"),
        ("Chile never reached a deal.", "deal", "denied"),
        ("There was no deal.", "deal", "denied"),
        ("Chile signed a pact rather than a treaty.", "treaty", "denied"),
        ("Chile signed the pact instead of a treaty.", "treaty", "denied"),
        ("If Chile signs a pact, Japan will follow.", "pact", "hypothetical"),
        ("Had Chile agreed a pact, prices would fall.", "pact", "hypothetical"),
        ("Any deal must include Japan.", "deal", "hypothetical"),
        ("Chile could sign a pact.", "pact", "hypothetical"),
        ("Chile would have signed a pact.", "pact", "hypothetical"),
        ("Chile and Japan are in talks on a pact.", "pact", "negotiated"),
        ("Chile began negotiations towards a trade pact.", "pact", "negotiated"),
        ("Chile and Japan agreed to open negotiations on a pact.", "pact", "negotiated"),
        ("Chile proposed a pact with Japan.", "pact", "proposed"),
        ("A draft agreement was circulated.", "agreement", "proposed"),
        ("Chile is considering a pact.", "pact", "proposed"),
        ("Chile offered a pact.", "pact", "proposed"),
        ("Chile initialled a pact with Japan.", "pact", "initialled"),
        ("Chile provisionally agreed a pact.", "pact", "initialled"),
        ("Chile will sign a pact with Japan.", "pact", "planned"),
        ("Chile plans to sign a pact with Japan.", "pact", "planned"),
        ("Chile is expected to sign a pact.", "pact", "planned"),
        ("Chile threatened to scrap the pact.", "pact", "threatened"),
        ("Chile warned of export curbs.", "export curbs", "threatened"),
    ],
)
def test_the_cue_governing_a_trigger_decides(text, trigger, expected):
    assert modality_of(text, trigger) == expected


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rare earths may not be exported without a licence.", "exported"),
        ("Chile signed a non-binding pact with Japan.", "pact"),
        ("Chile signed a pact that is not legally binding.", "pact"),
        ("Chile ships ore under a supply deal it concluded with Japan.", "supply deal"),
    ],
)
def test_negations_and_modals_that_are_part_of_the_statement_are_no_cue(text, trigger):
    assert modality_of(text, trigger) == "stated"


def test_the_nearest_cue_before_the_trigger_wins():
    assert modality_of("Unless Chile pays, Japan will impose tariffs.", "tariffs") == "planned"


def test_cues_before_a_clause_boundary_do_not_govern():
    assert modality_of("Chile talked for months; Chile signed a pact.", "pact") == "stated"
    assert modality_of("Chile could wait, but Japan signed a pact.", "pact") == "stated"


def test_the_clause_starts_after_the_last_boundary():
    assert governing_start("Chile met Japan; it signed a pact.", 0, 25) == 16
    assert governing_start("Chile met Japan, but it signed a pact.", 0, 30) == 20
    assert governing_start("Chile signed a pact.", 0, 15) == 0


def test_a_deal_that_never_happened_is_denied():
    assert modality_of("Japan wanted a deal that never happened.", "deal") == "denied"


def test_refusing_to_sign_is_a_denial():
    assert modality_of("Japan refused to sign the pact.", "pact") == "denied"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("A new levy on chips could arrive soon.", "levy", "hypothetical"),
        ("The tariff will take effect in May.", "tariff", "planned"),
        ("The tariff is due to start in May.", "tariff", "planned"),
        ("The tariff took effect in May.", "tariff", None),
        ("The ban will not apply to Chile.", "ban", None),
        ("The rare earths may not be exported.", "rare earths", None),
        ("Quotas that limited what miners could ship were lifted.", "Quotas", None),
        ("Chile is a possible candidate for the pact.", "pact", None),  # not the subject
    ],
)
def test_the_predicate_of_a_trigger_heading_its_subject(text, trigger, expected):
    assert after_of(text, trigger) == expected
