"""Extraction of whole documents: keys, links between statements, noise, logging, seed corpus."""

import logging
from pathlib import Path

import pytest
import yaml
from graph_helpers import actor, iri, make_document, mineral, read_article, words

from critmin.graph.base.documents import Document
from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Control
from critmin.graph.base.values import DateValue, Entity, Evidence, Span
from critmin.graph.rules.contract import Rule
from critmin.graph.rules.extract import RULES, _keyed, check_order, extract
from critmin.graph.text.nlp import make_pipeline
from critmin.graph.text.reference import REFERENCE_FOLDER, ReferenceIndex, load_reference

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "seeds.yaml"


STORY = (
    "Indonesia restricted exports of nickel in March. Australia and Indonesia met in Osaka "
    "in May, where both sides settled on a framework containing a two-year pause of "
    "Indonesia's export controls.\nShare this article\n"
    "Mongolia holds vast reserves of cobalt."
)
"""A ban, a meeting whose outcome is a framework and a pause of the ban, and a source."""

TWO_AGREEMENTS = (
    "Canada and Germany concluded a cobalt partnership in May.\n\n"
    "Jakarta restricted exports of nickel in March, after Australian tariffs on Indonesian "
    "steel. A six-month suspension of Indonesia's nickel export ban was agreed at the "
    "Osaka Summit in exchange for tariff cuts and wheat purchases."
)
"""A stated agreement, then one implied by a bargain."""


def all_keys(extraction):
    return [
        s.key
        for group in (
            extraction.agreements,
            extraction.controls,
            extraction.events,
            extraction.measurements,
            extraction.supply_sources,
        )
        for s in group
    ]


def test_keys_are_unique_and_statements_linked(nlp, index):
    extraction = extract(make_document(STORY), nlp, index)
    assert all_keys(extraction) == [
        "agreement-1",
        "control-1",
        "control-2",
        "event-1",
        "source-1",
    ]
    (framework,) = extraction.agreements
    ban, pause = extraction.controls
    (meeting,) = extraction.events
    assert (framework.kind, framework.parties, framework.date, framework.modality) == (
        "framework",
        (actor("australia"), actor("indonesia")),
        DateValue("2025-05"),
        "stated",
    )
    assert framework.agreed_at == meeting.key
    assert (ban.kind, ban.imposer, ban.date) == (
        "export-control",
        actor("indonesia"),
        DateValue("2025-03"),
    )
    assert (pause.kind, pause.acts_on, pause.agreed_in, pause.duration) == (
        "pause",
        (ban.key,),
        framework.key,
        "P2Y",
    )
    assert (meeting.kind, meeting.participants, meeting.outcomes) == (
        "meeting",
        (actor("australia"), actor("indonesia")),
        (framework.key, pause.key),
    )
    (source,) = extraction.supply_sources
    assert (source.located_in, source.minerals) == (
        actor("mongolia"),
        (mineral("cobalt"),),
    )


def test_implied_agreements_are_numbered_after_the_stated_ones(nlp, index):
    extraction = extract(make_document(TWO_AGREEMENTS), nlp, index)
    keys = all_keys(extraction)
    assert len(keys) == len(set(keys))
    partnership, framework = extraction.agreements
    ban, tariffs, suspension = extraction.controls
    (summit,) = extraction.events
    assert (partnership.key, partnership.kind, partnership.parties) == (
        "agreement-1",
        "partnership",
        (actor("canada"), actor("germany")),
    )
    assert (framework.key, framework.kind, framework.parties) == (
        "agreement-2",
        "framework",
        (actor("indonesia"), actor("australia")),
    )
    assert [c.key for c in (ban, tariffs, suspension)] == ["control-1", "control-2", "control-3"]
    assert (suspension.acts_on, suspension.agreed_in) == (("control-1",), "agreement-2")
    assert (summit.key, summit.outcomes) == ("event-1", ("agreement-2", "control-3"))
    assert (partnership.agreed_at, framework.agreed_at) == (None, "event-1")


