"""Dates told relative to something: the passage they are in, the document's date, the date
named just before.

A day or month named without a year ("On 24 November", "in April") is dated by these rules,
in order:

1. "that year" / "the same year" after it: the year last named before it.
2. A year named earlier in the same paragraph as the date of something (not a comparison,
   "less than in 2009", nor a modifier, "the 2021 law", nor a horizon, "by 2030"): that year.
   A retrospective passage about 2010 keeps its dates in 2010.
3. Else the year of the reference date: the last dated heading before it ("PART C: UPDATE,
   9 JANUARY 2023", "TUESDAY 17 JUNE" in a live blog), else the document's date; a date that
   would then fall after the reference date is in the year last named within two paragraphs
   before, if earlier, else in the year before ("in December" in a June report), unless
   words before it point ahead ("starting August 1", "effective from", "will ... in").

Also dated relative to the document's date: weekdays ("on Tuesday": the latest Tuesday on or
before it; "last Tuesday": strictly before) and months ("last November", "this April", "next
March"); relative to the last date named to the day: "the same day", "that day", "the next
day", "N days later" or "earlier". A month alone at the head of a timeline line ("July: the
Pentagon agreed ...") is a date, and so is "the first week of January" (to the month).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from datetime import date, timedelta

from critmin.graph.base.values import DateValue
from critmin.graph.text.dates import (
    MONTH,
    MONTHS,
    YEAR,
    DateMention,
    find_dates,
    year_of_context,
)
from critmin.graph.text.numbers import NUMBER, parse_number
from critmin.graph.text.span_index import SpanIndex

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    r"\b(?P<which>[Oo]n|[Ll]ast|[Tt]his past)\s+(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday)\b(?!,?\s*(?:\d|" + MONTH + r"))"
)
_AHEAD = re.compile(r"\b(?:will|would|due|expected|set|scheduled|next)\b[^.;]*$", re.I)
_RELATIVE_MONTH = re.compile(rf"\b(?P<which>[Ll]ast|[Tt]his|[Nn]ext)\s+(?P<month>{MONTH})")
_AFTER_PREVIOUS = re.compile(
    rf"\b(?:(?:on\s+)?the\s+same\s+day|that\s+day|the\s+(?:next|following)\s+day"
    rf"|(?P<count>an?|{NUMBER})\s+(?P<unit>days?|weeks?)\s+(?P<way>later|earlier))\b",
    re.I,
)
_WEEK_OF_MONTH = re.compile(
    rf"\b(?:the\s+)?(?:first|second|third|fourth|last|final)\s+week\s+of\s+(?P<month>{MONTH})"
    rf"(?!,?\s+\d)",
    re.I,
)
_TIMELINE_MONTH = re.compile(
    rf"^[ \t]*(?:[-*\u2022\u00b7]|\d+[.)])?[ \t]*(?P<month>{MONTH}):", re.M
)
_THAT_YEAR = re.compile(r"\s*(?:of\s+)?(?:that|the\s+same)\s+year\b", re.I)
_YEAR_IN = re.compile(YEAR)
_POSSESSIVE = re.compile(r"['\u2019]s\b")  # "Today's step": a step, not a date of its own
# Where a paragraph ends: a blank line, or a line break after the end of a sentence (a text
# with one paragraph per line); a line break inside a sentence only wraps it, and a list item
# or a timeline line ("- ...", "2. ...", "July: ...") goes on the passage before.
PARAGRAPH_BREAK = re.compile(
    r"\n[ \t]*\n|(?<=[.!?:\"\u201d])[ \t]*\n"
    r"(?![ \t]*(?:[-*\u2022\u00b7]|\d+[.)]|[A-Z][a-z]+(?:\s+\d{1,4})?:))"
)
_LINE = re.compile(r"[^\n]+")
# Qualifiers of years that do not set the time of a passage: horizons and starting points.
_NOT_NARRATIVE = ("by", "until", "till", "before", "since")
# Words before a year that make it a point of comparison: "lower than in the first half of 2019".
_COMPARED = re.compile(r"\b(?:than|compared\s+(?:with|to)|against)\b[^.;]{0,30}$", re.I)
# A year used as a modifier: "the 2021 law", "the administration's 2024 rejection".
_MODIFIER_AFTER = re.compile(r"\s+(?!and\b|or\b|but\b|when\b|to\b|the\b|a\b|an\b)[a-z]")
# Words before a date that point ahead of the report: a start, a deadline, a schedule.
_AHEAD_OF = re.compile(
    r"\b(?:starting|start|from|effective|beginning|as\s+of|will|shall|take\s+effect|takes\s+effect|"
    r"due|scheduled|set\s+to|expected|next|until|by)\b[^.;]{0,25}$",
    re.I,
)
HEADING_WORDS = 10
PARAGRAPHS_BACK = 2


def document_dates(text: str, document_date: str | None) -> list[DateMention]:
    """Every date of ``text``, dated by the passage, the document's date and each other."""
    found = find_dates(text, _year(document_date) or year_of_context(text, None), document_date)
    context = _Context(text, document_date, found)
    dated = [context.redate(mention) for mention in found]
    relative = [
        *_years_ago(text, document_date),
        *_weekdays(text, document_date),
        *_relative_months(text, document_date),
        *_month_only(text, context, _TIMELINE_MONTH),
        *_month_only(text, context, _WEEK_OF_MONTH),
    ]
    chosen = [
        d for d in _without_overlaps([*relative, *dated]) if not _POSSESSIVE.match(text, d.end)
    ]
    return _without_overlaps([*chosen, *_after_previous(text, chosen)])


