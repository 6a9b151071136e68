"""Dates in text, normalised to ISO 8601 at the precision the text gives."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from critmin.graph.base.values import DateValue


@dataclass(frozen=True)
class DateMention:
    """A date found in text: its character offsets and its value."""

    begin: int
    end: int
    value: DateValue


MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
ORDINALS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4}

# A month name, capitalised as in running text ("may" the verb is not a month) or in capitals
# as in headings: "October", "OCTOBER", "Oct.", "Sept".
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)(?![A-Za-z])"
)
# A day of the month, with an optional ordinal suffix: "4", "04", "19th".
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# Words after a number that make it an amount, not a year ("2000 tonnes", "1990 per cent").
_UNIT_AFTER = (
    r"(?!\s*(?:%|per\s?cent|percent|million|billion|trillion|thousand|bn|mn|tonnes?|tons?|kg"
    r"|kilograms?|metric|barrels?|units|people|jobs|workers|companies|firms|elements|metals"
    r"|minerals|MW|GW|km|miles|hectares|acres|dollars|euros|yuan|yen|rupees)\b)"
)
# A year from 1900 to 2100, not part of a longer number, a decade ("2030s") or an amount.
YEAR = rf"(?<![\w.,$€£¥₹])(?:19\d\d|20\d\d|2100)(?!\d|[.,]\d|s\b){_UNIT_AFTER}"

# The forms a date takes; each is recognised with `fullmatch` when it is interpreted.
ISO_DATE = rf"{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
MONTH_DAY_YEAR = rf"{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"  # "October 28", "Oct. 28, 2025"
DAY_MONTH_YEAR = rf"(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?"  # "28 October 2025"
MONTH_YEAR = rf"{MONTH},?\s+(?:of\s+)?{YEAR}"  # "April 2025"
QUARTER = rf"Q[1-4]\s+{YEAR}|(?:the\s+)?(?:first|second|third|fourth)\s+quarter(?:\s+of\s+{YEAR})?"
HALF = rf"H[12]\s+{YEAR}|(?:the\s+)?(?:first|second)\s+half\s+of\s+{YEAR}"
DECADE = r"(?:the\s+)?(?:19|20)\d0s(?!\w)"  # "the 2030s"
FISCAL_YEAR = rf"{YEAR}[-\u2013/]\d\d(?!\d)"  # "2024-25": checked to be consecutive years
RELATIVE = r"(?i:this|last|next)\s+(?:year|month)(?!\w)"  # relative to the document date

SIMPLE_DATE = rf"(?:{ISO_DATE}|{MONTH_DAY_YEAR}|{DAY_MONTH_YEAR}|{MONTH_YEAR}|{YEAR}|{MONTH})"

# Words before a date: those that change its meaning are kept in the mention ("since", "by");
# the others only license a bare month ("in April", not the name "April").
CUE = r"(?i:\b(?P<cue>since|by|until|till|before|after|as\s+of|in|on|during|throughout|through))"
SPAN_CUES = ("since", "by", "until", "till", "before", "after")
# Words that narrow a date to part of it: "early October", "mid-2025", "the end of May".
MODIFIER = (
    r"(?i:\b(?P<mod>early|mid|late|earlier|later"
    r"|the\s+(?:end|beginning|start|middle|turn)\s+of))"
)

DATE_PATTERN = re.compile(
    rf"(?:{CUE}\s+)?(?:{MODIFIER}[\s-]+)?(?P<date>{ISO_DATE}|{QUARTER}|{HALF}|{DECADE}"
    rf"|{FISCAL_YEAR}|{MONTH_DAY_YEAR}|{DAY_MONTH_YEAR}|{MONTH_YEAR}|{RELATIVE}|{YEAR}|{MONTH})"
)
# A period: "between April 30 and May 13", "from March to May", "2020-2024" (hyphen or en dash).
PERIOD_PATTERN = re.compile(
    rf"(?:(?i:\b(?P<cue>between|from))\s+)?(?P<first>{SIMPLE_DATE})"
    rf"\s*(?:(?<=\s)(?P<word>and|to|until|till|through)\s|[-\u2013])\s*(?P<second>{SIMPLE_DATE})"
)

_YEAR_IN = re.compile(YEAR)
_MONTH_IN = re.compile(MONTH)
_DAY_IN = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
_CURRENCY_BEFORE = re.compile(r"(?:\$|€|£|¥|₹|\b(?:USD|EUR|GBP|AUD|CAD|JPY|CNY|RMB|INR|Rs\.?))\s*$")

Parts = tuple[int | None, int | None, int | None]
# How far back words that qualify a match are looked for ("USD " before a year-like number).
LOOK_BEHIND = 30


def _parts(phrase: str) -> Parts:
    """Year, month and day named in a simple date phrase, each None where not named."""
    if re.fullmatch(ISO_DATE, phrase):
        year, month, day = phrase.split("-")
        return int(year), int(month), int(day)
    year = _YEAR_IN.search(phrase)
    month = _MONTH_IN.search(phrase)
    day = _DAY_IN.search(phrase) if month else None
    return (
        int(year.group()) if year else None,
        MONTHS[month.group().rstrip(".").lower()] if month else None,
        int(day.group(1)) if day else None,
    )


def _iso(year: int, month: int | None, day: int | None) -> str | None:
    """ISO 8601 at the precision given, or None for an impossible date (February 30)."""
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


def _shift_month(iso_month: str, months: int) -> str:
    year, month = int(iso_month[:4]), int(iso_month[5:7]) - 1 + months
    return f"{year + month // 12:04d}-{month % 12 + 1:02d}"


def _relative(phrase: str, year: int | None, document_date: str | None) -> tuple[str, None] | None:
    """ "this year", "last month"...: relative to the document date (or the assumed year)."""
    which, unit = phrase.lower().split()
    step = {"this": 0, "last": -1, "next": 1}[which]
    if unit == "year":
        base = int(document_date[:4]) if document_date else year
        return (f"{base + step:04d}", None) if base else None
    if document_date and len(document_date) >= 7:
        return _shift_month(document_date[:7], step), None
    return None


def reported_year(
    year: int, month: int | None, document_date: str | None, cue: str | None = None
) -> int:
    """The year of a month named without one: news reports the past, so a month after the
    document date's month is in the year before ("in December" in a text of 2025-03-15 is
    2024-12), unless a deadline cue ("by", "until") points ahead."""
    if (
        month is not None
        and document_date is not None
        and len(document_date) >= 7
        and int(document_date[:4]) == year
        and month > int(document_date[5:7])
        and cue not in _DEADLINE_CUES
    ):
        return year - 1
    return year


def _interpret(
    phrase: str, year: int | None, document_date: str | None, cue: str | None = None
) -> tuple[str | None, str | None] | None:
    """The (start, end) of the date phrase matched as ``date``, or None if it cannot be dated."""
    if re.fullmatch(DECADE, phrase):
        first = int(re.search(r"\d{4}", phrase).group())
        return str(first), str(first + 9)
    if re.fullmatch(FISCAL_YEAR, phrase):
        first, second = int(phrase[:4]), int(phrase[5:])
        return (str(first), str(first + 1)) if (first + 1) % 100 == second else None
    if re.fullmatch(RELATIVE, phrase):
        return _relative(phrase, year, document_date)
    for pattern, months in ((QUARTER, 3), (HALF, 6)):
        if re.fullmatch(pattern, phrase):
            word = re.search(r"[1-4]|first|second|third|fourth", phrase).group()
            index = int(word) if word.isdigit() else ORDINALS[word]
            named = _YEAR_IN.search(phrase)
            base = int(named.group()) if named else year
            if base is None:
                return None
            return f"{base}-{(index - 1) * months + 1:02d}", f"{base}-{index * months:02d}"
    named_year, month, day = _parts(phrase)
    if named_year is None and year is not None:
        year = reported_year(year, month, document_date, cue)
    base = named_year or year
    return (_iso(base, month, day), None) if base else None


def _single(
    match: re.Match[str], text: str, year: int | None, document_date: str | None
) -> DateMention | None:
    """A DateMention for a match of DATE_PATTERN, or None where it is not a date."""
    phrase, cue, modifier = match.group("date"), match.group("cue"), match.group("mod")
    is_bare_month = re.fullmatch(MONTH, phrase) is not None
    if is_bare_month and not (cue or modifier):
        return None  # "April" alone may be a name
    if re.fullmatch(YEAR, phrase) and _CURRENCY_BEFORE.search(
        text, max(0, match.start("date") - LOOK_BEHIND), match.start("date")
    ):
        return None
    cue_word = re.sub(r"\s+", " ", cue.lower()) if cue else None
    if _points_ahead(text, match.start()):
        cue_word = cue_word or "until"  # a start ahead is read as a deadline is: not the past
    interpreted = _interpret(phrase, year, document_date, cue_word)
    if interpreted is None or interpreted[0] is None:
        return None
    start, end = interpreted
    cue = re.sub(r"\s+", " ", cue.lower()) if cue else None
    keeps_cue = cue in SPAN_CUES
    modifier = re.sub(r"\s+", " ", modifier.lower()) if modifier else None
    words = [word for word in (cue if keeps_cue else None, modifier) if word]
    begin = match.start() if keeps_cue else match.start("mod") if modifier else match.start("date")
    value = DateValue(
        start,
        end,
        approximate=bool(words) or re.fullmatch(DECADE, phrase) is not None,
        qualifier=" ".join(words) or None,
    )
    return DateMention(begin, match.end(), value)


def _period(
    match: re.Match[str], year: int | None, document_date: str | None
) -> DateMention | None:
    """A DateMention for a match of PERIOD_PATTERN, borrowing a year from the other end."""
    if match.group("word") and not match.group("cue"):
        return None  # "in April and May" names two dates
    (year1, month1, day1), (year2, month2, day2) = (
        _parts(match.group("first")),
        _parts(match.group("second")),
    )
    if (day1 or day2) and not (month1 and month2):
        return None  # "2025-12-04 - 5" is not a period
    if year1 is None and year2 is not None:
        year1 = year2 - 1 if month1 and month2 and month1 > month2 else year2
    if year2 is None and year1 is not None:
        year2 = year1 + 1 if month1 and month2 and month1 > month2 else year1
    if year1 is None and year2 is None and year is not None:
        year1 = reported_year(year, month1, document_date)
        year2 = year1 + 1 if month1 and month2 and month1 > month2 else year1
    if year1 is None or year2 is None:
        return None
    start, end = _iso(year1, month1, day1), _iso(year2, month2, day2)
    if start is None or end is None or end < start:
        return None
    cue = match.group("cue")
    return DateMention(
        match.start(), match.end(), DateValue(start, end, qualifier=cue.lower() if cue else None)
    )


# Words before a date that make it the start of something ahead: "effective from December 1",
# "starting August 1", "takes effect on", and "from" in a sentence about what "will" happen.
_AHEAD = re.compile(
    r"(?i:\b(?:effective|starting|beginning|with effect from|takes? effect|comes? into force)"
    r"(?:\s+(?:from|on))?\s*$)"
)
_WILL_FROM = re.compile(r"(?i:\bwill\b[^.;]*\bfrom\s*$)")
_TODAY = re.compile(r"\btoday\b", re.I)


def _points_ahead(text: str, position: int) -> bool:
    before = text[max(0, position - 200) : position]
    return bool(_AHEAD.search(before[-LOOK_BEHIND:]) or _WILL_FROM.search(before))


def find_dates(text: str, year: int | None, document_date: str | None = None) -> list[DateMention]:
    """Dates and periods in ``text``, non-overlapping, in text order.

    ``year`` is assumed for dates that name none ("October 28"); ``document_date`` (ISO) anchors
    relative dates ("last month"), else ``year`` does ("this year"). Dates that cannot be dated
    this way are left out; "today" is the document's date when it gives a day. A cue that
    changes the meaning ("since", "by", "between") is part of the mention; "in" and "on" are
    not.
    """
    candidates = [
        mention
        for match in PERIOD_PATTERN.finditer(text)
        if (mention := _period(match, year, document_date)) is not None
    ] + [
        mention
        for match in DATE_PATTERN.finditer(text)
        if (mention := _single(match, text, year, document_date)) is not None
    ]
    if document_date and len(document_date) == 10:  # "announced today": the document's day
        candidates += [
            DateMention(m.start(), m.end(), DateValue(document_date)) for m in _TODAY.finditer(text)
        ]
    candidates.sort(key=lambda mention: (mention.begin, mention.begin - mention.end))
    chosen: list[DateMention] = []
    for mention in candidates:
        if not chosen or mention.begin >= chosen[-1].end:
            chosen.append(mention)
    return chosen


# Qualifiers of a horizon or deadline rather than a date something happened at.
_FORECAST_QUALIFIERS = ("by", "until", "till", "before")
# Cues before a month without a year that point ahead of the document date.
_DEADLINE_CUES = ("by", "until", "till")


def year_of_context(text: str, document_date: str | None) -> int | None:
    """The year to assume for dates without one.

    The document date's year; else the most recent year the text names, not counting decades
    ("the 2030s") or horizons ("by 2030"); else None.
    """
    if document_date:
        return int(document_date[:4])
    years = [
        int((mention.value.end or mention.value.start)[:4])
        for mention in find_dates(text, None)
        if mention.value.decade() is None
        and (mention.value.qualifier or "").split(" ")[0] not in _FORECAST_QUALIFIERS
    ]
    return max(years, default=None)


def duration_between(start: str, end: str) -> str | None:
    """The whole months from ``start`` to ``end`` (both known to the month) as an ISO 8601
    duration in years when whole ("P1Y", "P18M"); None when not positive or too coarse."""
    if len(start) < 7 or len(end) < 7:
        return None
    months = (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7])
    if months <= 0:
        return None
    return f"P{months // 12}Y" if months % 12 == 0 else f"P{months}M"
