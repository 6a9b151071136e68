"""How catalogue.run tidies an answer: canonical numbers, sorted multivalued cells."""

from __future__ import annotations

from pathlib import Path

from rdflib import XSD, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Identifier

from critmin.service.catalogue import read_query, run

THING, AMOUNT, TAGS = Variable("thing"), Variable("amount"), Variable("tags")


class FixedStore:
    """A store that answers every query with the same rows."""

    def __init__(self, rows: list[dict[Variable, Identifier | None]]) -> None:
        self.rows = rows

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> Result:
        result = Result("SELECT")
        result.vars = [THING, AMOUNT, TAGS]
        result.bindings = self.rows
        return result


def tidied(tmp_path: Path, rows: list[dict[Variable, Identifier | None]]) -> list[dict]:
    path = tmp_path / "tags.rq"
    path.write_text(
        "# id: tags\n# title: Tags\n# question: Which tags?\n# multivalued: tags\n"
        "SELECT ?thing ?amount ?tags WHERE { ?thing ?amount ?tags }\n",
        encoding="utf-8",
    )
    return run(read_query(path), FixedStore(rows)).bindings  # type: ignore[arg-type]


def test_numbers_are_written_in_canonical_form_and_other_terms_kept(tmp_path: Path) -> None:
    thing = URIRef("https://example.org/a")
    year = Literal("2031", datatype=XSD.gYear)
    rows = tidied(tmp_path, [
        {THING: thing, AMOUNT: Literal("3.50", datatype=XSD.decimal, normalize=False)},
        {THING: thing, AMOUNT: Literal("3.0", datatype=XSD.decimal, normalize=False)},
        {THING: thing, AMOUNT: Literal("007", datatype=XSD.int, normalize=False)},
        {THING: thing, AMOUNT: year},
    ])
    amounts = [(str(row[AMOUNT]), row[AMOUNT].datatype) for row in rows]
    assert amounts == [
        ("3.5", XSD.decimal), ("3", XSD.decimal), ("7", XSD.integer), ("2031", XSD.gYear),
    ]
    assert rows[3][THING] is thing and rows[3][AMOUNT] is year


def test_multivalued_cells_are_sorted_without_empty_parts(tmp_path: Path) -> None:
    cells = [
        Literal("tin |  | antimony | "),
        Literal("10 | 9 | 100"),
        None,
        Literal(""),
        Literal("tin", lang="en"),
        Literal("5", datatype=XSD.integer),
    ]
    rows = tidied(tmp_path, [{THING: URIRef("https://example.org/a"), TAGS: c} for c in cells])
    assert [row[TAGS] for row in rows] == [
        Literal("antimony | tin"), Literal("9 | 10 | 100"), Literal(""), Literal(""),
        Literal("tin"), Literal("5"),
    ]
    assert all(row[TAGS].datatype is None and row[TAGS].language is None for row in rows)


def test_a_cell_already_tidy_is_kept_as_it_is(tmp_path: Path) -> None:
    one, sorted_two = Literal("zinc"), Literal("antimony | tin")
    rows = tidied(tmp_path, [{TAGS: one}, {TAGS: sorted_two}])
    assert rows[0][TAGS] is one and rows[1][TAGS] is sorted_two


def test_a_row_without_a_bound_value_is_dropped(tmp_path: Path) -> None:
    rows = tidied(tmp_path, [{THING: None, TAGS: None}, {TAGS: Literal("tin")}])
    assert rows == [{TAGS: Literal("tin")}]
