"""Where the passage holding a position begins, found without scanning the text before it.

Rules date a statement and judge what its passage is about by the paragraph it is in: the
text after the last ``PARAGRAPH_BREAK`` that a search of the text *up to the position* finds.
That search sees no further than the position, so a line break before a list item counts as
a break there (its look-ahead finds no item), but not elsewhere. Searching from the start of
the text for every statement made reading a long text quadratic in its length; this finds the
same break from the breaks of the whole text, found once, and a search of the few characters
since the last mark of punctuation.

Why that search gives the same break: a break is made of spaces and line breaks only, and
deciding whether one starts at some place reads a run of spaces, a run of letters or digits,
a run of spaces and five characters more, stopping at any other character. So at a mark of
punctuation (neither space nor letter nor digit) no break is under way, and nothing decided
before it reads past it: the breaks before the mark are those of the whole text, and those
after it are what a search from the mark finds.
"""

from __future__ import annotations

import bisect
import re

from critmin.graph.text.date_context import PARAGRAPH_BREAK

MARK_REACH = 2_000
"""Characters looked back for a mark of punctuation before searching from the text's start."""


class ParagraphBreaks:
    """The paragraph breaks of one text, asked where the paragraph holding a position begins.

    ``pattern``: what a break is, ``PARAGRAPH_BREAK`` or any pattern of which the module
    docstring holds (breaks of spaces and line breaks only, read no further than a mark of
    punctuation): a blank line, ``\n[ \t]*\n``."""

    def __init__(self, text: str, pattern: re.Pattern[str] = PARAGRAPH_BREAK) -> None:
        self.text = text
        self.pattern = pattern
        breaks = [(match.start(), match.end()) for match in pattern.finditer(text)]
        self._starts = [start for start, _ in breaks]
        self._ends = [end for _, end in breaks]

    def paragraph_begin(self, position: int) -> int:
        """The end of the last paragraph break a search of the text up to ``position`` finds
        (0 if none): ``max([0, *(m.end() for m in pattern.finditer(text, 0, position))])``."""
        mark = self._mark_before(position)
        if mark is None:
            return max([0, *(m.end() for m in self.pattern.finditer(self.text, 0, position))])
        after = [m.end() for m in self.pattern.finditer(self.text, mark, position)]
        if after:
            return after[-1]
        before = bisect.bisect_left(self._starts, mark) - 1
        return self._ends[before] if before >= 0 else 0

    def _mark_before(self, position: int) -> int | None:
        """The last character before ``position`` that is neither space nor letter nor digit
        nor "_", within ``MARK_REACH`` characters."""
        text = self.text
        for at in range(position - 1, max(-1, position - 1 - MARK_REACH), -1):
            character = text[at]
            if not (character.isspace() or character.isalnum() or character == "_"):
                return at
        return None
