"""Organisations a text names that the reference data lacks: companies, government bodies,
agencies and funds, found by the shape of their names and the words around them.

A candidate is a run of capitalised words ("South32", "Tau-Ken Samruk", "Ma'aden",
"ReElement Technologies", "TA&A" count as such), with "of", "for", "de", "y" inside and "and"
only inside the complement of a body ("Ministry of Industry and Mineral Resources"). Words
that describe rather than name are cut off ("London-listed", "North Carolina-based", "The").
A candidate names an organisation when

- its last word is an organisation word: a legal form (Inc, Corp, Ltd, LLC, SpA...) or a head
  (Group, Metals, Mining, Minerals, Resources, Materials, Technologies, Elements, Capital,
  Bank, Fund, Agency, Administration, Commission...), or it is a body "Ministry / Department /
  Office / Bureau of ...";
- or a description stands next to it: "X, a Perth-based miner", "the kingdom's state-run
  miner", "Barnes' company, X", "development agency X", "trading house X";
- or a place's possessive comes before it ("Brazil's Vale", "Indiana's ReElement");
- or a listing follows it ("(ASX: LYC)");
- or it is one coined word, with digits or an inner capital ("South32", "NovaAndino").

"Full Name (ABBR)" and 'Full Name ("Short")' give the abbreviation or short name as another
name of the same organisation in that text, and so do the first words of a name followed by
an organisation word ("Cove Kaz" for "Cove Kaz Capital Group"). Legal forms such as
"Corporation" and "Limited" are not part of the label ("Iwatani Corporation" is "Iwatani").
A body named with its state's possessive is labelled with the state's demonym ("Saudi
Arabia's Ministry of Energy" is the "Saudi Ministry of Energy") and is run by that state; a
name that is a reference entity's alias with a legal form added is that entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import URIRef

from critmin.graph.base.namespaces import CM, CMR
from critmin.graph.base.values import Entity, Span, slug
from critmin.graph.text.mentions import EntityMention
from critmin.graph.text.name_occurrences import NameOccurrences, TakenSpans
from critmin.graph.text.reference import ACTOR_CLASSES, PLACE_CLASSES, ReferenceIndex
from critmin.graph.text.span_index import NoiseSpans, SpanIndex

# A capitalised word of a name: "South32", "Ma'aden", "Tau-Ken", "ReElement", "TA&A", "U.S.",
# "Co."; a possessive "'s" ends it.
_WORD = (
    r"(?:(?:[A-Z]\.){2,}|[A-Z](?:[\w&]|['\u2019](?!s\b)\w)*(?:-[A-Za-z0-9]\w*)*"
    r"(?:(?<=Co)\.|(?<=Corp)\.|(?<=Inc)\.|(?<=Ltd)\.)?)"
)
_CONNECTOR = r"(?:(?:of|for|de|del|y|la|du)(?:[ \t]+the)?|and|&)"
_CANDIDATE = re.compile(rf"{_WORD}(?:[ \t]+(?:{_CONNECTOR}[ \t]+)?{_WORD})*")
LEGAL_FORMS = frozenset(
    ["Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "Limited", "LLC", "LLP",
     "plc", "PLC", "SpA", "S.A.", "SA", "AG", "NV", "N.V.", "GmbH", "Co.", "Pty"]
)  # fmt: skip
_DROPPED_FORMS = frozenset(["Inc", "Inc.", "Corporation", "Ltd", "Ltd.", "Limited", "plc", "PLC"])
HEAD_WORDS = frozenset(
    ["Group", "Holdings", "Company", "Metals", "Mining", "Minerals", "Resources", "Materials",
     "Technologies", "Technology", "Elements", "Capital", "Partners", "Investments", "Bank",
     "Fund", "Agency", "Administration", "Authority", "Commission", "Corporation", "Industries",
     "Exploration", "Ventures", "Enterprises", "Chemicals", "Chemical", "Steel", "Motors",
     "Institute", "Regulation", "Survey", "Trust"]
)  # fmt: skip
# First words of company names in other languages: "Corporación Nacional del Cobre".
FOREIGN_HEADS = frozenset(
    ["Corporación", "Sociedad", "Compañía", "Empresa", "Société", "Compagnie", "Companhia"]
)
# Heads that make a company's name only in a name without "of": "Processing of Critical
# Minerals" is not a company.
WEAK_HEADS = frozenset(["Metals", "Mining", "Minerals", "Resources", "Materials", "Elements"])
BODY_HEADS = ("Ministry", "Department", "Office", "Bureau", "Agency", "Administration")
_NOT_ORGANISATION = re.compile(
    r"\b(?:Framework|Agreement|Partnership|Memorandum|Accord|Accords|Treaty|Pact|List|Report|"
    r"Summit|Strategy|Act|Law|Order|Initiative|Outlook|Review|Statement|Declaration|Plan|Charter|"
    r"Roadmap|Alliance|Forum|Programme|Program|Scheme|Mission|Catalogue|Agenda|Instrument|"
    r"Proclamation|Announcement|Desk|Notes|Wire|Review|Daily|Ledger|Monitor|Quarterly|Press|"
    r"Chapter|Section|Part|Article|Facility|Project|Plant|Mine|Deposit|Zone|Region|Province|"
    r"Service|Notice|Gazette|Era|Bill|Minister|Secretary|President|Chairman|Chief|Governor|"
    r"Director|Spokesman|Spokesperson|Prime|General|Senator|Ambassador|Board|Authors)\b"
)
_LEADING = frozenset(
    ["The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her", "Our",
     "And", "But", "Or", "In", "On", "At", "By", "For", "From", "With", "As", "After", "Before",
     "Under", "Since", "When", "While", "If", "Then", "Also", "Both", "Neither", "Separately",
     "Meanwhile", "Under", "Through", "What", "Why", "How", "Who", "Where", "Does", "Is",
     "State-run", "State-owned", "Chinese", "Japanese", "Australian", "American", "Canadian",
     "Indian", "Saudi", "French", "German", "British", "Korean", "Chilean", "Brazilian",
     "January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
     "Saturday", "Sunday"]
)  # fmt: skip
_DESCRIBED_PREFIX = re.compile(r"^(?:[\w.]+[- ])*[\w.]+-(?:listed|based|owned|run|backed)\s+")
_DESCRIPTION = (
    r"(?:company|firm|miner|producer|developer|explorer|refiner|maker|manufacturer|trader|"
    r"subsidiary|unit|venture|group|agency|fund|lender|bank|investor|operator|vehicle|"
    r"trading house|conglomerate|regulator|corporation|start-?up)"
)
_DESCRIPTION_AFTER = re.compile(
    rf"\s*(?:\([^)]{{1,60}}\)\s*)?,\s+(?:an?|the|its|their)\s+(?:[\w'\u2019&-]+\s+){{0,5}}?"
    rf"{_DESCRIPTION}\b(?!['\u2019])",
    re.I,
)
_DESCRIPTION_BEFORE = re.compile(rf"\b{_DESCRIPTION}\s*,?\s*$", re.I)
_TICKER_AFTER = re.compile(r"\s*\((?:[A-Z][\w ]*:\s*[A-Z]{2,6}|[A-Z]+(?:,\s*[A-Z]+)*:\s*[A-Z]+)")
_ABBREVIATION_AFTER = re.compile(r"\s*\((?P<short>[A-Z][A-Za-z&]{1,9})\)")
_QUOTED_SHORT_AFTER = re.compile(r'\s*\(\s*["\u201c](?P<short>[A-Z][\w ]{1,30}?)["\u201d]')
_POSSESSIVE = re.compile(r"['\u2019]s?\s+$")
_DESCRIPTION_REACH = 200
"""Characters before a name searched for a description word ("the miner Acme Lithium")."""
COMMON_FIRST_WORDS = frozenset(
    ["Critical", "National", "International", "Public", "General", "United", "Global", "Union",
     "First", "New", "Strategic", "Rare", "Energy", "Federal", "State", "Central", "World",
     "Export", "Import", "Industrial", "Royal", "Department", "Ministry", "Office", "Bureau"]
)  # fmt: skip


@dataclass(frozen=True)
class _Found:
    span: Span
    label: str
    types: tuple[URIRef, ...]
    facts: tuple[tuple[URIRef, URIRef], ...]
    aliases: tuple[str, ...]


def find_organisations(
    text: str, reference: Sequence[EntityMention], index: ReferenceIndex, noise=()
) -> list[EntityMention]:
    """Mentions of organisations the reference data lacks (and reference organisations named
    with a legal form added), in text order; short names and abbreviations included."""
    found: list[_Found] = []
    known: list[EntityMention] = []
    in_noise = NoiseSpans(tuple(noise))
    actors = [m.span for m in reference if _is_actor(m, index)]
    actor_edges = ({span.end for span in actors}, {span.begin for span in actors})
    by_span = SpanIndex(reference, lambda m: (m.span.begin, m.span.end))
    for match in _CANDIDATE.finditer(text):
        if in_noise.overlap(match.start(), match.start() + 1) or _NOT_ORGANISATION.search(
            match.group()
        ):
            continue
        for begin, end in _parts(text, match.start(), match.end(), actor_edges):
            result = _organisation(text, begin, end, by_span, index)
            if isinstance(result, EntityMention):
                known.append(result)
            elif result is not None:
                found.append(result)
    mentions = [
        EntityMention(f.span, Entity(CMR[f"actor/{slug(f.label)}"], f.label, f.types, f.facts),
                      "minted")
        for f in found
    ]  # fmt: skip
    mentions += _short_names(text, found, mentions, index, noise)
    return sorted([*mentions, *known], key=lambda m: m.span)


def _parts(
    text: str, begin: int, end: int, actor_edges: tuple[set[int], set[int]]
) -> list[tuple[int, int]]:
    """A candidate run cut where "and" or "&" joins two names: after a one-word name, an
    organisation word or a reference actor, or before a reference actor or another body
    ("... Sustainment and the Office of ..."). ``actor_edges``: where reference actors end,
    where they begin."""
    actor_ends, actor_begins = actor_edges
    words = text[begin:end]
    cuts = [begin]
    for joiner in re.finditer(r"\s+(?:and|&)\s+", words):
        before, after = words[: joiner.start()], words[joiner.end() :]
        last = before.split()[-1]
        at_before, at_after = begin + joiner.start(), begin + joiner.end()
        if (
            len(before.split()) == 1
            or at_before in actor_ends
            or at_after in actor_begins
            or last in HEAD_WORDS
            or last in LEGAL_FORMS
            or re.match(rf"(?:the\s+)?(?:{'|'.join(BODY_HEADS)})\b", after)
        ):
            cuts.append(begin + joiner.start())
            cuts.append(begin + joiner.end())
    cuts.append(end)
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]


def _trimmed(text: str, begin: int, end: int) -> tuple[int, int]:
    """The name without leading function or description words, nor trailing connectors."""
    while True:
        words = text[begin:end].split()
        described = _DESCRIBED_PREFIX.match(text[begin:end])
        if described:
            begin += described.end()
        elif len(words) > 1 and words[0] in _LEADING:
            begin += text[begin:end].index(words[1])
        else:
            break
    while True:
        last = re.search(r"\s+(?:of|for|de|del|y|la|du|the|and|&)$|[.,]$", text[begin:end])
        if last is None or (last.group() == "." and text[begin:end].split()[-1] in LEGAL_FORMS):
            break
        end = begin + last.start()
    return begin, end


def _organisation(
    text: str, begin: int, end: int, reference: SpanIndex[EntityMention], index: ReferenceIndex
) -> _Found | EntityMention | None:
    begin, end = _trimmed(text, begin, end)
    name = text[begin:end]
    words = name.split()
    if (
        not words
        or _NOT_ORGANISATION.search(name)
        or end - begin < 2
        or (len(words) == 1 and words[0] in _LEADING)
        or re.match(r"[$\d]", text[end : end + 1])  # "US$100bn"
    ):
        return None
    core_words = [w for w in words if w.rstrip(".") not in {f.rstrip(".") for f in LEGAL_FORMS}]
    core = " ".join(core_words)
    if not core:
        return None
    inside = reference.within(begin, end)
    if any(m.span.begin == begin and m.span.end == end for m in inside):
        return None  # the whole name is a reference entity's ("NdPr", "Critical Minerals")
    core_end = begin + len(name.rstrip()) - (len(name) - len(name.rstrip()))
    while text[begin:core_end].split() and text[begin:core_end].split()[-1] in LEGAL_FORMS:
        core_end = begin + text[begin:core_end].rstrip().rfind(" ")
    whole = next(
        (
            m
            for m in inside
            if m.span.end == core_end
            and _is_actor(m, index)
            and (m.span.begin == begin or _only_a_state_before(text, begin, m, inside, index))
        ),
        None,
    )
    if whole is not None:
        if core_end < end:  # "Lynas Rare Earths Limited": the reference entity, form and all
            return EntityMention(Span(whole.span.begin, end), whole.entity, whole.form)
        return None
    if any(not (begin <= m.span.begin and m.span.end <= end)
           for m in reference.overlapping(begin, end)):  # fmt: skip
        return None
    evidence = _evidence(text, begin, end, words, reference, index)
    if evidence is None:
        return None
    types, facts, label = evidence
    aliases = _declared_short_names(text, end)
    if label is None:
        label = " ".join(w for w in words if w not in _DROPPED_FORMS) or core
    return _Found(Span(begin, end), label, types, facts, aliases)


def _evidence(
    text: str,
    begin: int,
    end: int,
    words: list[str],
    reference: SpanIndex[EntityMention],
    index: ReferenceIndex,
) -> tuple[tuple[URIRef, ...], tuple[tuple[URIRef, URIRef], ...], str | None] | None:
    """Why the name is an organisation's (its types, facts and label), or None."""
    owner = _possessive_owner(text, begin, reference, index)
    body = words[0] in BODY_HEADS and len(words) > 2 and words[1] in ("of", "for")
    if body:
        facts: tuple[tuple[URIRef, URIRef], ...] = ()
        label = None
        if owner is not None and index.is_a(owner.iri, CM.State):
            facts = ((CM.runBy, owner.iri),)
            demonym = _demonym(owner.iri, index)
            label = f"{demonym} {text[begin:end]}" if demonym else None
        elif owner is not None:
            facts = ((CM.partOfOrganisation, owner.iri),)
        return (CM.GovernmentBody,), facts, label
    last = words[-1]
    weak = last in WEAK_HEADS and (
        "of" in words or "for" in words or all(w in COMMON_FIRST_WORDS for w in words[:-1])
    )
    headed = last in LEGAL_FORMS or (last in HEAD_WORDS and not weak)
    if headed and len(words) == 1 and last not in LEGAL_FORMS:
        headed = False  # "Energy", "Lithium": a word, not a name
    described = bool(
        _DESCRIPTION_AFTER.match(text, end)
        or _DESCRIPTION_BEFORE.search(text, max(0, begin - _DESCRIPTION_REACH), begin)
    )
    listed = bool(_TICKER_AFTER.match(text, end))
    abbreviated = (
        bool(_ABBREVIATION_AFTER.match(text, end))
        and len(words) > 1
        and (words[0] in FOREIGN_HEADS or any(index.is_a(m.iri, PLACE_CLASSES | {CM.State})
             for m in reference.within(begin, end)))
    )  # fmt: skip
    placed = owner is not None and index.is_a(owner.iri, PLACE_CLASSES | {CM.State})
    coined = len(words) == 1 and bool(re.fullmatch(r"[A-Z][a-z]+\d+|[A-Z][a-z]+[A-Z]\w+", last))
    if not (headed or described or listed or placed or abbreviated or coined):
        return None
    types = (CM.GovernmentBody,) if last in BODY_HEADS or last == "Commission" else (CM.Company,)
    if last in ("Fund", "Bank") and not described:
        types = (CM.Actor,)
    facts = ()
    if owner is not None and index.is_a(owner.iri, CM.State):
        facts = ((CM.basedIn, owner.iri),)
    return types, facts, None


