"""The words that state an agreement, and the kind each states.

Nouns ("memorandum of understanding", "share purchase agreement", "strategic alliance",
"binding letter of intent", "action plan", "joint venture") give the kind of the table: the
most specific noun of a phrase wins ("offtake deal" is an offtake). Verb phrases state
agreements without such a noun: buying or taking a stake ("agreed to buy $400 million of
preferred stock", "receives warrants for a 5% equity stake"), financing ("provided Lynas with
financing", "agreed to contribute A$200 million", "decided to put up to 40 million
euros in"), changing an agreement ("the two sides rewrote their deal": an amendment; "the loan
was extended by ten years": an extension).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from critmin.graph.base.values import Span


@dataclass(frozen=True)
class Trigger:
    """Words that state an agreement: where, which kind, and whether a noun or a verb phrase."""

    span: Span
    kind: str
    noun: bool = True


_NOUNS: tuple[tuple[str, str], ...] = (
    (r"memorand(?:um|a|ums) of (?:understanding|cooperation|co-operation|agreement)", "mou"),
    (r"memorand(?:um|a|ums)", "mou"),
    (r"(?-i:M[Oo]Us?|MOCs?)", "mou"),
    (r"letters? of intent", "letter-of-intent"),
    (r"letters? of interest", "letter-of-interest"),
    (r"letters? of agreement", "agreement"),
    (r"heads of agreement", "deal"),
    (r"(?:non-binding |binding )?term sheets?", "deal"),
    (r"(?:share|stock) purchase agreements?|shareholders['\u2019]? agreements?", "deal"),
    (r"purchase agreements?|acquisition agreements?", "deal"),
    (r"offtake (?:agreements?|deals?|contracts?|arrangements?)", "offtake"),
    (r"supply (?:agreements?|deals?|contracts?)", "supply"),
    (r"loan (?:agreements?|deals?)", "loan"),
    (r"investment (?:agreements?|deals?|pacts?)", "investment"),
    (r"peace (?:agreements?|deals?|accords?|treat(?:y|ies))", "peace-agreement"),
    (r"framework agreements?", "framework"),
    (r"joint ventures?", "joint-venture"),
    (r"joint (?:statements?|declarations?)", "joint-statement"),
    (r"declarations?(?: of (?:principles|intent))?", "declaration"),
    (r"action plans?", "action-plan"),
    (r"(?-i:(?:[A-Z][\w-]*\s+){1,6}Plan)\b", "action-plan"),
    (r"(?-i:(?:[A-Z][\w-]*\s+){1,6}Initiative)", "initiative"),
    (r"(?:strategic )?alliances?", "partnership"),
    (r"(?<!\bin\s)partnerships?", "partnership"),
    (r"frameworks?", "framework"),
    (r"contracts?", "contract"),
    (r"leases?", "lease"),
    (
        r"loans?(?!\s+(?:relief|reserve|programme|program|office|guarantees?|book|officer)\b|['\u2019]s)",
        "loan",
    ),
    (r"deals?(?![-\u2013])", "deal"),
    (r"agreements?|accords?|pacts?|treaty|treaties|arrangements?", "agreement"),
    (r"co-?operation", "cooperation"),
)
# Nouns that only name an agreement already named ("the initiative", "the text").
_REFERRING = re.compile(r"\b(?:initiative|plan|text|document|instrument|statement)\b")
# A capitalised word after a trigger that makes the trigger part of another name.
_NAME_GOES_ON = re.compile(
    r"\s+(?!(?:Agreement|Framework|Memorandum|Partnership|Plan|Initiative)\b)"
    r"(?:Room|Hall|Organi[sz]ation|Fund|Office|Act|Council|Secretariat|Summit)\b"
)
_NOUN_PATTERNS = tuple((re.compile(rf"\b(?:{p})\b", re.I), kind) for p, kind in _NOUNS)
KIND_ORDER = (
    "mou", "letter-of-intent", "letter-of-interest", "loan-extension", "extension", "amendment",
    "equity-stake", "offtake", "supply", "loan", "investment", "peace-agreement", "framework",
    "joint-venture", "joint-statement", "declaration", "action-plan", "initiative",
    "partnership", "contract", "lease", "deal", "agreement", "cooperation", "referring",
)  # fmt: skip
"""Kinds from the most specific to the most generic."""

# Verb phrases that state an agreement without an agreement noun.
_VERBS: tuple[tuple[str, str], ...] = (
    (
        r"\b(?:agreed|agrees|decided|decides|moved|committed)\s+to\s+(?:buy|take|acquire|purchase)"
        r"\b[^.;]{0,80}?\b(?:stakes?|shares|stock|equity|interest|control)\b",
        "equity-stake",
    ),
    (
        r"\b(?:receives?|received|takes?|took|acquired?|bought|buys)\s+(?:warrants\s+for\s+)?"
        r"(?:an?\s+)?(?:roughly\s+|about\s+|around\s+)?[\d.,]+\s?(?:%|per\s?cent)\s+"
        r"(?:equity\s+)?stake\b",
        "equity-stake",
    ),
    (
        r"\bwarrants\s+for\s+an?\s+[\d.,]+\s?(?:%|per\s?cent)\s+(?:equity\s+)?stake\b",
        "equity-stake",
    ),
    (r"\bprovided\s+\S+(?:\s+\S+){0,3}?\s+with\s+(?:financing|funding|loans?|finance)\b", "deal"),
    (
        r"\b(?:agreed|decided|committed|undertook)\s+to\s+(?:invest|contribute|lend|provide)\b",
        "deal",
    ),
    (r"\b(?:half-|part-|co-)?funded(?=\s+(?:[\w-]+\s+){0,4}?by\b)", "deal"),
    (
        r"\b(?:rewrote|rewritten|amended|revised|renegotiated)\s+(?:their|the|its)\s+"
        r"(?:deal|agreement|contract|terms)\b",
        "amendment",
    ),
    (
        r"\b(?:the|its|their)\s+(?:loan|agreement|contract|deal|lease)\s+(?:was|has\s+been|were)\s+"
        r"extended\b",
        "extension",
    ),
)
_VERB_PATTERNS = tuple((re.compile(p, re.I), kind) for p, kind in _VERBS)


def find_triggers(text: str, begin: int, end: int) -> list[Trigger]:
    """Agreement triggers between two offsets, in text order, longest match first."""
    found: list[Trigger] = []
    for pattern, kind in _VERB_PATTERNS:
        for match in pattern.finditer(text, begin, end):
            loan = kind == "extension" and re.search(r"\bloan\b", match.group(), re.I)
            stated = "loan-extension" if loan else kind
            _add(found, Trigger(Span(match.start(), match.end()), stated, noun=False))
    for pattern, kind in _NOUN_PATTERNS:
        for match in pattern.finditer(text, begin, end):
            if _NAME_GOES_ON.match(text, match.end()):
                continue  # "the Treaty Room": part of another name
            _add(found, Trigger(Span(match.start(), match.end()), kind))
    for match in _REFERRING.finditer(text, begin, end):
        _add(found, Trigger(Span(match.start(), match.end()), "referring"))
    return sorted(found, key=lambda t: t.span)


def _add(found: list[Trigger], trigger: Trigger) -> None:
    if not any(t.span.begin < trigger.span.end and trigger.span.begin < t.span.end for t in found):
        found.append(trigger)


def is_plural(text: str, trigger: Trigger) -> bool:
    """Whether a noun trigger is plural ("arrangements", "memoranda")."""
    words = text[trigger.span.begin : trigger.span.end].lower()
    head = words.split(" of ")[0].split()[-1]
    return trigger.noun and (head.endswith(("s", "memoranda", "treaties")) and head != "pass")


def specific_kind(kinds: list[str]) -> str:
    """The most specific of several kinds stated for one agreement."""
    return min(kinds, key=KIND_ORDER.index) if kinds else "agreement"
