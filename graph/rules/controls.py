"""Control measures stated in text: export controls, tariffs, sanctions, technology restrictions.

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
Acts on controls (pauses, suspensions, liftings) are read by ``control_acts``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rdflib import URIRef

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Control
from critmin.graph.base.values import DateValue, Entity, Quantity, Span
from critmin.graph.rules.agents import agent_before, implied_agent, is_actor, state_for
from critmin.graph.text.mentions import Clause, EntityMention
from critmin.graph.text.nlp import evidence
from critmin.graph.text.reference import MINERAL_CLASSES, ReferenceIndex

BASE_TRIGGERS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), kind)
    for pattern, kind in (
        (
            r"\bexport (?:controls?|restrictions?|bans?|curbs?|quotas?|duties|duty|taxes|"
            r"licen[cs]ing(?: requirements)?|licen[cs]es|permits)\b|\bannual (?:export )?quotas\b",
            "export-control",
        ),
        (  # "banned exports", "banned nickel ore exports", "a suspension of cobalt exports"
            r"\b(?:restrict|ban|curb|halt|limit|tighten|suspen[ds])\w*\s+(?:of\s+|on\s+)?"
            r"(?:the\s+)?(?:[a-z-]+\s+){0,2}?exports?\b(?!\s+(?:controls?|restrictions?|bans?|"
            r"curbs?|licen|permits|quotas))",
            "export-control",
        ),
        (r"\btechnolog(?:y|ical) (?:restrictions|controls|curbs|bans)\b", "technology-restriction"),
        (
            r"\btariffs\b(?!\s+(?:reductions?|cuts?))|\btariff (?:measures|hikes?|increases?|"
            r"barriers|rates)\b|\b(?:anti-?dumping|countervailing|import) (?:duties|duty)\b",
            "tariff",
        ),
        (r"\bsanctions\b", "sanction"),
    )
)
# An export ban whose object is technology: "banned the export of technologies for ...".
_TECHNOLOGY_OBJECT = re.compile(r"\s+of\s+(?:[\w-]+\s+){0,2}technolog", re.I)
# US trade-law provisions name their imposer: "Section 232 tariffs", "Section 301 duties".
_US_TRADE_LAW = re.compile(r"\bSection (?:201|232|301)\s+$")
_FOLLOWED = re.compile(
    r"\b(?:followed by|then|and later|and then)\s+(?:a further\s+|another\s+)?$", re.I
)
_COUNTED = re.compile(
    r"\b(?:elements?|REEs?|rare[- ]earths?(?: elements)?|metals|minerals|materials)$", re.I
)
_AGAINST = re.compile(r"\b(?:against|renewed|periods of|risk of)\s+$", re.I)
_LOCATIVE = re.compile(r"\b(?:in|at|from|near)\s+(?:the\s+)?$", re.I)
_TARGET_PREPOSITIONS = re.compile(r"\b(?:against|on|targeting|toward|towards)\s+(?:the\s+)?$", re.I)
# A subject that names a government without naming its state: the state is the implied agent.
_GOVERNMENT_SUBJECT = re.compile(
    r"\b(?:the (?:government|ministry|authorities|regulator|cabinet)|authorities|officials)\b",
    re.I,
)
_DESTINATION = re.compile(r"\bto\s+(?:the\s+)?$", re.I)  # exports "to the United States"


def find_controls(
    clauses: Sequence[Clause],
    index: ReferenceIndex,
    year: int | None,
    exclude: Sequence[Span] = (),
) -> list[Control]:
    """Every control measure the clauses state outside ``exclude`` (the objects of acts on
    controls, which ``control_acts`` reads), keyed ``control-<n>``."""
    base: list[Control] = []
    for clause in clauses:
        objects = [s for s in exclude if clause.span.begin <= s.begin < clause.span.end]
        base.extend(_base_controls(clause, clauses, index, year, objects, len(base)))
    return _renumber(_without_repeats(base))


def _without_repeats(controls: list[Control]) -> list[Control]:
    """Drop a control restated with less: no count of its own, while the same imposer's control
    of that kind and year is stated with a count ("tightened export controls" ... "controls on
    seven elements") or, the restatement being dated by the year only, with a finer date and
    the same minerals (a headline and the story's sentence)."""
    return [c for c in controls if not any(_restates(c, other) for other in controls)]


def _restates(control: Control, other: Control) -> bool:
    year = control.date.start[:4] if control.date else None
    vague = control.date is None or len(control.date.start) == 4
    if (
        other is control
        or control.element_count is not None
        or other.kind != control.kind
        or other.imposer != control.imposer
        or (other.date.start[:4] if other.date else None) != year
    ):
        return False
    if other.element_count is not None:
        return vague or other.date == control.date
    finer = other.date is not None and len(other.date.start) > 4
    return vague and finer and set(other.minerals) == set(control.minerals)


def _renumber(controls: list[Control]) -> list[Control]:
    return [replace(c, key=f"control-{n}") for n, c in enumerate(controls, start=1)]


def _triggers(clause: Clause) -> list[tuple[Span, str]]:
    found: list[tuple[Span, str]] = []
    for pattern, kind in BASE_TRIGGERS:
        for match in pattern.finditer(clause.text, clause.span.begin, clause.span.end):
            span = Span(match.start(), match.end())
            technology = _TECHNOLOGY_OBJECT.match(clause.text, span.end)
            stated = "technology-restriction" if technology else kind
            if not any(s.begin < span.end and span.begin < s.end for s, _ in found):
                found.append((span, stated))
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
        if imposer is None and _GOVERNMENT_SUBJECT.search(text, clause.span.begin, trigger.begin):
            imposer = implied_agent(clauses, clause, index)
        if imposer is None:
            continue
        scope = Span(trigger.begin, scope_end)
        ellipsis = _ellipsis(clause, scope)
        own_scope = Span(trigger.begin, ellipsis[0][0].begin if ellipsis else scope_end)
        count, minerals = count_and_minerals(clause, own_scope, index, clauses)
        targets = control_targets(clause, own_scope, imposer, kind, index)
        date = control_date(clause, own_scope, trigger, year)
        if not (minerals or targets or count) and date == DateValue(str(year)):
            continue  # a generic mention ("whatever happens to tariffs"), not a measure
        control = Control(
            key=f"control-{numbered + len(controls) + 1}",
            kind=kind,
            label="",
            evidence=evidence(text, clause.sentence, trigger, clause.span),
            imposer=imposer,
            targets=targets,
            minerals=minerals
            or (_earlier_minerals(clause, trigger, index) if kind == "export-control" else ()),
            element_count=count,
            date=date,
            duration=_stated_duration(clause, own_scope),
        )
        controls.append(replace(control, label=control_label(control, index)))
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
            controls.append(replace(continued, label=control_label(continued, index)))
    return controls


def _earlier_minerals(clause: Clause, trigger: Span, index: ReferenceIndex) -> tuple[Entity, ...]:
    """Minerals named earlier in the clause, for an export measure that names none of its own
    ("replace its suspension of cobalt exports with annual quotas")."""
    before = clause.mentions_within(clause.span.begin, trigger.begin)
    return tuple(dict.fromkeys(m.entity for m in before if index.is_a(m.iri, MINERAL_CLASSES)))


def _stated_duration(clause: Clause, scope: Span) -> str | None:
    """How long a measure lasts, stated "for <N> months/years" in its scope: ``P4M``."""
    for quantity in clause.quantities_within(scope.begin, scope.end):
        if (
            quantity.unit in ("year", "month")
            and quantity.value
            and re.search(
                r"\bfor\s+(?:a\s+period\s+of\s+)?$", clause.between(scope.begin, quantity.begin)
            )
        ):
            return f"P{int(quantity.value)}{'Y' if quantity.unit == 'year' else 'M'}"
    return None


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
            and re.fullmatch(
                r"(?:['\u2019]s?)?(?:,\s+(?:which|that|who))?(?:\s+[\w-]+){0,3}\s*", gap
            )
            and not re.search(r"\b(?:and|or|with|of|on|to)\b", gap)
        ):
            return state_for(mention, text, index)
        break
    if _US_TRADE_LAW.search(text, max(0, trigger.begin - 20), trigger.begin):
        return next((Entity(a.iri) for a in index.lookup("United States")), None)
    agent = agent_before(clause, trigger.begin, index)
    return state_for(agent, text, index) if agent is not None else None


def control_targets(
    clause: Clause, scope: Span, imposer: Entity, kind: str, index: ReferenceIndex
) -> tuple[Entity, ...]:
    text = clause.text
    found: list[Entity] = []
    for mention in clause.mentions_within(scope.begin, scope.end):
        before = text[scope.begin : mention.span.begin][-30:]
        destination = kind == "export-control" and _DESTINATION.search(before)
        if is_actor(mention, index) and (_TARGET_PREPOSITIONS.search(before) or destination):
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


def count_and_minerals(
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
        described = re.search(r",\s*$", clause.between(scope.begin, quantity.begin))
        if quantity.unit == "count" and _COUNTED.search(written) and not described:
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


def control_date(clause: Clause, scope: Span, trigger: Span, year: int | None) -> DateValue | None:
    after = clause.dates_within(trigger.end, scope.end)
    if after:
        return after[0].value
    before = clause.dates_within(clause.span.begin, trigger.begin)
    if before:
        return before[-1].value
    return DateValue(str(year)) if year is not None else None


_DURATION = re.compile(r"P(\d+)([YMWD])")
_DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
_SMALL_NUMBERS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def duration_words(duration: str) -> str:
    """An ISO 8601 duration as an adjective: ``P1Y`` → "one-year", ``P18M`` → "18-month"."""
    match = _DURATION.fullmatch(duration)
    if not match:
        return duration
    count = int(match[1])
    number = _SMALL_NUMBERS[count - 1] if 1 <= count <= len(_SMALL_NUMBERS) else str(count)
    return f"{number}-{_DURATION_UNITS[match[2]]}"


def control_label(control: Control, index: ReferenceIndex) -> str:
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
    if control.duration:
        noun = f"{duration_words(control.duration)} {noun}"
    parts = [f"{imposer} {noun}"]
    if control.targets:
        parts.append("on " + " and ".join(index.label(t.iri) for t in control.targets))
    if control.element_count:
        parts.append(f"on {control.element_count} elements")
    elif control.minerals:
        parts.append("on " + " and ".join(index.label(m.iri) for m in control.minerals))
    if control.date:
        parts.append(f"({control.date.start})")
    return " ".join(parts)
