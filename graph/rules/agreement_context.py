"""Parties an agreement's own clause does not name, from the text around it.

A clause naming fewer than two parties takes, in order: the actors of the sentence that leads
into the list it is an item of; the actor the next sentence says gives something "in return";
a pair joined by a dash at the head of its paragraph; the first actor of its clause; the agent
of the paragraph; for a named agreement, the parties of the one last named, else a pair in the
title. A grouping three or more of whose members the sentence names gives way to them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Agreement
from critmin.graph.base.values import Entity
from critmin.graph.rules.agreement_facts import (
    LIST_ITEM,
    agreement_name,
)
from critmin.graph.rules.agreement_mentions import (
    NEARBY_SENTENCES,
    AgreementEntry,
    merged,
)
from critmin.graph.rules.agreement_triggers import Trigger
from critmin.graph.rules.contract import Reading
from critmin.graph.rules.parties import actors_of, entities, first_agent
from critmin.graph.text.mentions import Clause
from critmin.graph.text.reference import ReferenceIndex


def completed_parties(
    reading: Reading,
    clause: Clause,
    trigger: Trigger,
    parties: list[Entity],
    results: list[AgreementEntry],
    last: list[int],
) -> list[Entity]:
    """Fewer than two parties named: add the section's company, else the paragraph's agent,
    else (for a named agreement) the parties of the agreement last named."""
    index = reading.index
    lead = lead_in_actors(reading, clause)
    if lead and parties:
        return merged(parties, lead)
    exchange = in_return(reading, clause)
    if exchange is not None and parties and exchange not in parties:
        return merged(parties, [exchange])
    paired = paragraph_pair(reading, clause)
    if len(paired) == 2 and (not parties or parties[0] in paired):
        return merged(parties, paired)
    matrix = first_agent(clause, trigger.span.begin, index)
    if parties and matrix is not None:
        entity = entities([matrix], clause.text, index, reading.layout.home)
        if entity and entity[0] not in parties:
            return merged(entity, parties)
    if parties:
        agent = reading.agents.implied(clause)
        if agent is not None and agent not in parties:
            return merged([agent], parties)
    if agreement_name(clause.text, trigger) and not parties:
        if last and clause.sentence_number - results[last[-1]].sentence <= NEARBY_SENTENCES:
            return list(results[last[-1]].agreement.parties)
        return title_pair(reading)
    return parties


def company_of(agreement: Agreement, miners: set[Entity], index: ReferenceIndex) -> bool:
    """Whether a company among the parties is a party of an agreement on minerals stated in
    the same text (the tungsten buyer's letter of intent with a trade agency)."""
    return any(
        party in miners and CM.Company in (set(party.types) | set(index.types.get(party.iri, ())))
        for party in agreement.parties
    )


def entity_of(reading: Reading, iri) -> Entity:
    """The entity of an IRI as the text's mentions carry it (minted ones with their label)."""
    return reading.named_entities.get(iri, Entity(iri))


def members_named(clause: Clause, parties: list[Entity], index: ReferenceIndex) -> list[Entity]:
    """A grouping three or more of whose members (or all) the sentence names gives way to them
    ("ministers of Chile, Peru, Bolivia and Argentina ... the Lithium Triangle ...
    Compact")."""
    named = {m.iri for m in clause.mentions}
    result: list[Entity] = []
    for party in parties:
        every = index.members.get(party.iri, ())
        members = [m for m in every if m in named]
        if len(members) >= min(3, len(every)) and members:
            result.extend(Entity(m) for m in members)
        else:
            result.append(party)
    return list(dict.fromkeys(result))


def in_return(reading: Reading, clause: Clause) -> Entity | None:
    """The actor the next sentence says gives something in return ("Lynas in turn will
    supply ...", "In return, X ..."): the other side of an agreement stated with one party."""
    following = next(iter(reading.sentence_clauses.get(clause.sentence_number + 1, ())), None)
    if following is None or not following.mentions:
        return None
    first = following.mentions[0]
    before = reading.text[following.span.begin : first.span.begin]
    after = reading.text[first.span.end : first.span.end + 12]
    if re.fullmatch(r"\s*In\s+(?:return|exchange)\s*,?\s*", before) or (
        not before.strip() and re.match(r"\s+in\s+(?:turn|return)\b", after)
    ):
        return first.entity
    return None


def lead_in_actors(reading: Reading, clause: Clause) -> list[Entity]:
    """The actors of the sentence that introduces the list a clause is an item of ("The mine
    has moved forward in two stages with the ministry:")."""
    text = reading.text
    line_start = text.rfind("\n", 0, clause.span.begin) + 1
    if not LIST_ITEM.match(text, line_start):
        return []
    colon = _lead_colon(text, line_start)
    if colon is None:
        return []
    lead = next(iter(reading.clause_index.overlapping(colon - 1, colon + 1)), None)
    if lead is None:
        return []
    return entities(actors_of(lead.mentions, reading.index), text, reading.index)


def _lead_colon(text: str, line_start: int) -> int | None:
    """The last colon ending a line before ``line_start`` (``text.rfind(":\\n", 0,
    line_start)``), unless a blank line comes between: walked back to line by line."""
    line_end = line_start - 1
    while line_end >= 0:
        if text[line_end - 1 : line_end] == ":":
            return line_end - 1
        if text[line_end - 1 : line_end] == "\n":
            return None  # a blank line between the lead and the item
        line_end = text.rfind("\n", 0, line_end)
    return None


def title_names(reading: Reading, agreement: Agreement) -> bool:
    """Whether the text's title names minerals and every party of the agreement."""
    title = reading.document.title or ""
    if not re.search(r"minerals?|mining|rare earths?|raw materials|lithium|metals", title, re.I):
        return False
    in_title = {m.iri for m in reading.mention_index.within(0, len(title) + 200)
                if title.find(reading.text[m.span.begin : m.span.end]) >= 0}  # fmt: skip
    return len(agreement.parties) >= 2 and all(p.iri in in_title for p in agreement.parties)


def title_pair(reading: Reading) -> list[Entity]:
    """Two actors joined by a dash in the text's first line ("EU\u2013Chile: trade pillar ...")."""
    line_end = reading.text.find("\n")
    mentions = reading.mention_index.within(0, line_end if line_end >= 0 else len(reading.text))
    for left, right in pairwise(mentions):
        if re.fullmatch(r"[-\u2013\u2014]", reading.text[left.span.end : right.span.begin]):
            return [left.entity, right.entity]
    return []


def paragraph_pair(reading: Reading, clause: Clause) -> list[Entity]:
    """Two actors joined by a dash in the first sentence of the clause's paragraph, where
    that sentence comes before it ("5) RIYADH\u2013WASHINGTON: from MoU to joint venture.")."""
    text = reading.text
    start = text.rfind("\n", 0, clause.span.begin) + 1
    first = reading.clause_index.first_starting_from(start)
    if first is None or first.sentence == clause.sentence:
        return []
    for left, right in zip(first.mentions, first.mentions[1:], strict=False):
        if re.fullmatch(r"[-\u2013\u2014]", text[left.span.end : right.span.begin]):
            return [left.entity, right.entity]
    return []


def collective_party(parties: Sequence[Entity], index: ReferenceIndex) -> bool:
    return len(parties) == 1 and index.is_a(
        parties[0].iri, frozenset({CM.Grouping, CM.IntergovernmentalOrganisation})
    )
