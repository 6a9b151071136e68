"""Extraction of six more invented articles in other publishers' styles (wire, government
release, think-tank commentary, trade press, explainer, regional outlet), with the shipped
reference data. Expected facts were written from each text as a careful analyst would read
it, before the extraction was run; each test checks the whole set of agreements and controls
(nothing spurious), and the events and figures that matter to the story.

Conventions: a control's date is when it applies ("starting August 1", "effective from
December 1"), else when it was imposed or announced; an agreement's date is when it was
signed or concluded, not the period it covers ("supply from 2026 to 2030"). As everywhere in
critmin, a government body acting for its state (a department, JOGMEC) is a party as that
state, while companies, state-owned ones included, are parties of their own; "critical
minerals" named with an agreement is its mineral group; an investment's place is a state.
Facts the extraction still misses are tested under ``xfail(strict=True)`` with the reason.
"""

from collections import Counter

import pytest
from graph_helpers import iri, read_article

from critmin.graph.base.statements import Agreement, Control, Extraction
from critmin.graph.base.values import DateValue
from critmin.graph.rules.extract import extract
from critmin.graph.text.nlp import make_pipeline
from critmin.graph.text.reference import ReferenceIndex, load_reference

ARTICLES = {  # file → document date, as a manifest would give it
    "wire_gallium_germanium.txt": "2023-07-03",
    "release_state_department.txt": "2025-09-24",
    "commentary_rare_earth_truce.txt": "2025-11-20",
    "trade_graphite_anodes.txt": "2025-12-18",
    "explainer_export_curbs.txt": "2025-06-10",
    "regional_drc_cobalt.txt": "2025-09-22",
}


@pytest.fixture(scope="module")
def extractions() -> dict[str, Extraction]:
    index = ReferenceIndex.from_graph(load_reference())
    nlp = make_pipeline()
    return {name: extract(read_article(name, date), nlp, index) for name, date in ARTICLES.items()}


def actor(slug: str):
    return iri("actor", slug)


def mineral(slug: str):
    return iri("mineral", slug)


def when(date: DateValue | None) -> str | None:
    if date is None:
        return None
    return date.start if date.end is None else f"{date.start}/{date.end}"


def agreement_row(agreement: Agreement) -> tuple:
    """Kind, parties, date and binding: the identity of an agreement in the table."""
    return (agreement.kind, frozenset(p.iri for p in agreement.parties), when(agreement.date),
            agreement.binding)


def control_row(control: Control) -> tuple:
    """Kind, imposer, targets, element count, date and duration of a control."""
    return (
        control.kind,
        control.imposer.iri if control.imposer else None,
        frozenset(t.iri for t in control.targets),
        control.element_count,
        when(control.date),
        control.duration,
    )


def control_minerals(extraction: Extraction) -> list[set]:
    """The minerals of each control, in text order."""
    return [{m.iri for m in c.minerals} for c in extraction.controls]


def agreement_with(extraction: Extraction, *parties: str) -> Agreement:
    (found,) = [a for a in extraction.agreements
                if {p.iri for p in a.parties} == {actor(p) for p in parties}]
    return found


def measurement_rows(extraction: Extraction) -> Counter:
    return Counter(
        (m.kind, m.share_of, m.subject.iri if m.subject else None,
         m.mineral.iri if m.mineral else None, m.quantity.value, m.quantity.per_unit)
        for m in extraction.measurements
    )


# --- wire: a licensing regime, a technology restriction recalled, an agreement recalled -----


def test_wire_agreements(extractions):
    extraction = extractions["wire_gallium_germanium.txt"]
    assert Counter(map(agreement_row, extraction.agreements)) == Counter({
        ("agreement", frozenset({actor("japan"), actor("united-states")}), "2023-03", None): 1,
    })


def test_wire_agreement_minerals_come_from_the_pact_sentence(extractions):
    (pact,) = extractions["wire_gallium_germanium.txt"].agreements
    assert {m.iri for m in pact.minerals} == {mineral("critical-minerals"), mineral("lithium"),
                                              mineral("cobalt"), mineral("nickel")}


def test_wire_controls(extractions):
    extraction = extractions["wire_gallium_germanium.txt"]
    assert Counter(map(control_row, extraction.controls)) == Counter({
        ("export-control", actor("china"), frozenset(), None, "2023-08-01", None): 1,
        ("technology-restriction", actor("united-states"), frozenset({actor("china")}), None,
         "2022-10", None): 1,
    })  # the headline restates the licensing rule; the Dutch plan is not a measure yet
    assert control_minerals(extraction) == [{mineral("gallium"), mineral("germanium")}, set()]


