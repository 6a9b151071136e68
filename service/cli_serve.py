"""``critmin serve``: its flags, its help on the settings that exist only as ``CRITMIN_*``
variables, and the command itself (the service on waitress)."""

from __future__ import annotations

import argparse
import logging
import os
import textwrap
from dataclasses import dataclass

from critmin.service.cli_error import CliError
from critmin.service.config import ENV_PREFIX, Settings

log = logging.getLogger("critmin")
_HELP_WIDTH = 78


@dataclass(frozen=True)
class _Flag:
    """A ``critmin serve`` flag: the setting it sets, its value type and its meaning."""

    flag: str
    setting: str
    meaning: str
    type: type = str
    choices: tuple[str, ...] | None = None


_FLAGS = (
    _Flag("--data", "data_file", "dataset file"),
    _Flag("--store", "store", "embedded store", choices=("oxigraph", "rdflib")),
    _Flag("--host", "host", "interface to listen on"),
    _Flag("--port", "port", "port to listen on", int),
    _Flag("--threads", "threads", "worker threads", int),
    _Flag("--max-rows", "max_rows", "result rows at most", int),
    _Flag("--query-timeout", "query_timeout", "seconds per query, 0 for none", float),
    _Flag("--remote-endpoint", "remote_endpoint", "query this SPARQL endpoint, not --data"),
    _Flag("--corpus", "corpus_dir", "folder of the source texts, to show whole sentences"),
)

ENVIRONMENT_ONLY = {
    "public_base_iri": "base IRI of the resources the pages describe",
    "federation_allowlist": "SPARQL endpoints a query may name in SERVICE or FROM, "
    "separated by spaces or commas",
    "rate_limit": "requests a second per client address on average (0: no limit)",
    "rate_burst": "requests a client may send at once",
    "max_queue": "requests waiting for a serving thread; past them 503 at once",
    "answer_cache_mb": "megabytes of answers kept and replayed while their Cache-Control "
    "allows (0: none)",
    "max_query_chars": "characters of query text at most",
    "max_query_depth": "levels of nested brackets in a query at most",
}
"""The settings without a flag, each with its meaning (the defaults come from Settings)."""


def add_serve_command(commands: argparse._SubParsersAction) -> None:
    """Register ``critmin serve`` on the ``critmin`` sub-command parsers."""
    serve = commands.add_parser(
        "serve",
        help="serve the SPARQL endpoint and web form",
        description=textwrap.fill(
            "Serve the dataset file (or a remote SPARQL endpoint) on waitress: the SPARQL "
            "endpoint, the form, the canned questions and the resource pages. Settings come "
            "from defaults, then CRITMIN_* environment variables, then flags.", _HELP_WIDTH
        ),
        epilog=environment_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    defaults = Settings()
    # Defaults are None so that CRITMIN_* variables apply (see critmin.service.config).
    for flag in _FLAGS:
        variable = ENV_PREFIX + flag.setting.upper()
        default = _shown(getattr(defaults, flag.setting))
        serve.add_argument(
            flag.flag, dest=flag.setting, type=flag.type, choices=flag.choices,
            metavar=None if flag.choices else flag.flag[2:].upper().replace("-", "_"),
            help=f"{flag.meaning} (default {default}; {variable})",
        )
    serve.set_defaults(run=_serve)


def environment_help() -> str:
    """The help's epilog: each setting that only a ``CRITMIN_*`` variable sets, its meaning
    and default."""
    defaults = Settings()
    lines = ["settings only in the environment:"]
    for name, meaning in ENVIRONMENT_ONLY.items():
        lines.append(f"  {ENV_PREFIX}{name.upper()} (default {_shown(getattr(defaults, name))})")
        lines.extend(textwrap.wrap(meaning, _HELP_WIDTH, initial_indent=" " * 6,
                                   subsequent_indent=" " * 6))
    return "\n".join(lines)


def flagged_settings() -> frozenset[str]:
    """The settings that a ``critmin serve`` flag sets."""
    return frozenset(flag.setting for flag in _FLAGS)


def _shown(value: object) -> str:
    """A default as the help shows it: ``none`` for nothing, ``30`` for ``30.0``."""
    if value is None or value == ():
        return "none"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _serve(args: argparse.Namespace) -> int:
    """Serve the dataset file (or a remote SPARQL endpoint) on waitress until interrupted."""
    from critmin.service.app import create_app
    from critmin.service.config import SettingsError, load_settings
    from critmin.service.server import Admission, serve
    from critmin.service.store import DataFileError, StoreError
    from critmin.service.store_choice import open_store

    flags = {flag.setting: getattr(args, flag.setting) for flag in _FLAGS}
    try:
        settings = load_settings(os.environ, flags)
        store = open_store(settings)
        source = settings.remote_endpoint or f"{settings.data_file} ({settings.store} store)"
        log.info("serving %s", source)
        try:
            limits = Admission(settings.rate_limit, settings.rate_burst, settings.max_queue)
            serve(create_app(store, settings=settings), settings.host, settings.port,
                  settings.threads, limits)
        finally:
            store.close()
    except (SettingsError, DataFileError, StoreError) as error:
        raise CliError(str(error)) from None
    except OSError as error:
        raise CliError(f"cannot listen on {settings.host}:{settings.port}: {error}") from None
    return 0

