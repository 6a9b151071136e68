"""One IRI for one real-world thing: merging what several documents report.

Statements of different documents that describe the same agreement, control or event get one
IRI; each document's graph then describes that IRI with its own claims, so every claim stays
attributable to its named graph. The rules are general and symmetric:

- agreements: compatible kinds (see ``AGREEMENT_FAMILY``), the same party set (or one a
  subset of the other with the same date), compatible dates, and no conflicting binding status;
- controls: the same kind, imposer and duration, compatible targets and dates, and no
  conflicting element counts;
- events: compatible kinds, compatible dates, and the same place or overlapping participant
  sets (never two different places).

A cluster holds at most one statement of each document (a document that reports two things
means two things) and every pair in it must match. Agreements that match except for a binding
status (one binding, the other not) could not hold of one node: they stay two nodes joined by
``cm:disputedSameAs``. The reports of one agreement between states by one document and between
organisations of those states by another stay two nodes joined by ``cm:correspondsTo`` (rules
in ``state_level``; given the reference index). A group agreement (kind ``group``)
``cm:comprises`` the agreements of any document whose parties (two or more) are among its
parties and whose dates are compatible.
Every labelled node gets exactly one ``skos:prefLabel``: a proper name found in its document's
text if any, else the label of the first document (by file name) that reports it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rdflib import RDFS, SKOS, Graph, Literal, URIRef

from critmin.graph.base.namespaces import CM
from critmin.graph.base.statements import Agreement, Control, Event, Extraction
from critmin.graph.base.values import DateValue
from critmin.graph.rdf import iris
from critmin.graph.rdf.merge_blocking import (
    Blocks,
    agreement_keys,
    blocking_keys,
    entity_iris,
    group_keys,
    member_key,
)
from critmin.graph.rdf.state_level import state_level_pairs
from critmin.graph.rdf.triples import document_graph
from critmin.graph.text.reference import ReferenceIndex

AGREEMENT_FAMILY = frozenset(
    {"framework", "partnership", "deal", "cooperation", "mou", "investment", "agreement",
     "contract", "equity-stake", "loan", "offtake", "supply", "joint-venture", "declaration",
     "letter-of-intent", "action-plan", "initiative"}
)
"""Agreement kinds one source may use for what another calls by another of them."""

EVENT_FAMILIES = ({"summit", "meeting"},)
"""Event kinds that may name the same event (a summit is a meeting)."""

Statement = Agreement | Control | Event


@dataclass(frozen=True, eq=False)
class Claim:
    """One statement of one document, with its own content-derived IRI (compared by identity)."""

    order: int
    extraction: Extraction
    statement: Statement
    own_iri: URIRef

    @property
    def sha16(self) -> str:
        return self.extraction.document.sha16

    @property
    def preference(self) -> tuple[bool, int, str]:
        """Sort key of the member whose label and IRI a cluster takes: proper names first."""
        label = self.statement.label
        return (not is_proper_name(label, self.extraction.document.text), self.order, label)


@dataclass
class MergePlan:
    """Statement IRIs per document (sha16 → key → IRI) and links between statement nodes."""

    names: dict[str, dict[str, URIRef]] = field(default_factory=dict)
    disputed: set[tuple[str, URIRef, URIRef]] = field(default_factory=set)
    corresponding: set[tuple[str, URIRef, URIRef]] = field(default_factory=set)
    comprises: set[tuple[str, URIRef, URIRef]] = field(default_factory=set)


def merge_documents(
    extractions: Sequence[Extraction],
    labelled: Graph | None = None,
    index: ReferenceIndex | None = None,
) -> list[Graph]:
    """One named graph per document (in file-name order), with merged statement IRIs.

    ``labelled`` holds nodes that already have their ``skos:prefLabel`` (the reference
    entities); they get none here. With ``index``, agreements reported at the level of states
    and of their organisations are related too (``state_level``).
    """
    ordered = sorted(extractions, key=_document_order)
    plan = plan_merge(ordered, index)
    graphs = [document_graph(e, plan.names.get(e.document.sha16, {})) for e in ordered]
    by_document = {e.document.sha16: graph for e, graph in zip(ordered, graphs, strict=True)}
    for sha16, node, other in sorted(plan.disputed):
        by_document[sha16].add((node, CM.disputedSameAs, other))
    for sha16, node, other in sorted(plan.corresponding):
        by_document[sha16].add((node, CM.correspondsTo, other))
    for sha16, group, member in sorted(plan.comprises):
        by_document[sha16].add((group, CM.comprises, member))
    add_preferred_labels(ordered, graphs, labelled)
    return graphs


def plan_merge(
    extractions: Sequence[Extraction], index: ReferenceIndex | None = None
) -> MergePlan:
    """Decide which statements of different documents are one thing (see the module's rules)."""
    ordered = sorted(extractions, key=_document_order)
    plan = MergePlan(names={e.document.sha16: {} for e in ordered})
    taken: set[URIRef] = set()
    own = [iris.statement_iris(extraction) for extraction in ordered]
    for family in ("agreements", "controls", "events"):
        claims = _claims(ordered, own, family)
        clusters = _cluster(claims)
        cluster_iri: dict[int, URIRef] = {}
        for number, members in enumerate(clusters):
            cluster_iri[number] = _choose_iri(members, taken)
            for claim in members:
                plan.names[claim.sha16][claim.statement.key] = cluster_iri[number]
        if family == "agreements":
            _add_agreement_links(plan, clusters, cluster_iri)
            if index is not None:
                _add_state_level_links(plan, claims, index)
    return plan


def _add_state_level_links(plan: MergePlan, claims: list[Claim], index: ReferenceIndex) -> None:
    """``cm:correspondsTo`` between the state-level and organisation-level reports of one
    agreement (see ``state_level``), in both documents' graphs."""
    entries = [(claim.order, claim.statement) for claim in claims]

    def compatible(first: Agreement, second: Agreement) -> bool:
        return dates_compatible(first.date, second.date) and not binding_conflict(first, second)

    for one, two in state_level_pairs(entries, index, compatible):
        first, second = claims[one], claims[two]
        node = plan.names[first.sha16][first.statement.key]
        other = plan.names[second.sha16][second.statement.key]
        if node != other:
            plan.corresponding.add((first.sha16, node, other))
            plan.corresponding.add((second.sha16, other, node))


def add_preferred_labels(
    extractions: Sequence[Extraction], graphs: Sequence[Graph], labelled: Graph | None = None
) -> None:
    """Give every node with an ``rdfs:label`` in ``graphs`` exactly one ``skos:prefLabel``."""
    candidates: dict[URIRef, list[tuple[int, str, Graph, str]]] = defaultdict(list)
    for order, (extraction, graph) in enumerate(zip(extractions, graphs, strict=True)):
        for node, label in graph.subject_objects(RDFS.label):
            if labelled is not None and (node, SKOS.prefLabel, None) in labelled:
                continue
            candidates[node].append((order, str(label), graph, extraction.document.text))
    for node, options in candidates.items():
        if len(options) > 1:  # a text is searched for a label only where labels compete
            options.sort(key=lambda option: (not is_proper_name(option[1], option[3]), *option[:2]))
        _, label, graph, _ = options[0]
        graph.add((node, SKOS.prefLabel, Literal(label)))


def is_proper_name(label: str, text: str) -> bool:
    """A label the text itself uses as a name: its longer words capitalised, found verbatim."""
    words = [word for word in label.split() if len(word) > 3]
    return bool(words) and all(word[0].isupper() for word in words) and label in text


def dates_compatible(first: DateValue | None, second: DateValue | None) -> bool:
    """Unknown, equal, one a prefix of the other, or overlapping periods."""
    if first is None or second is None:
        return True
    return _not_after(first.start, second.end or second.start) and _not_after(
        second.start, first.end or first.start
    )


def same_agreement(first: Agreement, second: Agreement) -> bool:
    """Whether two agreements may be one (binding status aside)."""
    if not _agreement_kinds_compatible(first.kind, second.kind):
        return False
    if not dates_compatible(first.date, second.date):
        return False
    parties, others = entity_iris(first.parties), entity_iris(second.parties)
    if not parties or not others:
        return False
    if parties == others:
        return True
    same_date = first.date is not None and first.date == second.date
    return same_date and (parties < others or others < parties)


def binding_conflict(first: Agreement, second: Agreement) -> bool:
    """One is stated (or by its kind) binding, the other non-binding."""
    one, two = _effective_binding(first), _effective_binding(second)
    return one is not None and two is not None and one != two


def same_control(first: Control, second: Control) -> bool:
    """Same kind, imposer and duration; compatible targets, dates and element counts."""
    imposer = first.imposer.iri if first.imposer else None
    other_imposer = second.imposer.iri if second.imposer else None
    targets, other_targets = entity_iris(first.targets), entity_iris(second.targets)
    counts = {first.element_count, second.element_count} - {None}
    return (
        first.kind == second.kind
        and imposer == other_imposer
        and first.duration == second.duration
        and (targets == other_targets or not targets or not other_targets)
        and len(counts) <= 1
        and dates_compatible(first.date, second.date)
    )


def same_event(first: Event, second: Event) -> bool:
    """Compatible kinds and dates, and the same place or overlapping participants."""
    kinds = {first.kind, second.kind}
    if len(kinds) > 1 and not any(kinds <= family for family in EVENT_FAMILIES):
        return False
    if not dates_compatible(first.date, second.date):
        return False
    places = {first.place.iri if first.place else None, second.place.iri if second.place else None}
    if None not in places:
        return len(places) == 1
    participants, others = entity_iris(first.participants), entity_iris(second.participants)
    return bool(participants and others) and (participants <= others or others <= participants)


def _claims(
    extractions: Sequence[Extraction], own: Sequence[dict[str, URIRef]], family: str
) -> list[Claim]:
    """The statements of one family that their sources state as done, in document order and
    then in text order (what is only proposed or denied is never merged); ``own`` holds each
    extraction's statement IRIs."""
    claims: list[Claim] = []
    for order, extraction in enumerate(extractions):
        statements = sorted(
            (s for s in getattr(extraction, family) if _stated(s)),
            key=_statement_order,
        )
        claims.extend(Claim(order, extraction, s, own[order][s.key]) for s in statements)
    return claims


def _stated(statement: Statement) -> bool:
    """Whether its source states it as done (not talks, a plan or a denial)."""
    return getattr(statement, "modality", "stated") == "stated"


def _cluster(claims: list[Claim]) -> list[list[Claim]]:
    """Greedy complete-link clustering in document order.

    A statement with the same own IRI as an earlier one of its document (a repeat) joins that
    one's cluster; otherwise it joins the closest cluster whose every member matches it and
    comes from another document, or starts a new cluster. Only clusters sharing a blocking
    key and a month with the statement are compared (``merge_blocking``), so the work grows
    with the matches, not the corpus.
    """
    clusters: list[list[Claim]] = []
    blocks = Blocks()
    by_own_iri: dict[tuple[int, URIRef], int] = {}
    for claim in claims:
        keys = blocking_keys(claim.statement)
        index = by_own_iri.get((claim.order, claim.own_iri))
        if index is None:
            fitting = [
                i
                for i in blocks.candidates(keys, claim.statement.date)
                if all(m.order != claim.order and _same(m, claim) for m in clusters[i])
            ]
            if fitting:
                index = max(fitting, key=lambda i: _closeness(clusters[i], claim))
            else:
                index = len(clusters)
                clusters.append([])
        clusters[index].append(claim)
        by_own_iri[(claim.order, claim.own_iri)] = index
        blocks.add(index, keys, claim.statement.date)
    return clusters


def _same(first: Claim, second: Claim) -> bool:
    one, two = first.statement, second.statement
    if isinstance(one, Agreement) and isinstance(two, Agreement):
        return same_agreement(one, two) and not binding_conflict(one, two)
    if isinstance(one, Control) and isinstance(two, Control):
        return same_control(one, two)
    if isinstance(one, Event) and isinstance(two, Event):
        return same_event(one, two)
    return False


def _closeness(cluster: list[Claim], claim: Claim) -> tuple[int, int]:
    """Prefer the cluster with the most equal dates and kinds; then the earliest."""
    statement = claim.statement
    equal = sum(
        (member.statement.date == statement.date) + (member.statement.kind == statement.kind)
        for member in cluster
    )
    return equal, -min(member.order for member in cluster)


def _choose_iri(members: list[Claim], taken: set[URIRef]) -> URIRef:
    """The own IRI of the preferred member not already used by another cluster."""
    ranked = sorted(members, key=lambda claim: claim.preference) if len(members) > 1 else members
    for member in ranked:
        if member.own_iri not in taken:
            taken.add(member.own_iri)
            return member.own_iri
    first = ranked[0].own_iri
    iri = URIRef(f"{first}-{iris.key_hash(tuple(str(m.own_iri) for m in members))}")
    taken.add(iri)
    return iri


def _add_agreement_links(
    plan: MergePlan, clusters: list[list[Claim]], cluster_iri: dict[int, URIRef]
) -> None:
    """Disputed identities (binding conflicts) and what group agreements comprise.

    Each agreement is compared only with those that may be one with it, or that it may
    comprise if it is a group (found by ``merge_blocking``).
    """
    entries = [(cluster_iri[i], claim) for i, members in enumerate(clusters) for claim in members]
    same_blocks, member_blocks = Blocks(), Blocks()
    for number, (_, claim) in enumerate(entries):
        agreement = claim.statement
        same_blocks.add(number, agreement_keys(agreement), agreement.date)
        member = member_key(agreement)
        if member is not None:
            member_blocks.add(number, [member], agreement.date)
    for iri, claim in entries:
        one = claim.statement
        for number in same_blocks.candidates(agreement_keys(one), one.date):
            other_iri, other = entries[number]
            two = other.statement
            if other_iri != iri and claim.order != other.order and binding_conflict(one, two) and (
                same_agreement(one, two)
            ):
                plan.disputed.add((claim.sha16, iri, other_iri))
        if one.kind != "group":
            continue
        for number in member_blocks.candidates(group_keys(one), one.date):
            other_iri, other = entries[number]
            if other_iri != iri and _comprises(one, other.statement):
                plan.comprises.add((claim.sha16, iri, other_iri))


def _comprises(group: Agreement, member: Agreement) -> bool:
    parties, members = entity_iris(group.parties), entity_iris(member.parties)
    return (
        group.kind == "group"
        and member.kind != "group"
        and len(members) >= 2
        and members <= parties
        and dates_compatible(group.date, member.date)
    )


def _agreement_kinds_compatible(first: str, second: str) -> bool:
    if first == second:
        return True
    if "group" in (first, second):
        return False
    return "agreement" in (first, second) or {first, second} <= AGREEMENT_FAMILY


def _effective_binding(agreement: Agreement) -> bool | None:
    if agreement.binding is not None:
        return agreement.binding
    return False if agreement.kind == "mou" else None


def _not_after(first: str, second: str) -> bool:
    """``first`` is not later than ``second``, compared at the coarser of their precisions."""
    length = min(len(first), len(second))
    return first[:length] <= second[:length]


def _document_order(extraction: Extraction) -> tuple[str, str]:
    return extraction.document.file_name, extraction.document.sha256


def _statement_order(statement: Statement) -> tuple[int, int, str]:
    return statement.evidence.anchor.begin, statement.evidence.anchor.end, statement.key
