"""What a clause says about an agreement besides its parties: date, binding status, subject.

- Date: the clause's date nearest the trigger that is not an end ("until 2026"), a horizon
  ("by 2030") or an entry into force ("enters into force today", "from 1 August"); a list item
  without a date of its own takes the date of the sentence that introduces the list ("three
  texts were signed in Lima on 2 May 2024:"); failing both, the year of the
  passage (``passage_year``).
- Binding: "non-binding", "not (legally) binding", "political commitment", "statement of
  (shared) intent", "does not create legal obligations" → False; "binding", "firm
  obligations", "enforceable" → True; "whether ... binding" → unknown.
- About minerals: a mineral, a supply-chain stage or a mining word; against it, a subject
  named in the trigger's own words ("defence sales agreement", "tariff deal", "strategic
  economic partnership").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from critmin.graph.base.values import DateValue, Entity, Span
from critmin.graph.rules.agreement_triggers import Trigger
from critmin.graph.text.date_context import PARAGRAPH_BREAK
from critmin.graph.text.dates import MONTH, DateMention
from critmin.graph.text.mentions import Clause, EntityMention, find_stages
from critmin.graph.text.paragraphs import ParagraphBreaks
from critmin.graph.text.reference import MINERAL_CLASSES, ReferenceIndex
from critmin.graph.text.span_index import SpanIndex

_NOT_WHEN_SIGNED = ("until", "till", "by", "before")
_IN_FORCE_BEFORE = re.compile(
    r"\b(?:enters?|entered|entry)\s+into\s+force\b[^.;]{0,30}$|\b(?:takes?|took)\s+effect\b"
    r"[^.;]{0,20}$|\b(?:from|effective|starting|with\s+effect\s+from)\s+$|\bexpires?\s+in\s+$|"
    r"\b(?:was|were|is|been)\s+(?:completed|closed|finali[sz]ed)\s+(?:on\s+)?(?:\w+,?\s+)?$",
    re.I,
)
# Words saying a statement applies from then on: "enters into force", "took effect".
IN_FORCE = re.compile(
    r"\b(?:enters?|entered|entering|come|comes|came)\s+into\s+force\b|"
    r"\b(?:takes?|took|taking)\s+effect\b",
    re.I,
)
_IN_FORCE_AFTER = re.compile(r"[^.;]{0,80}?\b(?:enters?|entered)\s+into\s+force", re.I)
_HEDGED = re.compile(r"\bwhether\b[^.;]*\bbinding\b", re.I)
_NON_BINDING = re.compile(
    r"\bnon-?binding\b|\bnot\s+(?:legally\s+|a\s+|be\s+)?binding\b|\bpolitical\s+commitments?\b|"
    r"\bstatements?\s+of\s+(?:shared\s+)?(?:intent|intention|interest)\b|\bset\s+out\s+intentions\b|"
    r"\b(?:does|do|did)\s+not\s+create\s+(?:any\s+)?legal\s+obligations\b|"
    r"\brather\s+than\s+create\s+legal\s+obligations\b",
    re.I,
)
_BINDING = re.compile(r"\b(?:legally\s+)?binding\b|\bfirm\s+obligations\b|\benforceable\b", re.I)
_MINERAL_WORDS = re.compile(
    r"\b(?:minerals?|mining|mines?|metals?|rare[\s-]earths?|raw\s+materials|ores?|lithium|"
    r"cobalt|nickel|copper|graphite|tungsten|uranium|deposits?|refin\w+|magnets?|"
    r"supply\s+chains?|offtake|concentrate|spodumene|smelt\w*)\b",
    re.I,
)
_OTHER_SUBJECT = re.compile(
    r"\b(?:defen[cs]e|arms|weapons?|military|aircraft|aviation|energy|tariffs?|trade|security|"
    r"economic|oil|gas|steel|aluminium|cars?|chips?|semiconductors?|ceasefire|gender|"
    r"diplomatic|sales)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
_NOT_MINERALS = re.compile(
    r"\bnot\s+(?:about\s+|with\s+|on\s+)?minerals\b|\bnone\s+of\s+(?:these|them|this)\s+involves?\s+minerals\b",
    re.I,
)
PARTY_JOINER = " \u2013 "  # between the parties in the label of an unnamed agreement
# A line that is an item of a list: "- ", "2. ", "(a) ".
LIST_ITEM = re.compile(r"^[ \t]*(?:[-*\u2022\u00b7]|\d+[.)]|\([a-z]\))\s", re.M)


def agreement_date(
    clause: Clause, begin: int, end: int, trigger_begin: int, trigger_end: int,
    dates: SpanIndex[DateMention],
) -> DateValue | None:  # fmt: skip
    """The date the words [begin, end) give an agreement (see the module docstring)."""
    text = clause.text
    candidates = [
        d
        for d in clause.dates
        if begin <= d.begin < end
        and (d.value.qualifier or "").split(" ")[0] not in _NOT_WHEN_SIGNED
        and not _IN_FORCE_BEFORE.search(text, max(0, d.begin - 40), d.begin)
    ]
    in_force = _IN_FORCE_AFTER.match(text, trigger_end)
    if in_force:  # "signed a pact in 2023 that enters into force on ...": not the later date
        candidates = [d for d in candidates if d.end <= trigger_begin or d.end <= in_force.end()]
    if candidates:
        nearest = min(
            candidates, key=lambda d: min(abs(d.begin - trigger_end), abs(trigger_begin - d.end))
        )
        return nearest.value
    return list_lead_date(text, clause.span.begin, dates)


def in_force_date(clause: Clause, begin: int, end: int) -> DateValue | None:
    """The date the words [begin, end) say an agreement enters into force or takes effect
    ("enters into force on 1 July", "took effect in March"), if they say one."""
    phrase = IN_FORCE.search(clause.text, begin, end)
    if phrase is None:
        return None
    after = [d for d in clause.dates if phrase.end() <= d.begin < end]
    return after[0].value if after else None


def list_lead_date(
    text: str, position: int, dates: SpanIndex[DateMention]
) -> DateValue | None:
    """The date of the sentence ending in a colon that introduces the list item at
    ``position``, if ``position`` is in a list item: the lines between the item and the colon
    are list items or blank."""
    line_start = text.rfind("\n", 0, position) + 1
    if not LIST_ITEM.match(text, line_start):
        return None
    lead_end = _list_lead_end(text, line_start)
    if lead_end is None:
        return None
    line_begin = text.rfind("\n", 0, lead_end)
    lead_start = max(text.rfind(".", line_begin + 1, lead_end), line_begin) + 1
    found = [
        d for d in dates.starting_in(lead_start, lead_end) if d.value.qualifier is None
    ]  # fmt: skip
    return found[-1].value if found else None


def _list_lead_end(text: str, line_start: int) -> int | None:
    """The colon ending the line last before ``line_start`` to end in one, if the lines
    between are list items or blank."""
    line_end = line_start - 1
    while line_end >= 0:
        if text[line_end - 1 : line_end] == ":":
            return line_end - 1
        begin = text.rfind("\n", 0, line_end) + 1
        if text[begin:line_end].strip() and not LIST_ITEM.match(text, begin, line_end):
            return None  # the colon does not introduce this list
        line_end = begin - 1
    return None


def stated_binding(words: str) -> bool | None:
    """What words say about whether an agreement binds: False, True, or None."""
    if _HEDGED.search(words):
        return None
    if _NON_BINDING.search(words):
        return False
    if _BINDING.search(words):
        return True
    return None


def about_minerals(clause: Clause, begin: int, end: int, index: ReferenceIndex) -> bool:
    """Whether words [begin, end) of a clause name a mineral, a stage or mining."""
    words = clause.text[begin:end]
    if _NOT_MINERALS.search(words):
        return False
    if _MINERAL_WORDS.search(words) or find_stages(words):
        return True
    return any(
        index.is_a(m.iri, MINERAL_CLASSES)
        for m in clause.mentions
        if begin <= m.span.begin and m.span.end <= end
    )


def minerals_in_passage(
    paragraphs: ParagraphBreaks, sentence_begin: int, sentence_end: int
) -> bool:
    """Whether the paragraph of a sentence speaks of minerals, and the sentence or the next
    does not say that what it states is not about them ("Chips, not minerals")."""
    text = paragraphs.text
    paragraph_begin = paragraphs.paragraph_begin(sentence_begin)
    following = PARAGRAPH_BREAK.search(text, sentence_end)
    paragraph_end = following.start() if following else len(text)
    near = text[sentence_begin : min(paragraph_end, sentence_end + 200)]
    if _NOT_MINERALS.search(near):
        return False
    return bool(_MINERAL_WORDS.search(text, paragraph_begin, paragraph_end))


def other_subject(clause: Clause, trigger_begin: int) -> bool:
    """Whether the words just before a trigger name a subject other than minerals (words in
    names do not count: "the Department of Energy receives ...")."""
    begin = max(clause.span.begin, trigger_begin - 50)
    words = list(clause.text[begin:trigger_begin])
    for mention in clause.mentions:
        for offset in range(max(begin, mention.span.begin), min(trigger_begin, mention.span.end)):
            words[offset - begin] = "_"
    return bool(_OTHER_SUBJECT.search("".join(words)))


def passage_year(
    paragraphs: ParagraphBreaks,
    position: int,
    dates: SpanIndex[DateMention],
    document_date: str | None,
) -> DateValue | None:
    """The year a statement without a date of its own is dated by: the year of the last date
    named before it in its paragraph (not an end or a horizon), else the document's year."""
    earlier = [
        d
        for d in dates.starting_in(paragraphs.paragraph_begin(position), position)
        if (d.value.qualifier or "").split(" ")[0] not in _NOT_WHEN_SIGNED
        and d.value.decade() is None
    ]
    if earlier:
        return DateValue(earlier[-1].value.start[:4])
    return DateValue(document_date[:4]) if document_date else None


