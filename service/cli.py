"""The ``critmin`` command line: the composition root that wires graph/ and service/ together."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from importlib.metadata import version

log = logging.getLogger("critmin")


class CliError(Exception):
    """A user error: reported as one line on stderr with exit status 2."""


def _build(args: argparse.Namespace) -> int:
    raise CliError("build is not built yet (issue 3)")


def _validate(args: argparse.Namespace) -> int:
    raise CliError("validate is not built yet (issue 3)")


def _query(args: argparse.Namespace) -> int:
    raise CliError("query is not built yet (issue 4)")


def _serve(args: argparse.Namespace) -> int:
    raise CliError("serve is not built yet (issue 4)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every critmin command."""
    parser = argparse.ArgumentParser(
        prog="critmin",
        description="Knowledge graph and SPARQL service for the geopolitics of critical minerals.",
    )
    parser.add_argument("--version", action="version", version=f"critmin {version('critmin')}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = commands.add_parser("build", help="turn a folder of texts into a dataset file")
    build.add_argument("--corpus", required=True, help="folder of UTF-8 .txt documents")
    build.add_argument("--out", default="build/critmin.trig", help="dataset file (.trig or .nq)")
    build.add_argument("--no-reason", action="store_true", help="skip the OWL 2 RL closure")
    build.add_argument("--no-curation", action="store_true", help="ignore analyst corrections")
    build.set_defaults(run=_build)

    validate = commands.add_parser("validate", help="check a dataset against the SHACL shapes")
    validate.add_argument("--data", default="build/critmin.trig", help="dataset file")
    validate.set_defaults(run=_validate)

    query = commands.add_parser("query", help="run a canned query or a .rq file offline")
    query.add_argument("query", metavar="NAME_OR_FILE", help="canned query id or .rq file")
    query.add_argument("--data", default="build/critmin.trig", help="dataset file")
    query.add_argument("--param", action="append", default=[], metavar="K=V", help="parameter")
    query.add_argument("--format", choices=["table", "csv", "json", "tsv"], default="table")
    query.set_defaults(run=_query)

    serve = commands.add_parser("serve", help="serve the SPARQL endpoint and web form")
    serve.add_argument("--data", default="build/critmin.trig", help="dataset file")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on")
    serve.set_defaults(run=_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one critmin command; return its exit status."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        return args.run(args)
    except CliError as error:
        print(f"critmin {args.command}: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
