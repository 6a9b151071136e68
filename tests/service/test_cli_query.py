"""`critmin query`: canned queries and .rq files run offline on a dataset file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from critmin.graph.rdf.dataset import read_dataset, write_dataset
from critmin.service.catalogue import load_catalogue
from critmin.service.catalogue_listing import catalogue_help, catalogue_table
from critmin.service.cli import main

DATASET = """
@prefix cm: <https://w3id.org/critmin/ontology#> .
@prefix cmr: <https://w3id.org/critmin/id/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

cmr:graph\\/ontology {
  cm:Deal cm:kindWord "deal" .
}
cmr:graph\\/reference {
  cmr:actor\\/peru a cm:State, cm:Actor ; skos:prefLabel "Peru"@en ; cm:wikidataId "Q419" .
  cmr:actor\\/norway a cm:State, cm:Actor ; skos:prefLabel "Norway"@en ; cm:wikidataId "Q20" .
}
cmr:graph\\/doc\\/cccc000000000001 {
  cmr:agreement\\/peru-norway-deal-0a0b0c0d a cm:Deal ; rdfs:label "Peru-Norway copper deal" ;
      cm:party cmr:actor\\/peru , cmr:actor\\/norway ; cm:date "2024-11"^^xsd:gYearMonth ;
      prov:wasDerivedFrom cmr:doc\\/cccc000000000001 .
}
cmr:graph\\/inferred {
  cmr:agreement\\/peru-norway-deal-0a0b0c0d a cm:Agreement .
}
"""
DEAL = "https://w3id.org/critmin/id/agreement/peru-norway-deal-0a0b0c0d"
DOC = "https://w3id.org/critmin/id/doc/cccc000000000001"
PERU = "https://w3id.org/critmin/id/actor/peru"


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "data.trig"
    path.write_text(DATASET, encoding="utf-8")
    return path


def query(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["query", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_agreements_as_csv(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = query(capsys, "agreements", "--data", str(data_file), "--format", "csv")
    assert (status, err) == (0, "")
    assert out == (
        "agreement,label,kind,parties,party_wikidata,date,binding,stages,minerals,amount_usd,"
        "sources,evidence\r\n"
        f"{DEAL},Peru-Norway copper deal,deal,Norway | Peru,Q20 | Q419,2024-11,unknown,,,,"
        f"{DOC},\r\n"
    )


def test_parameters_from_the_command_line(
    data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["cq02", "--data", str(data_file), "--format", "csv", "--param", f"actor={PERU}"]
    assert query(capsys, *args, "--param", "year=2024") == (
        0,
        f"agreement,label,date,binding,partners\r\n"
        f"{DEAL},Peru-Norway copper deal,2024-11,unknown,Norway\r\n",
        "",
    )
    assert query(capsys, *args, "--param", "year=2023") == (
        0, "agreement,label,date,binding,partners\r\n", ""
    )


def test_table_is_the_default_format(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = query(capsys, "cq03", "--data", str(data_file))
    assert status == 0
    assert out == (
        "binding  label                    agreement\n"
        "-------  -----------------------  " + "-" * 39 + "\n"
        "unknown  Peru-Norway copper deal  cmr:agreement/peru-norway-deal-0a0b0c0d\n"
        "(1 row)\n"
    )


def test_json_format(data_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = query(capsys, "cq03", "--data", str(data_file), "--format", "json")
    assert status == 0
    assert json.loads(out)["results"]["bindings"] == [
        {
            "binding": {"type": "literal", "value": "unknown"},
            "label": {"type": "literal", "value": "Peru-Norway copper deal"},
            "agreement": {"type": "uri", "value": DEAL},
        }
    ]


def test_a_query_file_runs_with_or_without_a_header(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = tmp_path / "parties.rq"
    plain.write_text(
        "PREFIX cm: <https://w3id.org/critmin/ontology#>\n"
        "SELECT ?party WHERE { ?a cm:party ?party } ORDER BY ?party\n",
        encoding="utf-8",
    )
    status, out, _ = query(capsys, str(plain), "--data", str(data_file), "--format", "tsv")
    assert status == 0
    assert out == (
        "?party\n<https://w3id.org/critmin/id/actor/norway>\n"
        "<https://w3id.org/critmin/id/actor/peru>\n"
    )
    with_header = tmp_path / "label.rq"
    with_header.write_text(
        "# id: label\n# title: Label\n# question: What is it called?\n# param: thing iri\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?name WHERE { ?thing skos:prefLabel ?name }\n",
        encoding="utf-8",
    )
    args = [str(with_header), "--data", str(data_file), "--format", "csv"]
    assert query(capsys, *args, "--param", f"thing={PERU}") == (0, "name\r\nPeru\r\n", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "critmin query: error: unknown query 'nope' (known: agreements, controls, "
                   + ", ".join(f"cq{number:02d}" for number in range(1, 21)) + ")"),
        (["cq02", "--param", "year"], "critmin query: error: --param 'year' is not written "
                                      "NAME=VALUE"),
        (["cq02", "--param", "year=soon"], "critmin query: error: parameter year: 'soon' is "
                                           "not an integer"),
        (["cq02", "--param", "country=peru"], "critmin query: error: unknown parameter country "
                                              "for query cq02 (parameters: actor, year)"),
        (["cq05", "--param", "on=2025-02-30"], "critmin query: error: parameter on: "
                                               "'2025-02-30' is not a date written YYYY-MM-DD"),
    ],
)
def test_user_errors_are_one_line(
    args: list[str], message: str, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert query(capsys, *args, "--data", str(data_file)) == (2, "", message + "\n")


def test_a_missing_data_file_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    absent = tmp_path / "absent.trig"
    assert query(capsys, "cq03", "--data", str(absent)) == (
        2, "", f"critmin query: error: data file {absent} does not exist\n"
    )


def test_a_missing_or_malformed_query_file_is_reported(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    absent = tmp_path / "absent.rq"
    assert query(capsys, str(absent), "--data", str(data_file)) == (
        2, "", f"critmin query: error: {absent}: cannot read: No such file or directory\n"
    )
    broken = tmp_path / "broken.rq"
    broken.write_text("SELECT ?s WHERE { ?s ?p }\n", encoding="utf-8")
    status, out, err = query(capsys, str(broken), "--data", str(data_file))
    assert (status, out) == (2, "")
    assert err.startswith(f"critmin query: error: {broken}: not valid SPARQL: ")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("write", "message"),
    [
        (lambda path, built: path.write_bytes(built[: len(built) // 2]),
         "{path} was cut short: it has no manifest line at its end (rebuild it)"),
        (lambda path, built: path.write_bytes(built.replace(b"Peru", b"Pera", 1)),
         "{path} was changed after it was built: its sha256 differs from its manifest's"
         " (rebuild it)"),
        (lambda path, built: path.write_bytes(b""),
         "data file {path} holds no triples (build it: critmin build)"),
        (lambda path, built: path.mkdir(),
         "data file {path} is a folder; give the dataset file in it"),
    ],
)
@pytest.mark.parametrize("command", ["serve", "query"])
def test_a_cut_changed_empty_or_folder_data_file_stops_with_one_line(
    tmp_path: Path, data_file: Path, capsys: pytest.CaptureFixture[str], write, message: str,
    command: str,
) -> None:
    whole = tmp_path / "whole.trig"
    write_dataset(read_dataset(data_file), whole)  # as critmin build writes it
    built = whole.read_bytes()
    assert built.startswith(b"# critmin dataset") and b"# critmin manifest: " in built
    path = tmp_path / "bad.trig"
    write(path, built)
    args = ["--data", str(path), "--port", "0"] if command == "serve" else ["cq03", "--data",
                                                                             str(path)]
    assert main([command, *args]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "", f"critmin {command}: error: {message.format(path=path)}\n"
    )


@pytest.fixture(autouse=True)
def columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables as wide as a 100-column terminal, whatever terminal runs the tests."""
    monkeypatch.setenv("COLUMNS", "100")


