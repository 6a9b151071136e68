"""Screenshots of the web form, each result view and a resource page, at desktop and phone sizes.

Serves ``--data`` on a free loopback port and drives Debian's Chromium through Playwright (as
the browser tests do; no request leaves the machine), writing ``NAME-desktop.png`` and
``NAME-phone.png`` into ``--out`` (docs/screenshots). Run it from the checkout::

    .venv/bin/python docs/take_screenshots.py --data graph/seed/critmin-seed.trig

The result views need the npm assets (``make assets``): without them the timeline and graph
shots are missing, and the script says so and exits 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask

from critmin.service.app import create_app
from critmin.service.assets import installed_view_libraries
from critmin.service.config import Settings
from critmin.service.server import start_in_thread
from critmin.service.store_choice import open_store

if TYPE_CHECKING:  # Playwright is imported only when the script runs
    from playwright.sync_api import Browser

log = logging.getLogger("take_screenshots")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update"]
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
CM = "https://w3id.org/critmin/ontology#"
MOU_TRIPLES = (
    f"PREFIX cm: <{CM}>\n"
    "CONSTRUCT { ?mou ?p ?o } WHERE { ?mou a cm:MemorandumOfUnderstanding ; ?p ?o }"
)


@dataclass(frozen=True)
class Shot:
    """A screenshot: a page of the form (its path), the result view to open, what to show at
    the top of the viewport, and the <details> elements to open first."""

    name: str
    path: str
    view: str | None = None
    top: str = "body"
    expand: str | None = None


def shots(server_url: str) -> list[Shot]:
    """The screenshots to take, the resource page being the first agreement's, scrolled to
    the first inferred fact's "why", opened."""
    with urllib.request.urlopen(f"{server_url}/api/queries/agreements.json", timeout=60) as answer:
        first = json.loads(answer.read())["results"]["bindings"][0]["agreement"]["value"]
    query = "/?" + urllib.parse.urlencode({"query": MOU_TRIPLES})
    return [
        Shot("form", "/"),
        Shot("table", "/?question=agreements", "table", "#results-panel"),
        Shot("timeline", "/?question=cq13&period=2025", "timeline", "#results-panel"),
        Shot("graph", "/?question=agreements", "graph", "#results-panel"),
        Shot("construct-table", query, "table", "#results-panel"),
        Shot("construct-graph", query, "graph", "#results-panel"),
        Shot(
            "resource", "/id/" + first.removeprefix(Settings().public_base_iri),
            top="details.why", expand="details.why",
        ),
    ]


def service_app(data: Path) -> Flask:
    """The service over dataset file ``data``, in the default store."""
    settings = Settings(data_file=str(data))
    return create_app(open_store(settings), settings=settings)


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """``app`` on a free loopback port while the block runs; gives its base URL."""
    server, thread = start_in_thread(app, host="127.0.0.1", port=0)
    try:
        yield server.url
    finally:
        server.stop()
        thread.join(timeout=10)


def take(browser: Browser, server_url: str, shot: Shot, size: str, out: Path) -> Path:
    """Take ``shot`` at ``size`` into ``out``; gives the file written."""
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    local = urllib.parse.urlsplit(server_url).netloc
    context.route("**/*", lambda route: route.continue_()
                  if urllib.parse.urlsplit(route.request.url).netloc == local else route.abort())
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(server_url + shot.path)
    if shot.path.startswith("/?") or shot.path == "/":
        page.wait_for_selector("body[data-ready='true']", state="attached")
    if shot.view:
        page.wait_for_selector("#results-panel:not([hidden])")
        if shot.view != "table":
            page.click(f"#tab-{shot.view}")
        page.wait_for_selector(f"#view-{shot.view}[data-ready='true']")
    if shot.expand:
        page.locator(shot.expand).first.evaluate("element => { element.open = true; }")
    page.locator(shot.top).first.evaluate("element => element.scrollIntoView()")
    page.wait_for_timeout(300)
    path = out / f"{shot.name}-{size}.png"
    page.screenshot(path=str(path))
    context.close()
    return path


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("graph/seed/critmin-seed.trig"),
                        help="dataset file to serve (default graph/seed/critmin-seed.trig)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "screenshots",
                        help="folder to write the PNG files into (default docs/screenshots)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, report: Callable[[str], None] = print) -> int:
    """Take every screenshot; exit 0 when all were written, 1 without the view libraries, 2 for
    bad input."""
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("critmin.access").setLevel(logging.WARNING)
    args = parse_args(argv)
    if not args.data.is_file():
        report(f"error: --data {args.data} is not a file")
        return 2
    if not CHROMIUM.is_file():
        report(f"error: {CHROMIUM} not found: apt-get install chromium")
        return 2
    app = service_app(args.data)
    if len(installed_view_libraries(app)) < 2:
        report("error: the timeline and graph libraries are not installed: run `make assets`")
        return 1
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch, serving(app) as server_url:
        scratch_dir = Path(scratch)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            written = []
            for shot in shots(server_url):
                for size in SIZES:
                    written.append(take(browser, server_url, shot, size, scratch_dir))
                    log.info("took %s at %s size", shot.name, size)
            browser.close()
        args.out.mkdir(parents=True, exist_ok=True)
        for path in written:
            target = args.out / path.name
            target.write_bytes(path.read_bytes())
            log.info("%s (%d KB)", target, target.stat().st_size // 1024)
    return 0


if __name__ == "__main__":
    sys.exit(main())
