"""The web form in headless Chromium: canned questions, results, links, errors, escaping."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING

import pytest
from browser_scenario import Scenario, Watch
from flask import Flask

from critmin.service.assets import codemirror_installed

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

HOSTILE = "<script>alert('from data')</script><img src=x onerror=alert('img')>"


def open_form(page: Page, server_url: str, path: str = "/") -> None:
    page.goto(server_url + path)
    page.wait_for_selector("body[data-ready='true']", state="attached")


def type_query(page: Page, text: str) -> None:
    """Type ``text`` into the editor (CodeMirror when it is installed, else the textarea)."""
    if page.locator(".CodeMirror").count():
        page.click(".CodeMirror-code")
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.keyboard.type(text)
    else:
        page.fill("#query", text)


def endpoint_error(server_url: str, query: str) -> dict:
    """The JSON error the endpoint itself gives for ``query``."""
    url = f"{server_url}/sparql?{urllib.parse.urlencode({'query': query})}"
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as raised:
        urllib.request.urlopen(request, timeout=10)
    assert raised.value.code == 400
    return json.loads(raised.value.read())["error"]


def test_canned_question_runs_and_its_result_links_to_the_resource_page(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    open_form(page, server_url)
    page.click(f".question-button[data-id='{scenario.question_id}']")
    page.wait_for_selector("#results-panel:not([hidden])")
    row = page.locator("#results-table tbody tr", has_text=scenario.row_label)
    assert row.count() == 1
    permalink = urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)
    assert permalink["question"] == [scenario.question_id]
    link = row.locator("td").first.locator("a")
    assert link.get_attribute("href").startswith("/id/")
    link.click()
    page.wait_for_url(f"{server_url}/id/**")
    assert page.locator("h1#resource-label").inner_text() == scenario.expected_heading


def test_question_parameters_are_typed_form_fields(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    open_form(page, server_url)
    page.click(f".question-button[data-id='{scenario.question_id}']")
    page.wait_for_selector("#results-panel:not([hidden])")
    questions = json.loads(urllib.request.urlopen(f"{server_url}/api/queries", timeout=10).read())
    question = next(q for q in questions if q["id"] == scenario.question_id)
    assert page.locator("#question-title").inner_text() == question["title"]
    assert page.locator("#question-text").inner_text() == question["question"]
    for parameter in question["parameters"]:
        field = page.locator(f"#param-{parameter['name']}")
        sent = page.locator(f"#question-params input[name='{parameter['name']}']")
        assert sent.input_value() == (parameter["default"] or "")
        if parameter["type"] == "iri":  # a picker: the IRI is sent, its label shown
            assert field.get_attribute("role") == "combobox"
            continue
        expected_type = {"integer": "number", "decimal": "number", "date": "date"}
        assert field.get_attribute("type") == expected_type.get(parameter["type"], "text")


def test_broken_query_shows_the_endpoints_parse_error(page: Page, server_url: str) -> None:
    broken = "SELECT ?s WHERE { ?s ?p }"
    open_form(page, server_url)
    type_query(page, broken)
    page.click("#run-query")
    page.wait_for_selector("#error-panel:not([hidden])")
    error = endpoint_error(server_url, broken)
    assert page.locator("#error-status").inner_text() == (
        f"400 {error['title']} · line {error['line']}, column {error['column']}"
    )
    assert page.locator("#error-message").inner_text() == error["message"]
    assert page.locator("#results-panel").is_hidden()


def test_a_literal_holding_markup_shows_as_text_and_never_runs(
    page: Page, server_url: str, watch: Watch
) -> None:
    query = f'SELECT ?text WHERE {{ BIND("{HOSTILE}" AS ?text) }}'
    open_form(page, server_url)
    type_query(page, query)
    page.click("#run-query")
    page.wait_for_selector("#results-panel:not([hidden])")
    cell = page.locator("#results-table tbody td").first
    assert cell.inner_text() == HOSTILE
    assert page.locator("#results-table img, #results-table script").count() == 0
    assert watch.dialogs == []


def test_permalink_reopens_and_reruns_the_query(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    query = "SELECT ?label WHERE { ?a a <https://w3id.org/critmin/ontology#Agreement> ; " \
        "<http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label"
    open_form(page, server_url)
    type_query(page, query)
    page.click("#run-query")
    page.wait_for_selector("#results-panel:not([hidden])")
    first_rows = page.locator("#results-table tbody tr").all_inner_texts()
    assert scenario.row_label in first_rows
    permalink = page.locator("#permalink").get_attribute("href")
    assert permalink.startswith("/?")
    assert urllib.parse.parse_qs(permalink[2:]) == {"query": [query]}
    page.goto("about:blank")
    open_form(page, server_url, permalink)
    page.wait_for_selector("#results-panel:not([hidden])")
    assert page.locator("#results-table tbody tr").all_inner_texts() == first_rows


def test_downloads_link_to_the_endpoint_in_csv_and_json(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    query = "SELECT ?label WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    open_form(page, server_url)
    type_query(page, query)
    page.click("#run-query")
    page.wait_for_selector("#results-panel:not([hidden])")
    csv_href = page.locator("#download-csv").get_attribute("href")
    json_href = page.locator("#download-json").get_attribute("href")
    for href, format_name in ((csv_href, "csv"), (json_href, "json")):
        path, _, search = href.partition("?")
        assert path == "/sparql"
        assert urllib.parse.parse_qs(search) == {"query": [query], "format": [format_name]}
    with urllib.request.urlopen(server_url + csv_href, timeout=10) as response:
        assert response.headers.get_content_type() == "text/csv"
        lines = response.read().decode("utf-8").splitlines()
    assert lines[0] == "label"
    assert scenario.row_label in lines[1:]
    with urllib.request.urlopen(server_url + json_href, timeout=10) as response:
        assert response.headers.get_content_type() == "application/sparql-results+json"
        bindings = json.loads(response.read())["results"]["bindings"]
    assert {"type": "literal", "value": scenario.row_label} in [row["label"] for row in bindings]


def test_question_downloads_link_to_the_canned_query_api(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    open_form(page, server_url)
    page.click(f".question-button[data-id='{scenario.question_id}']")
    page.wait_for_selector("#results-panel:not([hidden])")
    params = {
        name: [value]
        for name, value in page.eval_on_selector_all(
            "#question-params input[name]",
            "inputs => inputs.map(input => [input.name, input.value])",
        )
        if value
    }
    path = f"/api/queries/{scenario.question_id}"
    links = {}
    for format_name in ("csv", "json"):
        href = page.locator(f"#download-{format_name}").get_attribute("href")
        link_path, _, search = href.partition("?")
        assert (link_path, urllib.parse.parse_qs(search)) == (f"{path}.{format_name}", params)
        links[format_name] = href
    with urllib.request.urlopen(server_url + links["csv"], timeout=10) as response:
        assert response.headers.get_content_type() == "text/csv"
        csv_text = response.read().decode("utf-8")
    shown = page.locator("#results-table tbody tr").count()
    assert len(csv_text.splitlines()) == shown + 1
    assert scenario.row_label in csv_text
    with urllib.request.urlopen(server_url + links["json"], timeout=10) as response:
        assert response.headers.get_content_type() == "application/sparql-results+json"
        assert len(json.loads(response.read())["results"]["bindings"]) == shown


def test_editor_highlights_sparql_where_codemirror_is_installed(
    page: Page, server_url: str, live_app: Flask
) -> None:
    open_form(page, server_url)
    if codemirror_installed(live_app):
        assert page.locator(".CodeMirror .cm-keyword", has_text="SELECT").count() >= 1
        assert page.locator("#query").is_hidden()
    else:
        assert page.locator(".CodeMirror").count() == 0
        assert page.locator("#query").is_visible()


def test_page_fits_the_viewport_without_sideways_scrolling(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    open_form(page, server_url)
    page.click(f".question-button[data-id='{scenario.question_id}']")
    page.wait_for_selector("#results-panel:not([hidden])")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def test_without_the_npm_assets_the_form_is_a_plain_textarea(
    chromium: Browser, plain_server_url: str, scenario: Scenario
) -> None:
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_form(page, plain_server_url)
    assert page.locator(".CodeMirror").count() == 0
    page.fill("#query", "SELECT ?label WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#label> "
              "?label }")
    page.press("#query", "Control+Enter")
    page.wait_for_selector("#results-panel:not([hidden])")
    assert scenario.row_label in page.locator("#results-table tbody").inner_text()
    assert requested and all(url.startswith(plain_server_url + "/") for url in requested)
    assert not [url for url in requested if "codemirror" in url]
    context.close()