def test_wire_figures(extractions):
    extraction = extractions["wire_gallium_germanium.txt"]
    assert extraction.events == ()
    assert measurement_rows(extraction) == Counter({
        ("share", "production", actor("china"), mineral("gallium"), 98, None): 1,
        ("price", None, None, mineral("gallium-metal"), 315, "kilogram"): 1,
        ("forecast", None, None, mineral("gallium-metal"), 20, None): 1,  # "prices could climb"
        ("count", None, None, None, 8, None): 1,  # the products the rules cover
        ("count", None, None, None, 6, None): 1,
    })  # "two metals used in" describes the metals named: no count; "rose 5%" is a rate
    (share,) = [m for m in extraction.measurements if m.kind == "share"]
    assert share.according_to.iri == actor("us-geological-survey")


# --- government release: an MoU, a company offtake, a state-company partnership, financing --


def test_release_agreements(extractions):
    extraction = extractions["release_state_department.txt"]
    assert Counter(map(agreement_row, extraction.agreements)) == Counter({
        ("mou", frozenset({actor("united-states"), actor("kazakhstan")}), "2025-09-24",
         False): 1,
        ("agreement", frozenset({actor("lynas-rare-earths"), actor("kestrel-magnetics")}),
         "2025", None): 1,
        ("partnership", frozenset({actor("united-states"), actor("albemarle")}), "2025-08",
         None): 1,
    })  # the headline restates the memorandum; "Today's agreements" and the MSP are no new ones


def test_release_agreement_details(extractions):
    extraction = extractions["release_state_department.txt"]
    mou = agreement_with(extraction, "united-states", "kazakhstan")
    assert {m.iri for m in mou.minerals} == {mineral("critical-minerals"), mineral("tungsten"),
                                             mineral("rare-earth-elements")}
    assert {s.rsplit("#", 1)[-1] for s in mou.stages} == {"exploration", "processing"}
    offtake = agreement_with(extraction, "lynas-rare-earths", "kestrel-magnetics")
    assert [(q.value, q.currency) for q in offtake.amounts] == [(1_000_000_000, "USD")]
    assert {m.iri for m in offtake.minerals} == {mineral("dysprosium"), mineral("terbium")}
    partnership = agreement_with(extraction, "united-states", "albemarle")
    assert [m.iri for m in partnership.minerals] == [mineral("lithium-hydroxide")]


def test_release_controls_events_and_figures(extractions):
    extraction = extractions["release_state_department.txt"]
    assert extraction.controls == ()
    assert Counter(
        (e.kind, e.initiator.iri, e.place.iri if e.place else None,
         tuple((q.value, q.currency) for q in e.amounts))
        for e in extraction.events
    ) == Counter({
        ("investment", actor("us-international-development-finance-corporation"),
         actor("mozambique"), ((150_000_000, "USD"),)): 1,
        ("investment", actor("export-finance-australia"), actor("australia"),
         ((200_000_000, "AUD"),)): 1,
    })
    assert measurement_rows(extraction) == Counter({
        ("share", "production", actor("china"), mineral("graphite"), 77, None): 1,
    })


# --- think-tank commentary: controls and their suspensions, hedged talk of a treaty --------


def test_commentary_agreements(extractions):
    extraction = extractions["commentary_rare_earth_truce.txt"]
    assert Counter(map(agreement_row, extraction.agreements)) == Counter({
        ("agreement", frozenset({actor("european-union"), actor("chile")}), "2023-12", True): 1,
        ("agreement", frozenset({actor("g7")}), "2025-06", False): 1,  # the Action Plan
    })


def test_commentary_action_plan_is_a_non_binding_g7_agreement(extractions):
    extraction = extractions["commentary_rare_earth_truce.txt"]
    (plan,) = [a for a in extraction.agreements if actor("g7") in {p.iri for p in a.parties}]
    assert agreement_row(plan) == ("agreement", frozenset({actor("g7")}), "2025-06", False)


def test_commentary_stated_controls(extractions):
    extraction = extractions["commentary_rare_earth_truce.txt"]
    stated = [c for c in extraction.controls if c.kind == "export-control"]
    assert [control_row(c) for c in stated] == [
        ("export-control", actor("china"), frozenset(), 5, "2025-12-01", None),
        ("export-control", actor("china"), frozenset({actor("united-states")}), None, "2024-12",
         None),  # "its ban on exports of ... to the United States, announced in December 2024"
    ]
    assert [{m.iri for m in c.minerals} for c in stated] == [
        {mineral("rare-earth-elements"), mineral("holmium"), mineral("ytterbium")},
        {mineral("gallium"), mineral("germanium"), mineral("antimony")},
    ]  # "a legally binding treaty ... could lock in the truce": no agreement (tested above)


