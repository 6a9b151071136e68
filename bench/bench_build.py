"""Benchmark: how long `critmin build` takes and how much memory it uses.

Usage: python bench/bench_build.py [--corpus DIR] [--copies N] [--no-reason]

Builds the corpus (default ../shared/corpus, with the seed corpus's metadata manifest) into a
temporary file and prints wall time, the size of the dataset and the peak resident memory.
``--copies N`` builds a corpus of N copies of each text (each copy gets a distinct marker
line, so each is its own document) to see how the build scales; the copies live in a
temporary folder and are deleted afterwards.
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

from critmin.graph.build import build

REPO = Path(__file__).resolve().parents[1]
SEED_CORPUS = REPO.parent / "shared" / "corpus"
SEED_METADATA = REPO / "graph" / "seed" / "corpus-metadata.yaml"


def copied_corpus(corpus: Path, copies: int, folder: Path) -> Path:
    """A folder with ``copies`` variants of every text of ``corpus``."""
    folder.mkdir()
    for text_file in sorted(corpus.glob("*.txt")):
        text = text_file.read_text(encoding="utf-8")
        for copy in range(copies):
            variant = folder / f"{text_file.stem}-{copy:04d}.txt"
            variant.write_text(f"{text}\n\nBenchmark copy {copy}.\n", encoding="utf-8")
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SEED_CORPUS)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--no-reason", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench_build: error: no corpus folder at {args.corpus}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        corpus = args.corpus
        metadata = SEED_METADATA if corpus == SEED_CORPUS and args.copies == 1 else None
        if args.copies > 1:
            corpus = copied_corpus(args.corpus, args.copies, Path(work) / "corpus")
        out = Path(work) / "bench.trig"
        started = time.perf_counter()
        summary = build(corpus, out, metadata, reason=not args.no_reason)
        seconds = time.perf_counter() - started
        size = out.stat().st_size
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"documents: {summary.documents}, statements: {summary.statements}")
    sizes = ", ".join(f"{graph.rsplit('/', 1)[-1]} {n}" for graph, n in summary.graph_sizes.items())
    print(f"triples: {summary.triples} ({sizes})")
    print(f"build: {seconds:.2f} s, reasoning {'off' if args.no_reason else 'on'}")
    print(f"dataset file: {size / 1024:.0f} KiB, peak memory: {peak_mib:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
