"""Fixtures for the canned-query tests: the invented dataset, reasoned once per session and
served by each embedded store (every canned-query test runs on both)."""

from __future__ import annotations

import pytest
from canned_query_data import DOCUMENT_ONE, DOCUMENT_TWO, REFERENCE, reasoned_store

from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.store import LocalStore, Store


@pytest.fixture(scope="session")
def invented_rdflib_store() -> LocalStore:
    """The invented dataset, reasoned, in rdflib's store."""
    return reasoned_store(REFERENCE + DOCUMENT_ONE + DOCUMENT_TWO)


@pytest.fixture(scope="session", params=["oxigraph", "rdflib"])
def invented_store(request: pytest.FixtureRequest, invented_rdflib_store: LocalStore) -> Store:
    """The invented dataset, reasoned, in each embedded store."""
    if request.param == "rdflib":
        return invented_rdflib_store
    return OxigraphStore.from_dataset(invented_rdflib_store.dataset)
