"""Canned queries: loading and validating .rq files, typed parameters, running on a store."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, Dataset, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from critmin.service.catalogue import (
    QUERIES_DIR,
    CatalogueError,
    Parameter,
    ParameterError,
    find_query,
    load_catalogue,
    read_query,
    run,
)
from critmin.service.store import LocalStore

HEADER = "# id: demo\n# title: Demo\n# question: What is there?\n"
QUERY = "SELECT ?s WHERE { ?s ?p ?o }\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_shipped_query_parses_and_has_complete_metadata() -> None:
    catalogue = load_catalogue()
    assert list(catalogue) == sorted(path.stem for path in QUERIES_DIR.glob("*.rq"))
    for query in catalogue.values():
        prepareQuery(query.text)
        assert query.id == query.path.stem
        assert query.title and query.question.endswith("?")


def test_each_competency_question_has_exactly_one_query() -> None:
    answered = sorted(query.cq for query in load_catalogue().values() if query.cq)
    assert answered == [f"CQ{number:02d}" for number in range(1, 21)]


def test_the_tabular_interfaces_are_in_the_catalogue() -> None:
    catalogue = load_catalogue()
    assert catalogue["agreements"].title == "Agreements"
    assert catalogue["controls"].title == "Control measures"


def test_the_readme_lists_every_query_with_its_title() -> None:
    readme = (QUERIES_DIR / "README.md").read_text(encoding="utf-8")
    for query in load_catalogue().values():
        assert f"| `{query.id}` | {query.cq or ''} | {query.title} |" in readme


def test_find_query_reads_one_query_by_id(tmp_path: Path) -> None:
    assert find_query("cq05").parameters == (Parameter("on", "date", "2026-06-01"),)
    write(tmp_path, "demo.rq", HEADER + QUERY)
    write(tmp_path, "other.rq", "# id: other\n# title: T\n# question: Q?\n" + QUERY)
    assert find_query("demo", tmp_path).title == "Demo"
    for unknown in ("nope", "../demo", "Demo"):
        with pytest.raises(CatalogueError) as error:
            find_query(unknown, tmp_path)
        assert str(error.value) == f"unknown query {unknown!r} (known: demo, other)"


def test_a_query_reads_its_metadata_and_parameters(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "demo.rq",
        "# id: demo\n# title: Demo\n# question: Which things?\n# cq: CQ07\n"
        "# param: thing iri https://example.org/a class https://example.org/Thing\n"
        "# param: other iri class https://example.org/Other\n"
        "# param: note string two words class x\n"
        "# param: since date\n# multivalued: labels\n"
        "SELECT ?thing (GROUP_CONCAT(?l) AS ?labels) WHERE { ?thing ?p ?l "
        "FILTER(?l != ?note && ?l > ?since && ?p != ?other) } GROUP BY ?thing\n",
    )
    query = read_query(path)
    assert (query.id, query.title, query.question, query.cq) == (
        "demo", "Demo", "Which things?", "CQ07"
    )
    assert query.parameters == (
        Parameter("thing", "iri", "https://example.org/a", "https://example.org/Thing"),
        Parameter("other", "iri", None, "https://example.org/Other"),
        Parameter("note", "string", "two words class x"),
        Parameter("since", "date", None),
    )
    assert query.multivalued == ("labels",)
    assert query.path == path


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("# id: demo\n# question: Q?\n" + QUERY, "metadata header lacks title"),
        (HEADER + "SELECT ?s WHERE { ?s ?p }\n", "not valid SPARQL"),
        (HEADER + "ASK { ?s ?p ?o }\n", "only SELECT queries can be canned queries"),
        (HEADER + "# colour: red\n" + QUERY, "unknown metadata key 'colour'"),
        (HEADER + "# title: Again\n" + QUERY, "metadata key 'title' appears twice"),
        (HEADER + "# cq: 7\n" + QUERY, "cq '7' is not written CQ01 .. CQ99"),
        (HEADER + "# param: s colour\n" + QUERY, "param s: type 'colour' is not one of"),
        (HEADER + "# param: x iri\n" + QUERY, "param x: the query has no variable ?x"),
        (HEADER + "# param: s date 2025-13-01\n" + QUERY,
         "default of parameter s: '2025-13-01' is not a date written YYYY-MM-DD"),
        (HEADER + "# param: s iri\n# param: s iri\n" + QUERY, "a parameter is declared twice"),
        (HEADER + "# param: s iri class Thing\n" + QUERY,
         "param s: class 'Thing' is not an absolute IRI"),
        (HEADER + "# multivalued: o\n" + QUERY, "multivalued column 'o' is not a result column"),
        ("# id: Demo!\n# title: T\n# question: Q?\n" + QUERY, "id 'Demo!' is not lower-case"),
    ],
)
def test_a_malformed_query_fails_with_a_message_naming_the_file(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = write(tmp_path, "demo.rq", text)
    with pytest.raises(CatalogueError) as error:
        load_catalogue(tmp_path)
    assert str(error.value).startswith(f"{path}: {problem}")


def test_a_query_whose_id_differs_from_its_file_name_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "other.rq", HEADER + QUERY)
    with pytest.raises(CatalogueError, match="id 'demo' differs from the file name") as error:
        load_catalogue(tmp_path)
    assert str(error.value).startswith(str(path))


def test_a_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="no such query folder"):
        load_catalogue(tmp_path / "absent")


def test_a_file_without_header_may_be_read_as_an_ad_hoc_query(tmp_path: Path) -> None:
    path = write(tmp_path, "mine.rq", QUERY)
    query = read_query(path, require_metadata=False)
    assert (query.id, query.title, query.parameters) == ("mine", "mine", ())
    with pytest.raises(CatalogueError, match="metadata header lacks id, title, question"):
        read_query(path)


@pytest.mark.parametrize(
    ("type_", "value", "term"),
    [
        ("iri", "https://w3id.org/critmin/id/actor/chile",
         URIRef("https://w3id.org/critmin/id/actor/chile")),
        ("string", 'a "quoted" } word', Literal('a "quoted" } word')),
        ("date", "2024-02-29", Literal("2024-02-29", datatype=XSD.date)),
        ("integer", "-12", Literal("-12", datatype=XSD.integer)),
        ("decimal", "8.50", Literal("8.50", datatype=XSD.decimal)),
    ],
)
def test_parameters_become_typed_terms(type_: str, value: str, term: Literal) -> None:
    assert Parameter("x", type_).term(value) == term


@pytest.mark.parametrize(
    ("type_", "value", "message"),
    [
        ("iri", "chile", "parameter x: 'chile' is not an absolute IRI such as https://example.org/x"),
        ("iri", "https://example.org/a b", "is not an absolute IRI"),
        ("iri", "https://example.org/a> } <b", "is not an absolute IRI"),
        ("date", "2023-02-29", "parameter x: '2023-02-29' is not a date written YYYY-MM-DD"),
        ("date", "2025-10", "is not a date written YYYY-MM-DD"),
        ("integer", "12.5", "parameter x: '12.5' is not an integer"),
        ("decimal", "1e3", "parameter x: '1e3' is not a decimal number such as 12.5"),
        ("integer", "1" * 2001, "parameter x: 2,001 characters; 2,000 at most"),
        ("string", "a" * 2001, "parameter x: 2,001 characters; 2,000 at most"),
    ],
)
def test_bad_parameter_values_are_refused(type_: str, value: str, message: str) -> None:
    with pytest.raises(ParameterError) as error:
        Parameter("x", type_).term(value)
    assert message in str(error.value)
    assert error.value.parameter == "x"


def test_bindings_fill_defaults_and_leave_optional_parameters_unbound() -> None:
    query = load_catalogue()["cq02"]
    assert query.bindings({}) == {
        "actor": URIRef("https://w3id.org/critmin/id/actor/united-states"),
        "year": Literal(2025),
    }
    assert query.bindings({"year": "2024", "actor": ""})["year"] == Literal(2024)
    assert load_catalogue()["cq15"].bindings({}) == {}


def test_an_unknown_parameter_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ParameterError) as error:
        load_catalogue()["cq02"].bindings({"country": "x"})
    assert str(error.value) == "unknown parameter country for query cq02 (parameters: actor, year)"


@pytest.fixture
def tiny_store() -> LocalStore:
    dataset = Dataset(default_union=True)
    dataset.parse(
        data="""
        @prefix ex: <https://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        ex:g { ex:a ex:tag "zinc", "tin", "antimony" ; ex:year 2020 .
               ex:b ex:tag "lead" ; ex:year 2021 . }
        """,
        format="trig",
    )
    return LocalStore(dataset)


def test_run_binds_typed_parameters_and_sorts_multivalued_cells(
    tmp_path: Path, tiny_store: LocalStore
) -> None:
    path = write(
        tmp_path,
        "tags.rq",
        "# id: tags\n# title: Tags\n# question: Which tags?\n# param: year integer 2020\n"
        "# multivalued: tags\nPREFIX ex: <https://example.org/>\n"
        "SELECT ?thing (GROUP_CONCAT(?tag; separator=\" | \") AS ?tags)\n"
        "WHERE { ?thing ex:year ?year ; ex:tag ?tag } GROUP BY ?thing\n",
    )
    query = read_query(path)
    result = run(query, tiny_store, {})
    assert [str(var) for var in result.vars] == ["thing", "tags"]
    assert [(str(row["thing"]), str(row["tags"])) for row in result] == [
        ("https://example.org/a", "antimony | tin | zinc"),
    ]
    assert [str(row["tags"]) for row in run(query, tiny_store, {"year": "2021"})] == ["lead"]
    assert list(run(query, tiny_store, {"year": "1999"})) == []


def test_string_parameters_cannot_change_the_query(tmp_path: Path, tiny_store: LocalStore) -> None:
    path = write(
        tmp_path,
        "tag.rq",
        "# id: tag\n# title: Tag\n# question: Who has a tag?\n# param: tag string tin\n"
        "PREFIX ex: <https://example.org/>\nSELECT ?thing WHERE { ?thing ex:tag ?tag }\n",
    )
    query = read_query(path)
    assert [str(row["thing"]) for row in run(query, tiny_store, {})] == ["https://example.org/a"]
    injected = {"tag": 'tin" } UNION { ?thing ?p ?o } #'}
    assert list(run(query, tiny_store, injected)) == []


def test_bound_text_holds_the_values_and_the_defaults(tmp_path: Path) -> None:
    write(tmp_path, "demo.rq", HEADER + "# param: s iri https://example.org/a\n"
          "# param: n integer\n" + "SELECT ?s WHERE { ?s ?p ?n }\n")
    query = load_catalogue(tmp_path)["demo"]
    assert query.bound_text({}) == query.text.replace(
        "WHERE {", "WHERE { VALUES (?s) { (<https://example.org/a>) } "
    )
    integer = "<http://www.w3.org/2001/XMLSchema#integer>"
    assert f'VALUES (?s ?n) {{ (<https://example.org/b> "3"^^{integer}) }}' in query.bound_text(
        {"s": "https://example.org/b", "n": "3"}
    )
    with pytest.raises(ParameterError):
        query.bound_text({"n": "three"})
