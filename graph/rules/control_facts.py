"""What a clause says about a control measure: who imposed it, on whom, on what, when.

- Imposer: a state, or a body or person standing for one, named as the owner ("China's
  licensing", "US tariffs", "Chinese curbs"), the subject ("Indonesia has barred ..."), the
  agent ("imposed by"), the licensing body ("need a permit from the Trade
  Office"), the place the goods may not leave ("sent out of Zimbabwe", "leave the country")
  or come from ("shipments from China to Japan"). Armed groups and companies impose nothing.
- Targets: the destinations a measure is aimed at ("exports to the United States", "bound for
  Japan", "to US military end users"); a ban with a target is an export ban (an embargo).
- Minerals and count: the minerals named in its words, and "N (further, medium and heavy,
  rare-earth) elements / rare earths / metals".
- Dates: ``date`` is when it was announced or decided ("announced on 3 July 2023", "a
  proclamation of July 30, 2025", "On 4 April ... placed"); ``in_force`` when it applies
  from ("from 1 August 2023", "Since 1 January 2024", "took effect"); an end ("until 10
  November 2026") only bounds an act.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from critmin.graph.base.namespaces import CM
from critmin.graph.base.values import DateValue, Entity
from critmin.graph.text.dates import DateMention
from critmin.graph.text.mentions import Clause, EntityMention
from critmin.graph.text.numbers import NUMBER, parse_number
from critmin.graph.text.reference import (
    GOVERNING_CLASSES,
    MINERAL_CLASSES,
    PLACE_CLASSES,
    ReferenceIndex,
)

_IN_FORCE = re.compile(
    r"\b(?:since|from|effective|starting|with\s+effect\s+from|took\s+effect(?:\s+on)?|"
    r"takes\s+effect(?:\s+on)?|in\s+force\s+(?:from|since))\s+(?:the\s+)?$",
    re.I,
)
_ANNOUNCED = re.compile(
    r"\b(?:announced|announcement|decided|decision|unveiled|published|made\s+public|issued|"
    r"proclamation|order|notice|signed)\b[^.;]{0,25}$",
    re.I,
)
_END = ("until", "till", "by", "before")
_DESTINATION = re.compile(
    r"\b(?:to|bound\s+for|destined\s+for)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$", re.I
)
_FROM_PLACE = re.compile(r"\b(?:out\s+of|leave|from)\s+(?:the\s+)?$", re.I)
_LICENCE_FROM = re.compile(r"\blicen[cs]es?\s+from\s+(?:the\s+)?$", re.I)
_BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
_COUNT = re.compile(
    rf"\b(?P<count>{NUMBER})\s+(?:(?:further|more|other|additional|new|medium|and|heavy|light|"
    rf"rare[- ]earth|critical|strategic|[\w-]+)\s+){{0,4}}?(?:elements|rare[- ]earths|REEs|"
    rf"metals|minerals)\b",
    re.I,
)


def state_of(mention: EntityMention, index: ReferenceIndex) -> Entity | None:
    """The state a mention stands for as an imposer (itself, a body's state, a person's
    state), or None for an actor that imposes nothing (an armed group, a company)."""
    types = set(mention.entity.types) | set(index.types.get(mention.iri, ()))
    if types & GOVERNING_CLASSES:
        return mention.entity
    if types & {CM.ArmedGroup, CM.Company}:
        return None
    state = index.state_of(mention.iri)
    if state is None:
        state = next((o for p, o in mention.entity.facts if p in (CM.runBy, CM.basedIn)), None)
    return Entity(state) if state is not None and index.is_a(state, GOVERNING_CLASSES) else None


def imposer_named(
    clause: Clause, begin: int, trigger_begin: int, end: int, index: ReferenceIndex
) -> Entity | None:
    """The imposer the words [begin, end) of a clause name (see the module docstring)."""
    text = clause.text
    before = [m for m in clause.mentions if begin <= m.span.begin and m.span.end <= trigger_begin]
    after = [m for m in clause.mentions if trigger_begin <= m.span.begin and m.span.end <= end]
    for mention in after:  # "by the ministry", "a permit from the Trade Office"
        lead = text[max(begin, mention.span.begin - 30) : mention.span.begin]
        owner = mention.possessive and (
            not _AIMED_AT.search(lead) or _OWN_MEASURE.match(text, mention.span.end)
        )  # "a pause on China's export controls", not "curbs on China's chip industry"
        if _BY_AGENT.search(lead) or _LICENCE_FROM.search(lead) or owner:
            state = state_of(mention, index)
            if state is not None:
                return state
    for mention in reversed(before):  # the owner or subject nearest the trigger
        if _in_destination(text, mention) or not _imposing(mention, index):
            continue
        if index.is_a(mention.iri, PLACE_CLASSES) and _AT_PLACE.search(
            text, max(0, mention.span.begin - 4), mention.span.begin
        ):
            continue  # "met in Busan": where, not who
        state = state_of(mention, index)
        if state is not None:
            return state
    antecedent = next(
        (m for m in reversed(clause.mentions)
         if m.span.end <= begin and _RELATIVE.fullmatch(text, m.span.end, begin)),
        None,
    )  # fmt: skip
    if antecedent is not None and not before:  # "Indonesia, which banned exports of ..."
        state = state_of(antecedent, index)
        if state is not None:
            return state
    for mention in after:  # "out of Zimbabwe", "shipments from China to Japan"
        lead = text[max(begin, mention.span.begin - 20) : mention.span.begin]
        if _FROM_PLACE.search(lead) and index.is_a(mention.iri, CM.State):
            return mention.entity
    for mention in before:  # "customs officers at ports including Shanghai"
        if index.is_a(mention.iri, PLACE_CLASSES) and not _in_destination(text, mention):
            state = index.state_of(mention.iri)
            if state is not None:
                return Entity(state)
    return None


_AIMED_AT = re.compile(r"\b(?:on|against|targeting|at|to|for)\s+(?:the\s+)?$", re.I)
_OWN_MEASURE = re.compile(
    r"['\u2019]s?\s+(?:[\w-]+\s+){0,3}?(?:controls?|restrictions?|bans?|quotas?|duties|curbs|"
    r"licensing|measures)\b",
    re.I,
)
_AT_PLACE = re.compile(r"\b(?:in|at)\s+$", re.I)
_RELATIVE = re.compile(r",?\s*(?:which|who)\s*")


def _imposing(mention: EntityMention, index: ReferenceIndex) -> bool:
    return mention.form != "demonym" or bool(index.is_a(mention.iri, CM.State))


def _in_destination(text: str, mention: EntityMention) -> bool:
    return bool(_DESTINATION.search(text, max(0, mention.span.begin - 30), mention.span.begin))


def targets_named(
    clause: Clause, begin: int, end: int, index: ReferenceIndex
) -> tuple[Entity, ...]:
    """The states a measure's words [begin, end) aim it at ("exports to the United States")."""
    found: list[Entity] = []
    for mention in clause.mentions:
        if (
            begin <= mention.span.begin
            and mention.span.end <= end
            and _in_destination(clause.text, mention)
        ):
            state = state_of(mention, index)
            if state is not None and state not in found:
                found.append(state)
    return tuple(found)