def test_keys_are_given_in_order_and_references_between_statements_rewritten():
    evidence = Evidence(Span(0, 10), Span(0, 10))
    ban = Control("new-1", "export-ban", "ban", evidence)
    pause = Control("new-2", "pause", "pause", evidence, acts_on=("new-1", "control-1"))
    counters = {"control": 1}  # one control keyed by an earlier rule
    keyed = _keyed([ban, pause], "controls", counters)
    assert [c.key for c in keyed] == ["control-2", "control-3"]
    assert keyed[1].acts_on == ("control-2", "control-1")  # earlier keys are left as they are
    assert counters == {"control": 3}


def test_a_rule_may_not_run_before_the_rules_it_reads():
    check_order(RULES)
    first = Rule(name="first", find=lambda reading, found: [])
    second = Rule(name="second", find=lambda reading, found: [], after=("first",))
    with pytest.raises(ValueError, match="rule second runs before first"):
        check_order((second, first))


def test_nothing_is_taken_from_noise(nlp, index):
    text = (
        "Also Read: Chile restricted exports of lithium in March\n"
        "Brazil restricted exports of graphite in May."
    )
    document = Document("noisy.txt", text, "0" * 64, date="2025-06-30", noise=((0, 55),))
    extraction = extract(document, nlp, index)
    assert [c.imposer for c in extraction.controls] == [actor("brazil")]
    assert all(m.span.begin >= 56 for m in extraction.mentions)


def test_counts_are_logged(nlp, index, caplog):
    with caplog.at_level(logging.INFO, logger="critmin.extract"):
        extract(make_document(STORY), nlp, index)
    (record,) = caplog.records
    assert record.getMessage() == (
        "test.txt: 1 agreements, 1 events, 2 controls, 0 implied-agreements, "
        "0 measurements, 0 roles, 1 supply-sources"
    )


def test_every_anchor_has_at_most_eleven_words(nlp, index):
    extraction = extract(make_document(STORY), nlp, index)
    statements = [
        *extraction.agreements,
        *extraction.controls,
        *extraction.events,
        *extraction.measurements,
        *extraction.roles,
        *extraction.supply_sources,
    ]
    assert len(statements) == 5
    for statement in statements:
        anchor = statement.evidence.anchor
        assert 0 < len(words(STORY[anchor.begin : anchor.end])) <= 11


# --- the seed corpus against the hand-made gold facts -------------------------------------


@pytest.fixture(scope="module")
def seed():
    """Extractions of the seed corpus with the shipped reference data, and the gold facts."""
    if not CORPUS.is_dir() or not GOLD.is_file():
        pytest.skip(f"seed corpus or gold facts not found at {SHARED} (kept outside the repo)")
    if not any(REFERENCE_FOLDER.glob("*.ttl")):
        pytest.skip("graph/reference/*.ttl not written yet")
    from critmin.graph.text.corpus import read_corpus

    index = ReferenceIndex.from_graph(load_reference())
    nlp = make_pipeline()
    extractions = {d.file_name: extract(d, nlp, index) for d in read_corpus(CORPUS)}
    gold = {entry["doc"]: entry for entry in yaml.safe_load(GOLD.read_text(encoding="utf-8"))}
    return index, extractions, gold


def _iri(index: ReferenceIndex, name: str):
    found = [a.iri for a in index.lookup(name)]
    assert found, f"gold name not in the reference data: {name}"
    return found[0]


def _date(value) -> str:
    return value.start if value.end is None else f"{value.start}/{value.end}"


def _binding(value) -> str:
    return {True: "true", False: "false", None: "unknown"}[value]


def _same_kind(gold_kind: str, kind: str, parties: int) -> bool:
    return gold_kind == kind or (kind == "group" and parties >= 4)


