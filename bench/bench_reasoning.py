"""Benchmark: the OWL 2 RL closure by owlrl and by the fast closure, CPU time and equality.

Usage: python bench/bench_reasoning.py --data FILE [--quiet]

FILE is a dataset built without reasoning (`critmin build --no-reason`); an inferred graph in
it is left out. Reasons over the union of its graphs with owlrl (the reference) and with the
fast closure (``critmin.graph.owl.fast_closure``), as ``reasoning.infer`` does, and prints
each one's CPU time (all threads) and wall time, the ratio of CPU times, and whether the
published inferences are the same triples; exit status 1 if they differ. Each stage logs
its progress on stderr unless ``--quiet``.
"""

from __future__ import annotations

import argparse
import logging
import platform
import sys
import time
from pathlib import Path

from rdflib import Dataset, Graph

from critmin.graph.base.namespaces import INFERRED_GRAPH
from critmin.graph.owl.reasoning import Reasoner, infer
from critmin.graph.rdf.dataset import read_dataset

SHOWN_DIFFERENCES = 10
"""Differing triples printed at most, per side."""


def without_inferred_graph(dataset: Dataset) -> Dataset:
    """``dataset`` with its inferred graph (if any) removed."""
    inferred = dataset.graph(INFERRED_GRAPH)
    if len(inferred):
        print(f"leaving out the inferred graph ({len(inferred)} triples)")
        dataset.remove_graph(inferred)
    return dataset


def timed_infer(dataset: Dataset, reasoner: Reasoner) -> tuple[Graph, float, float]:
    """The published inferences, CPU seconds and wall seconds of one reasoner."""
    cpu, wall = time.process_time(), time.perf_counter()
    inferred = infer(dataset, reasoner)
    return inferred, time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="dataset built with --no-reason")
    parser.add_argument("--quiet", action="store_true", help="do not log the stages")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"bench_reasoning: error: no dataset file at {args.data}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=logging.WARNING if args.quiet else logging.INFO,
        format="%(asctime)s %(name)s: %(message)s",
    )
    dataset = without_inferred_graph(read_dataset(args.data))
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"data: {args.data}, {len(dataset)} triples")
    reference, owlrl_cpu, owlrl_wall = timed_infer(dataset, "owlrl")
    print(f"owlrl: {owlrl_cpu:.2f} s CPU, {owlrl_wall:.2f} s wall, {len(reference)} inferred")
    fast, fast_cpu, fast_wall = timed_infer(dataset, "fast")
    print(f"fast:  {fast_cpu:.2f} s CPU, {fast_wall:.2f} s wall, {len(fast)} inferred")
    print(f"ratio owlrl/fast: {owlrl_cpu / fast_cpu:.1f}x CPU, {owlrl_wall / fast_wall:.1f}x wall")
    only_owlrl, only_fast = set(reference) - set(fast), set(fast) - set(reference)
    if not only_owlrl and not only_fast:
        print("equal: the same published triples")
        return 0
    print(f"DIFFERENT: {len(only_owlrl)} only by owlrl, {len(only_fast)} only by fast")
    for side, triples in (("only owlrl", only_owlrl), ("only fast", only_fast)):
        for triple in sorted(triples)[:SHOWN_DIFFERENCES]:
            print(f"  {side}: {' '.join(term.n3() for term in triple)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