LABELLED = DATASET + """
cmr:graph\\/doc\\/cccc000000000002 {
  cmr:place\\/peru a cm:Place ; rdfs:label "Peru" .
  cmr:actor\\/united-states a cm:State, cm:Actor ; skos:prefLabel "United States"@en .
}
"""


@pytest.fixture
def labelled_file(tmp_path: Path) -> Path:
    """The dataset with a place labelled "Peru" too, and the United States (cq02's default)."""
    path = tmp_path / "labelled.trig"
    path.write_text(LABELLED, encoding="utf-8")
    return path


CQ02_PERU_2024 = (
    "agreement,label,date,binding,partners\r\n"
    f"{DEAL},Peru-Norway copper deal,2024-11,unknown,Norway\r\n"
)


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
@pytest.mark.parametrize("actor", [PERU, f"<{PERU}>", "cmr:actor/peru", "peru", "  PERU "])
def test_an_iri_parameter_by_iri_prefixed_name_or_label(
    data_file: Path, capsys: pytest.CaptureFixture[str], actor: str, store: str
) -> None:
    args = ["cq02", "--data", str(data_file), "--format", "csv", "--store", store]
    assert query(capsys, *args, "--param", f"actor={actor}", "--param", "year=2024") == (
        0, CQ02_PERU_2024, ""
    )


