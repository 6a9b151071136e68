"""The one error every ``critmin`` command raises for bad input."""

from __future__ import annotations


class CliError(Exception):
    """A user error: reported as one line on stderr with exit status 2."""