class _Context:
    """The years and reference dates of a text's passages."""

    def __init__(self, text: str, document_date: str | None, found: list[DateMention]) -> None:
        self.text = text
        self.document_date = document_date
        self.paragraph_starts = [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(text)]
        explicit = [m for m in found if _YEAR_IN.search(text, m.begin, m.end)]
        self.any_year = [(m.begin, _last_year(m)) for m in explicit]
        self.named = [(m.begin, _last_year(m)) for m in explicit if self._sets_the_time(m)]
        by_begin = SpanIndex(found, lambda m: (m.begin, m.end))
        self.headings = [
            (line.start(), m.value.start)
            for line in _LINE.finditer(text)
            if len(line.group().split()) <= HEADING_WORDS
            and not line.group().rstrip().endswith(".")
            for m in by_begin.starting_in(line.start(), line.end())
            if len(m.value.start) == 10
        ]
        self.heading_begins = [begin for begin, _ in self.headings]

    def _sets_the_time(self, mention: DateMention) -> bool:
        return (
            mention.value.decade() is None
            and (mention.value.qualifier or "").split(" ")[0] not in _NOT_NARRATIVE
            and not _COMPARED.search(self.text, max(0, mention.begin - 40), mention.begin)
            and not _MODIFIER_AFTER.match(self.text, mention.end)
        )

    def paragraph(self, offset: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, offset)

    def last_named(
        self, offset: int, paragraphs: int | None = None, named: list[tuple[int, int]] | None = None
    ) -> int | None:
        """The year last named as the time of something before ``offset`` (any year named,
        with ``named=self.any_year``), within ``paragraphs`` paragraphs if given."""
        named = self.named if named is None else named
        index = bisect.bisect_left(named, (offset, 0)) - 1
        if index < 0:
            return None
        begin, year = named[index]
        if paragraphs is not None and self.paragraph(offset) - self.paragraph(begin) > paragraphs:
            return None
        return year

    def reference_date(self, offset: int) -> str | None:
        last = bisect.bisect_left(self.heading_begins, offset) - 1
        return self.headings[last][1] if last >= 0 else self.document_date

    def year_for(self, offset: int, end: int, month: int | None, day: int | None) -> int | None:
        """The year of a date at ``offset`` that names only ``month`` (and ``day``)."""
        if _THAT_YEAR.match(self.text, end):
            return self.last_named(offset, named=self.any_year)
        same_paragraph = self.last_named(offset, paragraphs=0)
        if same_paragraph is not None:
            return same_paragraph
        reference = self.reference_date(offset)
        if reference is None:
            return None
        year = int(reference[:4])
        if month is None or (month, day or 1) <= _month_day(reference):
            return year
        if _AHEAD_OF.search(self.text, max(0, offset - 50), offset):
            return year  # "starting August 1" in a July report: ahead, not last year
        earlier = self.last_named(offset, paragraphs=PARAGRAPHS_BACK)
        return earlier if earlier is not None and earlier < year else year - 1

    def redate(self, mention: DateMention) -> DateMention:
        """The mention with the year its passage gives, where it names none."""
        value = mention.value
        if value.end is not None or _YEAR_IN.search(self.text, mention.begin, mention.end):
            return mention
        if len(value.start) < 7 or not re.search(MONTH, self.text[mention.begin : mention.end]):
            return mention  # "this year", "last month": relative to the document's date
        month = int(value.start[5:7])
        day = int(value.start[8:10]) if len(value.start) == 10 else None
        year = self.year_for(mention.begin, mention.end, month, day)
        if year is None:
            return mention
        start = f"{year:04d}{value.start[4:]}"
        return replace(mention, value=replace(value, start=start))


def _last_year(mention: DateMention) -> int:
    return int((mention.value.end or mention.value.start)[:4])


def _month_day(iso: str) -> tuple[int, int]:
    return (int(iso[5:7]) if len(iso) >= 7 else 12, int(iso[8:10]) if len(iso) == 10 else 31)


def _year(document_date: str | None) -> int | None:
    return int(document_date[:4]) if document_date else None