def test_commentary_suspensions(extractions):
    extraction = extractions["commentary_rare_earth_truce.txt"]
    assert Counter(map(control_row, extraction.controls)) == Counter({
        ("export-control", actor("china"), frozenset(), 5, "2025-12-01", None): 1,
        ("suspension", actor("china"), frozenset(), None, "2025-11-07", "P1Y"): 1,
        ("export-control", actor("china"), frozenset({actor("united-states")}), None,
         "2024-12", None): 1,
        ("suspension", actor("china"), frozenset(), None, "2025-11-09", "P1Y"): 1,
    })
    first, second = [c for c in extraction.controls if c.kind == "export-control"]
    acts = {c.date.start: c.acts_on for c in extraction.controls if c.kind == "suspension"}
    assert acts == {"2025-11-07": (first.key,), "2025-11-09": (second.key,)}


def test_commentary_meeting_and_figures(extractions):
    extraction = extractions["commentary_rare_earth_truce.txt"]
    (summit,) = extraction.events  # two heads of state met: a summit
    assert (summit.kind, summit.place.iri, when(summit.date)) == (
        "summit", iri("place", "busan"), "2025-10-30",
    )
    assert measurement_rows(extraction) == Counter({
        ("share", "mining", actor("china"), mineral("rare-earth-elements"), 69, None): 1,
        ("share", "processing", actor("china"), mineral("rare-earth-elements"), 90, None): 1,
        ("price", None, None, mineral("dysprosium-oxide"), 850, "kilogram"): 1,
    })
    (role,) = extraction.roles
    assert (role.person.label, role.title, role.organisation.label) == (
        "Lena Hartwig", "Senior Fellow", "Centre for Supply Chain Statecraft",
    )


@pytest.mark.xfail(strict=True, reason="a meeting's participants are the people who met; "
                   "their states are not added")
def test_commentary_summit_is_between_the_leaders_states(extractions):
    (summit,) = extractions["commentary_rare_earth_truce.txt"].events
    assert {p.iri for p in summit.participants} == {actor("united-states"), actor("china")}


# --- trade press: duties, a permit regime, company deals, a lifting of sanctions, prices ---


def test_trade_agreements(extractions):
    extraction = extractions["trade_graphite_anodes.txt"]
    assert Counter(map(agreement_row, extraction.agreements)) == Counter({
        ("agreement", frozenset({actor("syrah-resources"), actor("panasonic-energy")}),
         "2025-12-04", None): 1,
        ("framework", frozenset({actor("japan"), actor("sojitz")}), "2025", None): 1,
    })  # "from 2026 to 2029" is the supply period, not the date of the pact
    framework = agreement_with(extraction, "japan", "sojitz")
    assert [(q.value, q.currency) for q in framework.amounts] == [(12_000_000_000, "JPY")]


def test_trade_controls(extractions):
    extraction = extractions["trade_graphite_anodes.txt"]
    china, belarus = frozenset({actor("china")}), frozenset({actor("belarus")})
    assert [control_row(c) for c in extraction.controls] == [
        ("tariff", actor("united-states"), china, None, "2025-07", None),  # anti-dumping
        ("tariff", actor("united-states"), china, None, "2026-01-01", None),  # Section 301
        ("export-control", actor("china"), frozenset(), None, "2023-12", None),
        ("sanction", actor("united-states"), belarus, None, None, None),  # implied, undated
        ("lifting", actor("united-states"), belarus, None, "2025-12-13", None),
    ]
    graphite, potash = {mineral("graphite")}, {mineral("potash")}
    assert control_minerals(extraction)[1:] == [graphite, graphite, potash, potash]
    (sanction,) = [c for c in extraction.controls if c.kind == "sanction"]
    (lifting,) = [c for c in extraction.controls if c.kind == "lifting"]
    assert lifting.acts_on == (sanction.key,)


@pytest.mark.xfail(strict=True, reason="'active anode material' and 'anode prices' name no "
                   "mineral the reference data knows; the paragraph's graphite is not carried over")
def test_trade_anode_duty_and_forecast_are_about_graphite(extractions):
    extraction = extractions["trade_graphite_anodes.txt"]
    (forecast,) = [m for m in extraction.measurements if m.kind == "forecast"]
    assert (control_minerals(extraction)[0], forecast.mineral.iri) == (
        {mineral("graphite")}, mineral("graphite"),
    )


