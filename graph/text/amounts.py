"""Amounts, prices, shares and counts in text, normalised to numbers and units."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from critmin.graph.base.values import Quantity
from critmin.graph.text.dates import LOOK_BEHIND, MONTH
from critmin.graph.text.numbers import NUMBER, parse_number

SCALES: dict[str, int] = {
    "trillion": 10**12, "billion": 10**9, "million": 10**6, "thousand": 10**3,
    "crore": 10**7, "lakh": 10**5, "tn": 10**12, "bn": 10**9, "b": 10**9, "mn": 10**6,
    "m": 10**6, "k": 10**3,
}
CURRENCY_SIGNS: dict[str, str] = {
    "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD",
    "s$": "SGD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR",
    "rmb": "CNY", "dollars": "USD", "us dollars": "USD", "australian dollars": "AUD",
    "canadian dollars": "CAD", "euros": "EUR", "euro": "EUR", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "won": "KRW",
}
# Unit words (singular, lower case) → the unit a quantity is given in, and its factor.
UNIT_WORDS: dict[str, tuple[str, int]] = {
    "tonne": ("tonne", 1), "ton": ("tonne", 1), "t": ("tonne", 1), "kt": ("tonne", 10**3),
    "kilotonne": ("tonne", 10**3), "mt": ("tonne", 10**6), "kilogram": ("kilogram", 1),
    "kilo": ("kilogram", 1), "kg": ("kilogram", 1), "pound": ("pound", 1), "lb": ("pound", 1),
    "ounce": ("ounce", 1), "oz": ("ounce", 1), "gram": ("gram", 1), "g": ("gram", 1),
    "year": ("year", 1),
}

# A hedge before a figure: "more than $2 billion", "nearly 90%".
QUALIFIER = (
    r"(?i:\b(?P<q>more\s+than|less\s+than|fewer\s+than|just\s+over|just\s+under|over|under"
    r"|nearly|almost|about|around|approximately|roughly|some|up\s+to|at\s+least|at\s+most"
    r"|close\s+to|an\s+estimated|as\s+(?:much|many|little|few)\s+as|upwards\s+of"
    r"|in\s+excess\s+of))\s+"
)
BETWEEN = r"(?i:\b(?P<between>between)\s+)"
# Between the two ends of a range: "and" after "between", else "to", "or", "-", en dash.
RANGE_SEPARATOR = r"(?(between)\s+and\s+|(?:\s*[-\u2013\u2014]\s*|\s+(?:to|or)\s+))"
# A multiplier word, or an abbreviation written against the number ("$2.2bn", "A$1m").
SCALE = r"(?:\s*(?:trillion|billion|million|thousand|crore|lakh)|tn|bn|mn|m|b|k)(?![A-Za-z])"
# A currency sign or code before the figure: "US$", "A$", "€", "USD", "RMB", "Rs".
CURRENCY_BEFORE = (
    r"(?:(?:\b(?:US|AU|NZ|HK|[ACS])\s?)?\$|€|£|¥|₹"
    r"|\b(?:USD|AUD|EUR|GBP|JPY|CNY|RMB|INR|CAD|CHF|KRW|ZAR|BRL|Rs\.?)(?![A-Za-z]))"
)
# A currency word or code after the figure: "3 billion yuan", "500 million US dollars".
CURRENCY_AFTER = (
    r"(?:US\s+dollars|Australian\s+dollars|Canadian\s+dollars|dollars|euros?|yen|yuan"
    r"|renminbi|rupees|won|USD|AUD|EUR|GBP|JPY|CNY|RMB|INR|CAD)(?![A-Za-z])"
)
# A unit of mass after a figure ("pounds" is left out: after a figure it is often money).
UNIT_OF_MASS = (
    r"(?:(?:metric\s+)?(?:tonnes?|tons?)|kilotonnes?|kilograms?|kilos?|ounces?|grams?"
    r"|kt|Mt|kg|oz)(?![A-Za-z])"
)
# What a price is per: "per kilogram", "/kg", "a tonne", "per metric ton", "a year".
PER_UNIT = (
    rf"(?:\s*(?:per|an?|/)\s*(?P<per>{UNIT_OF_MASS}|(?:pounds?|lbs?|t|g|year)(?![A-Za-z])))"
)
FIGURE = rf"(?P<n1>{NUMBER})(?P<s1>{SCALE})?"
SECOND_FIGURE = rf"(?P<n2>{NUMBER})(?P<s2>{SCALE})?"
HEDGED = rf"(?:{QUALIFIER})?(?:{BETWEEN})?"
# Where a match can start: a digit, a currency sign, or a word (a hedge, "between", a number
# word or a currency code). Said first, it spares trying every pattern inside every word.
MATCH_START = r"(?=[\d$€£¥₹]|(?i:\b[a-z]))"

MONEY = re.compile(
    rf"{MATCH_START}{HEDGED}(?P<cur>{CURRENCY_BEFORE})\s?{FIGURE}"
    rf"(?:{RANGE_SEPARATOR}(?:{CURRENCY_BEFORE})?\s?{SECOND_FIGURE})?(?![A-Za-z]){PER_UNIT}?"
)
MONEY_WORDS = re.compile(
    rf"{MATCH_START}{HEDGED}{FIGURE}(?:{RANGE_SEPARATOR}{SECOND_FIGURE})?"
    rf"\s*(?P<cur>{CURRENCY_AFTER}){PER_UNIT}?"
)
PERCENT = re.compile(
    rf"{MATCH_START}{HEDGED}(?P<n1>{NUMBER})(?:\s*%?{RANGE_SEPARATOR}(?P<n2>{NUMBER}))?"
    r"\s*(?:%|per\s?cent(?![A-Za-z])|percent(?![A-Za-z]))"
)
MASS = re.compile(
    rf"{MATCH_START}{HEDGED}{FIGURE}(?:{RANGE_SEPARATOR}{SECOND_FIGURE})?"
    rf"\s*(?P<unit>{UNIT_OF_MASS})"
)
# "five to 10 years", "a one-year pause", "90-day", "six months".
DURATION = re.compile(
    rf"{MATCH_START}{HEDGED}(?P<n1>{NUMBER})(?:{RANGE_SEPARATOR}(?P<n2>{NUMBER}))?"
    r"[\s-]+(?P<unit>year|month|week|day)s?(?![A-Za-z])"
)
# Words that end the noun phrase after a count ("seven of the", "five in April").
_STOP_WORDS = (
    r"the|a|an|of|and|or|to|in|on|at|for|per|by|with|from|than|as|is|are|was|were|be|been"
    r"|has|have|had|will|would|could|should|may|might|can|that|which|who|this|these|those"
    r"|its|their|his|her|it|they|we|he|she|not|no|more|most|less|percent|cent"
)
# Plural nouns that are units or times, counted by other patterns or not at all.
_NOT_COUNTED = (
    r"years|months|weeks|days|hours|minutes|seconds|decades|times|tonnes|tons|kilograms|kilos"
    r"|grams|pounds|ounces|dollars|euros|rupees|points|cents"
)
MODIFIER_WORD = rf"(?!(?:{_STOP_WORDS})\b)[A-Za-z][A-Za-z\u2019'\u2013-]*"
# A plural head noun: "elements", "partnerships", "REEs", "people" (not "status", "process").
PLURAL_NOUN = (
    rf"(?!(?:{_NOT_COUNTED})\b)"
    r"(?:[a-z][a-z\u2019'\u2013-]*[a-hj-rtv-z]s|[A-Z]{2,}s|people)(?![\w\u2019'-])"
)
# "seven elements", "12 rare earth elements", "five major public-private partnerships",
# "five more elements", "seven medium and heavy rare-earth elements".
COUNT = re.compile(
    rf"{MATCH_START}{HEDGED}(?P<n1>{NUMBER})(?:{RANGE_SEPARATOR}(?P<n2>{NUMBER}))?"
    rf"(?P<s1>\s+(?:billion|million|thousand))?\s+(?:(?:more|further|other)\s+)?"
    rf"(?:{MODIFIER_WORD}\s+(?:and\s+(?={MODIFIER_WORD}\s+{MODIFIER_WORD}))?){{0,3}}?"
    rf"(?P<head>{PLURAL_NOUN})"
)
# A number that names a provision, not a count: "Section 301 tariffs", "Article 21 measures".
_PROVISION_BEFORE = re.compile(r"\b(?:Section|Article|Chapter|Title|Rule|Resolution)\s*$")
# Nouns after which "over" is a preposition, not a hedge: "control over 70 per cent".
_OVER_AS_PREPOSITION = re.compile(
    r"(?i:\b(?:control|dominance|hold|grip|influence|power|authority|leverage|sway|monopoly))"
    r"\s*$"
)
_MONTH_BEFORE = re.compile(rf"{MONTH}\s*$")
_SPACES = re.compile(r"\s*")


def _tidy(number: Decimal) -> Decimal:
    """The number in plain notation without trailing zeros: 8.50E+9 → 8500000000."""
    return Decimal(format(number.normalize(), "f"))


def _scale(written: str | None) -> int:
    return SCALES[written.strip().lower()] if written else 1


def _figures(match: re.Match[str]) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, low, high) of a match; the scale of the second figure applies to a bare first."""
    groups = match.groupdict()
    first, second = parse_number(groups["n1"]), groups.get("n2")
    if second is None:
        return _tidy(first * _scale(groups.get("s1"))), None, None
    scale_two = _scale(groups.get("s2"))
    scale_one = _scale(groups.get("s1")) if groups.get("s1") else scale_two
    low, high = _tidy(first * scale_one), _tidy(parse_number(second) * scale_two)
    return (None, low, high) if low < high else (None, None, None)