def test_among_resources_of_one_label_the_kind_of_the_default_is_taken(
    labelled_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["cq02", "--data", str(labelled_file), "--format", "csv", "--param", "year=2024"]
    assert query(capsys, *args, "--param", "actor=Peru") == (0, CQ02_PERU_2024, "")


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
def test_an_unknown_or_ambiguous_label_is_a_one_line_error(
    labelled_file: Path, capsys: pytest.CaptureFixture[str], store: str
) -> None:
    args = ["cq15", "--data", str(labelled_file), "--store", store]
    assert query(capsys, *args, "--param", "fact=peru") == (
        2, "", "critmin query: error: parameter fact: 'peru' is the label of 2 resources: "
               "cmr:actor/peru, cmr:place/peru (give one of them)\n"
    )
    assert query(capsys, *args, "--param", "fact=Atlantis") == (
        2, "", "critmin query: error: parameter fact: nothing is labelled 'Atlantis' (give an "
               "IRI, a prefixed name such as cm:processing, or a label)\n"
    )


def test_bad_parameters_stop_before_the_data_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    absent = str(tmp_path / "absent.trig")
    assert query(capsys, "cq02", "--data", absent, "--param", "actor=peru", "--param",
                 "year=soon") == (
        2, "", "critmin query: error: parameter year: 'soon' is not an integer\n"
    )


def test_help_lists_the_canned_questions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["query", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: critmin query [-h] [--sparql TEXT|@FILE] [--list]")
    assert out.endswith("\n\n" + catalogue_help(load_catalogue(), 100) + "\n")
    assert (
        "  cq02        Which critical-minerals agreements did the United States (or another "
        "actor) make in 2…\n"
        "                actor  iri      default cmr:actor/united-states\n"
        "                year   integer  default 2025\n"
    ) in out


def test_list_prints_the_canned_questions_as_a_table_or_json(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = query(capsys, "--list")
    assert (status, err) == (0, "")
    assert out == catalogue_table(load_catalogue(), 100).text
    lines = out.splitlines()
    assert lines[0] == "id          question" + " " * 37 + "parameters"
    assert lines[5] == (
        "cq02        Which critical-minerals agreements did the…  "
        "actor iri = cmr:actor/united-states; year…"
    )
    assert query(capsys, "--list", "--wide")[1] == catalogue_table(load_catalogue(), None).text
    status, out, _ = query(capsys, "--list", "--format", "json")
    assert status == 0
    assert json.loads(out)[3] == {
        "id": "cq02", "title": load_catalogue()["cq02"].title,
        "question": load_catalogue()["cq02"].question, "cq": "CQ02",
        "parameters": [
            {"name": "actor", "type": "iri",
             "default": "https://w3id.org/critmin/id/actor/united-states",
             "class": "https://w3id.org/critmin/ontology#Actor"},
            {"name": "year", "type": "integer", "default": "2025", "class": None},
        ],
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--list", "cq02"], "--list takes no query and no --param"),
        (["--list", "--format", "csv"], "--list prints a table or json, not csv"),
        ([], "give one of NAME_OR_FILE, --sparql TEXT|@FILE or --list"),
        (["cq02", "--sparql", "ASK {}"], "give one of NAME_OR_FILE, --sparql TEXT|@FILE or --list"),
        (["--sparql", "ASK {}", "--param", "a=b"],
         "--param is for canned queries and .rq SELECT files with a header"),
    ],
)
def test_list_and_sparql_misuse_is_a_one_line_error(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert query(capsys, *args) == (2, "", f"critmin query: error: {message}\n")
