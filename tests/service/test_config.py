"""Settings: defaults, then CRITMIN_* variables, then flags."""

from __future__ import annotations

import pytest

from critmin.service.config import Settings, SettingsError, load_settings, settings_from_env


def test_defaults_are_safe() -> None:
    assert load_settings({}) == Settings(
        data_file="build/critmin.trig", host="127.0.0.1", port=8000, threads=4,
        public_base_iri="https://w3id.org/critmin/id/", federation_allowlist=(),
        max_rows=10000, query_timeout=30.0, remote_endpoint=None,
    )


def test_environment_overrides_defaults() -> None:
    settings = settings_from_env({
        "CRITMIN_DATA_FILE": "other.nq", "CRITMIN_HOST": "::1", "CRITMIN_PORT": "9001",
        "CRITMIN_THREADS": "8", "CRITMIN_PUBLIC_BASE_IRI": "https://example.org/kg/",
        "CRITMIN_FEDERATION_ALLOWLIST":
            "http://a.example/sparql, http://b.example/q\thttps://c.example/",
        "CRITMIN_MAX_ROWS": "50", "CRITMIN_QUERY_TIMEOUT": "2.5",
        "CRITMIN_REMOTE_ENDPOINT": "http://127.0.0.1:3030/ds/sparql",
        "UNRELATED": "ignored",
    })
    assert settings == Settings(
        data_file="other.nq", host="::1", port=9001, threads=8,
        public_base_iri="https://example.org/kg/",
        federation_allowlist=(
            "http://a.example/sparql", "http://b.example/q", "https://c.example/"
        ),
        max_rows=50, query_timeout=2.5, remote_endpoint="http://127.0.0.1:3030/ds/sparql",
    )


def test_zero_timeout_and_empty_endpoint_switch_them_off() -> None:
    settings = settings_from_env({"CRITMIN_QUERY_TIMEOUT": "0", "CRITMIN_REMOTE_ENDPOINT": ""})
    assert (settings.query_timeout, settings.remote_endpoint) == (None, None)
    assert load_settings({}, {"query_timeout": 0}).query_timeout is None


def test_flags_override_the_environment_and_none_means_not_given() -> None:
    environ = {"CRITMIN_PORT": "9001", "CRITMIN_HOST": "127.0.0.2"}
    settings = load_settings(environ, {"port": 9100, "host": None, "max_rows": 7})
    assert (settings.port, settings.host, settings.max_rows) == (9100, "127.0.0.2", 7)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"CRITMIN_PORT": "eighty"}, "CRITMIN_PORT must be a number, not 'eighty'"),
        ({"CRITMIN_PORT": "70000"}, "port must be between 0 and 65535, not 70000"),
        ({"CRITMIN_MAX_ROWS": "0"}, "max_rows must be at least 1, not 0"),
        ({"CRITMIN_QUERY_TIMEOUT": "-1"}, "query_timeout must be positive or None, not -1.0"),
        ({"CRITMIN_THREADS": "0"}, "threads must be at least 1, not 0"),
    ],
)
def test_bad_values_are_one_line_errors(environ: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        settings_from_env(environ)
    assert str(raised.value) == message


def test_unknown_setting_is_an_error() -> None:
    with pytest.raises(SettingsError) as raised:
        Settings().replace({"colour": "blue"})
    assert str(raised.value) == "unknown setting(s): colour"
