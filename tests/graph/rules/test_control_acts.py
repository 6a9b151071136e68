"""Acts on controls (pauses, suspensions, liftings) on test sentences."""

from graph_helpers import actor, extract_text, mineral

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Obligation
from critmin.graph.base.values import DateValue


def controls(text, nlp, index):
    return extract_text(text, nlp, index).controls


def test_suspension_acts_on_the_control_and_names_what_it_was_exchanged_for(nlp, index):
    text = (
        "Chile imposed lithium export duties in March. In June, a six-month suspension of "
        "Chile's lithium export duties was agreed in exchange for tariff reductions."
    )
    duties, suspension = controls(text, nlp, index)
    assert (duties.kind, duties.imposer, duties.minerals, duties.date) == (
        "export-control",
        actor("chile"),
        (mineral("lithium"),),
        DateValue("2025-03"),
    )
    assert (suspension.kind, suspension.imposer, suspension.duration, suspension.date) == (
        "suspension",
        actor("chile"),
        "P6M",
        DateValue("2025-06"),
    )
    assert suspension.acts_on == (duties.key,)
    assert suspension.in_exchange_for == (Obligation(CM.TariffReduction, "tariff reductions"),)
    assert suspension.status is None


def test_pause_without_an_earlier_control_makes_the_control_it_pauses(nlp, index):
    text = "A two-year pause on Indonesia's nickel export ban was announced."
    ban, pause = controls(text, nlp, index)
    assert (ban.kind, ban.imposer, ban.minerals) == (
        "export-control",
        actor("indonesia"),
        (mineral("nickel"),),
    )
    assert (pause.kind, pause.duration, pause.acts_on) == ("pause", "P2Y", (ban.key,))


def test_pause_acts_on_every_control_of_that_imposer(nlp, index):
    text = (
        "Beijing curbed exports of graphite in March and restricted exports of cobalt in May. "
        "A one-year pause on China's export controls followed."
    )
    graphite, cobalt, pause = controls(text, nlp, index)
    assert (graphite.minerals, cobalt.minerals) == ((mineral("graphite"),), (mineral("cobalt"),))
    assert (pause.imposer, pause.duration, pause.acts_on) == (
        actor("china"),
        "P1Y",
        (graphite.key, cobalt.key),
    )


def test_lifting_of_sanctions_with_its_target_implies_the_sanctions(nlp, index):
    sanctions, lifting = controls("In August, Washington lifted sanctions on Myanmar.", nlp, index)
    assert (lifting.kind, lifting.imposer, lifting.targets, lifting.date) == (
        "lifting",
        actor("united-states"),
        (actor("myanmar"),),
        DateValue("2025-08"),
    )
    assert lifting.label == "United States lifting of sanctions on Myanmar"
    assert lifting.acts_on == (sanctions.key,)
    assert (sanctions.kind, sanctions.imposer, sanctions.targets, sanctions.date) == (
        "sanction",
        actor("united-states"),
        (actor("myanmar"),),
        None,
    )
    assert sanctions.label == "United States sanctions on Myanmar"


def test_lifting_acts_on_the_stated_control_of_its_kind_and_imposer(nlp, index):
    text = (
        "Mongolia imposed tariffs on Chinese trucks in 2023 and tariffs on Japanese cars. "
        "The Mongolian government lifted tariffs on Chinese trucks in 2024."
    )
    trucks, cars, lifting = controls(text, nlp, index)
    assert (trucks.kind, trucks.imposer, trucks.targets) == (
        "tariff",
        actor("mongolia"),
        (actor("china"),),
    )
    assert (cars.targets, lifting.kind, lifting.imposer, lifting.targets, lifting.date) == (
        (actor("japan"),),
        "lifting",
        actor("mongolia"),
        (actor("china"),),
        DateValue("2024"),
    )
    assert lifting.acts_on == (trucks.key,)


def test_lifting_target_from_the_paragraph(nlp, index):
    text = (
        "Burma drew new interest. "
        "In May, the Trump administration eased sanctions on several firms."
    )
    sanctions, lifting = controls(text, nlp, index)
    assert (lifting.imposer, lifting.targets, lifting.date, lifting.acts_on) == (
        actor("united-states"),
        (actor("myanmar"),),
        DateValue("2025-05"),
        (sanctions.key,),
    )
    assert (sanctions.kind, sanctions.imposer, sanctions.targets) == (
        "sanction",
        actor("united-states"),
        (actor("myanmar"),),
    )


