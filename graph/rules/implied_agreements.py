"""Agreements that text implies without naming one: commitments agreed, and concessions
negotiated in exchange for others.

Commitments: "<actors> agreed / committed / pledged to <obligation>" ("G7 leaders agreed to
set a price floor"), where the obligation is one of ``obligations.OBLIGATIONS`` and the
sentence names no agreement, is an agreement of kind ``agreement`` among the actors in agent
position before the verb and those listed after "with"; one grouping or organisation alone
(its members agreeing among themselves) is enough. Minerals: those named after the verb. Date:
the clause's first date, else the document's context year.

Adopted instruments: a named plan, declaration, charter, roadmap or compact ("a Critical
Minerals Action Plan") adopted, launched or endorsed by a grouping or organisation, named as
the agent of the verb ("G7 leaders adopted ...") or inside the name ("The G7 ... Action Plan,
adopted in June"), is an agreement of kind ``agreement`` among its members, the grouping
being the party, when the sentence names no agreement. Date: the clause's first date, else
the document's context year; binding as ``agreements.stated_binding`` reads it.

Concessions: a pause, suspension or lifting that was negotiated ("was negotiated / agreed / brokered
/ struck / secured at the summit in exchange for tariff reductions and purchases") and names
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
from critmin.graph.base.values import DateValue, Entity, Span
from critmin.graph.rules.agents import in_agent_position, is_actor, listed_after, state_for
from critmin.graph.rules.agreement_labels import EN_DASH
from critmin.graph.rules.agreements import stated_binding
from critmin.graph.rules.obligations import find_obligations
from critmin.graph.text.mentions import Clause
from critmin.graph.text.nlp import evidence
from critmin.graph.text.reference import ACTOR_CLASSES, MINERAL_CLASSES, ReferenceIndex

ACTS = frozenset(("pause", "suspension", "lifting"))
NEGOTIATED = re.compile(
    r"\b(?:negotiat\w*|agreed|brokered|struck|secured|reached|bargained|traded)\b", re.I
)
_AGREED_TO = re.compile(r"\b(?:agreed|committed|pledged)\s+(?:to|on)\b", re.I)
COLLECTIVES = frozenset((CM.Grouping, CM.IntergovernmentalOrganisation))
_INSTRUMENT = re.compile(
    r"(?:\b[A-Z][\w-]*\s+)+(?:Action Plan|Plan|Declaration|Charter|Roadmap|Compact)\b"
)
_ADOPTED = re.compile(r"\b(?:adopt|launch|endors|unveil|approv)\w*", re.I)
_LOCATIVE = re.compile(r"\b(?:in|at|from|near|to)\s+(?:the\s+)?$", re.I)


def committed_agreements(
    clauses: Sequence[Clause],
    agreements: Sequence[Agreement],
    index: ReferenceIndex,
    year: int | None,
) -> list[Agreement]:
    """The agreements "<actors> agreed to <obligation>" states, keyed after ``agreements``."""
    stated = {a.evidence.sentence for a in agreements}
    found: list[Agreement] = []
    for clause in clauses:
        verb = _AGREED_TO.search(clause.text, clause.span.begin, clause.span.end)
        if verb is None or clause.sentence in stated:
            continue
        obligations = find_obligations(clause, Span(verb.end(), clause.span.end), index)
        subjects = [
            m
            for m in clause.mentions_within(clause.span.begin, verb.start())
            if is_actor(m, index) and m.form != "demonym" and in_agent_position(m, clause)
        ]
        with_ = re.search(r"\bwith\s+(?:the\s+)?", clause.text[verb.end() : clause.span.end])
        partners = listed_after(clause, verb.end() + with_.end(), index) if with_ else []
        parties = tuple(
            dict.fromkeys(state_for(m, clause.text, index) for m in subjects + partners)
        )
        collective = len(parties) == 1 and index.is_a(parties[0].iri, COLLECTIVES)
        if not obligations or not (len(parties) >= 2 or collective):
            continue
        names = EN_DASH.join(index.label(p.iri) for p in parties)
        found.append(
            Agreement(
                key=f"agreement-{len(agreements) + len(found) + 1}",
                kind="agreement",
                label=f"{names} agreement on {' and '.join(o.label for o in obligations)}",
                evidence=evidence(
                    clause.text, clause.sentence, Span(verb.start(), verb.end()), clause.span
                ),
                parties=parties,
                date=_clause_date(clause, year),
                obligations=obligations,
                minerals=_minerals_from(verb.end(), clause, index),
            )
        )
        stated.add(clause.sentence)
    return found


def _clause_date(clause: Clause, year: int | None) -> DateValue | None:
    """The clause's first date, else the document's context year."""
    dates = clause.dates_within(clause.span.begin, clause.span.end)
    if dates:
        return dates[0].value
    return DateValue(str(year)) if year else None


def _minerals_from(position: int, clause: Clause, index: ReferenceIndex) -> tuple[Entity, ...]:
    """The minerals the clause names from ``position`` on."""
    return tuple(
        dict.fromkeys(
            m.entity
            for m in clause.mentions_within(position, clause.span.end)
            if index.is_a(m.iri, MINERAL_CLASSES)
        )
    )


def adopted_instruments(
    clauses: Sequence[Clause],
    agreements: Sequence[Agreement],
    index: ReferenceIndex,
    year: int | None,
) -> list[Agreement]:
    """The plans and declarations groupings adopted, keyed after ``agreements``."""
    stated = {a.evidence.sentence for a in agreements}
    found: list[Agreement] = []
    for clause in clauses:
        text, words = clause.text, clause.words
        name = _INSTRUMENT.search(text, clause.span.begin, clause.span.end)
        verb = _ADOPTED.search(text, clause.span.begin, clause.span.end)
        if name is None or verb is None or clause.sentence in stated:
            continue
        inside = clause.mentions_within(name.start(), name.end())
        before = clause.mentions_within(clause.span.begin, verb.start())
        agents = (
            [m for m in before if in_agent_position(m, clause)]
            if verb.end() <= name.start()
            else []
        )
        parties = tuple(
            dict.fromkeys(
                state_for(m, text, index)
                for m in [*agents, *inside]
                if is_actor(m, index) and index.is_a(m.iri, COLLECTIVES)
            )
        )
        if not parties or (agents and len(text[verb.end() : name.start()].split()) > 3):
            continue
        title = re.sub(r"^(?:The|A|An)\s+", "", name.group())
        owner = index.label(parties[0].iri)
        found.append(
            Agreement(
                key=f"agreement-{len(agreements) + len(found) + 1}",
                kind="agreement",
                label=title if title.startswith(owner) else f"{owner} {title}",
                evidence=evidence(text, clause.sentence, Span(name.start(), name.end()),
                                  clause.span),
                parties=parties,
                date=_clause_date(clause, year),
                binding=stated_binding(words),
                minerals=_minerals_from(name.start(), clause, index),
            )
        )  # fmt: skip
        stated.add(clause.sentence)
    return found


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
        names = EN_DASH.join(index.label(p.iri) for p in parties)
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