def _hedge(match: re.Match[str], text: str) -> tuple[int, str | None]:
    """Where the quantity begins and its qualifier; "over" after "control" is no hedge."""
    qualifier = match.group("q")
    if qualifier is None:
        return match.start(), None
    qualifier = re.sub(r"\s+", " ", qualifier.lower())
    if qualifier in ("over", "under") and _OVER_AS_PREPOSITION.search(
        text, max(0, match.start() - LOOK_BEHIND), match.start()
    ):
        return _SPACES.match(text, match.end("q")).end(), None
    return match.start(), qualifier


def _looks_like_year(match: re.Match[str]) -> bool:
    """A bare four-digit number from 1900 to 2100, as in "2025 elections"."""
    written, scale = match.group("n1"), match.groupdict().get("s1")
    return re.fullmatch(r"19\d\d|20\d\d|2100", written) is not None and not scale


def _quantity(match: re.Match[str], text: str, unit: str, **fields: object) -> Quantity | None:
    value, low, high = _figures(match)
    if value is None and low is None:
        return None
    begin, qualifier = _hedge(match, text)
    return Quantity(begin, match.end(), unit, value, low, high, qualifier=qualifier, **fields)


def _money(match: re.Match[str], text: str) -> Quantity | None:
    sign = re.sub(r"\s+", " ", match.group("cur").strip().rstrip(".")).lower().replace(" $", "$")
    currency = CURRENCY_SIGNS.get(sign, sign.upper())
    per = match.group("per")
    per_unit = UNIT_WORDS[_singular(per)][0] if per else None
    return _quantity(match, text, "money", currency=currency, per_unit=per_unit)