def minerals_named(
    clause: Clause, begin: int, end: int, index: ReferenceIndex
) -> tuple[Entity, ...]:
    """The minerals named in words [begin, end) of a clause, in order, without repeats."""
    return tuple(
        dict.fromkeys(
            m.entity
            for m in clause.mentions
            if begin <= m.span.begin and m.span.end <= end and index.is_a(m.iri, MINERAL_CLASSES)
        )
    )


def element_count(text: str, begin: int, end: int) -> int | None:
    """A count of elements in words [begin, end): "seven medium and heavy rare earths"."""
    match = _COUNT.search(text, begin, end)
    if match is None:
        return None
    value = parse_number(match["count"])
    return int(value) if value == int(value) and 1 < value < 100 else None


def control_dates(
    clause: Clause, trigger_begin: int, sentence_dates: Sequence[DateMention]
) -> tuple[DateValue | None, DateValue | None]:
    """(date announced or decided, date in force) from the dates of a control's sentence."""
    text = clause.text
    announced: DateValue | None = None
    in_force: DateValue | None = None
    plain: list[DateMention] = []
    for date in sentence_dates:
        cue = (date.value.qualifier or "").split(" ")[0]
        lead = text[max(0, date.begin - 40) : date.begin]
        if cue in _END:
            continue
        if cue == "since" or _IN_FORCE.search(lead):
            in_force = in_force or DateValue(date.value.start, date.value.end)
        elif _ANNOUNCED.search(lead) and announced is None:
            announced = date.value
        elif clause.span.begin <= date.begin < clause.span.end:
            plain.append(date)
    if announced is None and plain:
        announced = min(plain, key=lambda d: abs(d.begin - trigger_begin)).value
    return announced, in_force


