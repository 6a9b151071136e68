"""Events in which goods or money move: shipments, investments and financing.

Rules:

- Shipment: "sent/shipped/delivered ... shipment/consignment/cargo (of MINERAL) (to X)" or
  "its first consignment sent on DATE": the shipper (initiator) is the actor before the noun,
  or the paragraph's agent for a pronoun; recipients follow "to".
- Investment: "<agent> invested/invests in <object>": minerals, stages and place (a demonym or
  place) of the object; money in the clause.
- Financing, an investment too: "<agent> issued/provided/pledged/approved <money> in loans /
  grants / credit / letters of interest ... (to X | to <object>)", and "<agent>
  pledged/committed/promised <money> for/to <object>" (the object as for an investment).
"""

from __future__ import annotations

import re

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Event
from critmin.graph.base.values import Entity, Quantity, Span
from critmin.graph.rules.agents import DocumentAgents, agent_before, listed_after, state_for
from critmin.graph.rules.event_parts import make_event, name_of
from critmin.graph.text.mentions import Clause, find_stages
from critmin.graph.text.reference import MINERAL_CLASSES, PLACE_CLASSES, ReferenceIndex

_SHIPMENT = re.compile(r"\b(?:shipments?|consignments?|cargo(?:es)?|deliver(?:y|ies))\b", re.I)
_SHIPPING_VERB = re.compile(r"\b(?:sent|shipped|delivered|dispatched|exported)\b", re.I)
_INVESTED = re.compile(r"\binvest(?:ed|s|ing)\s+(?:[\w$.]+\s+){0,4}?in\s+", re.I)
_FINANCING_VERB = re.compile(
    r"\b(?:issu|provid|extend|pledg|commit|promis|earmark|allocat|approv|grant|offer|award"
    r"|disburs|len[dt])\w*\s+$",
    re.I,
)
_PLEDGE = re.compile(r"(?:pledg|commit|promis|earmark|allocat)", re.I)
_PURPOSE = re.compile(r"\s+(?:for|towards?|to)\s+(?:the\s+)?", re.I)
_FINANCING = re.compile(
    r"\s+(?:in|of)\s+((?:[\w-]+\s+){0,2}?(?:loans?|credit(?: lines?)?|financing|funding|grants?"
    r"|letters? of (?:interest|intent|support)|equity|guarantees?))\b",
    re.I,
)


def shipments(clause: Clause, agents: DocumentAgents, index: ReferenceIndex) -> list[Event]:
    text = clause.text
    events: list[Event] = []
    for match in _SHIPMENT.finditer(text, clause.span.begin, clause.span.end):
        span = Span(match.start(), match.end())
        window = text[max(clause.span.begin, span.begin - 40) : min(clause.span.end, span.end + 30)]
        if not _SHIPPING_VERB.search(window):
            continue
        shipper_mention = agent_before(clause, span.begin, index)
        shipper = (
            state_for(shipper_mention, text, index) if shipper_mention else agents.implied(clause)
        )
        to = re.search(r"\bto\s+(?:the\s+)?", text[span.end : clause.span.end])
        recipients = listed_after(clause, span.end + to.end(), index) if to else []
        minerals = tuple(
            m.entity
            for m in clause.mentions_within(span.end, clause.span.end)
            if index.is_a(m.iri, MINERAL_CLASSES)
        )
        if shipper is None:
            continue
        label = f"{name_of(shipper, index)} {text[span.begin : span.end].lower()}"
        if recipients:
            label += f" to {name_of(recipients[0].entity, index)}"
        events.append(
            make_event(
                clause,
                "shipment",
                label,
                span,
                initiator=shipper,
                participants=(shipper, *(state_for(r, text, index) for r in recipients)),
                recipients=tuple(state_for(r, text, index) for r in recipients),
                minerals=minerals,
            )
        )
    return events


def investments(clause: Clause, agents: DocumentAgents, index: ReferenceIndex) -> list[Event]:
    """ "<agent> invested in <object>", with the money of the clause from the verb on."""
    text = clause.text
    events: list[Event] = []
    for match in _INVESTED.finditer(text, clause.span.begin, clause.span.end):
        investor = agent_before(clause, match.start(), index)
        if investor is None:
            continue
        end = text.find(",", match.end(), clause.span.end)
        end = clause.span.end if end < 0 else end
        amounts = tuple(
            q
            for q in clause.quantities_within(match.start(), end)
            if q.unit == "money" and q.per_unit is None
        )
        trigger = Span(match.start(), match.end())
        events.append(
            _investment(clause, investor.entity, trigger, Span(match.end(), end), amounts, index)
        )
    return events


def financing(clause: Clause, agents: DocumentAgents, index: ReferenceIndex) -> list[Event]:
    """Money an agent commits as loans, grants, letters of interest... or for an object."""
    text = clause.text
    events: list[Event] = []
    for quantity in clause.quantities:
        verb = _FINANCING_VERB.search(text, clause.span.begin, quantity.begin)
        if quantity.unit != "money" or quantity.per_unit or verb is None:
            continue
        investor = agent_before(clause, verb.start(), index)
        if investor is None:
            continue
        noun = _FINANCING.match(text, quantity.end, clause.span.end)
        purpose = _PURPOSE.match(text, quantity.end, clause.span.end)
        if noun is not None:
            to = re.match(r"\s+(?:to|for)\s+(?:the\s+)?", text[noun.end() : clause.span.end])
            recipients = listed_after(clause, noun.end() + to.end(), index) if to else []
            named = any(m.span.begin == noun.end() + to.end() for m in recipients) if to else True
            if not named:  # "$150 million in loans to a graphite project in X": an object
                begin = noun.end() + to.end()
                end = text.find(",", begin, clause.span.end)
                target = Span(begin, clause.span.end if end < 0 else end)
                trigger = Span(verb.start(), noun.end())
                events.append(
                    _investment(clause, investor.entity, trigger, target, (quantity,), index)
                )
                continue
            label = f"{name_of(investor.entity, index)} {noun.group(1)}"
            events.append(
                make_event(
                    clause,
                    "investment",
                    label,
                    Span(verb.start(), noun.end()),
                    initiator=investor.entity,
                    participants=(investor.entity,),
                    recipients=tuple(m.entity for m in recipients),
                    amounts=(quantity,),
                )
            )
        elif purpose is not None and _PLEDGE.match(verb.group()):
            end = text.find(",", purpose.end(), clause.span.end)
            target = Span(purpose.end(), clause.span.end if end < 0 else end)
            trigger = Span(verb.start(), purpose.end())
            events.append(_investment(clause, investor.entity, trigger, target, (quantity,), index))
    return events


def _investment(
    clause: Clause,
    investor: Entity,
    trigger: Span,
    target: Span,
    amounts: tuple[Quantity, ...],
    index: ReferenceIndex,
) -> Event:
    """An investment in the object phrase ``target``: its place, minerals and stages."""
    text = clause.text
    inside = clause.mentions_within(target.begin, target.end)
    place = next(
        (
            Entity(index.state_of(m.iri) or m.iri)
            for m in inside
            if m.form == "demonym" or index.is_a(m.iri, PLACE_CLASSES | {CM.State})
        ),
        None,
    )
    what = text[target.begin : target.end].strip(" .")
    return make_event(
        clause,
        "investment",
        f"{name_of(investor, index)} investment in {what}",
        trigger,
        initiator=investor,
        participants=(investor,),
        place=place,
        minerals=tuple(m.entity for m in inside if index.is_a(m.iri, MINERAL_CLASSES)),
        stages=find_stages(text[target.begin : target.end]),
        amounts=amounts,
    )
