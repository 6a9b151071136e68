"""The service's settings, layered: defaults, then ``CRITMIN_*`` environment variables, then flags.

Every setting as ``field`` (environment variable, ``critmin serve`` flag): default.

- ``data_file`` (CRITMIN_DATA_FILE, --data): ``build/critmin.trig``, the TriG/N-Quads file served.
- ``host`` (CRITMIN_HOST, --host): ``127.0.0.1``, loopback only.
- ``port`` (CRITMIN_PORT, --port): ``8000``; ``0`` takes a free port (the log line gives it).
- ``threads`` (CRITMIN_THREADS, --threads): ``4`` waitress worker threads; with the Oxigraph
  store and a time limit, as many query worker processes.
- ``store`` (CRITMIN_STORE, --store): ``oxigraph``, the embedded store that serves
  ``data_file``; ``rdflib`` for rdflib's in-memory store (slower; the reference engine).
- ``public_base_iri`` (CRITMIN_PUBLIC_BASE_IRI): ``https://w3id.org/critmin/id/``.
- ``federation_allowlist`` (CRITMIN_FEDERATION_ALLOWLIST): empty, so no query makes an
  outbound request.
- ``max_rows`` (CRITMIN_MAX_ROWS, --max-rows): ``10000`` result rows (or triples) at most.
- ``query_timeout`` (CRITMIN_QUERY_TIMEOUT, --query-timeout): ``30`` seconds; ``0`` means none.
- ``rate_limit`` (CRITMIN_RATE_LIMIT): ``300`` requests a second per client address on
  average (``0``: no limit); ``rate_burst`` (CRITMIN_RATE_BURST): ``600`` at once. Past them:
  429 with ``Retry-After`` (see ``admission``).
- ``max_queue`` (CRITMIN_MAX_QUEUE): ``256`` requests waiting for a serving thread; past them
  the service answers 503 with ``Retry-After`` at once.
- ``answer_cache_mb`` (CRITMIN_ANSWER_CACHE_MB): ``64`` megabytes of answers the service keeps
  and replays for as long as their ``Cache-Control`` allows (``0``: none; see ``answer_cache``).
- ``max_query_chars`` (CRITMIN_MAX_QUERY_CHARS): ``100000`` characters of query text at most.
- ``max_query_depth`` (CRITMIN_MAX_QUERY_DEPTH): ``20`` levels of nested brackets at most
  (rdflib's parser fails past about 25; see ``query_shape``).
- ``remote_endpoint`` (CRITMIN_REMOTE_ENDPOINT, --remote-endpoint): empty, so ``data_file`` is
  served; a SPARQL 1.1 endpoint URL to query an external store instead.
- ``corpus_dir`` (CRITMIN_CORPUS_DIR, --corpus): empty; the folder of the source texts, so that
  resource pages can show the whole sentence behind a fact (else only its short anchor).

``query_timeout`` is enforced for the Oxigraph store by a pool of query worker processes: a
worker that passes the limit is killed (``query_workers``); this covers every query, the
service's own (canned queries, resource pages) included. The rdflib store evaluates each
endpoint query in a forked process killed at the limit (``query_process``), and runs its own
queries without a limit. For a remote store critmin stops waiting at the limit, and the remote
store may go on unless it has a limit of its own.

``federation_allowlist`` is a list of endpoint IRIs separated by spaces or commas; a query may
name one of them in ``SERVICE`` or ``FROM``/``FROM NAMED`` (the IRI must match exactly). With
``remote_endpoint`` set, queries go to that SPARQL 1.1 endpoint and ``data_file`` is not read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

ENV_PREFIX = "CRITMIN_"
# Where create_app keeps the store and the settings: ``current_app.extensions[...]``.
STORE_KEY = "critmin.store"
SETTINGS_KEY = "critmin.settings"


class SettingsError(ValueError):
    """A setting has a value that cannot be used (the message names it)."""


@dataclass(frozen=True)
class Settings:
    """What the service needs to know to run; see the module docstring for each field."""

    data_file: str = "build/critmin.trig"
    host: str = "127.0.0.1"
    port: int = 8000
    threads: int = 4
    store: str = "oxigraph"
    public_base_iri: str = "https://w3id.org/critmin/id/"
    federation_allowlist: tuple[str, ...] = ()
    max_rows: int = 10000
    query_timeout: float | None = 30.0
    rate_limit: float = 300.0
    rate_burst: int = 600
    max_queue: int = 256
    answer_cache_mb: float = 64.0
    max_query_chars: int = 100_000
    max_query_depth: int = 20
    remote_endpoint: str | None = None
    corpus_dir: str | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.port < 65536:
            raise SettingsError(f"port must be between 0 and 65535, not {self.port}")
        if self.threads < 1:
            raise SettingsError(f"threads must be at least 1, not {self.threads}")
        if self.store not in ("oxigraph", "rdflib"):
            raise SettingsError(f"store must be oxigraph or rdflib, not {self.store!r}")
        if self.max_rows < 1:
            raise SettingsError(f"max_rows must be at least 1, not {self.max_rows}")
        not_http = [iri for iri in self.federation_allowlist
                    if not iri.lower().startswith(("http://", "https://"))]
        if not_http:
            raise SettingsError(
                f"the federation allow-list names HTTP(S) endpoints only, not {not_http[0]!r}"
            )
        if self.rate_limit < 0 or self.rate_burst < 1 or self.max_queue < 1:
            raise SettingsError(
                "rate_limit must be 0 or more, rate_burst and max_queue at least 1"
            )
        if self.answer_cache_mb < 0:
            raise SettingsError(f"answer_cache_mb must be 0 or more, not {self.answer_cache_mb}")
        if self.max_query_chars < 1 or self.max_query_depth < 1:
            raise SettingsError("max_query_chars and max_query_depth must be at least 1")
        if self.query_timeout is not None and self.query_timeout <= 0:
            raise SettingsError(f"query_timeout must be positive or None, not {self.query_timeout}")

    def replace(self, overrides: Mapping[str, Any]) -> Settings:
        """These settings with the fields named in ``overrides`` set to the values given."""
        names = {field.name for field in dataclasses.fields(self)}
        unknown = sorted(set(overrides) - names)
        if unknown:
            raise SettingsError(f"unknown setting(s): {', '.join(unknown)}")
        return dataclasses.replace(self, **overrides)


def _parse_value(name: str, raw: str) -> Any:
    """Turn the text of environment variable ``CRITMIN_<NAME>`` into the field's type."""
    text = raw.strip()
    try:
        if name in ("port", "threads", "max_rows", "max_query_chars", "max_query_depth",
                    "rate_burst", "max_queue"):
            return int(text)
        if name in ("rate_limit", "answer_cache_mb"):
            return float(text)
        if name == "query_timeout":
            seconds = float(text) if text else 0.0
            return None if seconds == 0 else seconds
    except ValueError:
        raise SettingsError(f"{ENV_PREFIX}{name.upper()} must be a number, not {raw!r}") from None
    if name == "federation_allowlist":
        return tuple(iri for iri in re.split(r"[\s,]+", text) if iri)
    if name in ("remote_endpoint", "corpus_dir"):
        return text or None
    return text


def settings_from_env(environ: Mapping[str, str], base: Settings | None = None) -> Settings:
    """``base`` (the defaults) overridden by the ``CRITMIN_*`` variables set in ``environ``.

    An empty ``CRITMIN_REMOTE_ENDPOINT`` or a zero ``CRITMIN_QUERY_TIMEOUT`` switches them off.
    """
    values = {
        field.name: _parse_value(field.name, environ[ENV_PREFIX + field.name.upper()])
        for field in dataclasses.fields(Settings)
        if ENV_PREFIX + field.name.upper() in environ
    }
    return (base or Settings()).replace(values)


def load_settings(environ: Mapping[str, str], flags: Mapping[str, Any] | None = None) -> Settings:
    """Defaults, then the environment, then command-line ``flags``.

    A flag whose value is ``None`` was not given; ``query_timeout=0`` switches the limit off.
    """
    given = {name: value for name, value in (flags or {}).items() if value is not None}
    if given.get("query_timeout") == 0:
        given["query_timeout"] = None
    return settings_from_env(environ).replace(given)