def _weekdays(text: str, document_date: str | None) -> list[DateMention]:
    if not document_date or len(document_date) != 10:
        return []
    today = date.fromisoformat(document_date)
    found = []
    for match in _WEEKDAY.finditer(text):
        line_start = text.rfind("\n", 0, match.start())  # then the last full stop after it
        sentence_start = max(text.rfind(".", line_start + 1, match.start()), line_start)
        if _AHEAD.search(text, sentence_start + 1, match.start()):
            continue
        back = (today.weekday() - WEEKDAYS.index(match["day"].lower())) % 7
        if back == 0 and match["which"].lower() != "on":
            back = 7
        day = today - timedelta(days=back)
        found.append(DateMention(match.start("day"), match.end(), DateValue(day.isoformat())))
    return found


_AGO = re.compile(
    rf"\b(?P<count>an?|{NUMBER})\s+years?\s+ago(?P<week>\s+this\s+(?:week|month))?", re.I
)


def _years_ago(text: str, document_date: str | None) -> list[DateMention]:
    """ "Fifteen years ago this week": the document's year (and month) less that many years."""
    if not document_date:
        return []
    found = []
    for match in _AGO.finditer(text):
        word = match["count"].lower()
        count = 1 if word in ("a", "an") else int(parse_number(word))
        year = int(document_date[:4]) - count
        month = document_date[4:7] if match["week"] and len(document_date) >= 7 else ""
        found.append(DateMention(match.start(), match.end(), DateValue(f"{year:04d}{month}")))
    return found


def _relative_months(text: str, document_date: str | None) -> list[DateMention]:
    if not document_date or len(document_date) < 7:
        return []
    year, current = int(document_date[:4]), int(document_date[5:7])
    found = []
    for match in _RELATIVE_MONTH.finditer(text):
        month = MONTHS[match["month"].rstrip(".").lower()]
        which = match["which"].lower()
        if which == "last":
            shift = -1 if month >= current else 0
        elif which == "next":
            shift = 1 if month <= current else 0
        else:
            shift = 0
        value = DateValue(f"{year + shift:04d}-{month:02d}")
        found.append(DateMention(match.start(), match.end(), value))
    return found


def _month_only(text: str, context: _Context, pattern: re.Pattern[str]) -> list[DateMention]:
    """Months named without a year by ``pattern`` (group ``month``), dated by the passage."""
    found = []
    for match in pattern.finditer(text):
        month = MONTHS[match["month"].rstrip(".").lower()]
        year = context.year_for(match.start("month"), match.end("month"), month, None)
        if year is not None:
            value = DateValue(f"{year:04d}-{month:02d}")
            found.append(DateMention(match.start("month"), match.end("month"), value))
    return found


def _after_previous(text: str, dates: list[DateMention]) -> list[DateMention]:
    """Dates told from the last date named to the day before them ("the same day")."""
    days = _DaysByEnd([d for d in dates if len(d.value.start) == 10 and d.value.end is None])
    found = []
    for match in _AFTER_PREVIOUS.finditer(text):
        last = days.last_ending_by(match.start())
        if last is None:
            continue
        offset = 0
        if match["unit"]:
            word = match["count"].lower()
            count = 1 if word in ("a", "an") else int(parse_number(word))
            step = 7 if match["unit"].lower().startswith("week") else 1
            offset = count * step * (1 if match["way"].lower() == "later" else -1)
        elif re.search(r"next|following", match.group(), re.I):
            offset = 1
        day = date.fromisoformat(last.value.start) + timedelta(days=offset)
        mention = DateMention(match.start(), match.end(), DateValue(day.isoformat()))
        found.append(mention)
        days.add(mention)  # "Two days later ... The next day": told from the day before
    return found


class _DaysByEnd:
    """Dates named to the day, asked for the one ending last by an offset (the first added
    among those ending there)."""

    def __init__(self, days: list[DateMention]) -> None:
        self._keys: list[tuple[int, int]] = []
        self._days: list[DateMention] = []
        for day in days:
            self.add(day)

    def add(self, day: DateMention) -> None:
        key = (day.end, len(self._keys))
        at = bisect.bisect(self._keys, key)
        self._keys.insert(at, key)
        self._days.insert(at, day)

    def last_ending_by(self, offset: int) -> DateMention | None:
        """``max([d for d in days if d.end <= offset], key=end)``: None if there is none."""
        before = bisect.bisect(self._keys, (offset, len(self._keys)))
        if before == 0:
            return None
        first = bisect.bisect_left(self._keys, (self._keys[before - 1][0], -1))
        return self._days[first]


def _without_overlaps(mentions: list[DateMention]) -> list[DateMention]:
    """The mentions in text order, an earlier or longer one winning over one it overlaps."""
    chosen: list[DateMention] = []
    for mention in sorted(mentions, key=lambda m: (m.begin, m.begin - m.end)):
        if not chosen or mention.begin >= chosen[-1].end:
            chosen.append(mention)
    return chosen
