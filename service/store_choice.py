"""Which store serves the data: the settings decide, this module opens it.

- ``remote_endpoint`` set: a :class:`RemoteStore` over that SPARQL 1.1 endpoint, once it is
  seen to have the union default graph the service needs;
- else ``store = "oxigraph"`` (the default): the data file in Oxigraph, with one query worker
  process per serving thread when there is a time limit;
- else ``store = "rdflib"``: the data file in rdflib's memory (slower, kept selectable as the
  reference engine), a forked child per endpoint query when there is a time limit.
"""

from __future__ import annotations

from pathlib import Path

from critmin.service.config import Settings
from critmin.service.oxigraph_store import OxigraphStore
from critmin.service.remote_store import RemoteStore
from critmin.service.store import LocalStore, Store

STORE_KINDS = ("oxigraph", "rdflib")
"""The embedded stores, default first."""


def open_store(settings: Settings) -> Store:
    """The store the settings name, loaded; DataFileError if the data file is bad, StoreError
    if the remote store is unreachable or lacks a union default graph."""
    if settings.remote_endpoint:
        remote = RemoteStore(settings.remote_endpoint, settings.query_timeout)
        remote.check_default_graph()
        return remote
    path = Path(settings.data_file)
    if settings.store == "rdflib":
        return LocalStore.from_file(path)
    workers = 0 if settings.query_timeout is None else settings.threads
    return OxigraphStore.from_file(path, workers=workers, timeout=settings.query_timeout)

