"""What the browser tests expect of the data they serve, and what a page must not try."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Scenario:
    """A dataset and what the browser must find in it.

    ``question_id`` is a canned query whose results hold a row with ``row_label``; the row's
    first cell links to a resource page whose heading is ``resource_label`` (the row label
    when not given).
    """

    data_files: tuple[Path, ...]
    question_id: str
    row_label: str
    resource_label: str | None = None

    @property
    def expected_heading(self) -> str:
        """The heading of the resource page the row links to."""
        return self.resource_label or self.row_label


SCENARIO = Scenario(
    data_files=(
        REPO / "graph" / "seed" / "critmin-seed.trig",
        Path(__file__).resolve().parent / "data" / "sample.trig",
    ),
    question_id="cq01",
    row_label="US Strategic Metals \u2013 Frontier Works Organisation MoU",  # spaced en dash
)


@dataclass
class Watch:
    """What a page tried that it must not: requests off the local server, dialogs, errors."""

    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
