"""Benchmark: how `critmin build` scales with the number of texts (time, stages, memory).

Usage: python bench/bench_build.py [--sizes 10,100,1000] [--with-10000] [--no-reason]
                                   [--jobs N] [--seed S] [--corpus DIR [--metadata FILE]]

For each size N, generates a corpus of N synthetic news texts (``generate_corpus.py``, the
same for the same seed), runs ``critmin build`` on it in a subprocess and prints one row:
texts, statements, triples, wall and CPU seconds (the build and its worker processes), the
seconds of the stages the build logs (extract; triples and merge; reasoning; write) and the
peak resident memory of the largest process. ``--corpus DIR`` measures that folder instead.
Corpora and outputs live in a temporary folder, deleted afterwards.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generate_corpus import generate

STAGES = {"extract": "extract", "merge": "triples and merge", "reasoning": "reasoning",
          "write": "write"}  # fmt: skip
"""Columns of the table → the stage names the build logs (``name: 1.23 s``)."""
_STAGE_LINE = re.compile(r"critmin\.build: (?P<stage>[a-z ]+): (?P<seconds>\d+\.\d+) s$", re.M)
_SUMMARY = re.compile(r"(?P<statements>\d+) statements, .* (?P<triples>\d+) triples \(")


@dataclass(frozen=True)
class Run:
    """One measured build."""

    texts: int
    statements: int
    triples: int
    wall: float
    cpu: float
    stages: dict[str, float]
    peak_mib: float


def measure(corpus: Path, out: Path, options: list[str]) -> Run:
    """Run ``critmin build`` on ``corpus`` in a subprocess and read its figures."""
    command = [sys.executable, "-m", "critmin.service.cli", "build", "--corpus", str(corpus),
               "--out", str(out), "--no-curation", *options]  # fmt: skip
    log = out.with_suffix(".log")
    with log.open("w", encoding="utf-8") as sink:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text(encoding="utf-8")
    if process.returncode != 0:
        raise RuntimeError(f"critmin build failed ({process.returncode}):\n{text[-2000:]}")
    summary = _SUMMARY.search(text)
    if summary is None:
        raise RuntimeError(f"no summary line in the build's output:\n{text[-2000:]}")
    logged = {match["stage"]: float(match["seconds"]) for match in _STAGE_LINE.finditer(text)}
    return Run(
        texts=len(list(corpus.glob("*.txt"))),
        statements=int(summary["statements"]),
        triples=int(summary["triples"]),
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        stages={column: logged.get(stage, 0.0) for column, stage in STAGES.items()},
        peak_mib=usage.ru_maxrss / 1024,
    )


def table(runs: list[Run]) -> str:
    """The runs as a Markdown table."""
    head = ["texts", "statements", "triples", "wall s", "CPU s", *(f"{c} s" for c in STAGES),
            "peak RSS MiB"]  # fmt: skip
    rows = [
        [f"{run.texts:,}", f"{run.statements:,}", f"{run.triples:,}", f"{run.wall:.1f}",
         f"{run.cpu:.1f}", *(f"{run.stages[c]:.2f}" for c in STAGES), f"{run.peak_mib:.0f}"]
        for run in runs
    ]  # fmt: skip
    lines = [head, ["---"] * len(head), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="corpus sizes, comma-separated")
    parser.add_argument("--with-10000", action="store_true", help="also measure 10,000 texts")
    parser.add_argument("--no-reason", action="store_true", help="build without the closure")
    parser.add_argument("--jobs", type=int, help="extraction processes (build's default)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpora")
    parser.add_argument("--corpus", type=Path, help="measure this folder of texts instead")
    parser.add_argument("--metadata", type=Path, help="manifest of --corpus's texts")
    parser.add_argument(
        "--keep", type=Path, help="write corpora and builds to this folder and keep them"
    )
    args = parser.parse_args()
    try:
        sizes = [int(size) for size in args.sizes.split(",")] + [10000] * args.with_10000
    except ValueError:
        parser.error(f"--sizes: not a comma-separated list of numbers: {args.sizes}")
    if args.corpus is not None and not args.corpus.is_dir():
        parser.error(f"--corpus: no such folder: {args.corpus}")
    if args.metadata is not None and args.corpus is None:
        parser.error("--metadata goes with --corpus")
    options = ["--no-reason"] * args.no_reason
    options += ["--jobs", str(args.jobs)] if args.jobs else []
    options += ["--metadata", str(args.metadata)] if args.metadata else []
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; reasoning {'off' if args.no_reason else 'on'}, "
          f"jobs {args.jobs or 'default'}", flush=True)  # fmt: skip
    runs = []
    with (
        contextlib.nullcontext(str(args.keep)) if args.keep else tempfile.TemporaryDirectory()
    ) as work:
        Path(work).mkdir(parents=True, exist_ok=True)
        if args.corpus is not None:
            runs.append(measure(args.corpus, Path(work) / "build.trig", options))
        for size in [] if args.corpus is not None else sizes:
            corpus = Path(work) / f"corpus-{size}"
            generate(size, corpus, args.seed)
            runs.append(measure(corpus, Path(work) / f"build-{size}.trig", options))
            print(f"measured {size} texts: {runs[-1].wall:.1f} s", file=sys.stderr, flush=True)
    print(table(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
