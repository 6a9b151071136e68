"""How a clause puts a statement: as a fact, or as talks, a proposal, a plan, a denial, a
condition or a threat.

``modality(text, begin, trigger)`` reads the words that govern a trigger: those of its clause
before it (from the last clause boundary: a semicolon, a colon, a dash, ", but", ", while",
", and <subject>", a bracket), and a few after it ("a deal that never happened"). The first cue
found, reading back from the trigger, decides:

- ``denied``: "not", "no", "never", "nothing", "neither", "nor", "without", "instead of",
  "rather than", "let alone", "is not a", "did not";
- ``hypothetical``: "if", "had ... agreed", "would have", "could", "might", "should", "any"
  ("any deal must ...");
- ``negotiated``: "talks", "negotiations", "to negotiate", "discussing", "in discussions";
- ``proposed``: "proposed", "draft", "considering", "to explore", "offered", "would examine",
  "would study", "to study", "welcomed" (unless what is welcomed was made "between" parties);
- ``initialled``: "initialled", "provisionally";
- ``planned``: "will", "plans to", "is to", "expected to", "due to", "aims to", "hopes to",
  "wants to", "to sign", "would ... sign", "is supposed to";
- ``threatened``: "threatened", "warned", "unless";

else ``stated``. A cue that is part of the statement itself is not a cue: "may not be
exported" states a ban, "non-binding" describes an agreement. Only stated statements are
agreements and controls; the others are kept under their own classes.
"""

from __future__ import annotations

import re
from typing import Literal

Modality = Literal[
    "stated", "denied", "hypothetical", "negotiated", "proposed", "initialled", "planned",
    "threatened",
]  # fmt: skip
MODALITIES: tuple[Modality, ...] = (
    "stated", "denied", "hypothetical", "negotiated", "proposed", "initialled", "planned",
    "threatened",
)  # fmt: skip

_BOUNDARY = re.compile(
    r"[;:(\u2014]|\s[-\u2013]\s|,\s+(?:but|while|whereas|although|though|which|who)\b"
    r"|,\s+and\s|\b(?:before|after|until|when|because|once|since)\s+(?=\S)"
)
# "refused to sign" is a refusal, not a plan to sign.
_NOT_REFUSED = r"(?<!refused )(?<!failed )(?<!declined )"
_CUES: tuple[tuple[Modality, re.Pattern[str]], ...] = tuple(
    (modality, re.compile(pattern, re.I))
    for modality, pattern in (
        ("denied", r"\b(?:not|n't|never|nothing|neither|nor|none|without|no)\b"
                   r"|\binstead\s+of\b|\brather\s+than\b|\blet\s+alone\b|\bfailed\s+to\b"
                   r"|\bdenied\b|\brefused\s+to\b|\bstayed\s+out\b"),
        ("hypothetical", r"\b(?:if|whether|could|might|should|would\s+have|any|imagine|"
                         r"hypothetical|speculat\w*)\b|^\s*[Hh]ad\b"),
        ("negotiated", r"\b(?:(?:in|held|hold|holding|began|opened|resumed|are|were)\s+talks|"
                       r"talks\s+(?:on|about|over|towards|for|with|to)|negotiations?|"
                       r"negotiating|to\s+negotiate|discuss\w*|pitch\w*|courting)\b"),
        ("proposed", r"\b(?:propos\w*|draft\w*|consider\w*|to\s+explore|offer\w*|"
                     r"would\s+(?:examine|study)|to\s+study|to\s+examine|outline|"
                     r"eyeing|seek\w*|sought|wants?\s+to|hop\w+\s+to|call\w*\s+for|"
                     r"welcom\w*)\b"),
        ("initialled", r"\b(?:initial+ed|provisionally)\b"),
        ("planned", r"\b(?:will|plans?\s+to|planned|is\s+to|are\s+to|expected|due\s+to|"
                    rf"{_NOT_REFUSED}to\s+(?:launch|sign|conclude|set\s+up|form|create|"
                    r"establish|negotiate)|"
                    r"aims?\s+to|is\s+supposed|would\s+(?:sign|join|form|conclude)|"
                    r"set\s+to|on\s+track\s+to|intends?\s+to|promised?)\b"),
        ("threatened", r"\b(?:threat\w*|warn\w*|unless)\b"),
    )
)  # fmt: skip
# Negations and modal verbs that are part of what is stated, not a cue about it.
_INTERNAL = re.compile(
    r"\bnon-?binding\b|\bnot\s+(?:legally\s+)?binding\b|\bmay\s+not\b|\bshall\s+not\b|"
    r"\bcan\s*not\b|\bcannot\b|\bmust\s+not\b|\bnot\s+be\s+(?:exported|approved|licensed|"
    r"sent|shipped|allowed|permitted)\b|\bno\s+(?:longer|later\s+than)\b|\bnot\s+only\b|"
    r"\bnot\s+least\b|\bNos?\.\s*\d|\bno\s+(?:[\w-]+\s+){1,5}(?:of\s+any\s+kind\s+)?may\b|"
    r"\bwithout\s+(?:the\s+)?"
    r"(?:\w+['\u2019]s\s+)?(?:written\s+)?(?:permit|licen[cs]e|approval|consent)\b",
    re.I,
)
# A verb that does what it says: the agreement was made. Only cues near it, or between it and
# the trigger ("agreed to pursue negotiations towards an arrangement"), govern the trigger.
_DONE = re.compile(
    r"\b(?:signed|concluded|struck|sealed|inked|agreed|reached|finali[sz]ed|entered\s+into|"
    r"put\s+(?:their|its)\s+names?\s+to|announced|unveiled|launched|adopted|formed|set\s+up|"
    r"turned\s+it\s+into|provided|decided|committed|imposed|placed|banned|barred|prohibited|"
    r"suspended|lifted|scrapped|issued|approved)\b",
    re.I,
)
_DONE_AFTER = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:[\w'\u2019-]+\s+){0,6}?(?:signed|concluded|agreed|struck)\b",
    re.I,
)
_MADE_BETWEEN = re.compile(r"\s+(?:signed\s+|concluded\s+)?between\b", re.I)
VERB_REACH = 60
_AFTER = re.compile(
    r"[^.;:]{0,40}?\b(?:never|did\s+not|didn't|was\s+not|wasn't|has\s+not|hasn't|"
    r"had\s+not|hadn't)\s+(?:happen|been\s+signed|signed|materiali[sz]ed|taken\s+effect)",
    re.I,
)


