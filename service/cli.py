"""The ``critmin`` command line: the composition root that wires graph/ and service/ together.

Each command imports what it needs when it runs, so that ``critmin --help`` and the light
commands do not pay for spaCy, owlrl and Flask at start-up. ``critmin query`` and
``critmin serve`` live in ``cli_query`` and ``cli_serve``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from importlib.metadata import version
from pathlib import Path

from critmin.service.cli_error import CliError
from critmin.service.cli_query import add_query_command
from critmin.service.cli_serve import add_serve_command


def _build_errors() -> tuple[type[Exception], ...]:
    """The errors a build reports as bad input (imported when a command builds)."""
    from critmin.graph.owl.reasoning import InconsistencyError
    from critmin.graph.rdf.curation import CurationError
    from critmin.graph.rdf.dataset import DatasetFormatError
    from critmin.graph.text.corpus import CorpusError
    from critmin.graph.text.reference import ReferenceError

    return CorpusError, CurationError, DatasetFormatError, InconsistencyError, ReferenceError


def _build(args: argparse.Namespace) -> int:
    """Build a dataset file from a folder of texts; print a one-line summary."""
    from critmin.graph.build import build, default_curation

    corpus = Path(args.corpus)
    if args.curation and args.no_curation:
        raise CliError("--curation and --no-curation exclude each other")
    if args.jobs is not None and args.jobs < 1:
        raise CliError("--jobs must be at least 1")
    if args.no_curation:
        curation = None
    else:
        curation = Path(args.curation) if args.curation else default_curation(corpus)
    try:
        summary = build(
            corpus,
            Path(args.out),
            metadata=Path(args.metadata) if args.metadata else None,
            reason=not args.no_reason,
            curation=curation,
            skip_bad_files=args.skip_bad_files,
            reasoner=args.reasoner,
            jobs=args.jobs or os.cpu_count() or 1,
            max_text_bytes=args.max_text_bytes,
        )
    except _build_errors() as error:
        raise CliError(str(error)) from None
    sizes = graph_sizes_text(summary.graph_sizes)
    print(
        f"wrote {summary.out}: {summary.documents} documents, {summary.statements} statements, "
        f"{summary.corrections} corrections, {summary.quads} quads in {len(summary.graph_sizes)} "
        f"graphs ({sizes}), {summary.triples} distinct triples in their union"
    )
    return 0


LISTED_DOCUMENT_GRAPHS = 5
"""Past this many document graphs, a build's summary gives their number and sizes, not each."""


def graph_sizes_text(graph_sizes: Mapping[str, int]) -> str:
    """Each graph's short name (after ``/graph/``) and size; more than
    :data:`LISTED_DOCUMENT_GRAPHS` document graphs are told as a count and a range of sizes
    (a build of 10,000 texts would otherwise print a line of 200,000 characters)."""
    short = {graph.rsplit("/graph/", 1)[-1]: count for graph, count in graph_sizes.items()}
    documents = [count for name, count in short.items() if name.startswith("doc/")]
    if len(documents) <= LISTED_DOCUMENT_GRAPHS:
        return ", ".join(f"{name} {count}" for name, count in short.items())
    others = [f"{name} {count}" for name, count in short.items() if not name.startswith("doc/")]
    summary = f"{len(documents)} documents {min(documents)} to {max(documents)} each"
    return ", ".join([summary, *others])


def _add(args: argparse.Namespace) -> int:
    """Add texts to a dataset file built by critmin build; print a one-line summary."""
    from critmin.graph.build import add
    from critmin.graph.build_cache import BuildCacheError

    try:
        summary = add(
            [Path(text) for text in args.texts],
            Path(args.data),
            metadata=Path(args.metadata) if args.metadata else None,
            reason=not args.no_reason,
            reasoner=args.reasoner,
            jobs=args.jobs or os.cpu_count() or 1,
            max_text_bytes=args.max_text_bytes,
        )
    except (*_build_errors(), BuildCacheError) as error:
        raise CliError(str(error)) from None
    print(
        f"wrote {summary.out}: {summary.documents} documents ({len(args.texts)} added), "
        f"{summary.statements} statements, {summary.quads} quads, "
        f"{summary.triples} distinct triples in their union"
    )
    return 0


