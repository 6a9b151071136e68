"""The words that state an agreement, and the kind each states."""

import pytest

from critmin.graph.base.kinds import KINDS
from critmin.graph.base.values import Span
from critmin.graph.rules.agreement_triggers import (
    KIND_ORDER,
    Trigger,
    find_triggers,
    is_plural,
    specific_kind,
)


def triggers(text: str) -> list[tuple[str, str, bool]]:
    """The triggers of ``text`` as (words, kind, noun)."""
    return [
        (text[t.span.begin : t.span.end], t.kind, t.noun) for t in find_triggers(text, 0, len(text))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile and Japan signed a memorandum of understanding and two MoUs.",
            [("memorandum of understanding", "mou"), ("MoUs", "mou")],
        ),
        (
            "They signed memoranda of cooperation, a letter of intent, letters of interest "
            "and a binding term sheet.",
            [
                ("memoranda of cooperation", "mou"),
                ("letter of intent", "letter-of-intent"),
                ("letters of interest", "letter-of-interest"),
                ("binding term sheet", "deal"),
            ],
        ),
        (
            "A share purchase agreement, an offtake deal and a supply contract.",
            [
                ("share purchase agreement", "deal"),
                ("offtake deal", "offtake"),
                ("supply contract", "supply"),
            ],
        ),
        (
            "A strategic alliance, a joint venture and a loan agreement.",
            [
                ("strategic alliance", "partnership"),
                ("joint venture", "joint-venture"),
                ("loan agreement", "loan"),
            ],
        ),
        (
            "Joint statements, a joint declaration and declarations of intent.",
            [
                ("Joint statements", "joint-statement"),
                ("joint declaration", "joint-statement"),
                ("declarations of intent", "declaration"),
            ],
        ),
        (
            "A peace treaty, an investment pact, a framework agreement and frameworks.",
            [
                ("peace treaty", "peace-agreement"),
                ("investment pact", "investment"),
                ("framework agreement", "framework"),
                ("frameworks", "framework"),
            ],
        ),
        (
            "Treaties, accords, a lease, cooperation and co-operation.",
            [
                ("Treaties", "agreement"),
                ("accords", "agreement"),
                ("lease", "lease"),
                ("cooperation", "cooperation"),
                ("co-operation", "cooperation"),
            ],
        ),
        (
            "The G7 Battery Metals Action Plan and the Andes Supply Initiative.",
            [("Action Plan", "action-plan"), ("Andes Supply Initiative", "initiative")],
        ),
    ],
)
def test_agreement_nouns_give_the_kind(text, expected):
    assert triggers(text) == [(words, kind, True) for words, kind in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Japan agreed to buy $250 million of common stock in the miner.",
            ("agreed to buy $250 million of common stock", "equity-stake"),
        ),
        (
            "Japan received warrants for a 7% stake.",
            ("received warrants for a 7% stake", "equity-stake"),
        ),
        (
            "Japan took a 10 per cent stake in the mine.",
            ("took a 10 per cent stake", "equity-stake"),
        ),
        ("The fund provided Kestrel with financing.", ("provided Kestrel with financing", "deal")),
        ("Japan agreed to contribute $90 million.", ("agreed to contribute", "deal")),
        ("The plant was half-funded by Japan.", ("half-funded", "deal")),
        ("The partners rewrote their contract.", ("rewrote their contract", "amendment")),
        ("Their loan was extended until 2031.", ("Their loan was extended", "loan-extension")),
        ("The lease was extended to 2040.", ("The lease was extended", "extension")),
    ],
)
def test_verb_phrases_state_agreements_without_a_noun(text, expected):
    assert triggers(text) == [(*expected, False)]


@pytest.mark.parametrize(
    "text",
    [
        "Envoys waited in a Treaty Room upstairs.",
        "They met at the Agreement Hall and the Partnership Fund.",
        "Loan guarantees and a loan's terms were set.",
        "A deal-maker arrived.",
        "Japan works in partnership with Chile.",
    ],
)
def test_words_that_are_part_of_other_names_or_phrases_are_no_triggers(text):
    assert triggers(text) == []


def test_nouns_that_only_refer_to_an_agreement_already_named():
    assert triggers("The initiative, the text and the statement.") == [
        ("initiative", "referring", True),
        ("text", "referring", True),
        ("statement", "referring", True),
    ]


def test_triggers_are_found_between_the_offsets_only():
    text = "Chile signed an MoU, a deal and a pact."
    assert find_triggers(text, 10, 25) == [Trigger(Span(16, 19), "mou")]


@pytest.mark.parametrize(
    ("text", "plural"),
    [
        ("two MoUs", True),
        ("memoranda of cooperation", True),
        ("treaties", True),
        ("letters of interest", True),
        ("a memorandum of understanding", False),
        ("a joint venture", False),
        ("cooperation", False),
    ],
)
def test_plural_nouns(text, plural):
    (trigger,) = find_triggers(text, 0, len(text))
    assert is_plural(text, trigger) is plural


def test_a_verb_phrase_is_never_plural():
    text = "The plant was half-funded by Japan."
    (trigger,) = find_triggers(text, 0, len(text))
    assert is_plural(text, trigger) is False


@pytest.mark.xfail(
    strict=True, reason="'heads of agreement' names one document; its head 'heads' ends in s"
)
def test_heads_of_agreement_is_one_agreement():
    text = "a heads of agreement"
    (trigger,) = find_triggers(text, 0, len(text))
    assert is_plural(text, trigger) is False


def test_the_most_specific_kind_wins():
    assert specific_kind(["deal", "offtake"]) == "offtake"
    assert specific_kind(["referring", "agreement"]) == "agreement"
    assert specific_kind(["loan-extension", "mou"]) == "mou"
    assert specific_kind([]) == "agreement"


def test_every_kind_but_referring_is_a_kind_of_agreement():
    words = {k.word for k in KINDS if k.statement == "agreement"}
    assert set(KIND_ORDER) - words == {"referring"}
    assert len(set(KIND_ORDER)) == len(KIND_ORDER)
