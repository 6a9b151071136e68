"""The reference entities shipped in graph/reference/*.ttl: shape, identifiers and key facts."""

import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDFS, SKOS

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "graph" / "reference"
FILES = ["states.ttl", "organisations.ttl", "people.ttl", "minerals.ttl", "places.ttl"]
CM = Namespace("https://w3id.org/critmin/ontology#")
ID = "https://w3id.org/critmin/id/"
WD = "http://www.wikidata.org/entity/"

ENTITY_IRI = re.compile(
    r"^https://w3id\.org/critmin/id/(actor|person|mineral|place)/[a-z0-9]+(-[a-z0-9]+)*$"
)
ROLE_IRI = re.compile(
    r"^https://w3id\.org/critmin/id/person/[a-z0-9]+(-[a-z0-9]+)*/role/[1-9][0-9]*$"
)
QID = re.compile(r"^Q[1-9][0-9]*$")
LABEL_PROPERTIES = (SKOS.prefLabel, SKOS.altLabel, CM.metonym, CM.demonym)

# Labels that name two entities on purpose; the extraction tells them apart by context.
KNOWN_AMBIGUITIES = {
    "White House": {f"{ID}actor/white-house", f"{ID}place/white-house"},
    "Beijing": {f"{ID}actor/china", f"{ID}place/beijing"},
}

RARE_EARTHS = {  # symbol: (local name, atomic number)
    "La": ("lanthanum", 57),
    "Ce": ("cerium", 58),
    "Pr": ("praseodymium", 59),
    "Nd": ("neodymium", 60),
    "Pm": ("promethium", 61),
    "Sm": ("samarium", 62),
    "Eu": ("europium", 63),
    "Gd": ("gadolinium", 64),
    "Tb": ("terbium", 65),
    "Dy": ("dysprosium", 66),
    "Ho": ("holmium", 67),
    "Er": ("erbium", 68),
    "Tm": ("thulium", 69),
    "Yb": ("ytterbium", 70),
    "Lu": ("lutetium", 71),
    "Sc": ("scandium", 21),
    "Y": ("yttrium", 39),
}
LIGHT = {"La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu"}
HEAVY = {"Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu", "Y"}

G20_STATES = {
    "AR",
    "AU",
    "BR",
    "CA",
    "CN",
    "DE",
    "FR",
    "GB",
    "ID",
    "IN",
    "IT",
    "JP",
    "KR",
    "MX",
    "RU",
    "SA",
    "TR",
    "US",
    "ZA",
}
ASEAN = {"BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"}
CENTRAL_ASIA = {"KZ", "KG", "TJ", "TM", "UZ"}
G7 = {"CA", "DE", "FR", "GB", "IT", "JP", "US"}
EU = {
    "AT",
    "BE",
    "BG",
    "CY",
    "CZ",
    "DE",
    "DK",
    "EE",
    "ES",
    "FI",
    "FR",
    "GR",
    "HR",
    "HU",
    "IE",
    "IT",
    "LT",
    "LU",
    "LV",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SE",
    "SI",
    "SK",
}


def iri(path: str) -> URIRef:
    return URIRef(ID + path)


@pytest.fixture(scope="module")
def graph() -> Graph:
    merged = Graph()
    for name in FILES:
        merged.parse(REFERENCE_DIR / name, format="turtle")
    return merged


@pytest.fixture(scope="module")
def entities(graph: Graph) -> set[URIRef]:
    """Every subject typed with a cm: class other than cm:Role."""
    return {
        s for s, t in graph.subject_objects(RDF.type) if str(t).startswith(str(CM)) and t != CM.Role
    }


@pytest.fixture(scope="module")
def states_by_alpha2(graph: Graph) -> dict[str, URIRef]:
    return {str(graph.value(s, CM.iso3166Alpha2)): s for s in graph.subjects(RDF.type, CM.State)}


def members(graph: Graph, group: URIRef) -> set[str]:
    return {str(graph.value(m, CM.iso3166Alpha2)) for m in graph.objects(group, CM.hasMember)}


@pytest.mark.parametrize("name", FILES)
def test_file_parses_and_is_laid_out_legibly(name: str) -> None:
    text = (REFERENCE_DIR / name).read_text(encoding="utf-8")
    assert len(Graph().parse(data=text, format="turtle")) > 0
    assert "\n\n\n" not in text
    for section in re.split(r"^# =+\n# .*\n# =+\n", text, flags=re.MULTILINE)[1:]:
        labels = re.findall(r'skos:prefLabel "([^"]*)"@en', section)
        folded = [
            unicodedata.normalize("NFKD", x).encode("ascii", "ignore").decode().casefold()
            for x in labels
        ]
        assert folded == sorted(folded), f"{name}: entities out of alphabetical order"


