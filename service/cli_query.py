"""``critmin query``: canned questions, ``.rq`` files and any SPARQL query, run offline on a
dataset file, and the list of canned questions.

A canned query (by id) or a ``.rq`` SELECT file runs as the catalogue runs it: its header's
parameters bound as typed terms (an ``iri`` parameter given as an IRI, a prefixed name or a
label, see ``label_lookup``), its multi-valued cells sorted. A ``.rq`` file of another form and
``--sparql`` are answered as the endpoint answers them (``Store.run``): any form, read-only, no
outbound request.
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from critmin.service.cli_error import CliError

if TYPE_CHECKING:
    from rdflib.query import Result

    from critmin.service.catalogue import CannedQuery
    from critmin.service.store import Store

_NO_ROW_LIMIT = sys.maxsize - 1  # the stores take one row past it, and islice no more
FORMATS = ("table", "csv", "json", "tsv", "turtle", "nt", "json-ld", "xml")
"""``answer_output.FORMATS``, named here so that building the parser imports no rdflib."""


class _HelpWithCatalogue(argparse.Action):
    """``--help`` that lists the canned questions (the catalogue is read only then, so that
    other commands do not pay for parsing it)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, default=argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        from critmin.service.catalogue import CatalogueError, load_catalogue
        from critmin.service.catalogue_listing import catalogue_help
        from critmin.service.text_table import terminal_width

        try:
            parser.epilog = catalogue_help(
                load_catalogue(), terminal_width(os.environ, sys.stdout)
            )
        except CatalogueError as error:
            parser.epilog = f"canned questions: cannot be listed: {error}"
        parser.print_help()
        parser.exit()


