"""The canned questions listed for people: in ``critmin query --help``, as a table, as JSON.

Each question shows its id, its question on one line, and its parameters (name, type,
default, IRIs as prefixed names).
"""

from __future__ import annotations

import json

from critmin.service.catalogue import Catalogue, Parameter
from critmin.service.prefixes import prefixed_name
from critmin.service.text_table import Table, cut, text_table

IRI_PARAMETERS_NOTE = (
    "An iri parameter takes an IRI, a prefixed name (cm:processing) or a label (processing,\n"
    "'United States'; rdfs:label, skos:prefLabel or skos:altLabel, in any case)."
)


def catalogue_help(catalogue: Catalogue, width: int) -> str:
    """The canned questions as the help's epilog: an id and its question per line (cut to
    ``width``), each parameter on a line of its own under it."""
    id_width = max(map(len, catalogue), default=0)
    indent = " " * (2 + id_width + 4)
    lines = ["canned questions (NAME_OR_FILE; critmin query --list prints them as a table):"]
    for query_id, query in catalogue.items():
        lines.append(cut(f"  {query_id.ljust(id_width)}  {_one_line(query.question)}", width))
        names = [parameter.name for parameter in query.parameters]
        types = [parameter.type for parameter in query.parameters]
        name_width, type_width = max(map(len, names), default=0), max(map(len, types), default=0)
        for parameter in query.parameters:
            default = f"  default {_shown(parameter)}" if parameter.default else ""
            line = f"{indent}{parameter.name.ljust(name_width)}  {parameter.type.ljust(type_width)}"
            lines.append(cut((line + default).rstrip(), width))
    lines.extend(["", IRI_PARAMETERS_NOTE])
    return "\n".join(lines)


def catalogue_table(catalogue: Catalogue, width: int | None) -> Table:
    """The canned questions as a table (id, question, parameters) fitted to ``width``."""
    rows = [
        [query_id, _one_line(query.question), "; ".join(map(_parameter_cell, query.parameters))]
        for query_id, query in catalogue.items()
    ]
    return text_table(["id", "question", "parameters"], rows, width)


def catalogue_json(catalogue: Catalogue) -> str:
    """The canned questions as a JSON list, parameters' defaults as written in the files."""
    return json.dumps([query.description() for query in catalogue.values()], indent=2) + "\n"


def _parameter_cell(parameter: Parameter) -> str:
    default = f" = {_shown(parameter)}" if parameter.default else ""
    return f"{parameter.name} {parameter.type}{default}"


def _shown(parameter: Parameter) -> str:
    """A parameter's default, an IRI as a prefixed name where it can be."""
    default = parameter.default or ""
    return (prefixed_name(default) if parameter.type == "iri" else None) or default


def _one_line(text: str) -> str:
    return " ".join(text.split())