def test_subjects_are_entities_or_roles_with_well_formed_iris(
    graph: Graph, entities: set[URIRef]
) -> None:
    roles = set(graph.subjects(RDF.type, CM.Role))
    assert set(graph.subjects()) == entities | roles
    assert all(ENTITY_IRI.match(str(e)) for e in entities)
    assert all(ROLE_IRI.match(str(r)) for r in roles)


def test_every_entity_has_one_english_preflabel_equal_to_its_label(graph: Graph, entities) -> None:
    for entity in entities:
        pref = list(graph.objects(entity, SKOS.prefLabel))
        label = list(graph.objects(entity, RDFS.label))
        assert len(pref) == 1 and pref[0].language == "en", entity
        assert label == pref, entity


def test_every_label_is_english_and_non_empty(graph: Graph) -> None:
    for prop in LABEL_PROPERTIES:
        for value in graph.objects(None, prop):
            assert (
                isinstance(value, Literal)
                and value.language == "en"
                and str(value).strip() == str(value)
            )
            assert value, prop


def test_states_have_iso_codes_of_the_right_shape_unique_and_a_qid(graph: Graph) -> None:
    states = set(graph.subjects(RDF.type, CM.State))
    assert len(states) == 197
    alpha2, alpha3 = [], []
    for state in states:
        codes2 = [str(c) for c in graph.objects(state, CM.iso3166Alpha2)]
        codes3 = [str(c) for c in graph.objects(state, CM.iso3166Alpha3)]
        assert len(codes2) == 1 and re.fullmatch(r"[A-Z]{2}", codes2[0]), state
        assert len(codes3) == 1 and re.fullmatch(r"[A-Z]{3}", codes3[0]), state
        assert graph.value(state, CM.wikidataId) is not None, state
        alpha2 += codes2
        alpha3 += codes3
    assert len(set(alpha2)) == len(alpha2)
    assert len(set(alpha3)) == len(alpha3)


def test_qids_are_well_formed_match_exactmatch_and_are_unique(graph: Graph, entities) -> None:
    owner: dict[str, URIRef] = {}
    for entity in entities:
        qids = [str(q) for q in graph.objects(entity, CM.wikidataId)]
        matches = set(graph.objects(entity, SKOS.exactMatch))
        assert len(qids) <= 1, entity
        if not qids:
            assert matches == set(), entity
            continue
        assert QID.match(qids[0]), entity
        assert matches == {URIRef(WD + qids[0])}, entity
        assert qids[0] not in owner, f"{qids[0]} used by {owner.get(qids[0])} and {entity}"
        owner[qids[0]] = entity


def test_no_owl_sameas_anywhere(graph: Graph) -> None:
    assert list(graph.triples((None, OWL.sameAs, None))) == []


def test_no_label_names_two_entities_except_the_known_ambiguities(graph: Graph) -> None:
    named: dict[str, set[str]] = defaultdict(set)
    for prop in LABEL_PROPERTIES:
        for subject, label in graph.subject_objects(prop):
            named[str(label).casefold()].add(str(subject))
    ambiguous = {label: subjects for label, subjects in named.items() if len(subjects) > 1}
    assert ambiguous == {
        label.casefold(): subjects for label, subjects in KNOWN_AMBIGUITIES.items()
    }


def test_links_between_entities_resolve(graph: Graph, entities) -> None:
    for prop in (
        CM.hasMember,
        CM.hasGroupMember,
        CM.locatedIn,
        CM.basedIn,
        CM.runBy,
        CM.partOfOrganisation,
        CM.roleIn,
        CM.sourceOf,
        CM.productOf,
    ):
        for subject, target in graph.subject_objects(prop):
            assert target in entities, f"{subject} {prop} {target}"
    for person, role in graph.subject_objects(CM.hasRole):
        assert (person, RDF.type, CM.Person) in graph
        assert (role, RDF.type, CM.Role) in graph
        assert len(list(graph.objects(role, RDFS.label))) == 1, role
        assert len(list(graph.objects(role, CM.roleTitle))) == 1, role
        assert len(list(graph.objects(role, CM.roleIn))) == 1, role