def _singular(unit: str) -> str:
    """The key of a unit word in UNIT_WORDS: "metric tons" → "ton", "lbs" → "lb"."""
    word = unit.split()[-1]
    if word == "Mt":
        return "mt"
    word = word.lower()
    return word[:-1] if word.endswith("s") and word[:-1] in UNIT_WORDS else word


def _percent(match: re.Match[str], text: str) -> Quantity | None:
    return _quantity(match, text, "percent")


def _mass(match: re.Match[str], text: str) -> Quantity | None:
    unit, factor = UNIT_WORDS[_singular(match.group("unit"))]
    quantity = _quantity(match, text, unit)
    if quantity is None or factor == 1:
        return quantity
    scaled = {
        name: _tidy(number * factor)
        for name in ("value", "low", "high")
        if (number := getattr(quantity, name)) is not None
    }
    return replace(quantity, **scaled)


def _duration(match: re.Match[str], text: str) -> Quantity | None:
    if _looks_like_year(match):
        return None
    return _quantity(match, text, match.group("unit"))


def _count(match: re.Match[str], text: str) -> Quantity | None:
    behind = max(0, match.start("n1") - LOOK_BEHIND)
    if (
        _looks_like_year(match)
        or _MONTH_BEFORE.search(text, behind, match.start("n1"))
        or _PROVISION_BEFORE.search(text, behind, match.start("n1"))
    ):
        return None
    if parse_number(match.group("n1")) == 1 and not match.group("n2"):
        return None  # "one of the", "one country": not worth a count
    return _quantity(match, text, "count", counted=match.group("head"))


# Each pattern with the function that interprets its matches; earlier ones win ties.
PATTERNS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], str], Quantity | None]], ...] = (
    (MONEY, _money),
    (MONEY_WORDS, _money),
    (PERCENT, _percent),
    (MASS, _mass),
    (DURATION, _duration),
    (COUNT, _count),
)


def find_quantities(text: str) -> list[Quantity]:
    """Money, prices, percentages, masses, durations and counts in ``text``.

    Non-overlapping, in text order; where two readings overlap, the one that starts first
    wins, then the longer one, then the earlier pattern in ``PATTERNS``.
    """
    candidates: list[tuple[int, int, int, Quantity]] = []
    for rank, (pattern, interpret) in enumerate(PATTERNS):
        for match in pattern.finditer(text):
            quantity = interpret(match, text)
            if quantity is not None:
                candidates.append((quantity.begin, quantity.begin - quantity.end, rank, quantity))
    candidates.sort(key=lambda candidate: candidate[:3])
    chosen: list[Quantity] = []
    for _, _, _, quantity in candidates:
        if not chosen or quantity.begin >= chosen[-1].end:
            chosen.append(quantity)
    return chosen
