"""Where the paragraph holding a position begins, as a search of the text up to it finds."""

import random
import re

import pytest

from critmin.graph.text.date_context import PARAGRAPH_BREAK
from critmin.graph.text.paragraphs import MARK_REACH, ParagraphBreaks

BLANK_LINE = re.compile(r"\n[ \t]*\n")


def searched(text: str, position: int, pattern: re.Pattern[str] = PARAGRAPH_BREAK) -> int:
    """The answer by the definition: a search of the whole text up to ``position``."""
    return max([0, *(m.end() for m in pattern.finditer(text, 0, position))])


def test_a_blank_line_and_a_line_break_after_a_full_stop_begin_a_paragraph():
    text = "Tin rose.\n\nZinc fell. Copper held.\nLead rose\nto a high."
    paragraphs = ParagraphBreaks(text)
    assert paragraphs.paragraph_begin(text.index("Copper")) == text.index("Zinc")
    assert paragraphs.paragraph_begin(text.index("to a high")) == text.index("Lead")
    assert paragraphs.paragraph_begin(text.index("rose")) == 0


def test_a_list_item_begins_a_paragraph_only_where_the_search_stops_at_it():
    text = "Two pacts were signed:\n- a pact on tin;\n- a pact on zinc."
    paragraphs = ParagraphBreaks(text)
    first, second = text.index("- a pact on tin"), text.index("- a pact on zinc")
    assert paragraphs.paragraph_begin(first) == first  # the search up to it sees no item
    assert paragraphs.paragraph_begin(first + 4) == 0  # past it, the item goes on the lead
    assert paragraphs.paragraph_begin(second) == 0  # no full stop before this line break


@pytest.mark.parametrize("pattern", [PARAGRAPH_BREAK, BLANK_LINE])
def test_the_same_answer_as_the_search_from_the_start_anywhere_in_random_texts(pattern):
    pieces = ["Tin", " rose", ".", ":", "\n", "\n\n", " \t", "- ", "2. ", "July 4", "\u201d", "a"]
    chooser = random.Random(7)
    for _ in range(300):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randrange(1, 40)))
        paragraphs = ParagraphBreaks(text, pattern)
        for position in range(len(text) + 1):
            assert paragraphs.paragraph_begin(position) == searched(text, position, pattern), (
                text,
                position,
            )


def test_a_text_without_punctuation_is_searched_from_its_start():
    text = "Tin rose\n\n" + "and rose " * (MARK_REACH // 4)
    assert ParagraphBreaks(text).paragraph_begin(len(text)) == text.index("and")