def test_the_17_rare_earth_elements_with_symbols_numbers_and_light_heavy_split(
    graph: Graph,
) -> None:
    table = {}
    for element in graph.subjects(RDF.type, CM.RareEarthElement):
        assert (element, RDF.type, CM.ChemicalElement) in graph
        symbol = str(graph.value(element, CM.elementSymbol))
        number = graph.value(element, CM.atomicNumber)
        assert number.datatype == URIRef("http://www.w3.org/2001/XMLSchema#integer")
        table[symbol] = (str(element).rsplit("/", 1)[1], number.toPython())
    assert table == RARE_EARTHS
    light = {
        str(graph.value(e, CM.elementSymbol))
        for e in graph.subjects(RDF.type, CM.LightRareEarthElement)
    }
    heavy = {
        str(graph.value(e, CM.elementSymbol))
        for e in graph.subjects(RDF.type, CM.HeavyRareEarthElement)
    }
    assert (light, heavy) == (LIGHT, HEAVY)
    groups = {
        "rare-earth-elements": set(RARE_EARTHS),
        "light-rare-earth-elements": LIGHT,
        "heavy-rare-earth-elements": HEAVY,
    }
    for slug, symbols in groups.items():
        group = iri(f"mineral/{slug}")
        assert (group, RDF.type, CM.MineralGroup) in graph
        assert {
            str(graph.value(m, CM.elementSymbol)) for m in graph.objects(group, CM.hasGroupMember)
        } == symbols


def test_rare_earth_group_labels(graph: Graph) -> None:
    group = iri("mineral/rare-earth-elements")
    assert graph.value(group, SKOS.prefLabel) == Literal("rare-earth element", lang="en")
    assert {str(a) for a in graph.objects(group, SKOS.altLabel)} >= {
        "rare earths",
        "rare earth",
        "rare earth elements",
        "rare-earth elements",
        "REE",
        "REEs",
        "rare earth metals",
        "rare-earth metals",
    }


def test_medium_and_heavy_rare_earths_are_rare_earths_not_the_heavy_group(graph: Graph) -> None:
    """China's "medium and heavy" category spans both halves of the light/heavy split."""
    named = {
        str(label): subject
        for subject, label in graph.subject_objects(SKOS.altLabel)
        if "heavy rare" in str(label)
    }
    groups = {
        "medium and heavy rare earths": "rare-earth-elements",
        "medium and heavy rare-earth elements": "rare-earth-elements",
        "heavy rare earths": "heavy-rare-earth-elements",
        "heavy rare-earth elements": "heavy-rare-earth-elements",
    }
    assert {label: named[label] for label in groups} == {
        label: iri(f"mineral/{slug}") for label, slug in groups.items()
    }


def test_g20_asean_and_central_asian_states_are_present(states_by_alpha2) -> None:
    assert set(states_by_alpha2) >= G20_STATES | ASEAN | CENTRAL_ASIA


def test_group_memberships(graph: Graph) -> None:
    assert members(graph, iri("actor/g7")) == G7
    assert members(graph, iri("actor/european-union")) == EU
    assert members(graph, iri("actor/asean")) == ASEAN
    assert members(graph, iri("actor/c5-plus-1")) == CENTRAL_ASIA | {"US"}
    unions = {iri("actor/european-union"), iri("actor/african-union")}
    g20_states = set(graph.objects(iri("actor/g20"), CM.hasMember)) - unions
    assert {str(graph.value(s, CM.iso3166Alpha2)) for s in g20_states} == G20_STATES
    assert unions <= set(graph.objects(iri("actor/g20"), CM.hasMember))
    assert len(list(graph.objects(iri("actor/united-nations"), CM.hasMember))) == 193


def test_states_located_in_regions(graph: Graph) -> None:
    def located(region: str) -> set[URIRef]:
        return set(graph.subjects(CM.locatedIn, iri(f"place/{region}")))

    assert located("central-asia") == {
        iri(f"actor/{slug}")
        for slug in ("kazakhstan", "kyrgyzstan", "tajikistan", "turkmenistan", "uzbekistan")
    }
    assert located("southeast-asia") == set(graph.objects(iri("actor/asean"), CM.hasMember))
    africa = located("africa")
    assert len(africa) == 54 and all((state, RDF.type, CM.State) in graph for state in africa)
    assert {iri("actor/south-africa"), iri("actor/morocco"), iri("actor/cabo-verde")} <= africa


def test_united_states_and_china_labels(graph: Graph) -> None:
    us, china = iri("actor/united-states"), iri("actor/china")
    assert {str(a) for a in graph.objects(us, SKOS.altLabel)} == {
        "US",
        "U.S.",
        "USA",
        "U.S.A.",
        "America",
        "United States of America",
    }
    assert [str(x) for x in graph.objects(us, CM.metonym)] == ["Washington"]
    assert [str(x) for x in graph.objects(us, CM.demonym)] == ["American"]
    assert (str(graph.value(us, CM.iso3166Alpha3)), str(graph.value(us, CM.wikidataId))) == (
        "USA",
        "Q30",
    )
    assert graph.value(china, SKOS.prefLabel) == Literal("China", lang="en")
    assert {"People's Republic of China", "PRC"} <= {
        str(a) for a in graph.objects(china, SKOS.altLabel)
    }


