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

import re
from collections.abc import Callable, Sequence

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Entity, Span
from critmin.graph.text.layout import Layout
from critmin.graph.text.mentions import EntityMention
from critmin.graph.text.reference import ACTOR_CLASSES, ReferenceIndex

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

    entities = {m.iri: m.entity for m in ordered}

    def add(match: re.Match[str], entity: Entity | None) -> None:
        span = Span(match.start(), match.end())
        if entity is None or any(
            m.span.begin < span.end and span.begin < m.span.end for m in ordered
        ):
            return
        found.append(EntityMention(span, entity, "anaphor"))

    for match in _COMPANY.finditer(text):
        topic = layout.topic_at(match.start())
        add(
            match,
            entities.get(topic, Entity(topic)) if topic is not None
            else _last(ordered, match.start(), index, lambda e: _company(e, index)),
        )  # fmt: skip
    for match in _BODY.finditer(text):
        head = match["head"].lower()
        add(match, _last(ordered, match.start(), index, lambda e, h=head: h in _label(e, index)))
    for match in _STATE.finditer(text):
        paragraph = max([0, *(m.end() for m in PARAGRAPH.finditer(text, 0, match.start()))])
        home = Entity(layout.home) if layout.home is not None else None
        state = home or _last(
            [m for m in ordered if m.span.begin >= paragraph],
            match.start(),
            index,
            lambda e: index.is_a(e.iri, CM.State),
        )
        add(match, state)
    return sorted(found, key=lambda m: m.span)


def _last(
    ordered: Sequence[EntityMention],
    before: int,
    index: ReferenceIndex,
    wanted: Callable[[Entity], bool],
) -> Entity | None:
    """The entity of the last actor mention before ``before`` that is ``wanted``."""
    for mention in reversed(ordered):
        if mention.span.end <= before and _actor(mention.entity, index) and wanted(mention.entity):
            return mention.entity
    return None


def _label(entity: Entity, index: ReferenceIndex) -> str:
    return (entity.label or index.label(entity.iri)).lower()


def _actor(entity: Entity, index: ReferenceIndex) -> bool:
    return bool((set(entity.types) | set(index.types.get(entity.iri, ()))) & ACTOR_CLASSES)


def _company(entity: Entity, index: ReferenceIndex) -> bool:
    return CM.Company in set(entity.types) | set(index.types.get(entity.iri, ()))
