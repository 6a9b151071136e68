"""The words that state a control measure or an act on one (control_triggers)."""

import pytest

from critmin.graph.rules.control_triggers import find_control_triggers


def triggers(text: str) -> list[tuple[str, str, str, bool]]:
    """(words, kind, measure, act) of each trigger of ``text``."""
    return [
        (text[t.span.begin : t.span.end], t.kind, t.measure, t.act)
        for t in find_control_triggers(text, 0, len(text))
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Jakarta set an export quota for nickel.",
         ("export quota", "export-quota", "quota")),
        ("Indonesia rations cobalt through quotas.",
         ("through quotas", "export-quota", "quota")),
        ("Chile raised export duties on lithium.",
         ("export duties", "export-duty", "duty")),
        ("Jakarta imposed curbs on nickel exports.",
         ("curbs on nickel exports", "export-restriction", "restriction")),
        ("Beijing banned exports of gallium.",
         ("banned exports", "export-control", "ban")),
        ("A ban on the sale of raw ore exports took effect.",
         ("ban on the sale of raw ore exports", "export-control", "ban")),
        ("Raw lithium may not be exported.",
         ("may not be exported", "export-control", "ban")),
        ("Unprocessed ore may not leave the country.",
         ("may not leave the country", "export-control", "ban")),
        ("Cargoes bound for Japan were held back.",
         ("held back", "export-ban", "halt")),
        ("Firms need an export licence.",
         ("need an export licence", "export-control", "licensing")),
        ("China placed seven medium and heavy rare earths under export licensing.",
         ("placed seven medium and heavy rare earths under export licensing", "export-control",
          "licensing")),
        ("Myanmar closed its border crossings with China.",
         ("closed its border crossings", "border-closure", "border")),
        ("Parliament passed a law banning the mining of uranium.",
         ("law banning the mining", "mining-ban", "mining")),
        ("The supplier was told to stop exporting.",
         ("told to stop", "export-suspension", "suspension")),
        ("Beijing tightened its graphite exports.",
         ("tightened its graphite exports", "export-control", "control")),
        ("Seoul imposed anti-dumping duties on graphite anodes.",
         ("anti-dumping duties", "tariff", "tariff")),
        ("Washington extended sanctions.", ("sanctions", "sanction", "sanction")),
        ("Tokyo added technology controls.",
         ("technology controls", "technology-restriction", "technology")),
    ],
)  # fmt: skip
def test_a_measure_trigger_and_its_kind(text, found):
    assert triggers(text) == [(*found, False)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A pause on the duties was agreed.", ("pause on", "pause")),
        ("A suspension of the curbs was agreed.", ("suspension of", "pause")),
        ("China suspended the curbs on graphite.", ("suspended", "pause")),
        ("The government lifted the ban.", ("lifted", "lifting")),
        ("Quotas disappeared in 2015.", ("disappeared", "lifting")),
        ("The duties were dropped.", ("were dropped", "lifting")),
    ],
)
def test_an_act_trigger(text, found):
    words, kind = found
    assert [t for t in triggers(text) if t[3]] == [(words, kind, kind, True)]


@pytest.mark.parametrize(
    "text",
    [
        "China suspended exports of graphite.",  # stopping exports is no act on a measure
        "The tariff deal was signed.",
        "Tariff reductions were agreed.",
        "The company reported strong sales.",
    ],
)
def test_no_act_trigger(text):
    assert [t for t in triggers(text) if t[3]] == []


def test_triggers_in_text_order_and_the_earlier_pattern_wins_an_overlap():
    text = "Beijing lifted the export ban and imposed tariffs and sanctions."
    assert triggers(text) == [
        ("lifted", "lifting", "lifting", True),
        ("export ban", "export-control", "ban", False),
        ("tariffs", "tariff", "tariff", False),
        ("sanctions", "sanction", "sanction", False),
    ]


def test_triggers_between_two_offsets():
    text = "Beijing banned exports. Tokyo imposed tariffs."
    begin = text.index("Tokyo")
    assert [
        (text[t.span.begin : t.span.end], t.kind)
        for t in find_control_triggers(text, begin, len(text))
    ] == [("tariffs", "tariff")]


def test_words_of_a_name_in_a_sentence_are_no_trigger():
    text = (
        "Officials in Hanoi put tungsten refining methods on the Register of Methods "
        "Prohibited and Restricted from Export late that year."
    )
    assert triggers(text) == []


def test_words_of_a_title_case_headline_are_triggers():
    assert triggers("China Bans Gallium Exports To The United States") == [
        ("Bans Gallium Exports", "export-control", "ban", False)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "China suspended the export controls.",
        "China was suspending the four export-control notices of 3 May.",
    ],
)
def test_suspending_export_controls_is_an_act(text):
    assert [t for t in triggers(text) if t[3]] == [("suspended", "pause", "pause", True)] or [
        t for t in triggers(text) if t[3]
    ] == [("suspending", "pause", "pause", True)]
