"""Acts on control measures (control_acts): pauses, liftings and replacements, as the
extraction gives them."""

import pytest
from graph_helpers import actor, extract_text, mineral

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Obligation
from critmin.graph.base.values import DateValue

LEAD = "Markets were calm. "
GRAPHITE_CONTROLS = LEAD + "China imposed export controls on graphite on 9 October. "
GRAPHITE_LABEL = "People's Republic of China export control on graphite (2025-10-09)"


def controls(text, nlp, index):
    return extract_text(text, nlp, index).controls


def test_a_pause_for_one_year_until_its_end(nlp, index):
    text = GRAPHITE_CONTROLS + (
        "On 7 November, Beijing paused the controls for one year, until 10 November 2026."
    )
    measure, pause = controls(text, nlp, index)
    assert (measure.kind, measure.imposer, measure.minerals, measure.date) == (
        "export-control",
        actor("china"),
        (mineral("graphite"),),
        DateValue("2025-10-09"),
    )
    assert (pause.kind, pause.imposer, pause.minerals, pause.date, pause.duration) == (
        "pause",
        actor("china"),
        (mineral("graphite"),),
        DateValue("2025-11-07"),
        "P1Y",
    )
    assert (pause.acts_on, pause.modality, pause.targets) == ((measure.key,), "stated", ())
    assert measure.label == GRAPHITE_LABEL
    assert pause.label == f"People's Republic of China pause of {GRAPHITE_LABEL}"
    assert text[pause.evidence.anchor.begin : pause.evidence.anchor.end].startswith(
        "On 7 November, Beijing paused the controls"
    )


def test_the_end_of_a_pause_gives_its_duration_in_months(nlp, index):
    text = GRAPHITE_CONTROLS + "On 7 November, Beijing paused the controls until 7 March 2026."
    measure, pause = controls(text, nlp, index)
    assert (pause.kind, pause.date, pause.duration, pause.acts_on) == (
        "pause",
        DateValue("2025-11-07"),
        "P4M",
        (measure.key,),
    )


def test_a_pause_for_one_year_without_its_end(nlp, index):
    text = GRAPHITE_CONTROLS + "On 7 November, Beijing paused the controls for one year."
    _, pause = controls(text, nlp, index)
    assert (pause.kind, pause.duration) == ("pause", "P1Y")


@pytest.mark.parametrize(
    ("words", "duration"),
    [
        ("a one-year pause on", "P1Y"),
        ("a six-month pause on", "P6M"),
        ("an 18-month freeze on", "P18M"),
    ],
)
def test_a_duration_read_as_an_adjective(nlp, index, words, duration):
    text = (
        LEAD
        + f"Chile imposed lithium export duties in March. In June, {words} the duties was agreed."
    )
    duties, pause = controls(text, nlp, index)
    assert (duties.kind, duties.imposer, duties.minerals, duties.date) == (
        "export-duty",
        actor("chile"),
        (mineral("lithium"),),
        DateValue("2025-03"),
    )
    assert (pause.kind, pause.imposer, pause.date, pause.duration, pause.acts_on) == (
        "pause",
        actor("chile"),
        DateValue("2025-06"),
        duration,
        (duties.key,),
    )


def test_a_suspension_names_what_it_was_exchanged_for(nlp, index):
    text = LEAD + (
        "Chile imposed lithium export duties in March. In June, a six-month suspension of "
        "Chile's lithium export duties was agreed in exchange for tariff reductions."
    )
    duties, suspension = controls(text, nlp, index)
    assert (suspension.kind, suspension.imposer, suspension.duration, suspension.date) == (
        "pause",
        actor("chile"),
        "P6M",
        DateValue("2025-06"),
    )
    assert suspension.acts_on == (duties.key,)
    assert suspension.in_exchange_for == (Obligation(CM.TariffReduction, "tariff reductions"),)
    assert suspension.label == "Chile pause of Chile export duty on lithium (2025-03)"


def test_a_pause_on_plural_controls_acts_on_each_of_them(nlp, index):
    text = LEAD + (
        "Beijing curbed exports of graphite in March. Beijing restricted exports of cobalt in "
        "May. Beijing then agreed a twelve-month pause of all its export controls."
    )
    graphite, cobalt, pause = controls(text, nlp, index)
    assert (graphite.minerals, graphite.date) == ((mineral("graphite"),), DateValue("2025-03"))
    assert (cobalt.minerals, cobalt.date) == ((mineral("cobalt"),), DateValue("2025-05"))
    assert (pause.kind, pause.imposer, pause.duration, pause.acts_on) == (
        "pause",
        actor("china"),
        "P1Y",
        (graphite.key, cobalt.key),
    )
    assert pause.minerals == (mineral("graphite"), mineral("cobalt"))
    # Undated: approximately the latest date of what it pauses.
    assert pause.date == DateValue("2025-05", approximate=True)


