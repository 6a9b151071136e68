"""Headless Chromium (Debian's, driven by Playwright) against the real server, network off.

The server holds the seed graph (the shipped build of the seed corpus, which a test keeps equal
to a fresh build) plus a small invented dataset with hostile literals; what the tests expect of
it is one value, ``browser_scenario.SCENARIO``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
from browser_scenario import SCENARIO, Scenario, Watch
from flask import Flask
from rdflib import Dataset

from critmin.service.app import create_app
from critmin.service.config import Settings
from critmin.service.server import start_in_thread
from critmin.service.store import LocalStore

if TYPE_CHECKING:  # Playwright is imported only when a browser test runs
    from playwright.sync_api import Browser, Page, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def build_app(data_files: tuple[Path, ...], **config: object) -> Flask:
    """The critmin app serving the union of ``data_files`` (TriG)."""
    dataset = Dataset(default_union=True)
    for data_file in data_files:
        dataset.parse(data_file, format="trig")
    return create_app(LocalStore(dataset), {"TESTING": True, **config}, settings=Settings())


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    """What the browser tests expect of the served data."""
    return SCENARIO


@pytest.fixture(scope="session")
def live_app(scenario: Scenario) -> Flask:
    """The app the session's server serves."""
    return build_app(scenario.data_files)


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """``app`` on waitress on a free loopback port while the block runs; gives its base URL."""
    server, thread = start_in_thread(app, host="127.0.0.1", port=0)
    try:
        yield server.url
    finally:
        server.stop()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def server_url(live_app: Flask) -> Iterator[str]:
    """The app on waitress, on a free loopback port, for the whole session."""
    with serving(live_app) as url:
        yield url


@pytest.fixture(scope="session")
def plain_server_url(
    scenario: Scenario, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The app as served where the npm assets are missing (an empty node_modules)."""
    empty = tmp_path_factory.mktemp("node_modules")
    with serving(build_app(scenario.data_files, NODE_MODULES_DIR=str(empty))) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium under Playwright; a clear failure (never a skip) when it is missing."""
    if os.environ.get("CRITMIN_SKIP_BROWSER") == "1":
        pytest.skip("CRITMIN_SKIP_BROWSER=1: browser tests switched off")
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) "
            "or set CRITMIN_SKIP_BROWSER=1 to skip the browser tests",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def watch() -> Watch:
    """A fresh record of what the page tried."""
    return Watch()


@pytest.fixture(params=[(1280, 900), (390, 844)], ids=["desktop", "phone"])
def page(
    request: pytest.FixtureRequest, chromium: Browser, server_url: str, watch: Watch
) -> Iterator[Page]:
    """A fresh page on the local server with the network cut off; checks nothing leaked."""
    width, height = request.param
    context = chromium.new_context(viewport={"width": width, "height": height})
    local = urlsplit(server_url).netloc

    def only_local(route: Route) -> None:
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            watch.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
    yield page
    context.close()
    assert watch.blocked == [], "the page tried to reach the network"
    assert watch.dialogs == [], "a dialog opened (script from data ran?)"
    assert watch.page_errors == [], "the page raised JavaScript errors"
