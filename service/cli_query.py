"""``critmin query``: a canned query or a ``.rq`` file run offline on a dataset file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from critmin.service.cli_error import CliError


def add_query_command(commands: argparse._SubParsersAction) -> None:
    """Register ``critmin query`` on the ``critmin`` sub-command parsers."""
    query = commands.add_parser("query", help="run a canned query or a .rq file offline")
    query.add_argument("query", metavar="NAME_OR_FILE", help="canned query id or .rq file")
    query.add_argument("--data", default="build/critmin.trig", help="dataset file")
    query.add_argument("--param", action="append", default=[], metavar="K=V", help="parameter")
    query.add_argument("--format", choices=["table", "csv", "json", "tsv"], default="table")
    query.add_argument(
        "--store", choices=["oxigraph", "rdflib"], default="oxigraph",
        help="the store that answers (default oxigraph)",
    )
    query.set_defaults(run=_query)


def _query(args: argparse.Namespace) -> int:
    """Run a canned query (by id) or a .rq file on a dataset file; print it in a format."""
    from critmin.service.catalogue import (
        CatalogueError,
        ParameterError,
        find_query,
        read_query,
        run,
    )
    from critmin.service.config import Settings
    from critmin.service.results import write_result
    from critmin.service.store import DataFileError
    from critmin.service.store_choice import open_store

    try:
        if args.query.endswith(".rq") or Path(args.query).is_file():
            canned = read_query(Path(args.query), require_metadata=False)
        else:
            canned = find_query(args.query)
    except CatalogueError as error:
        raise CliError(str(error)) from None
    params: dict[str, str] = {}
    for pair in args.param:
        name, equals, value = pair.partition("=")
        if not equals or not name:
            raise CliError(f"--param {pair!r} is not written NAME=VALUE")
        params[name] = value
    try:
        canned.bindings(params)
        store = open_store(Settings(data_file=args.data, store=args.store, query_timeout=None))
        try:
            text = write_result(run(canned, store, params), args.format)
        finally:
            store.close()
    except (ParameterError, DataFileError) as error:
        raise CliError(str(error)) from None
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0

