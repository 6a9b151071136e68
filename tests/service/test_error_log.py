"""Text made safe for the log: control characters escaped, long text cut."""

from __future__ import annotations

from critmin.service.error_log import loggable


def test_control_characters_are_escaped() -> None:
    assert loggable("a\r\nb\x00c\u2028d") == "a\\x0d\\x0ab\\x00c\\x2028d"
    assert loggable("plain ASCII and ünïcode") == "plain ASCII and ünïcode"


def test_long_text_is_cut_with_its_length() -> None:
    assert loggable("x" * 12, limit=5) == "xxxxx...(12 characters)"
    assert loggable("x" * 5, limit=5) == "xxxxx"
