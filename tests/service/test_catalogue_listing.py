"""The canned questions as critmin query --help, --list and --list --format json show them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from critmin.service.catalogue import Catalogue, load_catalogue
from critmin.service.catalogue_listing import (
    IRI_PARAMETERS_NOTE,
    catalogue_help,
    catalogue_json,
    catalogue_table,
)

DEALS = """# id: deals
# title: Deals of an actor
# question: Which deals did  an actor make?
# param: actor iri https://w3id.org/critmin/id/actor/peru
# param: year integer 2024
# param: fact iri
SELECT ?deal WHERE { ?deal ?p ?actor . ?deal ?q ?year . ?deal ?r ?fact }
"""
MINERALS = """# id: minerals
# title: Minerals
# question: Which minerals does the graph know, with their symbols and groups?
# cq: CQ10
SELECT ?mineral WHERE { ?mineral a ?class }
"""


@pytest.fixture
def catalogue(tmp_path: Path) -> Catalogue:
    (tmp_path / "deals.rq").write_text(DEALS, encoding="utf-8")
    (tmp_path / "minerals.rq").write_text(MINERALS, encoding="utf-8")
    return load_catalogue(tmp_path)


def test_help_lists_each_question_on_a_line_and_its_parameters_under_it(
    catalogue: Catalogue,
) -> None:
    assert catalogue_help(catalogue, 60) == (
        "canned questions (NAME_OR_FILE; critmin query --list prints them as a table):\n"
        "  deals     Which deals did an actor make?\n"
        "              actor  iri      default cmr:actor/peru\n"
        "              year   integer  default 2024\n"
        "              fact   iri\n"
        "  minerals  Which minerals does the graph know, with their…\n"
        "\n" + IRI_PARAMETERS_NOTE
    )


def test_list_table_fits_the_width_or_prints_whole(catalogue: Catalogue) -> None:
    assert catalogue_table(catalogue, None).text == (
        "id        question" + " " * 60 + "parameters\n"
        "--------  " + "-" * 66 + "  " + "-" * 57 + "\n"
        "deals     Which deals did an actor make?" + " " * 38
        + "actor iri = cmr:actor/peru; year integer = 2024; fact iri\n"
        "minerals  Which minerals does the graph know, with their symbols and groups?\n"
        "(2 rows)\n"
    )
    fitted = catalogue_table(catalogue, 60)
    assert fitted.cut
    assert fitted.text == (
        "id        question                  parameters\n"
        "--------  ------------------------  ------------------------\n"
        "deals     Which deals did an acto…  actor iri = cmr:actor/p…\n"
        "minerals  Which minerals does the…\n"
        "(2 rows)\n"
    )


def test_list_as_json_keeps_defaults_as_written(catalogue: Catalogue) -> None:
    assert json.loads(catalogue_json(catalogue)) == [
        {
            "id": "deals", "title": "Deals of an actor",
            "question": "Which deals did  an actor make?", "cq": None,
            "parameters": [
                {"name": "actor", "type": "iri",
                 "default": "https://w3id.org/critmin/id/actor/peru", "class": None},
                {"name": "year", "type": "integer", "default": "2024", "class": None},
                {"name": "fact", "type": "iri", "default": None, "class": None},
            ],
        },
        {
            "id": "minerals", "title": "Minerals",
            "question": "Which minerals does the graph know, with their symbols and groups?",
            "cq": "CQ10", "parameters": [],
        },
    ]


def test_every_shipped_question_is_in_the_help() -> None:
    catalogue = load_catalogue()
    lines = catalogue_help(catalogue, 100).splitlines()
    listed = [line.split()[0] for line in lines if line.startswith("  ") and
              not line.startswith("    ")]
    assert listed == list(catalogue)
    assert max(len(line) for line in lines) <= 100