def test_trade_figures(extractions):
    extraction = extractions["trade_graphite_anodes.txt"]
    assert extraction.events == ()
    assert measurement_rows(extraction) == Counter({
        ("price", None, None, mineral("graphite"), 2950, "tonne"): 1,
        ("price", None, None, mineral("graphite"), 480, "tonne"): 1,
        ("share", "production", actor("china"), mineral("graphite"), 77, None): 1,
        ("share", "production", actor("china"), mineral("graphite"), 90, None): 1,
        ("forecast", None, None, None, 15, None): 1,  # mineral: see the xfail above
        ("price", None, None, mineral("potash"), 355, "tonne"): 1,
    })


# --- explainer: a timeline of controls, one per dated line ----------------------------------


def test_explainer_has_no_agreement_and_no_event(extractions):
    extraction = extractions["explainer_export_curbs.txt"]
    assert (extraction.agreements, extraction.events) == ((), ())


def test_explainer_controls(extractions):
    extraction = extractions["explainer_export_curbs.txt"]
    china, none = actor("china"), frozenset()
    assert [control_row(c) for c in extraction.controls] == [
        ("export-control", china, none, None, "2023-08-01", None),
        ("export-control", china, none, None, "2023-12-01", None),
        ("technology-restriction", china, none, None, "2023-12-21", None),
        ("export-control", china, none, None, "2024-09-15", None),
        ("export-control", china, none, 7, "2025-04-04", None),
        ("export-control", actor("indonesia"), none, None, "2020-01", None),
        ("export-control", actor("zimbabwe"), none, None, "2022-12", None),
    ]  # the title's "its mineral export controls" and "whatever happens to tariffs": generic
    minerals = control_minerals(extraction)
    assert minerals[:4] + minerals[5:] == [
        {mineral("gallium"), mineral("germanium")}, {mineral("graphite")},
        {mineral("rare-earth-elements")}, {mineral("antimony")}, {mineral("nickel")},
        {mineral("lithium")},
    ]


def test_explainer_april_controls_cover_rare_earths(extractions):
    april = extractions["explainer_export_curbs.txt"].controls[4]
    assert {m.iri for m in april.minerals} == {
        mineral("rare-earth-elements"), mineral("dysprosium"), mineral("terbium"),
    }


def test_explainer_figures(extractions):
    extraction = extractions["explainer_export_curbs.txt"]
    assert measurement_rows(extraction) == Counter({
        ("share", "processing", actor("china"), mineral("rare-earth-elements"), 90, None): 1,
    })
    (share,) = extraction.measurements
    assert share.according_to.iri == actor("international-energy-agency")


# --- regional outlet: an export suspension that is a control, quotas, two agreements ------


def test_regional_agreements(extractions):
    extraction = extractions["regional_drc_cobalt.txt"]
    assert Counter(map(agreement_row, extraction.agreements)) == Counter({
        ("agreement", frozenset({actor("democratic-republic-of-the-congo"), actor("rwanda")}),
         "2025-06-27", None): 1,
        ("letter-of-interest", frozenset({actor("gecamines"), actor("japan")}), "2025-08",
         None): 1,
    })
    letter = agreement_with(extraction, "gecamines", "japan")
    assert ([m.iri for m in letter.minerals], [s.rsplit("#", 1)[-1] for s in letter.stages]) == (
        [mineral("cobalt")], ["stockpiling"],
    )


def test_regional_controls(extractions):
    extraction = extractions["regional_drc_cobalt.txt"]
    congo = actor("democratic-republic-of-the-congo")
    assert Counter(map(control_row, extraction.controls)) == Counter({
        ("export-control", congo, frozenset(), None, "2025-02-22", "P4M"): 1,  # a suspension
        ("export-control", congo, frozenset(), None, "2025-10-16", None): 1,  # of exports, then
        ("export-control", actor("indonesia"), frozenset(), None, "2020-01", None): 1,  # quotas
    })  # "extended the suspension in June" extends the first: no new measure
    assert sorted(map(sorted, control_minerals(extraction))) == [
        [mineral("cobalt")], [mineral("cobalt")], [mineral("nickel")],
    ]


def test_regional_figures(extractions):
    extraction = extractions["regional_drc_cobalt.txt"]
    assert extraction.events == ()
    assert measurement_rows(extraction) == Counter({
        ("share", "production", actor("democratic-republic-of-the-congo"), mineral("cobalt"),
         70, None): 1,
        ("price", None, None, mineral("cobalt"), 33000, "tonne"): 1,
    })
