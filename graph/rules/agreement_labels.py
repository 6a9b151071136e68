"""Labels of agreements: a proper name the text gives, else the parties and the trigger's noun.

"the binding US-Saudi Strategic Framework on Critical Minerals" gives the parties and the
Title-Case name; "a critical minerals framework with Japan" gives "United States-Japan
critical minerals framework" (the words before the trigger up to a determiner, an adjective
of status or a number); a group agreement lists its partners.
"""

from __future__ import annotations

import re

from critmin.graph.base.values import Entity, Span
from critmin.graph.rules.actors import NAME
from critmin.graph.text.mentions import Clause, EntityMention
from critmin.graph.text.reference import ReferenceIndex

EN_DASH = "\u2013"
LABEL_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "these",
        "this",
        "those",
        "multiple",
        "new",
        "binding",
        "non-binding",
        "legally",
        "several",
        "first-ever",
        "major",
        "additional",
        "its",
        "their",
        "into",
        "with",
        "entry",
        "of",
        "on",
        "to",
        "recent",
        "recently",
        "million",
        "billion",
        "trillion",
    ]
)


def agreement_label(
    clause: Clause,
    segment: Span,
    trigger: Span,
    parties: list[Entity],
    listed: list[EntityMention],
    kind: str,
    index: ReferenceIndex,
) -> str:
    """A proper name given in Title Case, else parties and the trigger's noun phrase."""
    text = clause.text
    names = [p.label or index.label(p.iri) for p in parties]
    for match in re.finditer(NAME, text[segment.begin : segment.end]):
        begin, end = segment.begin + match.start(), segment.begin + match.end()
        if begin <= trigger.begin and trigger.end <= end and text[trigger.begin].isupper():
            inner = [m for m in clause.mentions if begin <= m.span.begin and m.span.end <= end]
            start = max([begin, *(m.span.end for m in inner if m.span.begin == begin)])
            proper = text[start:end].strip()
            if len(proper.split()) >= 2:
                return f"{EN_DASH.join(names[:2])} {proper}" if len(names) <= 2 else proper
    words = text[segment.begin : trigger.begin].split()[-3:]
    phrase_words: list[str] = []
    for word in reversed(words):
        if not re.fullmatch(r"[a-z][a-z-]*", word) or word in LABEL_STOP:
            break
        phrase_words.insert(0, word)
    while phrase_words and phrase_words[0] == "and":
        phrase_words.pop(0)
    noun = " ".join([*phrase_words, text[trigger.begin : trigger.end]])
    if kind == "group":
        partners = [m.entity.label or index.label(m.iri) for m in listed]
        if len(partners) == 1:
            return f"{names[0]} {noun} with {partners[0]}"
        return f"{names[0]} {noun} with {', '.join(partners[:-1])} and {partners[-1]}"
    return f"{EN_DASH.join(names)} {noun}"
