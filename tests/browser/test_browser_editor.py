"""The form's editor in headless Chromium: canned SPARQL in the editor, implicit prefixes,
completion, parameter pickers, cancel, history, the place of a syntax error."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING

import pytest
from browser_scenario import Scenario

from critmin.graph.base.namespaces import CM

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

pytestmark = pytest.mark.browser

PROCESSING, REFINING = str(CM.processing), str(CM.refining)
CANCELLED = "Cancelled: the query was stopped before it answered."
# An object left out inside an OPTIONAL: the text stops making sense at the "}" of line 6.
BROKEN = (
    "SELECT ?a WHERE {\n"
    "  ?a a cm:Agreement .\n"
    "  OPTIONAL {\n"
    "    ?a cm:date ?d .\n"
    "    ?a rdfs:label\n"
    "  }\n"
    "}"
)

# The places CodeMirror marks as the error: [line, from, to] (counted from 0).
ERROR_MARKS = (
    "() => document.querySelector('.CodeMirror').CodeMirror.getAllMarks()"
    ".filter((mark) => mark.className === 'cm-error-mark')"
    ".map((mark) => { const at = mark.find(); return [at.from.line, at.from.ch, at.to.ch]; })"
)


def open_form(page: Page, server_url: str, path: str = "/") -> None:
    page.goto(server_url + path)
    page.wait_for_selector("body[data-ready='true']", state="attached")


def editor_text(page: Page) -> str:
    """The editor's text (CodeMirror's when it is installed, else the textarea's)."""
    return page.evaluate(
        "() => { const cm = document.querySelector('.CodeMirror');"
        " return cm ? cm.CodeMirror.getValue() : document.getElementById('query').value; }"
    )


def wait_for_hints_of_the_cursor(page: Page) -> None:
    """Wait until the completion list shown is the one for the word at the cursor: each key
    typed asks again, and on a busy machine an older list may still be showing."""
    page.wait_for_function(
        "() => { const cm = document.querySelector('.CodeMirror').CodeMirror;"
        " const data = cm.state.completionActive && cm.state.completionActive.data;"
        " const cursor = cm.getCursor();"
        " return !!data && data.to.line === cursor.line && data.to.ch === cursor.ch; }"
    )


def set_query(page: Page, text: str) -> None:
    """Put ``text`` in the editor as a paste would."""
    page.evaluate(
        "(text) => { const cm = document.querySelector('.CodeMirror');"
        " if (cm) cm.CodeMirror.setValue(text);"
        " else document.getElementById('query').value = text; }",
        text,
    )


def run_and_wait(page: Page) -> None:
    page.click("#run-query")
    page.wait_for_selector("#results-panel:not([hidden]), #error-panel:not([hidden])")


def result_rows(page: Page) -> list[str]:
    return page.locator("#results-table tbody tr").all_inner_texts()


def canned_rows(server_url: str, query_id: str, params: dict[str, str]) -> list[dict]:
    url = f"{server_url}/api/queries/{query_id}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())["results"]["bindings"]


