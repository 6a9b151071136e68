"""The words that state a control measure or an act on one, and what each states.

A trigger has a kind of the controls table and a ``measure``: ``ban`` (bans, prohibitions,
moratoria, "may not be exported", shipments held up), ``licensing``, ``quota``, ``duty``,
``restriction``, ``control`` (export controls, checks, a new package), ``halt`` (shipments
held up in fact: an export ban), ``tariff``,
``sanction``, ``technology``, ``border``, ``mining``, ``suspension`` (a supplier told to stop
exporting); or an act: ``pause``, ``lifting``. Passive and paraphrased phrasings count as
much as nouns ("unprocessed ore may not leave the country", "exports ... would not be
approved", "consignments bound for Japan were held back", "placed seven rare earths under
export licensing", "a law banning prospecting and extraction of uranium").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from critmin.graph.base.values import Span
from critmin.graph.text.lookback import words_back


@dataclass(frozen=True)
class ControlTrigger:
    """Words stating a control or an act: where, which kind, which measure."""

    span: Span
    kind: str
    measure: str

    @property
    def act(self) -> bool:
        return self.measure in ("pause", "lifting")


_EXPORTS = r"(?:exports?|shipments?|consignments?|cargoes|sales\s+abroad)"
_TRIGGERS: tuple[tuple[str, str, str], ...] = (
    # acts on controls
    (r"\b(?:pause|suspension|freeze)\s+(?:on|of)\b", "pause", "pause"),
    (
        r"\b(?:suspended|suspends|suspending|paused|pauses|pausing|suspend)\b(?!\s+(?:a\s+|the\s+)?"
        r"(?:[\w-]+\s+){0,3}(?:exports?|exporting|supplies|arrangement|shipments)\b"
        r"(?![\s-]+(?:controls?|restrictions?|curbs|bans?|licen[cs]ing)))",
        "pause",
        "pause",
    ),
    (
        r"\b(?:lifted|lifting|lifts|scrapped|abolished|removed|rescinded|revoked|repealed|ended)\b"
        r"(?![^.;]{0,60}?\bto\s+\d[\d.,]*\s*(?:%|per\s*cent|percent))"
        r"|\bdisappeared\b|\bwere\s+dropped\b",
        "lifting",
        "lifting",
    ),
    # export suspensions ordered to a supplier
    (
        r"\b(?:asked|told|instructed|ordered|directed)\s+(?:[\w()'.-]+\s+){0,5}?to\s+(?:suspend|stop|halt)"
        r"\b",
        "export-suspension",
        "suspension",
    ),
    (r"\bwas\s+told\s+to\s+stop\s+exporting\b", "export-suspension", "suspension"),
    (
        rf"\b(?:suspended|suspends|halted|halts|froze|freezes)\s+(?:all\s+)?(?:[\w-]+\s+){{0,2}}?"
        rf"{_EXPORTS}\b(?!\s+(?:controls?|restrictions?|curbs|bans?|licen[cs]ing))",
        "export-suspension",
        "suspension",
    ),
    # mining bans
    (
        r"\b(?:law|ban|order|decree|act)\s+banning\s+(?:the\s+)?(?:prospecting|exploration|mining|"
        r"extraction)\b|\bbann(?:ed|ing)\s+(?:the\s+)?(?:prospecting|exploration|mining)\b",
        "mining-ban",
        "mining",
    ),
    # border closures
    (
        r"\b(?:closed|shut|sealed)\s+(?:its|their|the)\s+(?:\w+\s+){0,2}(?:border|crossings?|gates)"
        r"|\bborder\s+closures?\b",
        "border-closure",
        "border",
    ),
    # quotas, duties, restrictions
    (
        r"\b(?:export|annual|yearly)\s+quotas?\b|\bquotas?\s+(?:on|for)\b|\bthrough\s+quotas\b",
        "export-quota",
        "quota",
    ),
    (
        r"\bexport\s+(?:duties|duty|taxes|tax|levies)\b|\bduties\s+on\s+exports\b",
        "export-duty",
        "duty",
    ),
    (
        r"\b(?:curbs|restrictions|limits)\s+on\s+(?:which\s+companies|exports?|\w+\s+exports?)\b|"
        r"\bexport\s+(?:restrictions|curbs)\b",
        "export-restriction",
        "restriction",
    ),
    # licensing
    (
        r"\b(?:placed|put|brought)\s+(?:[\w,()\u2014-]+\s+){0,30}?under\s+export\s+licen[cs]ing\b",
        "export-control",
        "licensing",
    ),
    (
        r"\b(?:require[sd]?|need(?:ed|s)?|requiring)\s+(?:an?\s+)?(?:export\s+)?"
        r"(?:licen[cs]es?|permits?)\b",
        "export-control",
        "licensing",
    ),
    (
        r"\b(?:export\s+)?licen[cs]ing\s+(?:of|for|on|requirements?)\b",
        "export-control",
        "licensing",
    ),
    # bans: nouns, verbs, passives and paraphrases
    (
        rf"\bexport\s+bans?\b|\bbans?\s+on\s+(?:the\s+)?(?:[\w-]+\s+){{0,4}}?{_EXPORTS}\b|"
        rf"\b(?:prohibition|moratorium|embargo)\s+(?:on|of)\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?"
        rf"{_EXPORTS}\b|\bflat\s+ban\b",
        "export-control",
        "ban",
    ),
    (
        rf"\b(?:ban|banned|bans|barred|bars|prohibited|prohibits|stopped|halted|blocked|forbade)\s+"
        rf"(?:the\s+)?(?:[\w-]+\s+){{0,3}}?{_EXPORTS}\b|\bbarr(?:ed|ing)\s+(?:[\w-]+\s+){{0,2}}"
        rf"exports\b",
        "export-control",
        "ban",
    ),
    (
        r"\b(?:may|shall|can|must)\s+not\s+(?:now\s+)?(?:leave\s+the\s+country|be\s+exported|"
        r"be\s+sent\s+out|be\s+shipped)\b|\bno\s+(?:[\w-]+\s+){1,5}(?:of\s+any\s+kind\s+)?may\s+"
        r"(?:now\s+)?be\s+exported\b",
        "export-control",
        "ban",
    ),
    (
        r"\b(?:would|will|shall),?\s+(?:in\s+principle,?\s+)?not\s+be\s+(?:approved|licensed|"
        r"permitted|allowed)\b",
        "export-control",
        "ban",
    ),
    (
        r"\b(?:holding|held)\s+(?:back|up)\b|\bloading\s+stopped\b|\bnot\s+being\s+loaded\b",
        "export-ban",
        "halt",
    ),
    (r"\bprohibited\s+(?:part|tier|list)\b", "export-control", "ban"),
    # export controls, checks, packages
    (
        r"\bexport[- ]controls?\b(?!\s+law\b)|\bexport[- ]control\s+(?:announcements?|measures?|"
        r"package)\b",
        "export-control",
        "control",
    ),
    (r"\b(?:end-user|end-use)\b[\w\s-]{0,25}\bchecks\s+on\b", "export-control", "control"),
    (r"\b(?:second|new|further|third)\s+package\b", "export-control", "control"),
    (
        r"\b(?:restricted|restricts|curbed|tightened)\s+(?:its\s+)?(?:[\w-]+\s+){0,3}?exports\b",
        "export-control",
        "control",
    ),
    # tariffs, sanctions, technology
    (
        r"\btariffs?\b(?!\s+(?:deal|lines?|reductions?|cuts?|rates?\s+on\s+imports))"
        r"|\b(?:anti-?dumping|countervailing|import)\s+dut(?:y|ies)\b",
        "tariff",
        "tariff",
    ),
    (r"\bsanctions\b", "sanction", "sanction"),
    (
        r"\btechnolog(?:y|ical)\s+(?:restrictions|controls|curbs|bans)\b",
        "technology-restriction",
        "technology",
    ),
)
_TITLE_CASE = re.compile(r"[A-Z][\w-]*(?:\s+(?:and|of|from|on|the|[A-Z][\w-]*))+")
_TITLE_BEFORE = re.compile(r"[A-Z][\w-]*\s+(?:of\s+|and\s+)?$")
_PATTERNS = tuple((re.compile(p, re.I), kind, measure) for p, kind, measure in _TRIGGERS)


def find_control_triggers(text: str, begin: int, end: int) -> list[ControlTrigger]:
    """Control and act triggers between two offsets, in text order; earlier patterns win
    where two overlap."""
    found: list[ControlTrigger] = []
    for pattern, kind, measure in _PATTERNS:
        for match in pattern.finditer(text, begin, end):
            if (
                _TITLE_CASE.fullmatch(match.group())
                and _TITLE_BEFORE.search(text, words_back(text, match.start(), 2), match.start())
                and not _title_case_line(text, match.start())
            ):
                continue  # part of a name: "List of Goods Prohibited from Export"
            span = Span(match.start(), match.end())
            if not any(t.span.begin < span.end and span.begin < t.span.end for t in found):
                found.append(ControlTrigger(span, kind, measure))
    return sorted(found, key=lambda t: t.span)


def _title_case_line(text: str, position: int) -> bool:
    """Whether the line holding ``position`` is written in Title Case, as headlines are."""
    begin = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    words = re.findall(r"[A-Za-z][\w'-]*", text[begin : end if end >= 0 else len(text)])
    long = [w for w in words if len(w) > 3]
    return bool(long) and sum(w[0].isupper() for w in long) >= 0.6 * len(long)
