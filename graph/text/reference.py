"""Reference entities (graph/reference/*.ttl) and the index of the names text uses for them.

The index maps each alias (``skos:prefLabel``, ``rdfs:label``, ``skos:altLabel``; ``cm:metonym``
for states and government bodies; ``cm:demonym`` as an adjective) to the entity IRIs it may
name, and answers what an IRI is (its ``cm:`` types), what it is called, which members a
grouping has, where a thing is and which roles a person holds. Entities are data: nothing
about a particular entity is written in code.

Case rules: an alias written in capitals and at most five characters long ("US", "EU", "REE",
"U.S.") matches only with exactly that case; longer aliases match regardless of case, except
that an alias starting with a capital letter needs a capital letter in the text too (so that
"Chad" is not matched in "chad", while "Gallium" still matches "gallium" for minerals).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, RDFS, SKOS, Graph, Literal, URIRef

from critmin.graph.base.namespaces import CM

REFERENCE_FOLDER = Path(__file__).resolve().parents[1] / "reference"

ACTOR_CLASSES = frozenset(
    CM[name]
    for name in (
        "Actor",
        "State",
        "SelfGoverningTerritory",
        "IntergovernmentalOrganisation",
        "Grouping",
        "GovernmentBody",
        "Company",
        "StateRunOrganisation",
        "MilitaryRunOrganisation",
        "ArmedGroup",
        "Person",
    )
)
MINERAL_CLASSES = frozenset(
    CM[name]
    for name in (
        "Mineral",
        "ChemicalElement",
        "RareEarthElement",
        "LightRareEarthElement",
        "HeavyRareEarthElement",
        "CriticalMineral",
        "MineralProduct",
        "MineralGroup",
    )
)
PLACE_CLASSES = frozenset(CM[name] for name in ("Place", "City", "Region", "SupplySource", "Mine"))
GOVERNMENT_CLASSES = frozenset((CM.State, CM.GovernmentBody))
GOVERNING_CLASSES = frozenset((CM.State, CM.SelfGoverningTerritory))
"""Actors that govern and impose measures: states and self-governing territories."""

NAME_PROPERTIES = (SKOS.prefLabel, RDFS.label, SKOS.altLabel)
_SHORT_CAPS = re.compile(r"^[A-Z][A-Z.&]{0,4}$")


class ReferenceError(Exception):
    """The reference data cannot be read (a missing folder or a malformed Turtle file)."""


@dataclass(frozen=True)
class Alias:
    """A name text may use for an entity: ``form`` is ``name``, ``metonym`` or ``demonym``."""

    text: str
    iri: URIRef
    form: str
    exact_case: bool

    def matches(self, written: str) -> bool:
        """Whether ``written`` (text already equal to the alias ignoring case) names it."""
        if self.exact_case:
            return written == self.text
        return not self.text[:1].isupper() or written[:1].isupper()


@dataclass(frozen=True)
class RoleFact:
    """A role the reference data gives a person: a title and where it is held."""

    title: str
    role_in: URIRef | None


def load_reference(folder: Path = REFERENCE_FOLDER) -> Graph:
    """Read every ``.ttl`` file of ``folder`` into one graph."""
    if not folder.is_dir():
        raise ReferenceError(f"reference folder not found: {folder}")
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        try:
            graph.parse(path, format="turtle")
        except Exception as error:  # rdflib raises many parser exception types
            raise ReferenceError(f"cannot read {path.name}: {error}") from error
    return graph


def _english(value: object) -> str | None:
    """The text of an English (or untagged) literal, stripped; None for anything else."""
    if isinstance(value, Literal) and value.language in (None, "en"):
        text = str(value).strip()
        return text or None
    return None


def _exact_case(alias: str) -> bool:
    return bool(_SHORT_CAPS.match(alias))


@dataclass(frozen=True, eq=False)
class ReferenceIndex:
    """Aliases of reference entities and what the reference data says about each entity."""

    aliases: tuple[Alias, ...]
    by_folded_text: Mapping[str, tuple[Alias, ...]]
    types: Mapping[URIRef, frozenset[URIRef]]
    labels: Mapping[URIRef, str]
    members: Mapping[URIRef, tuple[URIRef, ...]]
    located_in: Mapping[URIRef, tuple[URIRef, ...]]
    run_by: Mapping[URIRef, tuple[URIRef, ...]]
    roles: Mapping[URIRef, tuple[RoleFact, ...]]

    @classmethod
    def from_graph(cls, graph: Graph) -> ReferenceIndex:
        """Index the entities of a reference graph (each subject with a ``cm:`` type)."""
        types: dict[URIRef, set[URIRef]] = defaultdict(set)
        for subject, cls_iri in graph.subject_objects(RDF.type):
            if isinstance(subject, URIRef) and str(cls_iri).startswith(str(CM)):
                types[subject].add(URIRef(cls_iri))
        aliases: dict[tuple[str, URIRef, str], Alias] = {}
        labels: dict[URIRef, str] = {}
        for entity in sorted(types):
            kinds = types[entity]
            names = _names(graph, entity, NAME_PROPERTIES)
            pref = _names(graph, entity, (SKOS.prefLabel, RDFS.label))
            if pref:
                labels[entity] = pref[0]
            forms: list[tuple[str, Iterable[str]]] = [("name", names)]
            if kinds & GOVERNMENT_CLASSES:
                forms.append(("metonym", _names(graph, entity, (CM.metonym,))))
            forms.append(("demonym", _names(graph, entity, (CM.demonym,))))
            for form, texts in forms:
                for text in texts:
                    aliases.setdefault(
                        (text, entity, form), Alias(text, entity, form, _exact_case(text))
                    )
        ordered = tuple(sorted(aliases.values(), key=lambda a: (a.text, str(a.iri), a.form)))
        by_folded_text: dict[str, list[Alias]] = defaultdict(list)
        for alias in ordered:
            by_folded_text[alias.text.casefold()].append(alias)
        return cls(
            aliases=ordered,
            by_folded_text={text: tuple(found) for text, found in by_folded_text.items()},
            types={entity: frozenset(kinds) for entity, kinds in types.items()},
            labels=labels,
            members=_objects(graph, types, CM.hasMember, inverse=CM.memberOf),
            located_in=_objects(graph, types, CM.locatedIn, CM.basedIn, CM.partOfOrganisation),
            run_by=_objects(graph, types, CM.runBy),
            roles=_roles(graph, types),
        )

    def lookup(self, written: str) -> tuple[Alias, ...]:
        """The aliases that ``written`` names under the case rules."""
        candidates = self.by_folded_text.get(written.casefold(), ())
        return tuple(alias for alias in candidates if alias.matches(written))

    def is_a(self, iri: URIRef, classes: frozenset[URIRef] | URIRef) -> bool:
        """Whether the entity has one of ``classes`` (or the one class) among its types."""
        wanted = classes if isinstance(classes, frozenset) else frozenset((classes,))
        return bool(self.types.get(iri, frozenset()) & wanted)

    def label(self, iri: URIRef) -> str:
        """The entity's preferred label, or the last segment of its IRI."""
        return self.labels.get(iri) or str(iri).rstrip("/").rsplit("/", 1)[-1]

    def state_of(self, iri: URIRef) -> URIRef | None:
        """The state (or self-governing territory) an actor stands for: itself, a person's
        state by role, a body's state."""
        if self.is_a(iri, GOVERNING_CLASSES):
            return iri
        if self.is_a(iri, CM.Person):
            for role in self.roles.get(iri, ()):
                if role.role_in is not None and (state := self.state_of(role.role_in)):
                    return state
            return None
        for container in (*self.run_by.get(iri, ()), *self.located_in.get(iri, ())):
            if self.is_a(container, GOVERNING_CLASSES):
                return container
        return None

    def states_in(self, region: URIRef) -> tuple[URIRef, ...]:
        """The states located in a region, sorted."""
        return tuple(
            sorted(
                entity
                for entity, containers in self.located_in.items()
                if region in containers and self.is_a(entity, CM.State)
            )
        )

    def executive_of(self, iri: URIRef) -> URIRef | None:
        """The state a body is run by (a presidency, a cabinet office), if any."""
        return next((s for s in self.run_by.get(iri, ()) if self.is_a(s, CM.State)), None)