def test_a_canned_question_fills_the_editor_and_runs_its_text(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    open_form(page, server_url)
    page.click(f".question-button[data-id='{scenario.question_id}']")
    page.wait_for_selector("#results-panel:not([hidden])")
    text = editor_text(page)
    assert text.startswith(f"# id: {scenario.question_id}\n")
    assert f"VALUES (?stage) {{ (<{PROCESSING}>) }}" in text
    rows = result_rows(page)
    assert len(rows) == len(canned_rows(server_url, scenario.question_id, {}))
    assert [row for row in rows if scenario.row_label in row]
    with urllib.request.urlopen(f"{server_url}/api/queries/{scenario.question_id}.rq") as answer:
        assert text == answer.read().decode("utf-8")


def test_a_query_without_prefix_lines_runs(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    open_form(page, server_url)
    assert "PREFIX" not in editor_text(page)
    query = "SELECT ?label WHERE { ?a a cm:Agreement ; rdfs:label ?label } ORDER BY ?label"
    set_query(page, query)
    run_and_wait(page)
    assert page.locator("#error-panel").is_hidden()
    assert scenario.row_label in result_rows(page)
    csv_href = page.locator("#download-csv").get_attribute("href")
    sent = urllib.parse.parse_qs(urllib.parse.urlsplit(csv_href).query)["query"][0]
    assert sent == (
        "PREFIX cm: <https://w3id.org/critmin/ontology#> "
        f"PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> {query}"
    )
    permalink = page.locator("#permalink").get_attribute("href")
    assert urllib.parse.parse_qs(permalink[2:]) == {"query": [query]}


def test_a_parameter_is_picked_by_typing_part_of_its_label(
    page: Page, server_url: str, scenario: Scenario
) -> None:
    open_form(page, server_url)
    page.click(f".question-button[data-id='{scenario.question_id}']")
    page.wait_for_selector("#results-panel:not([hidden])")
    picker = page.locator("#param-stage")
    page.wait_for_function(  # the label of the default shows, not its IRI
        "() => document.getElementById('param-stage').value === 'processing'"
    )
    picker.fill("")
    picker.press_sequentially("refin")
    option = page.locator("#param-stage-options [role='option']", has_text="refining").first
    option.wait_for()
    assert picker.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert option.get_attribute("aria-selected") == "true"
    assert picker.get_attribute("aria-activedescendant") == option.get_attribute("id")
    page.keyboard.press("Enter")
    assert picker.get_attribute("aria-expanded") == "false"
    assert picker.input_value() == "refining"
    assert page.locator("#question-params input[name='stage']").input_value() == REFINING
    page.click("#question-form button[type='submit']")
    page.wait_for_function(
        "(iri) => { const cm = document.querySelector('.CodeMirror');"
        " const text = cm ? cm.CodeMirror.getValue() : document.getElementById('query').value;"
        " return text.includes(iri); }",
        arg=f"<{REFINING}>",
    )
    page.wait_for_selector("#results-panel:not([hidden])")
    expected = [
        row["label"]["value"]
        for row in canned_rows(server_url, scenario.question_id, {"stage": REFINING})
    ]
    assert scenario.row_label in expected
    shown = page.locator("#results-table tbody tr td[data-label='label']").all_inner_texts()
    assert shown == expected
    assert "stage=" + urllib.parse.quote(REFINING, safe="") in page.url


def test_completion_offers_ontology_terms_and_labels(page: Page, server_url: str) -> None:
    open_form(page, server_url)
    if not page.locator(".CodeMirror").count():
        pytest.skip("completion needs CodeMirror (make assets)")
    set_query(page, "SELECT * WHERE { ?a a ")
    page.evaluate(
        "() => { const cm = document.querySelector('.CodeMirror').CodeMirror;"
        " cm.focus(); cm.setCursor(cm.lineCount(), 0); }"
    )
    page.keyboard.type("cm:Agreem")
    wait_for_hints_of_the_cursor(page)
    page.locator(".CodeMirror-hint-active", has_text="cm:Agreement").wait_for()
    page.keyboard.press("Enter")
    assert editor_text(page) == "SELECT * WHERE { ?a a cm:Agreement"
    page.keyboard.type(" . ?a cm:party refin")
    wait_for_hints_of_the_cursor(page)
    label = page.locator(".CodeMirror-hint-active", has_text="refining")
    label.wait_for()
    label.click()  # by mouse: typing goes on in the editor
    page.keyboard.type(" }")
    assert editor_text(page) == "SELECT * WHERE { ?a a cm:Agreement . ?a cm:party cm:refining }"


def test_cancel_aborts_the_running_query(page: Page, server_url: str) -> None:
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)  # never answered: the query runs until cancelled

    page.route("**/sparql", hold)
    open_form(page, server_url)
    set_query(page, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    page.click("#run-query")
    page.wait_for_selector("#cancel-query:not([hidden])")
    assert page.locator("#run-status").inner_text() == "Running…"
    page.click("#cancel-query")
    page.wait_for_function(
        "(text) => document.getElementById('run-status').textContent === text", arg=CANCELLED
    )
    assert page.locator("#cancel-query").is_hidden()
    assert page.locator("#results-panel").is_hidden()
    assert page.locator("#error-panel").is_hidden()
    assert page.locator("#results-table tbody tr").count() == 0
    assert len(held) == 1


def test_history_keeps_the_queries_run_across_reloads(page: Page, server_url: str) -> None:
    first = "SELECT ?label WHERE { ?a a cm:Agreement ; rdfs:label ?label }"
    second = "SELECT (COUNT(*) AS ?n) WHERE { ?s a cm:Agreement }"
    open_form(page, server_url)
    for query in (first, second):
        set_query(page, query)
        run_and_wait(page)
    page.reload()  # the permalink of the second query: it runs again, and stays first
    page.wait_for_selector("#results-panel:not([hidden])")
    page.click("#history summary")
    entries = page.locator("#history-list .history-entry")
    assert [entries.nth(at).get_attribute("title") for at in range(entries.count())] == [
        second, first,
    ]
    entries.nth(1).click()
    assert editor_text(page) == first
    page.click("#clear-history")
    assert entries.count() == 0
    open_form(page, server_url)  # not the permalink, which would run its query again
    assert page.locator("#history-list li").count() == 0


def test_a_syntax_error_is_marked_where_the_query_stops_making_sense(
    page: Page, server_url: str
) -> None:
    open_form(page, server_url)
    set_query(page, BROKEN)
    run_and_wait(page)
    status = page.locator("#error-status").inner_text()
    assert status.endswith("· line 6, column 3")
    if not page.locator(".CodeMirror").count():
        pytest.skip("the textarea's selection is tested without the npm assets")
    marks = page.evaluate(ERROR_MARKS)
    assert marks == [[5, 2, 3]]  # line 6, the "}" at column 3
    assert page.locator(".cm-error-line .CodeMirror-linenumber").inner_text() == "6"
    assert page.locator(".cm-error-mark").inner_text() == "}"
    set_query(page, "SELECT ?a WHERE { ?a a cm:Agreement ; rdfs:label }")
    run_and_wait(page)
    marks = page.evaluate(ERROR_MARKS)
    column = len("SELECT ?a WHERE { ?a a cm:Agreement ; rdfs:label ")
    assert marks == [[0, column, column + 1]]


def test_without_codemirror_the_error_is_selected_in_the_textarea(
    chromium: Browser, plain_server_url: str
) -> None:
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    open_form(page, plain_server_url)
    page.fill("#query", BROKEN)
    run_and_wait(page)
    offset = BROKEN.index("  }\n}") + 2
    selection = page.evaluate(
        "() => { const area = document.getElementById('query');"
        " return [area.selectionStart, area.selectionEnd, area.getAttribute('aria-invalid')]; }"
    )
    assert selection == [offset, offset + 1, "true"]
    context.close()


def test_an_unknown_question_says_so(page: Page, server_url: str) -> None:
    response = page.goto(server_url + "/?question=nosuch")
    assert response is not None and response.status == 404
    page.wait_for_selector("body[data-ready='true']", state="attached")
    assert page.locator("#question-title").inner_text() == 'There is no question "nosuch"'
    assert page.locator("#question-form").is_hidden()
    assert page.locator("#error-panel").is_hidden()
