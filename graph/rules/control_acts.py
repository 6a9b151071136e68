"""Acts on control measures stated in text: pauses, suspensions and liftings.

Triggers: "a <duration> pause/suspension/freeze on|of <controls>", "lifting/removing/easing
<controls>", and the verbs "suspended/paused <controls>", "<controls> were suspended".

- A pause acts on the document's controls of the kind its object names ("export controls")
  and of their owner (a possessive in the object, "China's"; else any imposer); its imposer
  is that owner, else the imposer of what it acts on; its duration comes from a quantity in
  years or months just before it; "in exchange for ..." gives obligations. Its date is the
  first of its clause, else (approximately) the latest date of the controls it acts on when
  the same paragraph states them: an act does not come before what it acts on.
- A lifting (kind ``lifting``, its label naming what is lifted) is by the agent before it; its
  targets are those a control would have (``controls.control_targets``), else the last other
  state named in the paragraph. It acts on the document's controls of the kind it names, by
  its imposer, with compatible targets.
- A suspension stated by a verb ("Beijing suspended the curbs for six months", "China
  paused, until May 2027, its tariffs on ...", "the restrictions were suspended") needs an
  object naming a control ("measures", "ban", "tariffs"...; not "exports", which makes it a
  control). It is by the agent before the verb, else the owner named in the object ("Peru's
  duties"), else the imposer of what it acts on: the document's controls stated up to its
  sentence, by that imposer, of the kind the object names, sharing a mineral or target with
  the object when the object names any; an object naming nothing of these ("the October
  measures") acts on the last such control. Its date is the first of its clause that is
  neither an end ("until ...") nor the date of what it acts on ("announced in ..."); its
  duration is "for <quantity>", else the time from its date to the end date.
- Implied controls: when the document states no control that an act can act on, the act
  implies one, made from what the act names: its kind, its imposer (the owner of a paused
  control, else the agent before the pause; the lifter), the lifting's targets, and for a
  pause the minerals and element count of its object (for a verb, also its targets and the
  date it was "announced/imposed in"). A paused control is current, so it is otherwise
  dated to the document's year; a lifted one was imposed at an unstated earlier time and
  has no date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Control
from critmin.graph.base.values import DateValue, Entity, Span
from critmin.graph.rules.agents import agent_before, is_actor, state_for
from critmin.graph.rules.controls import (
    control_date,
    control_label,
    control_targets,
    count_and_minerals,
)
from critmin.graph.rules.obligations import exchanged_obligations
from critmin.graph.text.dates import DateMention, duration_between, ends_period, starts_measure
from critmin.graph.text.mentions import Clause
from critmin.graph.text.nlp import evidence
from critmin.graph.text.reference import ReferenceIndex

CONTROL_NOUNS = {
    "export": "export-control",
    "tariff": "tariff",
    "sanction": "sanction",
    "technolog": "technology-restriction",
    "restriction": "export-control",
}
PAUSE = re.compile(r"\b(pause|suspension|freeze|moratorium)\s+(?:on|of)\s+", re.I)
LIFTING = re.compile(
    r"\b(?:lift|remov|eas|rescind|revok|roll\w* back|drop)\w*\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w\u2019'-]+\s+){0,2}?(sanctions|tariffs|export controls|export restrictions)\b",
    re.I,
)
# "suspended the curbs", "paused, until May, its tariffs"; "the duties were suspended".
_ACT_VERB = re.compile(r"\b(suspend|paus)(?:ed|es|s|ing)?\b,?\s+", re.I)
_PASSIVE_ACT_VERB = re.compile(
    r"\b(?:was|were|been|be)\s+(?:temporarily\s+|also\s+)?(suspend|paus)ed\b", re.I
)
_NOT_A_VERB = re.compile(
    r"\b(?:the|a|an|its|their|these|those|(?:was|were|been|be|is|are)(?:\s+also|\s+temporarily)?)"
    r"\s+$",
    re.I,
)
_CONTROL_WORD = re.compile(
    r"\b(?:measures?|bans?|curbs?|controls?|restrictions?|rules|tariffs?|duties|sanctions?|"
    r"quotas?|licen[cs]ing|levies|embargo(?:es)?)\b",
    re.I,
)
_POSSESSIVE = re.compile("[\u2019']s\\b")
_FOR_WORD = re.compile(r"\bfor\s+(?:a\s+(?:further\s+)?|another\s+)?$", re.I)
# A pause whose object is exports, not controls ("a suspension of cobalt exports"), is itself
# an export control, which ``controls`` reads.
_EXPORTS_OBJECT = re.compile(
    r"(?:the\s+)?(?:[a-z-]+\s+){0,2}?exports?\b(?!\s+(?:controls?|restrictions?|bans?|curbs?|"
    r"licen|permits|quotas))",
    re.I,
)


def act_objects(clauses: Sequence[Clause]) -> list[Span]:
    """Where the objects of acts are ("a pause on <...>"): no control measure of their own."""
    return [obj for _, _, _, obj in _acts(clauses)]


def find_control_acts(
    clauses: Sequence[Clause],
    controls: Sequence[Control],
    index: ReferenceIndex,
    year: int | None,
) -> list[Control]:
    """``controls`` followed by the acts on them the clauses state (and controls an act implies),
    keyed ``control-<n>`` after them."""
    found = list(controls)
    for clause, match, word, obj in _acts(clauses):
        if word == "lifting":
            act = _lifting(clause, clauses, match, found, index, year)
        elif word in ("suspended", "paused"):
            act = _verb_act(clause, match, word, obj, found, index, year)
        else:
            act = _pause(clause, match, word, found, index, year)
        made: list[str] = []
        for item in act:
            key = f"control-{len(found) + 1}"
            if item.acts_on == ("",):
                item = replace(item, acts_on=tuple(made))
            found.append(replace(item, key=key))
            made.append(key)
    return found


def _acts(clauses: Sequence[Clause]) -> list[tuple[Clause, re.Match[str], str, Span]]:
    """Each act's clause, match, word (pause, suspension..., lifting) and object span."""
    acts: list[tuple[Clause, re.Match[str], str, Span]] = []
    for clause in clauses:
        for match in PAUSE.finditer(clause.text, clause.span.begin, clause.span.end):
            if _EXPORTS_OBJECT.match(clause.text, match.end()):
                continue
            obj = Span(match.end(), min(match.end() + 60, clause.span.end))
            acts.append((clause, match, match.group(1).lower(), obj))
        for match in LIFTING.finditer(clause.text, clause.span.begin, clause.span.end):
            acts.append((clause, match, "lifting", Span(match.start(), match.end())))
        acts.extend(_verb_acts(clause))
    return acts