def non_state_subject(clause: Clause, begin: int, end: int, index: ReferenceIndex) -> bool:
    """Whether an armed group or a company is named as the one acting before ``end``."""
    return any(
        begin <= m.span.begin and m.span.end <= end
        and (set(m.entity.types) | set(index.types.get(m.iri, ()))) & {CM.ArmedGroup}
        for m in clause.mentions
    )  # fmt: skip


_INSTRUMENT = re.compile(
    r"\b(?:(?:Statutory\s+Instrument|SI|Announcement|Proclamation|Executive\s+Order|Decree|"
    r"Order|Regulation|Notice)\s+(?:No\.\s*)?|No\.\s*)(?P<number>\d+)(?:\s+of\s+(?P<year>\d{4}))?"
)
_PART = re.compile(r"\b(?P<part>first|second|third)\s+part\b", re.I)


def instrument_named(
    words: str, text: str = "", before: int = 0
) -> tuple[str, str | None, str | None] | None:
    """The numbered instrument words name (number, year, part), if any; a year they do not
    give is the one an earlier mention of the same number gave (in ``text`` before offset
    ``before``): "No. 46" after "Announcement No. 46 of 2024"."""
    match = _INSTRUMENT.search(words)
    if match is None:
        return None
    year = match["year"]
    if year is None:
        earlier = _INSTRUMENT.finditer(text, 0, before)
        years = [m["year"] for m in earlier if m["number"] == match["number"]]
        year = next((y for y in reversed(years) if y), None)
    part = _PART.search(words)
    return match["number"], year, part["part"].lower() if part else None


def control_label(
    index: ReferenceIndex,
    imposer: Entity | None,
    kind: str,
    acted: str | None = None,
    minerals: Sequence[Entity] = (),
    count: int | None = None,
    targets: Sequence[Entity] = (),
    date: DateValue | None = None,
) -> str:
    """A label for a measure ("China export control on gallium, germanium (2023-07)") or an
    act on one ("China pause of <the measure's label>")."""
    who = (imposer.label or index.label(imposer.iri)) if imposer else ""
    if acted is not None:
        return f"{who} {kind.replace('-', ' ')} of {acted}".strip()
    what = ", ".join(m.label or index.label(m.iri) for m in minerals[:3])
    if count is not None:
        what = f"{what} ({count} elements)" if what else f"{count} elements"
    words = [who, kind.replace("-", " ")]
    if what:
        words.append(f"on {what}")
    if targets:
        words.append("to " + ", ".join(t.label or index.label(t.iri) for t in targets))
    if date is not None:
        words.append(f"({date.start})")
    return " ".join(w for w in words if w)
