"""The shape of an extraction rule, and the order the extractor runs the rules in."""

import pytest
from graph_helpers import make_document

from critmin.graph.rules.contract import NEW, Reading, Rule, new_key
from critmin.graph.rules.extract import KEY_PREFIXES, RULES, check_order
from critmin.graph.rules.reading import read
from critmin.graph.text.layout import Layout


def nothing(reading, found):
    return ()


def test_rules_number_what_they_return_from_one():
    assert NEW == "new-"
    assert [new_key(n) for n in (1, 2, 10)] == ["new-1", "new-2", "new-10"]


def test_a_rule_reads_no_other_rule_unless_told():
    assert Rule("events", nothing).after == ()


def test_a_reading_gives_the_documents_text(index):
    document = make_document("Chile signed a pact.")
    reading = Reading(document, index, (), (), (), Layout())
    assert reading.text == "Chile signed a pact."
    assert (reading.quantities, reading.minted) == ((), ())


def test_a_reading_finds_dates_paragraph_starts_and_clauses_by_position(nlp, index):
    text = "Chile signed a pact in 2023.\n\nPeru met Japan in May 2024. Tin rose; zinc fell."
    reading = read(make_document(text), nlp, index)
    second = text.index("Peru")
    assert [
        reading.text[d.begin : d.end] for d in reading.date_index.starting_in(second, len(text))
    ] == ["May 2024"]
    assert reading.paragraphs.paragraph_begin(text.index("Tin")) == second
    assert {
        paragraph: [c.words for c in clauses]
        for paragraph, clauses in reading.paragraph_clauses.items()
    } == {
        0: ["Chile signed a pact in 2023."],
        2: ["Peru met Japan in May 2024.", "Tin rose", "zinc fell."],
    }


def test_the_rules_run_in_this_order():
    assert [(rule.name, rule.after) for rule in RULES] == [
        ("agreements", ()),
        ("events", ()),
        ("controls", ()),
        ("implied-agreements", ("agreements", "controls", "events")),
        ("measurements", ("agreements", "implied-agreements", "controls", "events")),
        ("roles", ()),
        ("supply-sources", ()),
    ]
    assert check_order(RULES) is None


def test_every_keyed_rule_is_a_rule():
    assert set(KEY_PREFIXES) <= {rule.name for rule in RULES}


def test_a_rule_before_the_rules_it_reads_is_refused():
    with pytest.raises(ValueError, match=r"^rule measurements runs before agreements, events$"):
        check_order(
            [
                Rule("measurements", nothing, ("agreements", "events")),
                Rule("agreements", nothing),
                Rule("events", nothing),
            ]
        )
    with pytest.raises(ValueError, match=r"^rule implied-agreements runs before controls$"):
        check_order([*RULES[:2], *RULES[3:]])


def test_a_rule_reading_an_unknown_rule_is_refused():
    with pytest.raises(ValueError, match=r"^rule roles runs before people$"):
        check_order([Rule("roles", nothing, ("people",))])


def test_rules_in_order_pass():
    ordered = [Rule("agreements", nothing), Rule("measurements", nothing, ("agreements",))]
    assert check_order(ordered) is None
    assert check_order([]) is None
