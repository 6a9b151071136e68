"""Who acts in a clause: the agent a mention stands for, implied agents and listed actors.

Rules, each for a kind of phrase rather than a sentence:

- Agent of a clause: the nearest actor mention before a position that is not the object of a
  preposition ("with Japan", "in Busan") and not the first half of a dashed pair; a person or
  an "X administration" / "X government" stands for the state the reference data gives them
  a role in, and a body the reference data says is run by a state (a presidency) for it.
- Implied agent: when a clause has no agent, the agent of the nearest earlier clause of the
  same paragraph that is not another item of the same semicolon enumeration (items do not
  lend each other subjects); failing that, the state most often named in agent position in
  the document.
- Listed actors: the actors of an enumeration ("Chile, Peru and Bolivia") after a position.
- Counted states of a region: "five Central Asian states" (a count, a region's name or
  demonym, then "states", "countries" or "nations") names the states the reference data
  locates in that region when it locates exactly that many there; otherwise the phrase names
  the region only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cached_property

from rdflib import URIRef

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import Entity
from critmin.graph.text.mentions import Clause, EntityMention
from critmin.graph.text.numbers import NUMBER, parse_number
from critmin.graph.text.reference import ACTOR_CLASSES, ReferenceIndex

PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "with",
        "to",
        "against",
        "on",
        "from",
        "of",
        "for",
        "into",
        "by",
        "between",
        "among",
        "across",
        "over",
        "under",
        "via",
        "including",
        "like",
        "toward",
        "towards",
        "than",
        "about",
    ]
)
_LIST_GAP = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+|[-\u2013\u2014])\s*(?:the\s+)?"
)
_COUNT_BEFORE = re.compile(rf"(?:^|\s)(?P<count>{NUMBER})\s+(?:of\s+the\s+)?$")
_STATES_AFTER = re.compile(r"\s+(?:states|countries|nations)\b")
_GOVERNMENT_SUFFIX = re.compile(
    r"\s*(?:administration|government|regime|junta|cabinet|authorities)\b"
)  # matched right after a name


def is_actor(mention: EntityMention, index: ReferenceIndex) -> bool:
    """Whether the mention names an actor (reference or minted)."""
    types = mention.entity.types or index.types.get(mention.iri, frozenset())
    return bool(frozenset(types) & ACTOR_CLASSES)


def state_for(
    mention: EntityMention, text: str, index: ReferenceIndex, executive: bool = True
) -> Entity:
    """The entity a mention stands for as an agent: a person's or administration's state, and
    (with ``executive``) the state that runs a body such as a presidency."""
    if index.is_a(mention.iri, CM.Person) or _GOVERNMENT_SUFFIX.match(text, mention.span.end):
        state = index.state_of(mention.iri)
        if state is not None:
            return Entity(state)
    state = index.executive_of(mention.iri) if executive else None
    return Entity(state) if state is not None else mention.entity


def in_agent_position(mention: EntityMention, clause: Clause) -> bool:
    """Not the object of a preposition (nor listed after one), not half of a dashed pair."""
    head = mention
    for previous in reversed([m for m in clause.mentions if m.span.end <= mention.span.begin]):
        if not _LIST_GAP.fullmatch(clause.between(previous.span.end, head.span.begin)):
            break
        head = previous
    if head is not mention and re.fullmatch(
        r"[-\u2013\u2014]", clause.between(head.span.end, head.span.end + 1)
    ):
        return False
    before = clause.between(clause.span.begin, head.span.begin).split()
    if before and before[-1].lower().strip(",") in PREPOSITIONS:
        return False
    after = clause.text[mention.span.end : mention.span.end + 1]
    return after == "" or after not in "-\u2013\u2014"


def agent_before(clause: Clause, position: int, index: ReferenceIndex) -> EntityMention | None:
    """The nearest actor mention in agent position before ``position`` in the clause."""
    for mention in reversed(clause.mentions):
        governed = _GOVERNMENT_SUFFIX.match(clause.text, mention.span.end)
        if (
            mention.span.end <= position
            and is_actor(mention, index)
            and (mention.form != "demonym" or governed)
            and in_agent_position(mention, clause)
        ):
            return mention
    return None


def clause_agent(clause: Clause, index: ReferenceIndex) -> Entity | None:
    """The first actor in agent position of a clause, as the state it stands for."""
    for mention in clause.mentions:
        if (
            is_actor(mention, index)
            and mention.form != "demonym"
            and in_agent_position(mention, clause)
        ):
            return state_for(mention, clause.text, index)
    return None


class DocumentAgents:
    """The agents implied for a document's clauses: for a clause, the agent of the nearest
    earlier clause of its paragraph, else the document's agent. The clauses are grouped by
    paragraph and the document's agent worked out once, not for every clause asked about."""

    def __init__(self, clauses: Sequence[Clause], index: ReferenceIndex) -> None:
        self.clauses = clauses
        self.index = index
        self._by_paragraph: dict[int, list[Clause]] = {}
        for clause in clauses:
            self._by_paragraph.setdefault(clause.paragraph, []).append(clause)
        self._in_sentence = Counter(clause.sentence for clause in clauses)

    def implied(self, clause: Clause) -> Entity | None:
        """The agent of the nearest earlier clause of the paragraph, else the document's."""
        alone = self._in_sentence[clause.sentence] == 1
        earlier = [
            c
            for c in self._by_paragraph.get(clause.paragraph, ())
            if c.span < clause.span and (c.sentence != clause.sentence or alone)
        ]
        for previous in reversed(earlier):
            agent = clause_agent(previous, self.index)
            if agent is not None:
                return agent
        state = self.document_state
        return Entity(state) if state is not None else None  # a new Entity per clause, as before

    @cached_property
    def document_state(self) -> URIRef | None:
        """The state that is the document's agent, if any."""
        return document_state(self.clauses, self.index)


