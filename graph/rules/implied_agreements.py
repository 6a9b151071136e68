"""Agreements that text implies without naming one: concessions negotiated in exchange for
others.

A pause, suspension or lifting that was negotiated ("was negotiated / agreed / brokered /
struck / secured at the summit in exchange for tariff reductions and purchases") and names
what it was exchanged for implies an agreement, unless the sentence states one itself:

- kind ``framework``: a negotiated exchange of concessions between governments, which is
  how such leader-level bargains are named when they are named;
- parties: the act's imposer and the counterpart that grants the concessions: the imposer of
  the document's tariffs on the act's imposer when tariff reductions are among them; else
  the participants of the meeting or summit named in the sentence; else the one other state
  named in the sentence outside place phrases ("in South Korea"). No counterpart, no
  agreement;
- obligations: the act itself (owed by its imposer) and the concessions (tariff reductions
  owed by the counterpart);
- label: the parties and "framework", with the meeting named in the sentence, if any;
- date and evidence: the act's. Linking the act to the agreement (``agreed_in``) and the
  agreement to the meeting (``agreed_at``) is left to the extraction's linking step, which
  relates statements of one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Agreement, Control, Event, Obligation
from critmin.graph.base.values import Entity
from critmin.graph.rules.agreement_facts import PARTY_JOINER
from critmin.graph.rules.contract import Found, Reading, Rule
from critmin.graph.text.mentions import Clause
from critmin.graph.text.reference import ACTOR_CLASSES, ReferenceIndex

ACTS = frozenset(("pause", "suspension", "lifting"))
NEGOTIATED = re.compile(
    r"\b(?:negotiat\w*|agreed|brokered|struck|secured|reached|bargained|traded)\b", re.I
)
_LOCATIVE = re.compile(r"\b(?:in|at|from|near|to)\s+(?:the\s+)?$", re.I)


def implied_agreements(
    clauses: Sequence[Clause],
    agreements: Sequence[Agreement],
    controls: Sequence[Control],
    events: Sequence[Event],
    index: ReferenceIndex,
) -> list[Agreement]:
    """The agreements implied by negotiated acts, keyed after ``agreements``."""
    stated = {a.evidence.sentence for a in agreements}
    found: list[Agreement] = []
    for act in controls:
        sentence = act.evidence.sentence
        if (
            act.kind not in ACTS
            or not act.in_exchange_for
            or act.imposer is None
            or sentence in stated
            or not clauses
            or not NEGOTIATED.search(clauses[0].text, sentence.begin, sentence.end)
        ):
            continue
        counterpart = _counterpart(act, clauses, controls, events, index)
        if counterpart is None:
            continue
        parties = (act.imposer, counterpart)
        names = PARTY_JOINER.join(index.label(p.iri) for p in parties)
        meeting = next(iter(_meetings(act, events)), None)
        at = f" ({meeting.label})" if meeting is not None else ""
        found.append(
            Agreement(
                key=f"agreement-{len(agreements) + len(found) + 1}",
                kind="framework",
                label=f"{names} framework{at}",
                evidence=act.evidence,
                parties=parties,
                date=act.date,
                obligations=(_act_obligation(act, index), *_owed(act, counterpart)),
            )
        )
        stated.add(sentence)
    return found


def _counterpart(
    act: Control,
    clauses: Sequence[Clause],
    controls: Sequence[Control],
    events: Sequence[Event],
    index: ReferenceIndex,
) -> Entity | None:
    imposer = act.imposer
    if any(o.kind == CM.TariffReduction for o in act.in_exchange_for):
        tariff_imposers = {
            c.imposer
            for c in controls
            if c.kind == "tariff"
            and c.imposer not in (None, imposer)
            and (not c.targets or imposer in c.targets)
        }
        if len(tariff_imposers) == 1:
            return tariff_imposers.pop()
    sentence = act.evidence.sentence
    for event in _meetings(act, events):
        states = {_state(p, index) for p in event.participants} - {imposer, None}
        if len(states) == 1:
            return states.pop()
    named: set[Entity] = set()
    for clause in clauses:
        if clause.sentence != sentence:
            continue
        for mention in clause.mentions:
            before = clause.text[max(sentence.begin, mention.span.begin - 12) : mention.span.begin]
            state = _state(mention.entity, index)
            if state is not None and not _LOCATIVE.search(before):
                named.add(state)
    named.discard(imposer)
    return named.pop() if len(named) == 1 else None


def _meetings(act: Control, events: Sequence[Event]) -> list[Event]:
    """The meetings and summits named in the act's sentence."""
    sentence = act.evidence.sentence
    return [
        e for e in events if e.kind in ("summit", "meeting") and e.evidence.sentence == sentence
    ]


def _state(entity: Entity, index: ReferenceIndex) -> Entity | None:
    """The state an actor stands for (a person's, a body's), else the actor; None for others."""
    if not (index.is_a(entity.iri, ACTOR_CLASSES) or set(entity.types) & ACTOR_CLASSES):
        return None
    state = index.state_of(entity.iri)
    return Entity(state) if state is not None else entity


def _act_obligation(act: Control, index: ReferenceIndex) -> Obligation:
    """The act as what its imposer owes: "pause of China's controls (P1Y)"."""
    owner = index.label(act.imposer.iri) if act.imposer else "unknown"
    duration = f" ({act.duration})" if act.duration else ""
    return Obligation(CM.Obligation, f"{act.kind} of {owner} controls{duration}", act.imposer)


def _owed(act: Control, counterpart: Entity) -> tuple[Obligation, ...]:
    return tuple(
        Obligation(o.kind, o.label, counterpart) if o.kind == CM.TariffReduction else o
        for o in act.in_exchange_for
    )


def _implied(reading: Reading, found: Found) -> list[Agreement]:
    return implied_agreements(
        reading.clauses, found["agreements"], found["controls"], found["events"], reading.index
    )


RULE = Rule(name="implied-agreements", find=_implied, after=("agreements", "controls", "events"))