def add_query_command(commands: argparse._SubParsersAction) -> None:
    """Register ``critmin query`` on the ``critmin`` sub-command parsers."""
    query = commands.add_parser(
        "query",
        help="run a canned query or a .rq file offline",
        description=textwrap.fill(
            "Run a canned question (by id), a .rq file or any SPARQL query on a dataset file "
            "and print the answer: SELECT as a table (fitted to the terminal), ASK as yes or "
            "no, CONSTRUCT and DESCRIBE as Turtle.", 78
        ),
        add_help=False,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    query.add_argument("-h", "--help", action=_HelpWithCatalogue,
                       help="show this help, with the canned questions, and exit")
    query.add_argument("query", nargs="?", metavar="NAME_OR_FILE",
                       help="canned query id or .rq file")
    query.add_argument("--sparql", metavar="TEXT|@FILE",
                       help="a SPARQL query of any form, or @FILE to read one from FILE")
    query.add_argument("--list", action="store_true",
                       help="list the canned questions and their parameters")
    query.add_argument("--data", default="build/critmin.trig", help="dataset file")
    query.add_argument("--param", action="append", default=[], metavar="K=V",
                       help="parameter of a canned query (an iri one by IRI, cm:name or label)")
    query.add_argument(
        "--format", choices=FORMATS,
        help="table, csv, json or tsv for SELECT (default table); table (yes/no) or json for "
        "ASK; turtle (default), nt, json-ld or xml for CONSTRUCT and DESCRIBE",
    )
    query.add_argument("--wide", action="store_true",
                       help="print table cells in full instead of fitting the terminal")
    query.add_argument(
        "--store", choices=["oxigraph", "rdflib"], default="oxigraph",
        help="the store that answers (default oxigraph)",
    )
    query.set_defaults(run=_query)


def _query(args: argparse.Namespace) -> int:
    """Run a canned query, a .rq file or a --sparql query on a dataset file and print the
    answer in a format; or, with --list, print the canned questions."""
    from critmin.service.answer_output import FormatMismatch, default_format, write_answer
    from critmin.service.catalogue import CatalogueError, ParameterError, run
    from critmin.service.config import Settings
    from critmin.service.query_guard import QueryRejected
    from critmin.service.store import DataFileError
    from critmin.service.store_choice import open_store
    from critmin.service.text_table import terminal_width

    if args.list:
        return _list(args)
    if (args.query is None) == (args.sparql is None):
        raise CliError("give one of NAME_OR_FILE, --sparql TEXT|@FILE or --list")
    params = _parameters(args.param)
    try:
        target = _canned_or_free(args)
    except CatalogueError as error:
        raise CliError(str(error)) from None
    if isinstance(target, str) and params:
        raise CliError("--param is for canned queries and .rq SELECT files with a header")
    try:
        if not isinstance(target, str):
            params, labels = _split_labels(target, params)
            target.bindings(params)  # bad names and values stop here, before the data loads
        store = open_store(Settings(data_file=args.data, store=args.store, query_timeout=None))
        try:
            if isinstance(target, str):
                result = _answer(store, target)
            else:
                params |= {name: _labelled(store, target, name, label)
                           for name, label in labels.items()}
                result = run(target, store, params)
        finally:
            store.close()
        width = None if args.wide else terminal_width(os.environ, sys.stdout)
        output = write_answer(result, args.format or default_format(result.type), width)
    except (ParameterError, DataFileError, FormatMismatch) as error:
        raise CliError(str(error)) from None
    except QueryRejected as error:
        raise CliError(f"{error.title.lower()}: {error.detail}") from None
    sys.stdout.write(output.text)
    if output.cut:
        print(f"critmin query: cells cut to fit {width} columns; --wide prints them whole",
              file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    """Print the canned questions and their parameters as a table or as JSON."""
    from critmin.service.catalogue import CatalogueError, load_catalogue
    from critmin.service.catalogue_listing import catalogue_json, catalogue_table
    from critmin.service.text_table import terminal_width

    if args.query is not None or args.sparql is not None or args.param:
        raise CliError("--list takes no query and no --param")
    if args.format not in (None, "table", "json"):
        raise CliError(f"--list prints a table or json, not {args.format}")
    try:
        catalogue = load_catalogue()
    except CatalogueError as error:
        raise CliError(str(error)) from None
    if args.format == "json":
        sys.stdout.write(catalogue_json(catalogue))
    else:
        width = None if args.wide else terminal_width(os.environ, sys.stdout)
        sys.stdout.write(catalogue_table(catalogue, width).text)
    return 0


def _parameters(pairs: Sequence[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for pair in pairs:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise CliError(f"--param {pair!r} is not written NAME=VALUE")
        params[name] = value
    return params


def _canned_or_free(args: argparse.Namespace) -> CannedQuery | str:
    """The canned query to run (by id, or a .rq SELECT file), or else the text of a free
    query (--sparql, or a .rq file of another form)."""
    from critmin.service.catalogue import find_query, read_query

    if args.sparql is not None:
        if not args.sparql.startswith("@"):
            return args.sparql
        return _read_text(Path(args.sparql[1:]))
    if not (args.query.endswith(".rq") or Path(args.query).is_file()):
        return find_query(args.query)
    path = Path(args.query)
    text = _read_text(path)
    if _form(text) not in (None, "SELECT"):
        return text
    return read_query(path, require_metadata=False)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise CliError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CliError(f"{path}: not UTF-8 text") from None


def _form(text: str) -> str | None:
    """The form of the query ``text`` (``SELECT``, ``ASK``...), ``None`` if it does not parse."""
    from pyparsing import ParseBaseException

    from critmin.service.query_guard import QUERY_FORMS, parse_query

    try:
        return QUERY_FORMS.get(parse_query(text)[1].name)
    except (ParseBaseException, ValueError, TypeError, KeyError, IndexError):
        return None


def _answer(store: Store, sparql: str) -> Result:
    """The answer of a free query, as the endpoint gives it (all of it, no time limit)."""
    from critmin.service.query_guard import QueryRequest
    from critmin.service.store import QueryLimits

    limits = QueryLimits(max_rows=_NO_ROW_LIMIT, timeout=None)
    return store.run(QueryRequest(sparql), limits).to_result()


def _split_labels(canned: CannedQuery, params: dict[str, str]) -> tuple[dict[str, str],
                                                                       dict[str, str]]:
    """``params`` with the IRIs and prefixed names of iri parameters expanded, and apart, the
    values of iri parameters that are labels (to look up in the store)."""
    from critmin.service.label_lookup import expand_name

    iri_parameters = {parameter.name for parameter in canned.parameters if parameter.type == "iri"}
    given: dict[str, str] = {}
    labels: dict[str, str] = {}
    for name, value in params.items():
        iri = expand_name(value) if name in iri_parameters and value else None
        if name in iri_parameters and value and iri is None:
            labels[name] = value
        else:
            given[name] = value if iri is None else str(iri)
    return given, labels


def _labelled(store: Store, canned: CannedQuery, name: str, label: str) -> str:
    """The IRI of the one resource labelled ``label``; among several, the one of the kind of
    the parameter's default; CliError if none or several remain."""
    from rdflib import URIRef

    from critmin.service.label_lookup import of_same_kind, resolve_label
    from critmin.service.text_table import cell

    candidates = resolve_label(store, label)
    default = next(p.default for p in canned.parameters if p.name == name)
    if len(candidates) > 1 and default:
        candidates = of_same_kind(store, candidates, URIRef(default)) or candidates
    if not candidates:
        raise CliError(
            f"parameter {name}: nothing is labelled {label!r} (give an IRI, a prefixed name "
            "such as cm:processing, or a label)"
        )
    if len(candidates) > 1:
        listed = ", ".join(cell(candidate) for candidate in candidates)
        raise CliError(
            f"parameter {name}: {label!r} is the label of {len(candidates)} resources: "
            f"{listed} (give one of them)"
        )
    return str(candidates[0])