def test_suspending_the_export_controls_is_a_pause(nlp, index):
    text = GRAPHITE_CONTROLS + (
        "On 7 November, Beijing suspended the export controls until 10 November 2026."
    )
    measure, pause = controls(text, nlp, index)
    assert (pause.kind, pause.date, pause.duration, pause.acts_on) == (
        "pause",
        DateValue("2025-11-07"),
        "P1Y",
        (measure.key,),
    )


def test_lifting_of_a_ban_with_its_target(nlp, index):
    text = LEAD + (
        "China banned exports of gallium to the United States in December 2024. "
        "In November 2025, Beijing lifted the ban on gallium exports to the United States."
    )
    ban, lifting = controls(text, nlp, index)
    assert (ban.kind, ban.imposer, ban.targets, ban.minerals, ban.date) == (
        "export-ban",
        actor("china"),
        (actor("united-states"),),
        (mineral("gallium"),),
        DateValue("2024-12"),
    )
    assert (lifting.kind, lifting.imposer, lifting.targets, lifting.minerals, lifting.date) == (
        "lifting",
        actor("china"),
        (actor("united-states"),),
        (mineral("gallium"),),
        DateValue("2025-11"),
    )
    assert (lifting.acts_on, lifting.duration, lifting.modality) == ((ban.key,), None, "stated")
    assert lifting.label == (
        "People's Republic of China lifting of "
        "People's Republic of China export ban on gallium to United States (2024-12)"
    )


def test_a_lifting_whose_subject_is_the_measure(nlp, index):
    text = (
        LEAD + "China set export quotas on rare earths in 2010. The quotas were scrapped in 2015."
    )
    quotas, lifting = controls(text, nlp, index)
    assert (quotas.kind, quotas.imposer, quotas.minerals, quotas.date) == (
        "export-quota",
        actor("china"),
        (mineral("rare-earth-elements"),),
        DateValue("2010"),
    )
    assert (lifting.kind, lifting.imposer, lifting.date, lifting.acts_on) == (
        "lifting",
        actor("china"),
        DateValue("2015"),
        (quotas.key,),
    )


def test_a_lifting_of_sanctions_is_aimed_at_the_other_state(nlp, index):
    text = LEAD + "In August, Washington lifted sanctions on Myanmar."
    sanctions, lifting = controls(text, nlp, index)
    assert (sanctions.kind, sanctions.imposer, sanctions.label) == (
        "sanction",
        actor("united-states"),
        "United States sanction (2025)",
    )
    assert (lifting.kind, lifting.imposer, lifting.targets, lifting.date, lifting.acts_on) == (
        "lifting",
        actor("united-states"),
        (actor("myanmar"),),
        DateValue("2025-08"),
        (sanctions.key,),
    )


def test_an_instrument_repealed_by_the_new_order_is_replaced(nlp, index):
    text = LEAD + (
        "Chile banned exports of raw lithium under Regulation 12 of 2022. "
        "In March 2025 Chile banned exports of lithium concentrate under Regulation 7 of 2025. "
        "Regulation 12 of 2022 stands repealed by this order."
    )
    old, new = controls(text, nlp, index)
    assert (old.kind, old.imposer, old.minerals, old.date, old.replaces) == (
        "export-control",
        actor("chile"),
        (mineral("lithium"),),
        DateValue("2022"),
        (),
    )
    assert (new.kind, new.imposer, new.minerals, new.date, new.replaces) == (
        "export-control",
        actor("chile"),
        (mineral("lithium"),),
        DateValue("2025-03"),
        (old.key,),
    )
    assert new.acts_on == ()  # "repealed by" is a replacement, not a lifting


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan suspended talks with Chile in June.",
        pytest.param(
            "Officials say the quotas stay even where specific bans are suspended.",
            marks=pytest.mark.xfail(
                strict=True,
                reason="a passive act whose subject ('specific bans') is not the last measure "
                "still acts on it",
            ),
        ),
    ],
)
def test_suspending_something_else_is_no_act(nlp, index, sentence):
    text = LEAD + "China imposed export duties on graphite in May. " + sentence
    (duties,) = controls(text, nlp, index)
    assert (duties.kind, duties.imposer, duties.date) == (
        "export-duty",
        actor("china"),
        DateValue("2025-05"),
    )
