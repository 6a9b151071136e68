"""Where a search for words just before an offset may start."""

import re

from critmin.graph.text.lookback import words_back

TITLE_BEFORE = re.compile(r"[A-Z][\w-]*\s+(?:of\s+|and\s+)?$")


def test_the_start_of_the_last_words_before_an_offset():
    text = "Exports of  rare earths\nwere cut"
    end = text.index("were")
    assert words_back(text, end, 1) == text.index("earths")
    assert words_back(text, end, 2) == text.index("rare")
    assert words_back(text, end, 3) == text.index("of")
    assert words_back(text, end, 9) == 0
    assert words_back(text, 0, 2) == 0


def test_a_search_from_there_finds_what_a_search_of_all_the_text_before_finds():
    text = "The List of Goods and Export Ban; the ban of  Export Controls and tariffs"
    for end in range(len(text) + 1):
        whole = TITLE_BEFORE.search(text, 0, end) is not None
        assert (TITLE_BEFORE.search(text, words_back(text, end, 2), end) is not None) == whole
