"""`critmin query --sparql`: ASK, CONSTRUCT, DESCRIBE and SELECT * run offline on both stores,
and tables fitted to the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli_query import DATASET, DEAL, query

from critmin.service import answer_output, cli_query
from critmin.service.text_table import DEFAULT_WIDTH

PARTIES = (
    "PREFIX cm: <https://w3id.org/critmin/ontology#>\n"
    "CONSTRUCT { ?deal cm:party ?party } WHERE { ?deal cm:party ?party }"
)
NORWAY = "https://w3id.org/critmin/id/actor/norway"
PERU = "https://w3id.org/critmin/id/actor/peru"
PARTY = "https://w3id.org/critmin/ontology#party"


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.trig"
    path.write_text(DATASET, encoding="utf-8")
    return path


@pytest.fixture(params=["oxigraph", "rdflib"])
def on(request: pytest.FixtureRequest, data_file: Path) -> list[str]:
    """The arguments that name the dataset file and a store."""
    return ["--data", str(data_file), "--store", request.param]


@pytest.fixture(autouse=True)
def columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")


def test_ask_prints_yes_or_no_and_exits_0_either_way(
    on: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    yes = f"ASK {{ <{DEAL}> ?p ?o }}"
    no = "ASK { <urn:x-absent:thing> ?p ?o }"
    assert query(capsys, "--sparql", yes, *on) == (0, "yes\n", "")
    assert query(capsys, "--sparql", no, *on) == (0, "no\n", "")
    status, out, _ = query(capsys, "--sparql", no, *on, "--format", "json")
    assert (status, json.loads(out)) == (0, {"head": {}, "boolean": False})


def test_construct_prints_turtle_or_another_graph_format(
    on: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert query(capsys, "--sparql", PARTIES, *on) == (
        0,
        "@prefix cm: <https://w3id.org/critmin/ontology#> .\n"
        "\n"
        f"<{DEAL}> cm:party <{NORWAY}>,\n"
        f"        <{PERU}> .\n",
        "",
    )
    assert query(capsys, "--sparql", PARTIES, *on, "--format", "nt") == (
        0, f"<{DEAL}> <{PARTY}> <{NORWAY}> .\n<{DEAL}> <{PARTY}> <{PERU}> .\n", ""
    )


def test_describe_gives_the_triples_of_the_resource(
    on: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = query(capsys, "--sparql", f"DESCRIBE <{PERU}>", *on, "--format", "nt")
    assert (status, err) == (0, "")
    assert out == (
        f'<{PERU}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
        "<https://w3id.org/critmin/ontology#Actor> .\n"
        f'<{PERU}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
        "<https://w3id.org/critmin/ontology#State> .\n"
        f'<{PERU}> <http://www.w3.org/2004/02/skos/core#prefLabel> "Peru"@en .\n'
        f'<{PERU}> <https://w3id.org/critmin/ontology#wikidataId> "Q419" .\n'
    )


def test_select_star_columns_come_in_order_of_appearance(
    on: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    sparql = f"SELECT * WHERE {{ ?s ?p ?o FILTER(?s = <{PERU}>) }} ORDER BY ?p ?o"
    assert query(capsys, "--sparql", sparql, *on, "--format", "csv") == (
        0,
        "s,p,o\r\n"
        f"{PERU},http://www.w3.org/1999/02/22-rdf-syntax-ns#type,"
        "https://w3id.org/critmin/ontology#Actor\r\n"
        f"{PERU},http://www.w3.org/1999/02/22-rdf-syntax-ns#type,"
        "https://w3id.org/critmin/ontology#State\r\n"
        f"{PERU},http://www.w3.org/2004/02/skos/core#prefLabel,Peru\r\n"
        f"{PERU},https://w3id.org/critmin/ontology#wikidataId,Q419\r\n",
        "",
    )


def test_a_query_from_a_file_with_at_or_as_a_rq_file(
    tmp_path: Path, on: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deal.rq"
    path.write_text(f"# Is there the deal?\nASK {{ <{DEAL}> a ?class }}\n", encoding="utf-8")
    assert query(capsys, "--sparql", f"@{path}", *on) == (0, "yes\n", "")
    assert query(capsys, str(path), *on) == (0, "yes\n", "")
    absent = tmp_path / "absent.rq"
    assert query(capsys, "--sparql", f"@{absent}", *on) == (
        2, "", f"critmin query: error: {absent}: cannot read: No such file or directory\n"
    )


def test_a_graph_answer_as_a_table_and_a_bad_query_are_one_line_errors(
    on: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert query(capsys, "--sparql", PARTIES, *on, "--format", "table") == (
        2, "", "critmin query: error: a CONSTRUCT answer is a graph: use --format turtle, nt, "
               "json-ld or xml, not table\n"
    )
    assert query(capsys, "--sparql", "ASK {}", *on, "--format", "xml") == (
        2, "", "critmin query: error: an ASK answer is yes or no: use --format table or json, "
               "not xml\n"
    )
    status, out, err = query(capsys, "--sparql", "SELEC * {}", *on)
    assert (status, out) == (2, "")
    assert err.startswith("critmin query: error: malformed query: Expected ")
    assert err.count("\n") == 1
    assert query(capsys, "--sparql", "SELECT * { SERVICE <http://example.org/s> { ?s ?p ?o } }",
                 *on) == (
        2, "", "critmin query: error: outbound request refused: SERVICE <http://example.org/s> "
               "is refused: this endpoint does not query other endpoints unless its federation "
               "allow-list names them.\n"
    )


AGREEMENTS_AT_60 = (
    "agree…  label   kind  parti…  party…  date    bindi…  stages  miner…  amoun…  sourc…  "
    "evide…\n"
    "------  ------  ----  ------  ------  ------  ------  ------  ------  ------  ------  "
    "------\n"
    "cmr:a…  Peru-…  deal  Norwa…  Q20 |…  2024-…  unkno…                          https…\n"
    "(1 row)\n"
)


def test_tables_fit_the_terminal_unless_wide(
    data_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["cq03", "--data", str(data_file)]
    monkeypatch.setenv("COLUMNS", "50")
    assert query(capsys, *args) == (
        0,
        "binding  label                 agreement\n"
        "-------  --------------------  -------------------\n"
        "unknown  Peru-Norway copper…   cmr:agreement/peru…\n"
        "(1 row)\n",
        "critmin query: cells cut to fit 50 columns; --wide prints them whole\n",
    )
    assert query(capsys, *args, "--wide") == (
        0,
        "binding  label                    agreement\n"
        "-------  -----------------------  " + "-" * 39 + "\n"
        "unknown  Peru-Norway copper deal  cmr:agreement/peru-norway-deal-0a0b0c0d\n"
        "(1 row)\n",
        "",
    )


def test_twelve_columns_are_cut_no_narrower_than_six_characters(
    data_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    status, out, _ = query(capsys, "agreements", "--data", str(data_file))
    assert (status, out) == (0, AGREEMENTS_AT_60)


def test_without_columns_and_a_terminal_tables_are_100_wide(
    data_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS")
    status, out, err = query(capsys, "agreements", "--data", str(data_file))
    assert status == 0
    assert max(len(line) for line in out.splitlines()) == DEFAULT_WIDTH == 100
    assert err == "critmin query: cells cut to fit 100 columns; --wide prints them whole\n"


def test_the_command_offers_every_answer_format() -> None:
    assert cli_query.FORMATS == answer_output.FORMATS
