"""Numbers as written in English news text: digits ("3,000", "8.5") and number words ("seven")."""

from __future__ import annotations

from decimal import Decimal

UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
MULTIPLIERS: dict[str, int] = {"hundred": 100, "thousand": 1000}


def _alternation(words: list[str]) -> str:
    """A regex alternation of words, longest first so that "seventeen" wins over "seven"."""
    return "|".join(sorted(words, key=len, reverse=True))


_UNIT = _alternation(list(UNITS))
_TENS = _alternation(list(TENS))
_SMALL = rf"(?:(?:{_TENS})(?:[-\s](?:{_UNIT}))?|{_UNIT})"

# A number in words, case-insensitive: "seven", "Twenty-five", "a hundred", "three thousand".
WORD_NUMBER = rf"(?i:\b(?:(?:a|{_SMALL})\s+(?:hundred|thousand)|{_SMALL})\b)"

# A number in digits: "12", "3,000", "8.5", "1,250.75"; never the tail of a token such as
# "G7", "F-35", "COVID-19" or "2.2.1" (a hyphen after a digit, as in "15-20", is a range).
# Letters may follow ("5bn", "10kg"): patterns using it say which.
DIGIT_NUMBER = r"(?<![\w.,/])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,]\d)"

NUMBER = rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})"


def parse_number(text: str) -> Decimal:
    """The value of a number matched by ``NUMBER``: "3,000" → 3000, "twenty-five" → 25."""
    text = text.strip()
    if text[0].isdigit():
        return Decimal(text.replace(",", ""))
    words = text.lower().replace("-", " ").split()
    total = 0
    for word in words:
        if word in MULTIPLIERS:
            total = max(total, 1) * MULTIPLIERS[word]
        elif word == "a":
            total = 1
        else:
            total += UNITS.get(word) or TENS[word]
    return Decimal(total)