def _verb_acts(clause: Clause) -> list[tuple[Clause, re.Match[str], str, Span]]:
    """Suspensions and pauses stated by a verb, with the object naming the controls."""
    text, begin, end = clause.text, clause.span.begin, clause.span.end
    acts: list[tuple[Clause, re.Match[str], str, Span]] = []
    for match in _PASSIVE_ACT_VERB.finditer(text, begin, end):
        obj = Span(max(begin, match.start() - 60), match.start())
        if _CONTROL_WORD.search(text, obj.begin, obj.end):
            acts.append((clause, match, match.group(1).lower() + "ed", obj))
    for match in _ACT_VERB.finditer(text, begin, end):
        exports = _EXPORTS_OBJECT.match(text, match.end())
        if (
            _NOT_A_VERB.search(text, begin, match.start())
            or not _CONTROL_WORD.search(text, match.end(), min(match.end() + 60, end))
            or (exports and not _CONTROL_WORD.search(exports.group()))
        ):
            continue
        acts.append((clause, match, match.group(1).lower() + "ed", Span(match.end(), end)))
    return acts


def _duration(clause: Clause, position: int) -> str | None:
    for quantity in clause.quantities:
        gap = clause.text[quantity.end : position]
        if quantity.unit in ("year", "month") and len(gap.split()) <= 1 and quantity.value:
            letter = "Y" if quantity.unit == "year" else "M"
            return f"P{int(quantity.value)}{letter}"
    return None


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
    if not acted and owner is None:
        agent = agent_before(clause, match.start(), index)
        owner = state_for(agent, text, index) if agent is not None else None
    made: list[Control] = []
    if not acted and owner is not None:
        count, minerals = count_and_minerals(clause, object_span, index, [clause])
        made.append(
            _implied(
                clause, noun, owner, (), object_span, index,
                minerals=minerals,
                element_count=count,
                date=DateValue(str(year)) if year is not None else None,
            )
        )  # fmt: skip
    imposer = owner or (acted[0].imposer if acted else None)
    if imposer is None:
        return []
    kind = "suspension" if word == "suspension" else "pause"
    pause = Control(
        key="",
        kind=kind,
        label="",
        evidence=evidence(text, clause.sentence, Span(match.start(1), match.end(1)), clause.span),
        imposer=imposer,
        minerals=tuple(dict.fromkeys(m for c in acted for m in c.minerals)),
        date=_act_date(clause, acted),
        duration=_duration(clause, match.start(1)),
        acts_on=tuple(c.key for c in acted) if acted else ("",),
        in_exchange_for=exchanged_obligations(clause),
    )
    return [*made, replace(pause, label=control_label(pause, index))]


