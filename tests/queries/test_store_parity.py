"""Every canned query gives the same rows on the Oxigraph store and on rdflib's store.

Run on the shipped seed build and on a build of the development corpus (skipped where
../shared/corpus-dev is absent), each query with its default parameters. The known
differences between the engines are absorbed by the canned-query runner
(``catalogue.run``): GROUP_CONCAT over unbound values, and the lexical form of numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from critmin.graph.build import build
from critmin.service.catalogue import load_catalogue, run
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.store import LocalStore

REPO = Path(__file__).resolve().parents[2]
SEED_BUILD = REPO / "graph" / "seed" / "critmin-seed.trig"
DEV_CORPUS = REPO / ".." / "shared" / "corpus-dev"
CATALOGUE = load_catalogue()


@pytest.fixture(scope="module", params=["seed", "dev"])
def data_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped seed build, and the development corpus built here."""
    if request.param == "seed":
        return SEED_BUILD
    if not DEV_CORPUS.is_dir():
        pytest.skip(f"the development corpus is absent ({DEV_CORPUS.resolve()})")
    out = tmp_path_factory.mktemp("dev") / "dev.trig"
    build(DEV_CORPUS, out, curation=None)
    return out


@pytest.fixture(scope="module")
def both_stores(data_file: Path) -> tuple[OxigraphStore, LocalStore]:
    """The same file in each embedded store."""
    return OxigraphStore.from_file(data_file), LocalStore.from_file(data_file)


@pytest.mark.parametrize("query_id", sorted(CATALOGUE))
def test_canned_query_rows_are_the_same_on_both_stores(
    both_stores: tuple[OxigraphStore, LocalStore], query_id: str
) -> None:
    oxigraph, rdflib_store = both_stores
    on_oxigraph = run(CATALOGUE[query_id], oxigraph)
    on_rdflib = run(CATALOGUE[query_id], rdflib_store)
    assert on_oxigraph.vars == on_rdflib.vars
    assert on_oxigraph.bindings == on_rdflib.bindings
    if query_id in ("agreements", "controls"):
        assert on_oxigraph.bindings, "the tables are not empty on a real build"


def test_both_stores_count_the_same_triples_and_graphs(
    both_stores: tuple[OxigraphStore, LocalStore],
) -> None:
    oxigraph, rdflib_store = both_stores
    assert oxigraph.stats() == rdflib_store.stats()
    assert oxigraph.stats().triples > 5000