def governing_start(text: str, begin: int, position: int) -> int:
    """Where the words governing ``position`` start: after the last clause boundary."""
    start = begin
    for match in _BOUNDARY.finditer(text, begin, position):
        start = match.end()
    return start


def modality(text: str, begin: int, trigger_begin: int, trigger_end: int) -> Modality:
    """The modality of a statement whose trigger is at [trigger_begin, trigger_end), its
    clause starting at ``begin`` (see the module docstring)."""
    start = governing_start(text, begin, trigger_begin)
    verbs = list(_DONE.finditer(text, max(start, trigger_begin - VERB_REACH), trigger_begin))
    if verbs:
        start = max(start, verbs[-1].start() - VERB_REACH // 2)
    elif _DONE_AFTER.match(text, trigger_end) and not _CUES[0][1].search(
        text, trigger_end, trigger_end + 60
    ):
        return "stated"  # "under an offtake deal it signed with ..."
    window = _INTERNAL.sub(lambda m: " " * len(m.group()), text[start:trigger_begin])
    found = sorted(
        (match.start(), name, match.group().lower())
        for name, pattern in _CUES
        for match in pattern.finditer(window)
    )
    if found:
        _, name, word = found[-1]
        if word == "any" and any(other == "denied" for _, other, _ in found):
            return "denied"  # "has not signed any deal"
        if word.startswith("welcom") and _MADE_BETWEEN.match(text, trigger_end):
            return "stated"  # "welcomed an offtake deal between X and Y": a deal made
        return name
    if _AFTER.match(text, trigger_end):
        return "denied"
    return "stated"


_SUBJECT_HEAD = re.compile(r"[\W]*(?:(?:an?|the|any|some|no)\s+)?(?:[\w-]+,?\s+){0,3}$", re.I)
_PREDICATE_CUES: tuple[tuple[Modality, re.Pattern[str]], ...] = (
    (
        "hypothetical",
        re.compile(
            r"\b(?:could|might|(?-i:may)|would)\s+(?!not\s+be\s+(?:exported|"
            r"approved|licensed))|\bcandidates?\b|\bpossible\b",
            re.I,
        ),
    ),
    (
        "planned",
        re.compile(
            r"\bwill\s+(?!not\b)|\b(?:is|are)\s+(?:due|expected|set|supposed)\s+"
            r"to\b|\b(?:is|are)\s+to\s+be\b",
            re.I,
        ),
    ),
)


def modality_after(text: str, clause_begin: int, clause_end: int, trigger_begin: int,
                   trigger_end: int) -> Modality | None:  # fmt: skip
    """For a trigger that heads its clause's subject ("A sectoral tariff ... could arrive"),
    the modality its predicate gives, if any."""
    if not _SUBJECT_HEAD.fullmatch(text, clause_begin, trigger_begin):
        return None
    predicate = text[trigger_end:clause_end]
    if re.match(r"\s*(?:that|which|who|whose|levied|imposed|set|adopted)\b", predicate):
        return None  # "quotas that limited what could be shipped": a relative clause
    for name, pattern in _PREDICATE_CUES:
        if pattern.search(predicate):
            return name
    return None