_ACRONYM = re.compile(r"[A-Z].*[A-Z]")  # "MoU", "JV", "LOI": kept as written in labels
# The words of a Title-Case name after its trigger: "... of the Lithium Triangle".
_NAME_GOES_ON = re.compile(
    rf"(?:[ \t]+(?:of|for|on|in|the|and)[ \t]+(?:the[ \t]+)?(?!{MONTH}\b)[A-Z][\w-]*"
    rf"(?:[ \t]+(?!{MONTH}\b)[A-Z][\w-]*)*)*"
)


def agreement_name(text: str, trigger: Trigger) -> str | None:
    """The agreement's proper name, where the trigger is part of a Title-Case name."""
    if not trigger.noun or not text[trigger.span.begin].isupper():
        return None
    begin = trigger.span.begin
    while True:
        before = re.search(
            r"(?:[A-Z][\w'\u2019-]*|of|for|on|and|the|\u2013|-)[ \t]*$",
            text[max(0, begin - 40) : begin],
        )
        if before is None or before.group().strip().lower() in ("the", "and"):
            break
        begin -= len(before.group())
    after = _NAME_GOES_ON.match(text, trigger.span.end)
    end = after.end() if after else trigger.span.end
    name = re.sub(r"^(?:An?|The|This|That)\s+", "", text[begin:end].strip(" -\u2013"))
    words = [w for w in name.split() if w[0].isupper()]
    return name if len(words) >= 2 else None


def agreement_label(
    text: str, first: Trigger, final: Trigger, name: str | None, parties: Sequence[Entity],
    index: ReferenceIndex,
) -> str:  # fmt: skip
    if name:
        return name
    names = PARTY_JOINER.join(p.label or index.label(p.iri) for p in parties[:4])
    words = text[first.span.begin : final.span.end]
    noun = words if len(words.split()) <= 6 else text[first.span.begin : first.span.end]
    kept = " ".join(w if _ACRONYM.search(w) else w.lower() for w in noun.split())
    return f"{names} {kept}".strip()


def minerals_within(clause: Clause, segment: Span, index: ReferenceIndex) -> tuple[Entity, ...]:
    named: list[EntityMention] = list(clause.mentions_within(segment.begin, segment.end))
    return tuple(dict.fromkeys(m.entity for m in named if index.is_a(m.iri, MINERAL_CLASSES)))


def kept_binding(kind: str, binding: bool | None) -> bool | None:
    """The binding status stated, except a binding MoU: a memorandum of understanding does not
    bind by definition, so "binding" said of one is taken for a mistake of reference."""
    return None if kind == "mou" and binding else binding
