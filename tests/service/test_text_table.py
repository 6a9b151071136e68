"""Text tables fitted to a width: fair shares, cut cells, the width of the terminal."""

from __future__ import annotations

import io

import pytest
from rdflib import BNode, Literal, URIRef, Variable
from rdflib.query import Result

from critmin.service.text_table import (
    DEFAULT_WIDTH,
    cell,
    fitted_widths,
    result_table,
    terminal_width,
    text_table,
)

HEADER = ["id", "label", "note"]
ROWS = [
    ["a1", "A short label", "a long note that goes on and on past any narrow terminal"],
    ["b22", "Another, rather longer label", ""],
]


def test_a_table_that_fits_is_printed_whole() -> None:
    table = text_table(HEADER, ROWS, 100)
    assert table.text == (
        "id   label                         note\n"
        "---  ----------------------------  "
        "--------------------------------------------------------\n"
        "a1   A short label                 "
        "a long note that goes on and on past any narrow terminal\n"
        "b22  Another, rather longer label\n"
        "(2 rows)\n"
    )
    assert not table.cut
    assert text_table(HEADER, ROWS, None) == table


def test_a_wide_table_is_cut_to_the_width_sharing_it_fairly() -> None:
    # widths 3, 17 and 16 (see test_fair_shares); a cut cell loses the blank before its "…"
    table = text_table(HEADER, ROWS, 40)
    assert table.text == (
        "id   label              note\n"
        "---  -----------------  ----------------\n"
        "a1   A short label      a long note tha…\n"
        "b22  Another, rather…\n"
        "(2 rows)\n"
    )
    assert table.cut
    assert max(len(line) for line in table.text.splitlines()) <= 40


def test_fair_shares() -> None:
    # 3 + 2 + 28 + 2 + 56 = 91 wide; at 40, 36 for the cells: "id" keeps its 3, the others
    # share 33, the leftmost one more.
    assert fitted_widths([3, 28, 56], 40) == [3, 17, 16]
    assert fitted_widths([3, 28, 56], 200) == [3, 28, 56]
    assert fitted_widths([10, 10, 10], 26) == [8, 7, 7]
    # never below the minimum of 6 (a column narrower than that by nature keeps its width)
    assert fitted_widths([20, 20, 4], 10) == [6, 6, 4]


def test_headers_are_cut_too_and_a_single_row_is_counted_so() -> None:
    table = text_table(["identifier", "x"], [["abcdefghijklmnop", "1"]], 12)
    assert table.text == "identifi…  x\n---------  -\nabcdefgh…  1\n(1 row)\n"


def test_cells_shorten_iris_and_fold_white_space() -> None:
    assert cell(URIRef("https://w3id.org/critmin/id/actor/peru")) == "cmr:actor/peru"
    assert cell(URIRef("https://example.org/x")) == "https://example.org/x"
    assert cell(Literal("two\n  lines")) == "two lines"
    assert cell(BNode("b0")) == "_:b0"
    assert cell(None) == ""


def test_result_table_of_select_results_only() -> None:
    result = Result("SELECT")
    result.vars = [Variable("thing")]
    result.bindings = [{Variable("thing"): URIRef("https://w3id.org/critmin/ontology#Deal")}]
    assert result_table(result, 80).text == "thing\n-------\ncm:Deal\n(1 row)\n"
    with pytest.raises(ValueError, match="ASK results cannot be written as a table"):
        result_table(Result("ASK"), 80)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    assert terminal_width({"COLUMNS": "72"}, io.StringIO()) == 72
    assert terminal_width({}, io.StringIO()) == DEFAULT_WIDTH == 100
    assert terminal_width({"COLUMNS": "wide"}, io.StringIO()) == 100
    monkeypatch.setattr("shutil.get_terminal_size", lambda fallback: __import__("os")
                        .terminal_size((132, 50)))
    assert terminal_width({}, _Terminal()) == 132
    assert terminal_width({"COLUMNS": "0"}, _Terminal()) == 132