@pytest.mark.parametrize(
    ("label", "state"),
    [
        ("Beijing", "china"),
        ("Washington", "united-states"),
        ("Tokyo", "japan"),
        ("Canberra", "australia"),
        ("Moscow", "russia"),
        ("New Delhi", "india"),
        ("Islamabad", "pakistan"),
        ("Riyadh", "saudi-arabia"),
        ("Kyiv", "ukraine"),
    ],
)
def test_capitals_are_metonyms_of_their_states(graph: Graph, label: str, state: str) -> None:
    assert (iri(f"actor/{state}"), CM.metonym, Literal(label, lang="en")) in graph


@pytest.mark.parametrize(
    ("label", "state"),
    [
        ("Chinese", "china"),
        ("Australian", "australia"),
        ("Pakistani", "pakistan"),
        ("Ukrainian", "ukraine"),
        ("Japanese", "japan"),
        ("Congolese", "democratic-republic-of-the-congo"),
    ],
)
def test_demonyms_name_their_states(graph: Graph, label: str, state: str) -> None:
    assert set(graph.subjects(CM.demonym, Literal(label, lang="en"))) == {iri(f"actor/{state}")}


def test_frontier_works_organisation_is_military_run_in_pakistan(graph: Graph) -> None:
    fwo = iri("actor/frontier-works-organisation")
    assert set(graph.objects(fwo, RDF.type)) == {CM.MilitaryRunOrganisation}
    assert graph.value(fwo, CM.runBy) == iri("actor/pakistan-army")
    assert graph.value(fwo, CM.basedIn) == iri("actor/pakistan")
    assert graph.value(iri("actor/pakistan-army"), CM.runBy) == iri("actor/pakistan")


def test_people_roles_as_of_late_2025(graph: Graph) -> None:
    def roles(slug: str) -> set[tuple[str, str, URIRef]]:
        return {
            (
                str(graph.value(r, RDFS.label)),
                str(graph.value(r, CM.roleTitle)),
                graph.value(r, CM.roleIn),
            )
            for r in graph.objects(iri(f"person/{slug}"), CM.hasRole)
        }

    assert roles("donald-trump") == {
        ("President of the United States", "President", iri("actor/united-states"))
    }
    assert roles("asim-munir") == {
        (
            "Chief of Army Staff of the Pakistan Army",
            "Chief of Army Staff",
            iri("actor/pakistan-army"),
        )
    }
    assert roles("sanae-takaichi") == {
        ("Prime Minister of Japan", "Prime Minister", iri("actor/japan"))
    }
    assert {"General Asim Munir", "Field Marshal Asim Munir"} <= {
        str(a) for a in graph.objects(iri("person/asim-munir"), SKOS.altLabel)
    }


def test_supply_sources_and_products(graph: Graph) -> None:
    mine = iri("place/mountain-pass-mine")
    assert {CM.Mine, CM.SupplySource} == set(graph.objects(mine, RDF.type))
    assert graph.value(mine, CM.locatedIn) == iri("place/california")
    assert graph.value(iri("place/california"), CM.locatedIn) == iri("actor/united-states")
    assert graph.value(mine, CM.sourceOf) == iri("mineral/rare-earth-elements")
    oxide = iri("mineral/neodymium-oxide")
    assert (oxide, RDF.type, CM.MineralProduct) in graph
    assert graph.value(oxide, CM.productOf) == iri("mineral/neodymium")
    assert graph.value(iri("place/greenland"), CM.locatedIn) == iri("actor/denmark")


@pytest.mark.parametrize(
    ("path", "qid"),
    [
        ("actor/us-geological-survey", "Q193755"),
        ("actor/white-house", "Q1355327"),
        ("place/white-house", "Q35525"),
        ("place/busan", "Q16520"),
        ("place/central-asia", "Q27275"),
        ("place/southeast-asia", "Q11708"),
        ("place/africa", "Q15"),
    ],
)
def test_confirmed_wikidata_links(graph: Graph, path: str, qid: str) -> None:
    assert (
        str(graph.value(iri(path), CM.wikidataId)),
        set(graph.objects(iri(path), SKOS.exactMatch)),
    ) == (
        qid,
        {URIRef(WD + qid)},
    )