def _only_a_state_before(
    text: str,
    begin: int,
    mention: EntityMention,
    inside: Sequence[EntityMention],
    index: ReferenceIndex,
) -> bool:
    """Whether a state's name is all that comes before ``mention`` ("U.S. International ...")."""
    return any(
        m.span.begin == begin
        and not text[m.span.end : mention.span.begin].strip()
        and index.is_a(m.iri, CM.State)
        for m in inside
    )


def _possessive_owner(
    text: str, begin: int, reference: SpanIndex[EntityMention], index: ReferenceIndex
) -> EntityMention | None:
    """The reference actor or place whose possessive stands just before ``begin``."""
    blank = begin
    while blank > 0 and text[blank - 1].isspace():
        blank -= 1
    for mention in reference.ending_in(blank - 2, blank - 1):  # before "'s " or "' "
        if (
            mention.span.end <= begin
            and _POSSESSIVE.fullmatch(text[mention.span.end : begin])
            and index.is_a(mention.iri, ACTOR_CLASSES | PLACE_CLASSES)
        ):
            return mention
    return None


def _demonym(state: URIRef, index: ReferenceIndex) -> str | None:
    return next((a.text for a in index.aliases if a.iri == state and a.form == "demonym"), None)


def _is_actor(mention: EntityMention, index: ReferenceIndex) -> bool:
    return bool(index.types.get(mention.iri, frozenset()) & ACTOR_CLASSES)


