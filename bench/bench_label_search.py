"""Benchmark: the label search of the web form (``/api/labels``) on a large graph.

Usage: python bench/bench_label_search.py [--resources 100000] [--store oxigraph|rdflib]

Writes a synthetic dataset of RESOURCES labelled resources (each with a type, a preferred and
an alternative label, and six other triples: about ten triples a resource, a million for the
default), loads it into the store, and prints: the triples, the seconds to read the label
index through the Store interface (once per service), its size, and the milliseconds of a
search (median and slowest of 50) for texts of one to eight characters, with and without a
class. Names are made of invented syllables; nothing is read from a corpus.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from critmin.graph.base.namespaces import CM, CMR
from critmin.service.label_search import LabelIndex
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.store import LocalStore, Store

SYLLABLES = ("ka", "ro", "mi", "tal", "den", "vor", "lu", "sen", "pra", "gol", "ni", "ther")
CLASSES = ("State", "Company", "Agreement", "ExportControl", "Mineral", "Place")
SEARCHES = 50
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SKOS = "http://www.w3.org/2004/02/skos/core#"


def name(rng: random.Random) -> str:
    """A made-up name of two words."""
    words = ("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(2))
    return " ".join(word.capitalize() for word in words)


def write_dataset(path: Path, resources: int, rng: random.Random) -> None:
    """N-Quads of ``resources`` labelled resources in one named graph."""
    graph = f"<{CMR}graph/bench>"
    with path.open("w", encoding="utf-8") as out:
        for number in range(resources):
            iri = f"<{CMR}thing/{number}>"
            kind = f"<{CM}{CLASSES[number % len(CLASSES)]}>"
            out.write(f"{iri} <{RDF_TYPE}> {kind} {graph} .\n")
            out.write(f'{iri} <{SKOS}prefLabel> "{name(rng)}" {graph} .\n')
            out.write(f'{iri} <{SKOS}altLabel> "{name(rng)}" {graph} .\n')
            for other in range(6):
                out.write(f'{iri} <{CM}benchValue{other}> "{number * other}" {graph} .\n')


def open_store(kind: str, path: Path) -> Store:
    return OxigraphStore.from_file(path) if kind == "oxigraph" else LocalStore.from_file(path)


def timed_searches(index: LabelIndex, texts: list[str], class_iri: str | None) -> list[float]:
    """Milliseconds of each search."""
    times = []
    for text in texts:
        started = time.perf_counter()
        index.search(text, class_iri, 20)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=100_000)
    parser.add_argument("--store", choices=("oxigraph", "rdflib"), default="oxigraph")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.nq"
        write_dataset(path, args.resources, rng)
        store = open_store(args.store, path)
        try:
            triples = store.stats().triples
            started = time.perf_counter()
            index = LabelIndex.from_store(store)
            seconds = time.perf_counter() - started
        finally:
            store.close()
    print(f"store {args.store}: {triples:,} triples, label index read in {seconds:.2f} s, "
          f"{len(index):,} labels")
    print("text chars | class | median ms | slowest ms")
    for length in (1, 3, 5, 8):
        texts = [name(rng).lower()[:length] for _ in range(SEARCHES)]
        for class_iri in (None, f"{CM}Company"):
            times = timed_searches(index, texts, class_iri)
            label = "Company" if class_iri else "-"
            print(f"{length:>10} | {label:>7} | {statistics.median(times):9.1f} | "
                  f"{max(times):10.1f}")


if __name__ == "__main__":
    main()