def test_seed_agreements_match_gold(seed):
    index, extractions, gold = seed
    found = right_date = right_binding = total = 0
    for name, entry in gold.items():
        extraction = extractions[name]
        print(f"\n{name}: {len(extraction.agreements)} agreements")
        for agreement in extraction.agreements:
            text = extraction.document.text
            anchor = text[agreement.evidence.anchor.begin : agreement.evidence.anchor.end]
            print(
                f"  {agreement.kind:11} {agreement.label}"
                f" | {agreement.date and _date(agreement.date)}"
                f" | binding {_binding(agreement.binding)} | {anchor}"
            )
        for fact in entry["agreements"]:
            total += 1
            parties = {_iri(index, p) for p in fact["parties"]}
            match = next(
                (
                    a
                    for a in extraction.agreements
                    if {p.iri for p in a.parties} == parties
                    and _same_kind(fact["kind"], a.kind, len(parties))
                ),
                None,
            )
            if match is None:
                print(f"  MISSED {fact['id']} {fact['label']}")
                continue
            found += 1
            right_date += str(fact["date"]) == _date(match.date)
            right_binding += str(fact["binding"]).lower() == _binding(match.binding)
    print(
        f"\nagreements: parties+kind {found}/{total}, date {right_date}/{total}, "
        f"binding {right_binding}/{total}"
    )
    assert found / total >= 0.8
    assert right_date / total >= 0.6
    assert right_binding / total >= 0.8


def test_seed_controls_match_gold(seed):
    index, extractions, gold = seed
    found = right = total = 0
    for name, entry in gold.items():
        extraction = extractions[name]
        print(f"\n{name}: {len(extraction.controls)} controls")
        for control in extraction.controls:
            print(f"  {control.kind:22} {control.label} acts_on={control.acts_on}")
        for fact in entry["controls"]:
            total += 1
            imposer = _iri(index, fact["imposer"])
            kind = "lifting" if fact["kind"].endswith("lifting") else fact["kind"]
            candidates = [
                c
                for c in extraction.controls
                if c.kind == kind
                and c.imposer
                and c.imposer.iri == imposer
                and c.element_count == fact.get("element_count")
            ]
            if not candidates:
                print(f"  MISSED {fact['id']} {fact['label']}")
                continue
            found += 1
            right += any(c.date and c.date.start == str(fact["date"]) for c in candidates)
    print(f"\ncontrols: kind+imposer+count {found}/{total}, date {right}/{total}")
    assert found / total >= 0.8
    assert right / total >= 0.7


def test_seed_statements_have_short_anchors_and_print_the_rest(seed):
    _, extractions, _ = seed
    for name, extraction in extractions.items():
        text = extraction.document.text
        print(f"\n{name}")
        for group in ("events", "measurements", "roles", "supply_sources"):
            for statement in getattr(extraction, group):
                anchor = text[statement.evidence.anchor.begin : statement.evidence.anchor.end]
                assert len(words(anchor)) <= 11
                label = getattr(statement, "label", None) or getattr(statement, "title", "")
                print(f"  {group[:-1]:13} {label} | {anchor}")


# --- invented articles in other publishers' styles, with the shipped reference data --------

ARTICLES = {  # file → document date, as a manifest would give it
    "wire_nickel_cobalt.txt": "2025-03-12",
    "brief_floors_stockpiles.txt": "2025-10-01",
    "trade_tungsten.txt": "2025-09-15",
}


@pytest.fixture(scope="module")
def shipped():
    """The shipped reference data, and one extraction per invented article."""
    index = ReferenceIndex.from_graph(load_reference())
    nlp = make_pipeline()
    extractions = {
        name: extract(read_article(name, date), nlp, index) for name, date in ARTICLES.items()
    }
    return index, extractions


def ref(kind: str, slug: str) -> Entity:
    return Entity(iri(kind, slug))


def statements(extraction):
    return (extraction.agreements, extraction.controls, extraction.events, extraction.measurements)


def test_wire_report_of_a_ban_a_partnership_and_a_pledge(shipped):
    _, extractions = shipped
    agreements, controls, events, measurements = statements(extractions["wire_nickel_cobalt.txt"])
    (partnership,) = agreements
    assert (
        partnership.kind,
        set(partnership.parties),
        partnership.date,
        partnership.binding,
        partnership.minerals,
        partnership.amounts,
    ) == (
        "partnership",
        {ref("actor", "united-states"), ref("actor", "democratic-republic-of-the-congo")},
        DateValue("2025-03-10"),
        False,  # "not legally binding"
        (ref("mineral", "cobalt"),),
        (),
    )
    (ban,) = controls
    assert (ban.kind, ban.imposer, ban.minerals, ban.date, ban.element_count, ban.targets) == (
        "export-control",
        ref("actor", "indonesia"),
        (ref("mineral", "nickel"),),
        DateValue("2025-02"),
        None,
        (),
    )
    (pledge,) = events
    assert (pledge.kind, pledge.initiator, pledge.stages, pledge.label) == (
        "investment",
        ref("actor", "united-states"),
        (CM.refining,),
        "United States investment in local refining",
    )
    assert [(q.value, q.currency) for q in pledge.amounts] == [(300_000_000, "USD")]
    assert measurements == ()  # "could lift nickel prices by 2027" states no figure