def _verb_act(
    clause: Clause,
    match: re.Match[str],
    word: str,
    obj: Span,
    controls: list[Control],
    index: ReferenceIndex,
    year: int | None,
) -> list[Control]:
    """A suspension or pause stated by a verb, and the control it implies if none matches."""
    text, begin = clause.text, clause.span.begin
    noun = next((k for stem, k in CONTROL_NOUNS.items() if stem in text[obj.begin : obj.end]), None)
    owners = [
        m for m in clause.mentions_within(obj.begin, obj.end)
        if is_actor(m, index) and _POSSESSIVE.match(text, m.span.end)
    ]  # fmt: skip
    named = agent_before(clause, min(match.start(), obj.begin), index) or next(iter(owners), None)
    imposer = state_for(named, text, index) if named is not None else None
    count, minerals = count_and_minerals(clause, obj, index, [clause])
    targets = (
        control_targets(clause, obj, imposer, noun or "export-control", index) if imposer else ()
    )
    stated = [
        c
        for c in controls
        if c.evidence.sentence.begin <= clause.sentence.begin
        and c.kind in CONTROL_NOUNS.values()
        and noun in (None, c.kind)
        and imposer in (None, c.imposer)
    ]
    if imposer is None:  # "the duties were suspended": the paragraph's last imposer
        stated = [c for c in stated if "\n" not in text[c.evidence.sentence.end : obj.begin]]
        stated = [c for c in stated if c.imposer == stated[-1].imposer] if stated else []
    if minerals or targets:
        acted = [
            c for c in stated if set(c.minerals) & set(minerals) or set(c.targets) & set(targets)
        ]
    else:
        acted = stated if noun is not None else stated[-1:]
    made: list[Control] = []
    if not acted and (imposer is None or noun is None):
        return []
    if not acted:
        imposed = [
            d for d in clause.dates_within(obj.begin, obj.end) if starts_measure(text, d, obj.begin)
        ]
        named_control = _CONTROL_WORD.search(text, obj.begin, obj.end)
        assert named_control is not None  # an act's object names a control (``_verb_acts``)
        made.append(
            _implied(
                clause,
                noun,
                imposer,
                targets,
                Span(*named_control.span()),
                index,
                minerals=minerals,
                element_count=count,
                date=imposed[0].value if imposed else DateValue(str(year)) if year else None,
            )
        )
    dates = [
        d
        for d in clause.dates_within(begin, clause.span.end)
        if not ends_period(text, d, begin) and not starts_measure(text, d, begin)
    ]
    act = Control(
        key="",
        kind="suspension" if word == "suspended" else "pause",
        label="",
        evidence=evidence(text, clause.sentence, Span(*match.span(1)), clause.span),
        imposer=imposer or acted[0].imposer,
        minerals=tuple(dict.fromkeys(m for c in acted or made for m in c.minerals)),
        date=_act_date(clause, acted, dates),
        acts_on=tuple(c.key for c in acted) if acted else ("",),
        in_exchange_for=exchanged_obligations(clause),
    )
    act = replace(act, duration=_verb_duration(clause, match.end(), act.date))
    return [*made, replace(act, label=control_label(act, index))]  # fmt: skip


