"""Agreements named again: which one a later mention is, and what it adds.

An agreement read is an ``AgreementEntry``: the statement, the sentence where it was last
named, its proper name and whether its date is only the passage's year. A definite noun, a
proper name, "it" or "the two sides" refer to the agreement last named within a few
sentences (of the noun's kind, unless the noun is as general as "the deal"); the mention adds
signatories (a body or person of a party stands for it), a date where the earlier one was
guessed or coarser, binding status, stages and minerals. An agreement restated with the same
kind, modality, parties and an agreeing date is the earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Agreement
from critmin.graph.base.values import DateValue, Entity, Span
from critmin.graph.rules.agents import is_actor
from critmin.graph.rules.agreement_facts import (
    about_minerals,
    agreement_date,
    in_force_date,
    kept_binding,
    list_lead_date,
    minerals_within,
    stated_binding,
)
from critmin.graph.rules.agreement_triggers import Trigger
from critmin.graph.rules.contract import Reading, new_key
from critmin.graph.rules.obligations import find_obligations
from critmin.graph.rules.parties import entities, objects_after
from critmin.graph.text.mentions import Clause, find_stages
from critmin.graph.text.reference import ReferenceIndex

_PRONOUN_SUBJECT = re.compile(
    r"(?:^|[.;:,]\s+)(?:It|it|The\s+(?:text|document|accord))\s+(?:is|was|has|had|does|did|"
    r"will|would|covers|sets|says|contains|remains|appears|identifies|lists|enters|entered|"
    r"took|takes|came|comes)\b"
)
# "Chile's Minister of Foreign Affairs": a state signing through its officer.
_OFFICER_AFTER = re.compile(
    r"['\u2019]s?\s+(?:Foreign\s+|Prime\s+|Trade\s+)?(?:Minister|Secretary|President|Ambassador)\b"
)
_PRESENCE = re.compile(r"\bin\s+the\s+presence\s+of\b|;", re.I)
_SIGNED_BY = re.compile(r"\bsigned\b[^.;]*?\bby\s+", re.I)
# Said later of an agreement named as made: it is not.
_NOT_CONCLUDED = re.compile(
    r"\bremains?\s+(?:a\s+|under\s+|in\s+)?negotiation|\b(?:has|had|have)\s+not\s+(?:yet\s+)?been\s+"
    r"signed|\bwas\s+never\s+signed|\bnot\s+a\s+signature\b|\bnothing\s+(?:was|has\s+been)\s+signed",
    re.I,
)
SIGNING = re.compile(
    r"\b(?:signed|concluded|agreed|sealed|inked|finali[sz]ed|struck|reached|"
    r"put\s+their\s+names)\b",
    re.I,
)
# Nouns that may refer back to an agreement of any kind ("the deal" after an MoU).
ANY_KIND = {"agreement", "deal", "referring", "partnership", "framework", "contract"}
NEARBY_SENTENCES = 3


@dataclass
class AgreementEntry:
    """An agreement being read: the statement, and where it was last named."""

    agreement: Agreement
    sentence: int
    about_minerals: bool
    named: str | None = None
    year_only: bool = False
    other_subject: bool = False


class PartyIndex:
    """The agreements read so far by kind and by every party each has had (``None`` for
    none), so that a restated agreement is looked for among those sharing a party with it,
    not among all: a long text names thousands; and by proper name. Told of every agreement
    remembered and of every change to one's parties."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, Entity | None], set[int]] = {}
        self._named: dict[str, int] = {}

    def name(self, number: int, name: str | None) -> None:
        """Agreement ``number`` is called ``name`` (a proper name never changes)."""
        if name is not None:
            self._named.setdefault(name, number)

    def first_named(self, name: str) -> int | None:
        """The first agreement read that is called ``name``."""
        return self._named.get(name)

    def note(self, number: int, agreement: Agreement) -> None:
        """Agreement ``number`` is now ``agreement``."""
        for party in agreement.parties or (None,):
            self._numbers.setdefault((agreement.kind, party), set()).add(number)

    def sharing(self, agreement: Agreement) -> list[int]:
        """In order, the agreements of the kind of ``agreement`` that have had one of its
        parties, or had none if it has none: all that may have its parties now."""
        keys = [(agreement.kind, party) for party in agreement.parties or (None,)]
        return sorted(set().union(*(self._numbers.get(key, ()) for key in keys)))