def _validate(args: argparse.Namespace) -> int:
    """Check a dataset file against the SHACL shapes and for OWL 2 RL consistency.

    Prints pySHACL's report, then the consistency verdict, then a one-line summary; exit
    status 0 when the data conforms and is consistent, 1 when not.
    """
    from critmin.graph.base.namespaces import ONTOLOGY_GRAPH
    from critmin.graph.owl.ontology import load_ontology
    from critmin.graph.owl.reasoning import InconsistencyError, infer
    from critmin.graph.owl.validation import validate
    from critmin.service.store import DataFileError, LocalStore

    path = Path(args.data)
    try:
        dataset = LocalStore.from_file(path).dataset
    except DataFileError as error:
        raise CliError(str(error)) from None
    result = validate(dataset)
    print(result.text.rstrip())
    ontology_graph = dataset.graph(ONTOLOGY_GRAPH)
    ontology_graph += load_ontology()
    try:
        infer(dataset, args.reasoner)
        problems: tuple[str, ...] = ()
    except InconsistencyError as error:
        problems = error.problems
    print("OWL 2 RL consistency: " + ("consistent" if not problems else "inconsistent"))
    for problem in problems:
        print(f"  {problem}")
    if result.conforms and not problems:
        print(f"{path}: conforms")
        return 0
    print(
        f"{path}: does not conform: {result.violation_count} SHACL violations, "
        f"{len(problems)} inconsistencies"
    )
    return 1


def _evaluate(args: argparse.Namespace) -> int:
    """Score a build's agreements and controls tables against a gold file; print verdicts,
    the rows no gold fact matched, recall per table and precision; exit 1 under --min."""
    import tempfile

    from critmin.graph.build import build
    from critmin.service.catalogue import find_query, run
    from critmin.service.evaluation import GoldError, read_gold, score, source_keys
    from critmin.service.store import DataFileError, LocalStore

    if bool(args.corpus) == bool(args.data):
        raise CliError("give either --corpus DIR (to build and score) or --data FILE")
    try:
        gold = read_gold(Path(args.gold))
        with tempfile.TemporaryDirectory(prefix="critmin-evaluate-") as folder:
            data = Path(args.data) if args.data else Path(folder) / "build.trig"
            if args.corpus:  # the extraction alone: analysts' corrections are not scored
                metadata = Path(args.metadata) if args.metadata else None
                build(Path(args.corpus), data, metadata=metadata, curation=None)
            store = LocalStore.from_file(data)
            tables = {
                name: _rows(run(find_query(name), store)) for name in ("agreements", "controls")
            }
            keys = source_keys(gold, store.dataset)
    except (GoldError, DataFileError, *_build_errors()) as error:
        raise CliError(str(error)) from None
    result = score(gold, tables, keys.get)
    for verdict in result.verdicts:
        print(verdict.line())
    for row in result.unmatched:
        table = "agreement" if "parties" in row else "control"
        print(f"unmatched {table} row: {row.get('label', '')} ({row.get('sources', '')})")
    print(result.summary())
    low = [r for r in (result.recall("agreements"), result.recall("controls"), result.precision)
           if r < args.min]  # fmt: skip
    return 1 if low else 0


def _rows(result) -> list[dict[str, str]]:
    return [
        {str(name): "" if row[name] is None else str(row[name]) for name in result.vars}
        for row in result
    ]