def _declared_short_names(text: str, end: int) -> tuple[str, ...]:
    """Names given in brackets after a full name: "(JARE)", '("Kestrel" or "the Company")'."""
    abbreviation = _ABBREVIATION_AFTER.match(text, end)
    if abbreviation:
        return (abbreviation["short"],)
    quoted = _QUOTED_SHORT_AFTER.match(text, end)
    return (quoted["short"],) if quoted else ()


def _short_names(
    text: str,
    found: Sequence[_Found],
    mentions: Sequence[EntityMention],
    index: ReferenceIndex,
    noise,
) -> list[EntityMention]:
    """Later mentions of an organisation by a short name of its full name."""
    taken = TakenSpans([m.span for m in mentions])
    in_noise = NoiseSpans(tuple(noise))
    names_of = [_names_of(organisation, index) for organisation in found]
    occurrences = NameOccurrences(text, {name for names in names_of for name in names})
    extra: list[EntityMention] = []
    for names, mention in zip(names_of, mentions, strict=True):
        for name in names:
            for span in occurrences.of(name):
                before = span.begin < mention.span.end and len(name.split()) < 2
                if before or taken.overlaps(span) or in_noise.overlap(span.begin, span.begin + 1):
                    continue
                taken.add(span)
                extra.append(EntityMention(span, mention.entity, "minted"))
    return extra


def _names_of(organisation: _Found, index: ReferenceIndex) -> set[str]:
    """The short names an organisation may be named by later."""
    names = set(organisation.aliases)
    words = organisation.label.split()
    company = CM.Company in organisation.types
    if company and len(words) >= 3 and words[1] not in ("of", "for", "de", "y"):
        names.add(" ".join(words[:2]))
    if (
        company
        and len(words) == 2
        and words[0] not in COMMON_FIRST_WORDS
        and not index.lookup(words[0])
    ):
        names.add(words[0])
    return names
