"""graph/base/values.py: the one slug rule of minted IRIs."""

from critmin.graph.base.values import slug


def test_slug_keeps_ascii_words_and_splits_on_dashes() -> None:
    assert slug("Peru\u2013Bolivia Tin Accord") == "peru-bolivia-tin-accord"
    assert slug("São Tomé's cobalt (2024)") == "sao-tome-s-cobalt-2024"
    assert slug("one two three four five six seven eight nine") == (
        "one-two-three-four-five-six-seven-eight"
    )
    assert slug("—") == "unnamed"
