"""Definite descriptions that name an actor by what it is: "the Company", "the Department",
"the Vancouver-based developer", "the government", "the kingdom", "the President".

- "the company", "the developer", "the miner", "the firm" (descriptions of a company, with
  words before the noun allowed: "the Chinese company"): the company the section is about
  (see ``layout``), else the company named last before.
- "the Department", "the Ministry", "the Bank" (a capitalised head): the actor named last
  before whose name holds that word ("the Department" after "the US Department of Defense").
- "the government", "the country", "the kingdom", "the administration", "the President":
  the text's home state (the state of its dateline), else the state named last before in
  the paragraph.

Each is a mention of form ``anaphor``; mentions already found are never covered.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Entity, Span
from critmin.graph.text.layout import Layout
from critmin.graph.text.mentions import EntityMention
from critmin.graph.text.paragraphs import ParagraphBreaks
from critmin.graph.text.reference import ACTOR_CLASSES, ReferenceIndex
from critmin.graph.text.span_index import SpanIndex

_COMPANY = re.compile(
    r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?P<head>company|Company|developer|miner|producer|firm|"
    r"explorer|refiner|trading\s+house|group)\b(?!['\u2019]s\s+(?:shares|board))"
)
_BODY = re.compile(
    r"\b[Tt]he\s+(?P<head>Department|Ministry|Agency|Bank|Commission|Office|Bureau|"
    r"Administration|Corporation|Fund)\b(?!\s+of\b)"
)
_STATE = re.compile(
    r"(?<!['\u2019]s\s)\b[Tt]he\s+(?P<head>government|country|kingdom|administration|"
    r"President|Prime\s+Minister)\b(?!\s+of\b|s\b|\s+[A-Z])"
)
PARAGRAPH = re.compile(r"\n[ \t]*\n")


def find_anaphora(
    text: str, mentions: Sequence[EntityMention], layout: Layout, index: ReferenceIndex
) -> list[EntityMention]:
    """Mentions of actors by definite descriptions (see the module docstring)."""
    ordered = sorted(mentions, key=lambda m: m.span)
    found: list[EntityMention] = []
    by_span = SpanIndex(ordered, lambda m: (m.span.begin, m.span.end))
    earlier = _Earlier(ordered, index)
    paragraphs = ParagraphBreaks(text, PARAGRAPH)

    entities = {m.iri: m.entity for m in ordered}

    def add(match: re.Match[str], entity: Entity | None) -> None:
        span = Span(match.start(), match.end())
        if entity is None or by_span.overlapping(span.begin, span.end):
            return
        found.append(EntityMention(span, entity, "anaphor"))

    for match in _COMPANY.finditer(text):
        topic = layout.topic_at(match.start())
        add(
            match,
            entities.get(topic, Entity(topic)) if topic is not None
            else earlier.last("company", lambda e: _company(e, index), match.start()),
        )  # fmt: skip
    for match in _BODY.finditer(text):
        head = match["head"].lower()
        named = earlier.last(f"body {head}", lambda e, h=head: h in _label(e, index), match.start())
        add(match, named)
    for match in _STATE.finditer(text):
        home = Entity(layout.home) if layout.home is not None else None
        state = home or earlier.last(
            "state",
            lambda e: index.is_a(e.iri, CM.State),
            match.start(),
            paragraphs.paragraph_begin(match.start()),
        )
        add(match, state)
    return sorted(found, key=lambda m: m.span)


class _Earlier:
    """The mentions of a text in order, asked for the last actor of some kind before an offset
    (each kind's mentions listed once, not scanned for every description)."""

    def __init__(self, ordered: Sequence[EntityMention], index: ReferenceIndex) -> None:
        self._ordered = ordered
        self._begins = [m.span.begin for m in ordered]
        self._index = index
        self._of_kind: dict[str, list[int]] = {}

    def last(
        self, kind: str, wanted: Callable[[Entity], bool], before: int, since: int = 0
    ) -> Entity | None:
        """The entity of the last actor mention ending by ``before`` (and starting from
        ``since``) that is ``wanted`` (``kind`` names what is wanted)."""
        if kind not in self._of_kind:
            self._of_kind[kind] = [
                number for number, m in enumerate(self._ordered)
                if _actor(m.entity, self._index) and wanted(m.entity)
            ]  # fmt: skip
        numbers = self._of_kind[kind]
        first = bisect.bisect_left(self._begins, since)
        at = bisect.bisect_left(numbers, bisect.bisect_right(self._begins, before)) - 1
        while at >= 0 and numbers[at] >= first:
            mention = self._ordered[numbers[at]]
            if mention.span.end <= before:
                return mention.entity
            at -= 1
        return None


def _label(entity: Entity, index: ReferenceIndex) -> str:
    return (entity.label or index.label(entity.iri)).lower()


def _actor(entity: Entity, index: ReferenceIndex) -> bool:
    return bool((set(entity.types) | set(index.types.get(entity.iri, ()))) & ACTOR_CLASSES)


def _company(entity: Entity, index: ReferenceIndex) -> bool:
    return CM.Company in set(entity.types) | set(index.types.get(entity.iri, ()))