def remember(
    results: list[AgreementEntry], last: list[int], by_party: PartyIndex, item: AgreementEntry
) -> None:
    item.agreement = replace(item.agreement, key=new_key(len(results) + 1))
    results.append(item)
    last.append(len(results) - 1)
    by_party.note(len(results) - 1, item.agreement)
    by_party.name(len(results) - 1, item.named)


def last_of_kind(
    results: list[AgreementEntry], last: list[int], kind: str, clause: Clause, words: str = ""
) -> int | None:
    """The agreement last named within a few sentences that a noun of ``kind`` may refer to;
    first one whose name holds the noun's ``words`` ("the action plan": the G7 Critical
    Minerals Action Plan, not a plan named after it)."""
    for target in reversed(last):
        named = results[target].named
        if words and named and words.lower() in named.lower():
            return target
    for target in reversed(last):
        item = results[target]
        if clause.sentence_number - item.sentence > NEARBY_SENTENCES * 2:
            return None
        if kind in ANY_KIND or item.agreement.kind == kind:
            return target
    return None


def restated(
    results: list[AgreementEntry],
    by_party: PartyIndex,
    agreement: Agreement,
    year_only: bool,
    name: str | None,
) -> int | None:
    """An earlier agreement of this text that this one names again: the same kind and
    modality, the same parties (or one's among the other's, two at least), and dates that
    agree (a year guessed from the passage agrees with any). The first such, of those that
    share a party with it (or have none, as it has none): no other can."""
    parties = set(agreement.parties)
    for number in by_party.sharing(agreement):
        item = results[number]
        other = item.agreement
        theirs = set(other.parties)
        if (
            other.kind == agreement.kind
            and not (name and item.named and name != item.named)
            and other.modality == agreement.modality
            and (theirs == parties or (min(len(theirs), len(parties)) >= 2
                                       and (theirs <= parties or parties <= theirs)))
            and (year_only or item.year_only or dates_agree(other.date, agreement.date))
        ):  # fmt: skip
            return number
    return None


def compatible_parties(
    named: Sequence[Entity], agreement: Agreement, index: ReferenceIndex
) -> bool:
    """Whether actors named with a definite noun can be the parties of an agreement named
    before: each is one of them, or a body or person of a party state."""
    if len(agreement.parties) < 2:
        return all(entity in agreement.parties for entity in named)
    return all(
        entity in agreement.parties or party_state(entity, index) in agreement.parties
        for entity in named
    )


def dates_agree(one: DateValue | None, other: DateValue | None) -> bool:
    if one is None or other is None:
        return True
    return one.start.startswith(other.start) or other.start.startswith(one.start)


def finer_or_first(found: DateValue, date: DateValue) -> bool:
    return found.start.startswith(date.start) and len(found.start) > len(date.start)


def merged(first: Sequence[Entity], second: Sequence[Entity]) -> list[Entity]:
    return list(dict.fromkeys([*first, *second]))


def changed_agreement(results: list[AgreementEntry], last: list[int], words: str) -> int | None:
    """The agreement an amendment or extension changes: the last named of the kind its words
    name ("The loan was extended": the last loan), else the last stated with parties."""
    noun = re.search(r"\b(loan|contract|lease|deal|agreement)\b", words, re.I)
    for number in reversed(last):
        agreement = results[number].agreement
        if agreement.modality != "stated" or len(agreement.parties) < 2:
            continue
        if noun is None or noun.group(1).lower() in (agreement.kind, "deal", "agreement"):
            return number
    return None


