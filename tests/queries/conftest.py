"""Fixtures for the canned-query tests: the invented dataset, reasoned once per session."""

from __future__ import annotations

import pytest
from canned_query_data import DOCUMENT_ONE, DOCUMENT_TWO, REFERENCE, reasoned_store

from critmin.service.store import LocalStore


@pytest.fixture(scope="session")
def invented_store() -> LocalStore:
    """The invented dataset, reasoned."""
    return reasoned_store(REFERENCE + DOCUMENT_ONE + DOCUMENT_TWO)
