"""Where a search for words just before an offset may start.

A pattern anchored at an offset (``...\\s+of\\s+$`` searched in the text up to it) found by
searching the whole text before the offset costs the length of that text for every
candidate: quadratic in a long text. Where the pattern can span only the last few words, a
search from where they start finds the same matches (a search from an offset still sees the
text before it for ``\\b`` and look-behinds).
"""

from __future__ import annotations


def words_back(text: str, end: int, count: int) -> int:
    """Where the last ``count`` words (runs of non-space) of the text before ``end`` start,
    the spaces after them included (0 if there are fewer)."""
    begin = end
    for _ in range(count):
        while begin > 0 and text[begin - 1].isspace():
            begin -= 1
        while begin > 0 and not text[begin - 1].isspace():
            begin -= 1
    return begin
