"""Control measures stated in text (export controls, tariffs, sanctions, technology restrictions)
and acts on them (pauses, suspensions, liftings).

Rules:

1. Triggers: "export controls/restrictions/bans/duties", "restricted/banned/curbed exports",
   "tariffs" / "tariff measures", "technology/technological restrictions", "sanctions". Not
   a control: a trigger after "against" (an obligation against export restrictions) or with
   no imposer.
2. Imposer: an actor named just before the trigger ("Chile's export duties", "US tariffs",
   "Chinese export bans"), else the agent of the clause before the trigger ("Beijing banned
   exports"); a person or "X administration" stands for their state. A trigger coordinated
   with the previous one ("tariffs and technology restrictions") shares its imposer.
3. Targets: actors after "against", "on", "targeting"; for tariffs, sanctions and
   technology restrictions without one, the one other state named in the sentence.
4. Minerals, element count and date come from the trigger's scope (up to the next trigger):
   mineral mentions, a count of elements/metals/minerals (a count noun naming a mineral group
   gives that group; a generic one gives the mineral group last named before), the nearest
   date after the trigger, else the document's context year.
5. "followed by N elements in MONTH" continues the previous control: same imposer, kind and
   minerals, its own count and date.
6. Acts: "a <duration> pause/suspension/freeze on|of <controls>" and "lifting/removing/easing
   <controls>". A pause acts on the document's controls of the same imposer and kind (made
   from the object phrase when there are none); its duration comes from a quantity in years
   or months just before it; "in exchange for ..." gives obligations. A lifting (kind
   ``lifting``, its label naming what is lifted) has targets by rule 3, else the last other
   state named in the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rdflib import URIRef

from critmin.graph.actors import agent_before, is_actor, state_for
from critmin.graph.agreements import OBLIGATIONS
from critmin.graph.amounts import Quantity
from critmin.graph.dates import DateValue
from critmin.graph.mentions import Clause, EntityMention
from critmin.graph.namespaces import CM
from critmin.graph.nlp import evidence
from critmin.graph.reference import MINERAL_CLASSES, ReferenceIndex
from critmin.graph.statements import Control, Entity, Obligation, Span

BASE_TRIGGERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), kind)
    for pattern, kind in (
        (
            r"\bexport (?:controls?|restrictions?|bans?|curbs?|quotas?|duties|duty|taxes|"
            r"licen[cs]ing requirements)\b",
            "export-control",
        ),
        (
            r"\b(?:restrict|ban|curb|halt|limit|tighten)\w*\s+(?:the\s+)?exports?\b",
            "export-control",
        ),
        (r"\btechnolog(?:y|ical) (?:restrictions|controls|curbs|bans)\b", "technology-restriction"),
        (
            r"\btariffs\b(?!\s+(?:reductions?|cuts?))|\btariff (?:measures|hikes?|increases?|"
            r"barriers|rates)\b",
            "tariff",
        ),
        (r"\bsanctions\b", "sanction"),
    )
)
CONTROL_NOUNS = {
    "export": "export-control",
    "tariff": "tariff",
    "sanction": "sanction",
    "technolog": "technology-restriction",
    "restriction": "export-control",
}
_PAUSE = re.compile(r"\b(pause|suspension|freeze|moratorium)\s+(?:on|of)\s+", re.I)
_LIFTING = re.compile(
    r"\b(?:lift|remov|eas|rescind|revok|roll\w* back|drop)\w*\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w\u2019'-]+\s+){0,2}?(sanctions|tariffs|export controls|export restrictions)\b",
    re.I,
)
_FOLLOWED = re.compile(
    r"\b(?:followed by|then|and later|and then)\s+(?:a further\s+|another\s+)?$", re.I
)
_COUNTED = re.compile(
    r"\b(?:elements?|REEs?|rare[- ]earths?(?: elements)?|metals|minerals|materials)$", re.I
)
_EXCHANGE = re.compile(r"\bin (?:exchange|return) for\b", re.I)
_AGAINST = re.compile(r"\b(?:against|renewed|periods of|risk of)\s+$", re.I)
_LOCATIVE = re.compile(r"\b(?:in|at|from|near)\s+(?:the\s+)?$", re.I)
_TARGET_PREPOSITIONS = re.compile(r"\b(?:against|on|targeting|toward|towards)\s+(?:the\s+)?$", re.I)


@dataclass(frozen=True)
class _Found:
    control: Control
    scope: Span


def find_controls(
    clauses: Sequence[Clause], index: ReferenceIndex, year: int | None
) -> list[Control]:
    """Every control measure and act on controls the clauses state, keyed ``control-<n>``."""
    base: list[Control] = []
    acts: list[tuple[Clause, re.Match[str], str]] = []
    for clause in clauses:
        objects: list[Span] = []
        for match in _PAUSE.finditer(clause.text, clause.span.begin, clause.span.end):
            acts.append((clause, match, match.group(1).lower()))
            objects.append(Span(match.end(), min(match.end() + 60, clause.span.end)))
        for match in _LIFTING.finditer(clause.text, clause.span.begin, clause.span.end):
            acts.append((clause, match, "lifting"))
            objects.append(Span(match.start(), match.end()))
        base.extend(_base_controls(clause, clauses, index, year, objects, len(base)))
    controls = _renumber(_without_repeats(base))
    for clause, match, word in acts:
        act = (
            _lifting(clause, clauses, match, index, year)
            if word == "lifting"
            else _pause(clause, match, word, controls, index, year)
        )
        made: list[str] = []
        for item in act:
            key = f"control-{len(controls) + 1}"
            if item.acts_on == ("",):
                item = replace(item, acts_on=tuple(made))
            controls.append(replace(item, key=key))
            made.append(key)
    return controls


def _without_repeats(controls: list[Control]) -> list[Control]:
    """Drop a control restated without a count when the same imposer's control of that kind
    and year is stated with one ("tightened export controls" ... "controls on seven elements")."""
    kept: list[Control] = []
    for control in controls:
        year = control.date.start[:4] if control.date else None
        vague = control.date is None or len(control.date.start) == 4
        repeated = control.element_count is None and any(
            other.kind == control.kind
            and other.imposer == control.imposer
            and other.element_count is not None
            and (vague or other.date == control.date)
            and (other.date.start[:4] if other.date else None) == year
            for other in controls
        )
        if not repeated:
            kept.append(control)
    return kept


def _renumber(controls: list[Control]) -> list[Control]:
    return [replace(c, key=f"control-{n}") for n, c in enumerate(controls, start=1)]


def _triggers(clause: Clause) -> list[tuple[Span, str]]:
    found: list[tuple[Span, str]] = []
    for pattern, kind in BASE_TRIGGERS:
        for match in pattern.finditer(clause.text, clause.span.begin, clause.span.end):
            span = Span(match.start(), match.end())
            if not any(s.begin < span.end and span.begin < s.end for s, _ in found):
                found.append((span, kind))
    return sorted(found)


def _base_controls(
    clause: Clause,
    clauses: Sequence[Clause],
    index: ReferenceIndex,
    year: int | None,
    objects: list[Span],
    numbered: int,
) -> list[Control]:
    text = clause.text
    controls: list[Control] = []
    triggers = [
        t
        for t in _triggers(clause)
        if not _AGAINST.search(text[clause.span.begin : t[0].begin])
        and not any(o.begin <= t[0].begin < o.end for o in objects)
    ]
    for position, (trigger, kind) in enumerate(triggers):
        scope_end = (
            triggers[position + 1][0].begin if position + 1 < len(triggers) else clause.span.end
        )
        previous = controls[-1] if controls else None
        coordinated = previous is not None and re.fullmatch(
            r"\s*(?:and|or|,|, and)\s*(?:[a-z-]+\s+)?",
            text[triggers[position - 1][0].end : trigger.begin],
        )
        imposer = _imposer(clause, trigger, index)
        if imposer is None and coordinated:
            imposer = previous.imposer
        if imposer is None:
            continue
        scope = Span(trigger.begin, scope_end)
        ellipsis = _ellipsis(clause, scope)
        own_scope = Span(trigger.begin, ellipsis[0][0].begin if ellipsis else scope_end)
        count, minerals = _count_and_minerals(clause, own_scope, index, clauses)
        control = Control(
            key=f"control-{numbered + len(controls) + 1}",
            kind=kind,
            label="",
            evidence=evidence(text, clause.sentence, trigger, clause.span),
            imposer=imposer,
            targets=_targets(clause, own_scope, imposer, kind, index),
            minerals=minerals,
            element_count=count,
            date=_date(clause, own_scope, trigger, year),
        )
        controls.append(replace(control, label=_label(control, index)))
        for quantity, after in ellipsis:
            date_scope = Span(quantity.end, after)
            dates = clause.dates_within(date_scope.begin, date_scope.end)
            continued = replace(
                control,
                key=f"control-{numbered + len(controls) + 1}",
                evidence=evidence(
                    text, clause.sentence, Span(quantity.begin, quantity.end), clause.span
                ),
                element_count=int(quantity.value) if quantity.value is not None else None,
                date=dates[0].value if dates else control.date,
            )
            controls.append(replace(continued, label=_label(continued, index)))
    return controls


def _ellipsis(clause: Clause, scope: Span) -> list[tuple[Quantity, int]]:
    """Counts introduced by "followed by" in a control's scope, with where each one's text ends."""
    found: list[Quantity] = []
    for quantity in clause.quantities_within(scope.begin, scope.end):
        if quantity.unit == "count" and _FOLLOWED.search(clause.text[scope.begin : quantity.begin]):
            found.append(quantity)
    ends = [q.begin for q in found[1:]] + [scope.end]
    return list(zip(found, ends, strict=False)) if found else []


def _imposer(clause: Clause, trigger: Span, index: ReferenceIndex) -> Entity | None:
    text = clause.text
    for mention in reversed(clause.mentions_within(clause.span.begin, trigger.begin)):
        gap = text[mention.span.end : trigger.begin]
        if (
            is_actor(mention, index)
            and len(gap.split()) <= 3
            and re.fullmatch(r"(?:['\u2019]s?)?(?:\s+[\w-]+){0,3}\s*", gap)
            and not re.search(r"\b(?:and|or|with|of|on|to)\b", gap)
        ):
            return state_for(mention, text, index)
        break
    agent = agent_before(clause, trigger.begin, index)
    return state_for(agent, text, index) if agent is not None else None


def _targets(
    clause: Clause, scope: Span, imposer: Entity, kind: str, index: ReferenceIndex
) -> tuple[Entity, ...]:
    text = clause.text
    found: list[Entity] = []
    for mention in clause.mentions_within(scope.begin, scope.end):
        if is_actor(mention, index) and _TARGET_PREPOSITIONS.search(
            text[scope.begin : mention.span.begin][-30:]
        ):
            entity = state_for(mention, text, index)
            if entity != imposer and entity not in found:
                found.append(entity)
    if found or kind == "export-control":
        return tuple(found)
    return _other_state(clause.mentions, imposer, text, index)


def _other_state(
    mentions: Sequence[EntityMention], imposer: Entity | None, text: str, index: ReferenceIndex
) -> tuple[Entity, ...]:
    others = {
        state_for(m, text, index)
        for m in mentions
        if is_actor(m, index)
        and not _LOCATIVE.search(text[max(0, m.span.begin - 8) : m.span.begin])
    } - {imposer}
    states = [e for e in others if index.is_a(e.iri, CM.State)]
    return tuple(states) if len(states) == 1 else ()


def _count_and_minerals(
    clause: Clause, scope: Span, index: ReferenceIndex, clauses: Sequence[Clause]
) -> tuple[int | None, tuple[Entity, ...]]:
    """Minerals named in the scope (or just before it: "lithium export duties") and a count."""
    before = clause.mentions_within(clause.span.begin, scope.begin)
    modifiers = [
        m for m in before[-1:] if len(clause.between(m.span.end, scope.begin).split()) <= 1
    ]
    minerals = [
        m.entity
        for m in [*modifiers, *clause.mentions_within(scope.begin, scope.end)]
        if index.is_a(m.iri, MINERAL_CLASSES)
    ]
    count = None
    for quantity in clause.quantities_within(scope.begin, scope.end):
        written = clause.between(quantity.begin, quantity.end)
        if quantity.unit == "count" and _COUNTED.search(written):
            count = int(quantity.value) if quantity.value is not None else None
            named = [
                m.iri
                for m in clause.mentions_within(quantity.begin, quantity.end)
                if index.is_a(m.iri, MINERAL_CLASSES)
            ]
            group = named[0] if named else _context_group(clause, clauses, index)
            if group is not None and Entity(group) not in minerals:
                minerals.insert(0, Entity(group))
            break
    return count, tuple(dict.fromkeys(minerals))


def _context_group(
    clause: Clause, clauses: Sequence[Clause], index: ReferenceIndex
) -> URIRef | None:
    """The mineral group named most often up to the clause (ties: the one named last)."""
    named = [
        m.iri
        for c in clauses
        if c.span <= clause.span
        for m in c.mentions
        if m.span.begin < clause.span.end and index.is_a(m.iri, CM.MineralGroup)
    ]
    if not named:
        return None
    return max(reversed(named), key=named.count)


def _date(clause: Clause, scope: Span, trigger: Span, year: int | None) -> DateValue | None:
    after = clause.dates_within(trigger.end, scope.end)
    if after:
        return after[0].value
    before = clause.dates_within(clause.span.begin, trigger.begin)
    if before:
        return before[-1].value
    return DateValue(str(year)) if year is not None else None


def _duration(clause: Clause, position: int) -> str | None:
    for quantity in clause.quantities:
        gap = clause.text[quantity.end : position]
        if quantity.unit in ("year", "month") and len(gap.split()) <= 1 and quantity.value:
            letter = "Y" if quantity.unit == "year" else "M"
            return f"P{int(quantity.value)}{letter}"
    return None


def _exchange(clause: Clause) -> tuple[Obligation, ...]:
    match = _EXCHANGE.search(clause.text, clause.span.begin, clause.span.end)
    if match is None:
        return ()
    end = clause.text.find(",", match.end(), clause.span.end)
    end = clause.span.end if end < 0 else end
    found: list[tuple[int, Obligation]] = []
    for pattern, kind in OBLIGATIONS:
        for obligation in pattern.finditer(clause.text, match.end(), end):
            found.append((obligation.start(), Obligation(kind, obligation.group().lower())))
    return tuple(o for _, o in sorted(found, key=lambda pair: pair[0]))


def _pause(
    clause: Clause,
    match: re.Match[str],
    word: str,
    controls: list[Control],
    index: ReferenceIndex,
    year: int | None,
) -> list[Control]:
    """A pause or suspension of controls, and the control it acts on if not found elsewhere."""
    text = clause.text
    object_span = Span(match.end(), min(match.end() + 60, clause.span.end))
    object_text = text[object_span.begin : object_span.end].lower()
    noun = next((kind for stem, kind in CONTROL_NOUNS.items() if stem in object_text), None)
    if noun is None:
        return []
    owner = next(
        (
            state_for(m, text, index)
            for m in clause.mentions_within(object_span.begin, object_span.end)
            if is_actor(m, index)
        ),
        None,
    )
    acted = [c for c in controls if c.kind == noun and (owner is None or c.imposer == owner)]
    made: list[Control] = []
    if not acted and owner is not None:
        count, minerals = _count_and_minerals(clause, object_span, index, [clause])
        made_control = Control(
            key="",
            kind=noun,
            label="",
            imposer=owner,
            minerals=minerals,
            element_count=count,
            evidence=evidence(text, clause.sentence, object_span, clause.span),
            date=DateValue(str(year)) if year is not None else None,
        )
        made.append(replace(made_control, label=_label(made_control, index)))
    imposer = owner or (acted[0].imposer if acted else None)
    if imposer is None:
        return []
    kind = "suspension" if word == "suspension" else "pause"
    dates = clause.dates_within(clause.span.begin, clause.span.end)
    pause = Control(
        key="",
        kind=kind,
        label="",
        evidence=evidence(text, clause.sentence, Span(match.start(1), match.end(1)), clause.span),
        imposer=imposer,
        minerals=tuple(dict.fromkeys(m for c in acted for m in c.minerals)),
        date=dates[0].value if dates else None,
        duration=_duration(clause, match.start(1)),
        acts_on=tuple(c.key for c in acted) if acted else ("",),
        in_exchange_for=_exchange(clause),
    )
    return [*made, replace(pause, label=_label(pause, index))]


def _lifting(
    clause: Clause,
    clauses: Sequence[Clause],
    match: re.Match[str],
    index: ReferenceIndex,
    year: int | None,
) -> list[Control]:
    text = clause.text
    agent = agent_before(clause, match.start(), index)
    if agent is None:
        return []
    imposer = state_for(agent, text, index)
    noun = match.group(1).lower()
    scope = Span(match.start(), clause.span.end)
    targets = _targets(clause, scope, imposer, "sanction", index)
    if not targets:
        earlier = [
            m
            for c in clauses
            if c.paragraph == clause.paragraph and c.span <= clause.span
            for m in c.mentions
            if index.is_a(state_for(m, text, index).iri, CM.State)
        ]
        others = [
            state_for(m, text, index) for m in earlier if state_for(m, text, index) != imposer
        ]
        targets = (others[-1],) if others else ()
    lifting = Control(
        key="",
        kind="lifting",
        label="",
        evidence=evidence(text, clause.sentence, Span(match.start(), match.end()), clause.span),
        imposer=imposer,
        targets=targets,
        date=_date(clause, scope, Span(match.start(), match.end()), year),
    )
    on = " on " + " and ".join(index.label(t.iri) for t in targets) if targets else ""
    return [replace(lifting, label=f"{index.label(imposer.iri)} lifting of {noun}{on}")]


def _label(control: Control, index: ReferenceIndex) -> str:
    imposer = index.label(control.imposer.iri) if control.imposer else "unknown"
    words = {
        "export-control": "export controls",
        "tariff": "tariffs",
        "sanction": "sanctions",
        "technology-restriction": "technology restrictions",
        "pause": "pause",
        "suspension": "suspension",
    }
    noun = words.get(control.kind, control.kind.replace("-", " "))
    parts = [f"{imposer} {noun}"]
    if control.targets:
        parts.append("on " + " and ".join(index.label(t.iri) for t in control.targets))
    if control.element_count:
        parts.append(f"on {control.element_count} elements")
    elif control.minerals:
        parts.append("on " + " and ".join(index.label(m.iri) for m in control.minerals))
    if control.duration:
        parts.insert(0, control.duration)
    if control.date:
        parts.append(f"({control.date.start})")
    return " ".join(parts)