def _names(graph: Graph, entity: URIRef, properties: Iterable[URIRef]) -> list[str]:
    found: list[str] = []
    for prop in properties:
        for value in sorted(graph.objects(entity, prop), key=str):
            text = _english(value)
            if text and text not in found:
                found.append(text)
    return found


def _objects(
    graph: Graph,
    types: Mapping[URIRef, set[URIRef]],
    *properties: URIRef,
    inverse: URIRef | None = None,
) -> dict[URIRef, tuple[URIRef, ...]]:
    """For each entity, the sorted IRIs it points to by any of ``properties`` (or the inverse)."""
    found: dict[URIRef, set[URIRef]] = defaultdict(set)
    for prop in properties:
        for subject, value in graph.subject_objects(prop):
            if subject in types and isinstance(value, URIRef):
                found[subject].add(value)
    if inverse is not None:
        for subject, value in graph.subject_objects(inverse):
            if value in types and isinstance(subject, URIRef):
                found[URIRef(value)].add(subject)
    return {entity: tuple(sorted(values)) for entity, values in found.items()}


def _roles(graph: Graph, types: Mapping[URIRef, set[URIRef]]) -> dict[URIRef, tuple[RoleFact, ...]]:
    roles: dict[URIRef, list[RoleFact]] = defaultdict(list)
    for person, role in sorted(graph.subject_objects(CM.hasRole)):
        if person not in types:
            continue
        title = next((t for t in map(_english, graph.objects(role, CM.roleTitle)) if t), "")
        role_in = next((o for o in graph.objects(role, CM.roleIn) if isinstance(o, URIRef)), None)
        roles[URIRef(person)].append(RoleFact(title, role_in))
    return {person: tuple(found) for person, found in roles.items()}