def _push(args: argparse.Namespace) -> int:
    """Upload a dataset file to a SPARQL Graph Store Protocol endpoint, graph by graph."""
    from critmin.service.graph_store_push import PushError, push

    try:
        summary = push(Path(args.data), args.to, timeout=args.timeout)
    except PushError as error:
        raise CliError(str(error)) from None
    print(f"pushed {summary.graphs} graphs, {summary.quads} quads to {args.to}")
    return 0


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
    build.add_argument("--metadata", help="YAML manifest of the texts' titles, authors, dates")
    build.add_argument(
        "--curation", help="YAML file of analyst corrections (default: CORPUS/curation.yaml)"
    )
    build.add_argument(
        "--skip-bad-files", action="store_true", help="skip empty, binary or non-UTF-8 texts"
    )
    _add_reasoner_option(build)
    _add_max_text_bytes_option(build)
    build.add_argument(
        "--jobs", type=int, metavar="N", help="extraction processes (default: one per core)"
    )
    build.set_defaults(run=_build)

    add = commands.add_parser(
        "add",
        help="add texts to a dataset built by critmin build",
        description="Extract only the given texts, then merge, curate and reason over all the "
        "dataset's texts again (with the extractions critmin build keeps beside the dataset "
        "file, FILE.extractions): the result is what critmin build of all the texts writes.",
    )
    add.add_argument("texts", nargs="+", metavar="TEXT", help="text files (.txt) to add")
    add.add_argument("--data", default="build/critmin.trig", help="dataset file to extend")
    add.add_argument("--metadata", help="YAML manifest of the added texts")
    add.add_argument("--no-reason", action="store_true", help="skip the OWL 2 RL closure")
    add.add_argument(
        "--jobs", type=int, metavar="N", help="extraction processes (default: one per core)"
    )
    _add_reasoner_option(add)
    _add_max_text_bytes_option(add)
    add.set_defaults(run=_add)

    validate = commands.add_parser("validate", help="check a dataset against the SHACL shapes")
    validate.add_argument("--data", default="build/critmin.trig", help="dataset file")
    _add_reasoner_option(validate)
    validate.set_defaults(run=_validate)

    add_query_command(commands)

    evaluate = commands.add_parser(
        "evaluate",
        help="score the agreements and controls tables against gold facts",
        description="Build a corpus (or read a dataset file) and score its agreements and "
        "controls tables against a gold YAML file: each gold fact is matched only against rows "
        "sourced from its own text. Prints a verdict per fact, the rows no fact matched, recall "
        "per table and precision (rows matched to a fact / all rows).",
    )
    evaluate.add_argument("--gold", required=True, help="gold YAML file (schema of gold/*.yaml)")
    evaluate.add_argument("--corpus", help="folder of the gold's texts: build and score it")
    evaluate.add_argument("--data", help="dataset file to score instead of building")
    evaluate.add_argument("--metadata", help="YAML manifest of the texts (with --corpus)")
    evaluate.add_argument(
        "--min", type=float, default=0.0, help="exit 1 when a recall or precision is below this"
    )
    evaluate.set_defaults(run=_evaluate)

    add_serve_command(commands)

    push = commands.add_parser(
        "push",
        help="upload a dataset file to a SPARQL store, graph by graph",
        description="Replace each graph of the dataset file in a SPARQL 1.1 Graph Store "
        "Protocol endpoint (HTTP PUT URL?graph=IRI), e.g. http://localhost:7878/store for an "
        "Oxigraph server. Serve it with critmin serve --remote-endpoint and the store's query "
        "URL; the store's default graph must be the union of its graphs.",
    )
    push.add_argument("--data", default="build/critmin.trig", help="dataset file (.trig or .nq)")
    push.add_argument("--to", required=True, metavar="URL", help="graph store endpoint URL")
    push.add_argument(
        "--timeout", type=float, default=300.0, help="seconds per graph at most (default 300)"
    )
    push.set_defaults(run=_push)
    return parser


def _add_max_text_bytes_option(parser: argparse.ArgumentParser) -> None:
    from critmin.graph.text.corpus import MAX_TEXT_BYTES

    parser.add_argument(
        "--max-text-bytes", type=_positive_int, default=MAX_TEXT_BYTES, metavar="N",
        help=f"refuse texts larger than N bytes (default: {MAX_TEXT_BYTES:,})",
    )


def _positive_int(text: str) -> int:
    """An argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an integer") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is less than 1")
    return value


def _add_reasoner_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--reasoner", choices=["fast", "owlrl"], default="fast",
        help="OWL 2 RL closure: fast (default) or owlrl, the slower reference; same result",
    )


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