def document_state(clauses: Sequence[Clause], index: ReferenceIndex) -> URIRef | None:
    """The state named most often in agent position in the document (ties: first named)."""
    counts: Counter[URIRef] = Counter()
    first_seen: dict[URIRef, int] = {}
    for clause in clauses:
        for mention in clause.mentions:
            if is_actor(mention, index) and in_agent_position(mention, clause):
                state = state_for(mention, clause.text, index)
                if index.is_a(state.iri, CM.State):
                    counts[state.iri] += 1
                    first_seen.setdefault(state.iri, mention.span.begin)
    if not counts:
        return None
    return max(counts, key=lambda iri: (counts[iri], -first_seen[iri]))


def listed_after(
    clause: Clause,
    position: int,
    index: ReferenceIndex,
    end: int | None = None,
    max_lead_words: int = 3,
    classes: frozenset[URIRef] = ACTOR_CLASSES,
) -> list[EntityMention]:
    """Actors listed from ``position`` ("Chile, Peru and Bolivia"), the first within a few words.

    ``end`` bounds the search (default: the clause end).
    """
    stop = clause.span.end if end is None else end
    found: list[EntityMention] = []
    cursor = position
    for mention in clause.mentions:
        if mention.span.begin < position or mention.span.end > stop:
            continue
        gap = clause.between(cursor, mention.span.begin)
        if not found:
            if len(gap.split()) > max_lead_words or re.search(r"[,;.]", gap):
                break
        elif not _LIST_GAP.fullmatch(gap):
            break
        following = [m for m in clause.mentions if m.span.begin > mention.span.end]
        if following and re.fullmatch(
            r"\s", clause.between(mention.span.end, following[0].span.begin)
        ):
            cursor = mention.span.end
            continue
        if (
            index.is_a(mention.iri, classes)
            or set(mention.entity.types) & classes
            or counted_states(mention, clause.text, index)
        ):
            found.append(mention)
        cursor = mention.span.end
    return found


def counted_states(mention: EntityMention, text: str, index: ReferenceIndex) -> tuple[Entity, ...]:
    """The states "N <region> states" names (see the module docstring), else ()."""
    if not index.is_a(mention.iri, CM.Region) or not _STATES_AFTER.match(text, mention.span.end):
        return ()
    count = _COUNT_BEFORE.search(text, max(0, mention.span.begin - 30), mention.span.begin)
    if count is None:
        return ()
    states = index.states_in(mention.iri)
    return tuple(map(Entity, states)) if len(states) == parse_number(count["count"]) else ()