def _verb_duration(clause: Clause, position: int, date: DateValue | None) -> str | None:
    """The "for <n> years/months/weeks/days" after ``position``, else the months from ``date``
    to the end date ("until May 2027"), both known to the month."""
    text = clause.text
    for quantity in clause.quantities_within(position, clause.span.end):
        n, unit = int(quantity.value or 0), quantity.unit
        if (
            n
            and unit in ("year", "month", "week", "day")
            and _FOR_WORD.search(text, position, quantity.begin)
        ):
            return f"P{n // 12}Y" if unit == "month" and n % 12 == 0 else f"P{n}{unit[0].upper()}"
    ends = [
        d.value
        for d in clause.dates_within(position, clause.span.end)
        if ends_period(text, d, position)
    ]
    return duration_between(date.start, ends[0].start) if date and ends else None


def _act_date(
    clause: Clause, acted: Sequence[Control], dates: Sequence[DateMention] | None = None
) -> DateValue | None:
    """The first date of the clause (of ``dates`` when given), else the latest date of the
    controls acted on that the same paragraph states (an act does not come before what it
    acts on; approximate)."""
    if dates is None:
        dates = clause.dates_within(clause.span.begin, clause.span.end)
    if dates:
        return dates[0].value
    earlier = [
        c.date
        for c in acted
        if c.date is not None
        and "\n" not in clause.text[c.evidence.sentence.end : clause.sentence.begin]
    ]
    if not earlier:
        return None
    latest = max(earlier, key=lambda date: date.end or date.start)
    return DateValue(latest.end or latest.start, approximate=True, qualifier="after")


def _lifting(
    clause: Clause,
    clauses: Sequence[Clause],
    match: re.Match[str],
    controls: list[Control],
    index: ReferenceIndex,
    year: int | None,
) -> list[Control]:
    """A lifting of controls, and the control it lifts if the document states none."""
    text = clause.text
    agent = agent_before(clause, match.start(), index)
    if agent is None:
        return []
    imposer = state_for(agent, text, index)
    noun = match.group(1).lower()
    kind = next(kind for stem, kind in CONTROL_NOUNS.items() if stem in noun)
    scope = Span(match.start(), clause.span.end)
    _, minerals = count_and_minerals(clause, Span(match.start(1), clause.span.end), index, [])
    targets = control_targets(clause, scope, imposer, "sanction", index)
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
    acted = [
        c
        for c in controls
        if c.kind == kind
        and c.imposer == imposer
        and (not c.targets or not targets or set(c.targets) & set(targets))
    ]
    made = (
        []
        if acted
        else [_implied(clause, kind, imposer, targets, _noun_span(match), index, minerals=minerals)]
    )
    lifting = Control(
        key="",
        kind="lifting",
        label="",
        evidence=evidence(text, clause.sentence, Span(match.start(), match.end()), clause.span),
        imposer=imposer,
        targets=targets,
        minerals=minerals,
        date=control_date(clause, scope, Span(match.start(), match.end()), year),
        acts_on=tuple(c.key for c in acted) if acted else ("",),
    )
    on = " on " + " and ".join(index.label(t.iri) for t in targets) if targets else ""
    return [*made, replace(lifting, label=f"{index.label(imposer.iri)} lifting of {noun}{on}")]


def _noun_span(match: re.Match[str]) -> Span:
    return Span(match.start(1), match.end(1))


def _implied(
    clause: Clause,
    kind: str,
    imposer: Entity,
    targets: tuple[Entity, ...],
    named: Span,
    index: ReferenceIndex,
    **fields: object,
) -> Control:
    """The control an act names without the document stating it elsewhere."""
    control = Control(
        key="",
        kind=kind,
        label="",
        evidence=evidence(clause.text, clause.sentence, named, clause.span),
        imposer=imposer,
        targets=targets,
        **fields,
    )
    return replace(control, label=control_label(control, index))
