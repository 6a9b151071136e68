"""SELECT results as an aligned text table, one line per row, fitted to a terminal's width.

IRIs are shortened with critmin's prefixes and white space in a cell is folded to single
spaces. When the table is wider than the width it must fit, the width is shared fairly among
the columns: a column narrower than its share keeps its width, the others split what is left
evenly (none below :data:`MIN_COLUMN`), and cells longer than their column are cut with
``…``. Widths count characters, not the cells a wide character takes in a terminal.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TextIO

from rdflib import BNode, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from critmin.service.prefixes import prefixed_name

GAP = "  "
"""Between two columns."""
MIN_COLUMN = 6
"""The narrowest a column is cut to (a column narrower than this by nature keeps its width)."""
DEFAULT_WIDTH = 100
"""The width when output goes to no terminal and ``COLUMNS`` is not set."""
ELLIPSIS = "…"


@dataclass(frozen=True)
class Table:
    """A table's text, and whether cells were cut to fit its width."""

    text: str
    cut: bool


def terminal_width(environ: Mapping[str, str], stream: TextIO) -> int:
    """``COLUMNS`` when it is a positive number; else the width of the terminal ``stream``
    writes to; else :data:`DEFAULT_WIDTH` (output to a file or a pipe)."""
    columns = environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if stream.isatty():
        return shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    return DEFAULT_WIDTH


def result_table(result: Result, width: int | None = None) -> Table:
    """The SELECT ``result`` as a table at most ``width`` characters wide (``None``: as wide
    as its cells), with a last line counting its rows."""
    if result.type != "SELECT":
        raise ValueError(f"{result.type} results cannot be written as a table of bindings")
    header = [str(variable) for variable in result.vars]
    rows = [[cell(row.get(variable)) for variable in result.vars] for row in result.bindings]
    return text_table(header, rows, width)


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]], width: int | None) -> Table:
    """``rows`` under ``header``, aligned, fitted to ``width`` (``None``: not fitted)."""
    natural = [max(map(len, column)) for column in zip(header, *rows, strict=True)]
    widths = natural if width is None else fitted_widths(natural, width)

    def line(cells: Sequence[str]) -> str:
        return GAP.join(cut(text, size).ljust(size) for text, size in zip(cells, widths,
                                                                             strict=True))

    lines = [line(header), line(["-" * size for size in widths])]
    lines.extend(line(cells) for cells in rows)
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return Table("\n".join(text.rstrip() for text in lines) + "\n", widths != natural)


def fitted_widths(natural: Sequence[int], width: int) -> list[int]:
    """Column widths whose sum with the gaps is at most ``width``, shared fairly: columns
    narrower than an even share keep their ``natural`` width, the rest share what is left
    evenly (the leftmost one more character each while some remain); never below
    :data:`MIN_COLUMN` (so a very narrow width can be exceeded)."""
    available = width - len(GAP) * (len(natural) - 1)
    if sum(natural) <= available:
        return list(natural)
    widths = list(natural)
    pending = sorted(range(len(natural)), key=lambda index: natural[index])
    while pending and natural[pending[0]] <= available // len(pending):
        available -= natural[pending.pop(0)]
    if pending:
        share, extra = divmod(max(available, 0), len(pending))
        for rank, index in enumerate(sorted(pending)):
            widths[index] = max(share + (rank < extra), min(natural[index], MIN_COLUMN))
    return widths


def cell(term: Identifier | None) -> str:
    """A table cell: IRIs as prefixed names where they can be, white space folded."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return prefixed_name(str(term)) or str(term)
    text = f"_:{term}" if isinstance(term, BNode) else str(term)
    return " ".join(text.split())


def cut(text: str, size: int) -> str:
    """``text`` cut to ``size`` characters, its last one ``…``, if it is longer."""
    return text if len(text) <= size else text[: size - 1].rstrip() + ELLIPSIS