def test_pause_without_an_owner_is_of_the_pausing_agent(nlp, index):
    tariffs, pause = controls(
        "Canada agreed to a six-month freeze on tariffs in March.", nlp, index
    )
    assert (tariffs.kind, tariffs.imposer, tariffs.date) == (
        "tariff",
        actor("canada"),
        DateValue("2025"),
    )
    assert (pause.kind, pause.imposer, pause.duration, pause.acts_on, pause.date) == (
        "pause",
        actor("canada"),
        "P6M",
        (tariffs.key,),
        DateValue("2025-03"),
    )


def test_an_undated_pause_follows_the_latest_control_it_acts_on(nlp, index):
    text = (
        "Beijing curbed exports of graphite in March and of cobalt in June.\n"
        "Beijing restricted exports of gallium in August. A pause on China's export controls "
        "was then announced."
    )
    graphite, gallium, pause = controls(text, nlp, index)
    assert (graphite.date, gallium.date) == (DateValue("2025-03"), DateValue("2025-08"))
    assert pause.acts_on == (graphite.key, gallium.key)
    assert pause.date == DateValue("2025-08", approximate=True)


def test_suspension_by_verb_acts_on_the_last_control_of_its_agent(nlp, index):
    text = (
        "Jakarta restricted nickel exports in February. "
        "On April 3, Indonesia suspended the February measures for six months."
    )
    ban, suspension = controls(text, nlp, index)
    assert (ban.kind, ban.imposer, ban.minerals, ban.date) == (
        "export-control", actor("indonesia"), (mineral("nickel"),), DateValue("2025-02"),
    )  # fmt: skip
    assert (suspension.kind, suspension.imposer, suspension.date, suspension.duration) == (
        "suspension", actor("indonesia"), DateValue("2025-04-03"), "P6M",
    )  # fmt: skip
    assert (suspension.acts_on, suspension.minerals) == ((ban.key,), (mineral("nickel"),))


def test_suspension_by_verb_until_a_date_implies_the_matching_control(nlp, index):
    text = (
        "Canberra curbed lithium exports in 2023. On March 4 Australia suspended, until March "
        "2027, its ban on exports of cobalt and graphite to Japan, which it had imposed in "
        "January 2024."
    )
    lithium, ban, suspension = controls(text, nlp, index)
    assert lithium.minerals == (mineral("lithium"),)
    assert (ban.kind, ban.imposer, ban.targets, ban.minerals, ban.date) == (
        "export-control", actor("australia"), (actor("japan"),),
        (mineral("cobalt"), mineral("graphite")), DateValue("2024-01"),
    )  # fmt: skip
    assert (suspension.kind, suspension.imposer, suspension.date, suspension.duration) == (
        "suspension", actor("australia"), DateValue("2025-03-04"), "P2Y",
    )  # fmt: skip
    assert suspension.acts_on == (ban.key,)  # not the lithium curbs: no mineral in common


def test_passive_suspension_acts_on_the_paragraphs_control(nlp, index):
    text = (
        "South Korea imposed graphite export controls in January. "
        "The controls were suspended for 18 months in July."
    )
    imposed, suspension = controls(text, nlp, index)
    assert (imposed.imposer, imposed.date) == (actor("south-korea"), DateValue("2025-01"))
    assert (suspension.kind, suspension.imposer, suspension.date, suspension.duration) == (
        "suspension", actor("south-korea"), DateValue("2025-07"), "P18M",
    )  # fmt: skip
    assert suspension.acts_on == (imposed.key,)


def test_suspending_exports_talks_or_generic_bans_is_no_act(nlp, index):
    text = (
        "Seoul suspended cobalt exports for three months in May. Japan suspended talks with "
        "Chile in June. Officials say the quotas stay even where specific bans are suspended."
    )
    (ban,) = controls(text, nlp, index)
    assert (ban.kind, ban.imposer, ban.minerals, ban.date, ban.duration) == (
        "export-control", actor("south-korea"), (mineral("cobalt"),), DateValue("2025-05"), "P3M",
    )  # fmt: skip