def add_to(
    reading: Reading,
    clause: Clause,
    segment: Span,
    first: Trigger,
    final: Trigger,
    results: list[AgreementEntry],
    last: list[int],
    by_party: PartyIndex,
    target: int,
    mood: str,
) -> None:
    """What a clause naming an earlier agreement again says about it."""
    text, index = clause.text, reading.index
    item = results[target]
    agreement = item.agreement
    words = text[segment.begin : segment.end]
    binding = stated_binding(words)
    signers = objects_after(clause, first.span.begin, final.span.end, segment.end, index)
    parties = list(agreement.parties)
    signatories = list(agreement.signatories)
    if signers and re.search(r"\bby\b", text[final.span.end : signers[0].span.begin]):
        for mention in signers:
            (entity,) = entities([mention], text, index, reading.layout.home) or (None,)
            signatories.append(mention.entity)
            if entity is None:
                continue
            state = party_state(entity, index)
            if state is not None and state != entity and state in parties:
                parties[parties.index(state)] = entity
            elif entity not in parties and len(parties) < 2:
                parties.append(entity)
    date = agreement.date
    found = agreement_date(
        clause, segment.begin, segment.end, first.span.begin, final.span.end, reading.date_index
    )
    lead = list_lead_date(text, clause.span.begin, reading.date_index)
    signed = SIGNING.search(words) is not None
    if (
        found is not None
        and mood == "stated"
        and (
            date is None
            or (signed and (finer_or_first(found, date) or item.year_only))
            or (item.year_only and found == lead)
        )
    ):
        date = found
        item.year_only = False
    if _NOT_CONCLUDED.search(words):
        agreement = replace(agreement, modality="negotiated")  # "remains a negotiation"
    in_force = in_force_date(clause, segment.begin, segment.end)
    item.agreement = replace(
        agreement,
        in_force=in_force or agreement.in_force,
        parties=tuple(parties),
        signatories=tuple(dict.fromkeys(signatories)),
        date=date,
        binding=kept_binding(agreement.kind, binding if binding is not None else agreement.binding),
        stages=tuple(dict.fromkeys([*agreement.stages, *find_stages(words)])),
        minerals=tuple(
            dict.fromkeys([*agreement.minerals, *minerals_within(clause, segment, index)])
        ),
        obligations=(*agreement.obligations, *find_obligations(clause, segment, index)),
    )
    by_party.note(target, item.agreement)
    item.about_minerals = item.about_minerals or about_minerals(
        clause, segment.begin, segment.end, index
    )
    item.sentence = clause.sentence_number
    if target in last:
        last.remove(target)
    last.append(target)


def said_of_last(
    reading: Reading,
    clause: Clause,
    results: list[AgreementEntry],
    last: list[int],
    by_party: PartyIndex,
) -> None:
    """A sentence about "it" naming no agreement says more of the last one named: "It is a
    political commitment" (binding status), "It was signed in Lima on 2 May 2024 by X
    and Y" (date, signatories), minerals."""
    if not last or not _PRONOUN_SUBJECT.search(clause.words):
        return
    item = results[last[-1]]
    if clause.sentence_number - item.sentence > NEARBY_SENTENCES:
        return
    agreement = item.agreement
    binding = kept_binding(agreement.kind, stated_binding(clause.words))
    if binding is not None:
        agreement = replace(agreement, binding=binding)
    if re.search(r"\bminerals?\b|\bmining\b|\bsupply chains?\b", clause.words, re.I):
        item.about_minerals = True
    in_force = in_force_date(clause, clause.span.begin, clause.span.end)
    if in_force is not None:
        agreement = replace(agreement, in_force=in_force)  # "It entered into force on ..."
    signed = _SIGNED_BY.search(clause.text, clause.span.begin, clause.span.end)
    if signed is not None:
        dates = [d for d in clause.dates if d.value.qualifier is None]
        if dates and (agreement.date is None or item.year_only):
            agreement = replace(agreement, date=dates[0].value)
            item.year_only = False
        stop = _PRESENCE.search(clause.text, signed.end(), clause.span.end)
        signers = [
            m
            for m in clause.mentions
            if signed.end() <= m.span.begin < (stop.start() if stop else clause.span.end)
            and is_actor(m, reading.index)
            and (not m.possessive or _OFFICER_AFTER.match(clause.text, m.span.end))
        ]
        named = entities(signers, clause.text, reading.index, reading.layout.home)
        parties = list(agreement.parties)
        for entity in named:
            if entity not in parties and len(parties) < 2:
                parties.append(entity)
        agreement = replace(
            agreement,
            parties=tuple(parties),
            signatories=tuple(
                dict.fromkeys([*agreement.signatories, *(m.entity for m in signers)])
            ),
        )
    item.agreement = agreement
    by_party.note(last[-1], agreement)


def party_state(entity: Entity, index: ReferenceIndex) -> Entity | None:
    """The state a body or person stands for, from the reference data or a minted entity's
    facts ("Saudi Arabia's Ministry of ...": run by Saudi Arabia)."""
    state = index.state_of(entity.iri)
    if state is None:
        state = next((o for p, o in entity.facts if p in (CM.runBy, CM.basedIn)), None)
    return Entity(state) if state is not None else None
