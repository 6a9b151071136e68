"""Print how many W3C SPARQL 1.1 query-evaluation tests pass through the endpoint, per folder.

Usage: python tests/w3c/w3c_report.py [--store NAME ...] [--failures]

A Markdown table (one row per suite folder, one column per store) and the totals; with
``--failures``, each failing test and why. Runs the same harness as the pytest tests.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from w3c_harness import STORE_CONFIGS, EndpointRunner, Outcome
from w3c_manifest import SUITE_DIR, QueryTest, query_evaluation_tests


def run_all(tests: list[QueryTest], store: str, work_dir: Path) -> dict[str, Outcome]:
    """Every test's outcome on ``store``."""
    work_dir.mkdir()
    runner = EndpointRunner(work_dir, STORE_CONFIGS[store])
    return {test.name: runner.outcome(test) for test in tests}


def summary_table(tests: list[QueryTest], outcomes: dict[str, dict[str, Outcome]]) -> str:
    """A Markdown table: per folder, the tests and how many pass on each store."""
    stores = sorted(outcomes)
    by_folder: dict[str, list[QueryTest]] = defaultdict(list)
    for test in tests:
        by_folder[test.folder].append(test)

    def passed(store: str, chosen: list[QueryTest]) -> int:
        return sum(outcomes[store][test.name].passed for test in chosen)

    lines = [
        "| folder | tests | " + " | ".join(f"passed ({store})" for store in stores) + " |",
        "|---|---:|" + "---:|" * len(stores),
    ]
    for folder, chosen in by_folder.items():
        counts = " | ".join(str(passed(store, chosen)) for store in stores)
        lines.append(f"| {folder} | {len(chosen)} | {counts} |")
    totals = " | ".join(f"**{passed(store, tests)}**" for store in stores)
    lines.append(f"| **all** | **{len(tests)}** | {totals} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--store", action="append", choices=sorted(STORE_CONFIGS),
        help="a store to run on (repeatable; default: every store)",
    )
    parser.add_argument("--failures", action="store_true", help="list failing tests and why")
    args = parser.parse_args()
    if not SUITE_DIR.is_dir():
        print(f"error: the W3C SPARQL 1.1 test suite is not at {SUITE_DIR}", file=sys.stderr)
        return 2
    # The endpoint logs every query it cannot evaluate, with a traceback; the report says which.
    logging.disable(logging.ERROR)
    tests = query_evaluation_tests(SUITE_DIR)
    outcomes = {}
    with tempfile.TemporaryDirectory(prefix="critmin-w3c-") as work_dir:
        for store in args.store or sorted(STORE_CONFIGS):
            print(f"running {len(tests)} tests on {store}...", file=sys.stderr)
            outcomes[store] = run_all(tests, store, Path(work_dir) / store)
    print(summary_table(tests, outcomes))
    if args.failures:
        for store, results in outcomes.items():
            print(f"\nFailing on {store}:")
            for name, outcome in results.items():
                if not outcome.passed:
                    print(f"- {name}: {outcome.detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