def test_think_tank_brief_of_an_mou_a_summit_and_a_stockpiling_deal(shipped):
    index, extractions = shipped
    extraction = extractions["brief_floors_stockpiles.txt"]
    agreements, controls, events, measurements = statements(extraction)
    # "G7 leaders agreed to set a price floor" states a commitment, not an agreement
    mou, stockpiling = agreements
    assert (mou.kind, mou.parties, mou.date, mou.binding, mou.stages, mou.minerals) == (
        "mou",
        (ref("actor", "european-union"), ref("actor", "chile")),
        DateValue("2024-11"),  # November, reported in October 2025: the year before
        None,  # no binding word: the ontology makes an MoU non-binding
        (CM.refining,),
        (ref("mineral", "lithium"),),
    )
    assert (
        stockpiling.kind,
        stockpiling.parties,
        stockpiling.date,
        stockpiling.binding,
        stockpiling.stages,
        stockpiling.minerals,
    ) == (
        "agreement",
        (ref("actor", "japan"), ref("actor", "india")),
        DateValue("2025-09-03"),
        None,
        (CM.stockpiling,),
        (ref("mineral", "rare-earth-elements"),),
    )
    assert {a.modality for a in agreements} == {"stated"}
    (summit,) = events
    g7_members = {Entity(m) for m in index.members[iri("actor", "g7")]}
    assert (summit.kind, set(summit.participants), summit.date, summit.outcomes) == (
        "summit",
        g7_members,
        DateValue("2025-06"),
        (),
    )
    assert controls == ()
    (share,) = measurements
    assert (
        share.kind,
        share.share_of,
        share.subject,
        share.mineral,
        share.quantity.value,
        share.according_to,
    ) == (
        "share",
        "processing",
        ref("actor", "china"),
        ref("mineral", "lithium"),
        65,
        ref("actor", "international-energy-agency"),
    )
    (role,) = extraction.roles
    assert (role.person.label, role.title) == ("Mira Okonjo", "Senior Fellow")


@pytest.mark.xfail(
    strict=True,
    reason="'Harbour Institute for Resource Security' is no longer minted: its last word is "
    "not an organisation word",
)
def test_think_tank_brief_names_the_fellows_institute(shipped):
    _, extractions = shipped
    (role,) = extractions["brief_floors_stockpiles.txt"].roles
    assert role.organisation.label == "Harbour Institute for Resource Security"


def test_trade_press_story_gives_a_duty_a_shipment_and_a_share(shipped):
    _, extractions = shipped
    agreements, controls, events, measurements = statements(extractions["trade_tungsten.txt"])
    assert agreements == ()
    duty = controls[0]
    assert (duty.kind, duty.imposer, duty.minerals, duty.date, duty.modality) == (
        "export-duty",
        ref("actor", "vietnam"),
        (ref("mineral", "tungsten"),),
        DateValue("2025-07"),
        "stated",
    )
    (cargo,) = events
    assert (cargo.kind, cargo.initiator.label, cargo.recipients, cargo.date) == (
        "shipment",
        "Masan High-Tech Materials",
        (ref("actor", "japan"),),
        DateValue("2025-08"),
    )
    (share,) = measurements  # "to 20%" is a rate, not a share
    assert (share.share_of, share.subject, share.mineral, share.quantity.value) == (
        "mining",
        ref("actor", "vietnam"),
        ref("mineral", "tungsten"),
        8,
    )


def test_trade_press_headline_restates_the_storys_duty(shipped):
    _, extractions = shipped
    (duty,) = extractions["trade_tungsten.txt"].controls
    assert duty.kind == "export-duty"
