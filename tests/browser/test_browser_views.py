"""The result views in headless Chromium: the paged, sortable table, the timeline, the graph,
graph answers (CONSTRUCT, DESCRIBE) as triples, and the download links of each answer shape.

What a view must draw is computed here from the endpoint's own answer to the same query.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING

import pytest
from browser_scenario import Watch
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from critmin.graph.base.namespaces import CMR, PREFIXES

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

CM = "https://w3id.org/critmin/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
PHONE_WIDTH = 600  # the width up to which critmin.css shows result rows as cards
DASH = "\u2013"  # between the first and last row numbers of a page
HOSTILE = "<img src=x onerror=alert('view')><script>alert('view')</script>"
HOSTILE_NAME = "<img src=x onerror=alert(1)>"  # short enough to be a graph node's name
ALL_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
MOU_TRIPLES = (
    f"CONSTRUCT {{ ?mou ?p ?o }} WHERE {{ ?mou a <{CM}MemorandumOfUnderstanding> ; ?p ?o }}"
)
# Cells that sort differently as text and by datatype, with empty cells.
SORTABLE = """PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?name ?amount ?day WHERE { VALUES (?name ?amount ?day) {
  ("beta" 10 "2025-10-02"^^xsd:date)
  ("Alpha" 9 "2024-12-31"^^xsd:date)
  ("gamma" 100 UNDEF)
  ("delta 2" 2.5 "2025-01-15"^^xsd:date)
  ("delta 10" UNDEF "2025-10-20"^^xsd:date)
} }"""
# Each row's cells: an IRI, a literal's value, or "_:" and a blank node's label.
CELL_VALUES = """rows => rows.map(row => [...row.cells].map(cell => {
  const iri = cell.querySelector("[title]");
  if (iri) return iri.title;
  const literal = cell.querySelector(".literal");
  if (literal) return literal.firstChild.textContent;
  return cell.querySelector(".bnode")?.textContent ?? null;
}))"""


# ---- the endpoint's answers -------------------------------------------------------------


def fetch(url: str, accept: str) -> tuple[str, bytes]:
    """The content type and body ``url`` answers with when asked for ``accept``."""
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        return response.headers.get_content_type(), response.read()


def select(server_url: str, query: str) -> list[dict]:
    """The endpoint's bindings for SELECT ``query``."""
    url = f"{server_url}/sparql?{urllib.parse.urlencode({'query': query})}"
    return json.loads(fetch(url, "application/sparql-results+json")[1])["results"]["bindings"]


def question_rows(server_url: str, question_id: str) -> list[dict]:
    """The bindings canned question ``question_id`` answers with its default parameters."""
    questions = json.loads(fetch(f"{server_url}/api/queries", "application/json")[1])
    defaults = {
        parameter["name"]: parameter["default"]
        for question in questions
        if question["id"] == question_id
        for parameter in question["parameters"]
        if parameter["default"]
    }
    url = f"{server_url}/api/queries/{question_id}.json?{urllib.parse.urlencode(defaults)}"
    return json.loads(fetch(url, "application/json")[1])["results"]["bindings"]


def construct(server_url: str, query: str) -> Graph:
    """The endpoint's graph for CONSTRUCT or DESCRIBE ``query``."""
    url = f"{server_url}/sparql?{urllib.parse.urlencode({'query': query})}"
    return Graph().parse(data=fetch(url, "application/n-triples")[1], format="nt")


def cell_text(term: dict | None) -> str | None:
    """What the table shows of a SPARQL JSON term (as CELL_VALUES reads it)."""
    if term is None:
        return None
    return f"_:{term['value']}" if term["type"] == "bnode" else term["value"]


def json_term(node: Node) -> dict:
    """An rdflib term as a SPARQL JSON term."""
    if isinstance(node, URIRef):
        return {"type": "uri", "value": str(node)}
    if isinstance(node, BNode):
        return {"type": "bnode", "value": str(node)}
    assert isinstance(node, Literal)
    term = {"type": "literal", "value": str(node)}
    if node.language:
        term["xml:lang"] = node.language
    elif node.datatype and str(node.datatype) != XSD_STRING:
        term["datatype"] = str(node.datatype)
    return term


def compact(iri: str) -> str:
    """``iri`` with the form's prefixes, the longest namespace first (as terms.js does)."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def page_path(iri: str) -> str:
    """The form's link to our own IRI ``iri``."""
    return "/id/" + iri.removeprefix(str(CMR))


def parts(term: dict | None) -> list[str]:
    """The values of a `` | ``-joined cell."""
    if term is None:
        return []
    if term["type"] == "uri":
        return [term["value"]]
    return [part.strip() for part in term["value"].split(" | ") if part.strip()]


def row_graph(rows: list[dict], row_column: str, columns: list[str]) -> tuple[set, set]:
    """The nodes and edges of rows through ``columns``: each row's IRI to each value."""
    nodes: set = set()
    edges: set = set()
    for row in rows:
        subject = ("iri", row[row_column]["value"])
        nodes.add(subject)
        for column in columns:
            for value in parts(row.get(column)):
                node = ("iri" if value.startswith("https://") else "name", value)
                nodes.add(node)
                edges.add((subject, column, node))
    return nodes, edges


# ---- the page ---------------------------------------------------------------------------


def open_form(page: Page, server_url: str, path: str = "/") -> None:
    page.goto(server_url + path)
    page.wait_for_selector("body[data-ready='true']", state="attached")


def show_query(page: Page, server_url: str, query: str) -> None:
    """Run ``query`` through the form (by its permalink) and wait for its results."""
    open_form(page, server_url, "/?" + urllib.parse.urlencode({"query": query}))
    page.wait_for_selector("#results-panel:not([hidden])")


def show_question(page: Page, server_url: str, question_id: str) -> None:
    open_form(page, server_url, f"/?question={question_id}")
    page.wait_for_selector("#results-panel:not([hidden])")


def open_view(page: Page, name: str) -> None:
    page.click(f"#tab-{name}")
    page.wait_for_selector(f"#view-{name}[data-ready='true']", timeout=60_000)


def shown_rows(page: Page) -> list[list[str | None]]:
    return page.eval_on_selector_all("#results-table tbody tr", CELL_VALUES)


def pager_status(page: Page) -> str:
    return page.locator(".pager-status").first.inner_text()


def sort_by(page: Page, column: str, descending: bool = False) -> None:
    """Sort the table by ``column``: by its header, or with the list on a phone (where each
    row is a card and the header is hidden)."""
    header = page.locator(f"#results-table .sort-button[data-column='{column}']")
    if page.viewport_size["width"] > PHONE_WIDTH:
        wanted = "descending" if descending else "ascending"
        th = page.locator(f"#results-table th:has(.sort-button[data-column='{column}'])")
        header.click()
        if th.get_attribute("aria-sort") != wanted:
            header.click()
    else:
        page.select_option("#table-sort", f"{column}:{-1 if descending else 1}")


def drawn_graph(page: Page) -> tuple[int, int]:
    """The numbers of nodes and edges Cytoscape drew."""
    surface = page.locator("#view-graph .graph-surface")
    return int(surface.get_attribute("data-nodes")), int(surface.get_attribute("data-edges"))


def assert_no_sideways_scrolling(page: Page) -> None:
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


# ---- table ------------------------------------------------------------------------------


def test_a_large_result_is_paged_with_its_total_count(page: Page, server_url: str) -> None:
    bindings = select(server_url, ALL_TRIPLES)
    total = len(bindings)
    assert total > 8000
    show_query(page, server_url, ALL_TRIPLES)
    assert page.locator("#results-count").inner_text().startswith(f"{total:,} rows · ")
    assert pager_status(page) == f"rows 1{DASH}100 of {total:,}"
    expected = [[cell_text(row.get(name)) for name in ("s", "p", "o")] for row in bindings]
    assert shown_rows(page) == expected[:100]
    page.locator(".pager [data-action='next']").first.click()
    assert pager_status(page) == f"rows 101{DASH}200 of {total:,}"
    assert shown_rows(page) == expected[100:200]
    page.locator(".pager [data-action='last']").first.click()
    last_first = (total - 1) // 100 * 100
    assert pager_status(page) == f"rows {last_first + 1:,}{DASH}{total:,} of {total:,}"
    assert shown_rows(page) == expected[last_first:]
    page.select_option("#table-page-size", "500")
    assert pager_status(page) == f"rows 1{DASH}500 of {total:,}"
    assert page.locator("#results-table tbody tr").count() == 500


def test_sorting_compares_numbers_dates_and_text_by_their_datatype(
    page: Page, server_url: str
) -> None:
    show_query(page, server_url, SORTABLE)

    def names() -> list[str]:
        return [row[0] for row in shown_rows(page)]

    assert names() == ["beta", "Alpha", "gamma", "delta 2", "delta 10"]
    sort_by(page, "amount")
    assert names() == ["delta 2", "Alpha", "beta", "gamma", "delta 10"]
    header = page.locator("#results-table th", has_text="amount")
    assert header.get_attribute("aria-sort") == "ascending"
    sort_by(page, "amount", descending=True)
    assert names() == ["gamma", "beta", "Alpha", "delta 2", "delta 10"]
    assert header.get_attribute("aria-sort") == "descending"
    sort_by(page, "day")
    assert names() == ["Alpha", "delta 2", "beta", "delta 10", "gamma"]
    sort_by(page, "name")
    assert names() == ["Alpha", "beta", "delta 2", "delta 10", "gamma"]
    assert header.get_attribute("aria-sort") == "none"


def test_sorting_a_large_result_sorts_every_page(page: Page, server_url: str) -> None:
    query = "SELECT ?s ?length WHERE { ?s ?p ?o BIND(STRLEN(STR(?o)) AS ?length) }"
    lengths = sorted(int(row["length"]["value"]) for row in select(server_url, query))
    show_query(page, server_url, query)
    sort_by(page, "length", descending=True)
    assert pager_status(page) == f"rows 1{DASH}100 of {len(lengths):,}"
    assert [int(row[1]) for row in shown_rows(page)] == lengths[::-1][:100]
    page.locator(".pager [data-action='next']").first.click()
    assert [int(row[1]) for row in shown_rows(page)] == lengths[::-1][100:200]
    sort_by(page, "length")
    assert pager_status(page) == f"rows 1{DASH}100 of {len(lengths):,}"
    assert [int(row[1]) for row in shown_rows(page)] == lengths[:100]


# ---- timeline ---------------------------------------------------------------------------


@pytest.mark.parametrize("question_id", ["cq13", "agreements"])
def test_the_timeline_draws_one_item_per_dated_row(
    page: Page, server_url: str, question_id: str
) -> None:
    rows = question_rows(server_url, question_id)
    subject = "thing" if question_id == "cq13" else "agreement"
    dated = [row for row in rows if row.get("date", {}).get("value")]
    assert dated
    show_question(page, server_url, question_id)
    assert page.locator("#view-tabs .view-tab").all_inner_texts() == ["Table", "Timeline", "Graph"]
    open_view(page, "timeline")
    items = page.locator("#view-timeline .vis-item .vis-item-content")
    assert items.count() == len(dated)
    links = items.locator("a")
    hrefs = links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert sorted(hrefs) == sorted(page_path(row[subject]["value"]) for row in dated)
    # An item is labelled with the first of its row's labels; GROUP_CONCAT's order is not
    # fixed by SPARQL, so the first may differ from the one the test's own request got.
    labels: dict[str, set[str]] = {}
    for row in dated:
        labels.setdefault(page_path(row[subject]["value"]), set()).update(parts(row["label"]))
    texts = links.all_inner_texts()
    assert all(text in labels[href] for href, text in zip(hrefs, texts, strict=True))
    summary = page.locator("#timeline-summary").inner_text()
    assert summary.startswith(f"{len(dated)} items by date")
    assert_no_sideways_scrolling(page)


def test_a_row_with_start_and_end_dates_is_drawn_as_a_bar(page: Page, server_url: str) -> None:
    query = f"""SELECT ?control ?label ?start ?end WHERE {{ VALUES (?control ?label ?start ?end) {{
      (<{CMR}control/one> "one" "2025-04" "2025-10-09")
      (<{CMR}control/two> "two" "2025-10-20" UNDEF)
    }} }}"""
    show_query(page, server_url, query)
    open_view(page, "timeline")
    assert page.locator("#timeline-summary").inner_text().startswith("2 items by start to end")
    bar = page.locator("#view-timeline .vis-item.vis-range")
    assert bar.count() == 1
    assert bar.locator(".vis-item-content").inner_text() == f"one 2025-04 {DASH} 2025-10-09"
    box = page.locator("#view-timeline .vis-item.vis-box")
    assert box.locator(".vis-item-content").inner_text() == "two 2025-10-20"
    assert box.locator("a").get_attribute("href") == "/id/control/two"


# ---- graph ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question_id", "row_column", "chosen"),
    [
        ("cq13", "thing", ["kind"]),
        ("agreements", "agreement", ["kind", "parties", "stages", "minerals", "sources"]),
    ],
)
def test_the_graph_links_each_row_to_the_values_of_the_chosen_columns(
    page: Page, server_url: str, question_id: str, row_column: str, chosen: list[str]
) -> None:
    rows = question_rows(server_url, question_id)
    show_question(page, server_url, question_id)
    open_view(page, "graph")
    boxes = page.locator("#view-graph .graph-columns input")
    assert boxes.evaluate_all("boxes => boxes.filter(b => b.checked).map(b => b.value)") == chosen
    nodes, edges = row_graph(rows, row_column, chosen)
    assert drawn_graph(page) == (len(nodes), len(edges))
    assert page.locator("#graph-summary").inner_text().startswith(
        f"{len(nodes)} nodes · {len(edges)} edges"
    )
    assert page.locator("#view-graph .graph-list li").count() == len(edges)
    assert_no_sideways_scrolling(page)


def test_the_graph_of_agreements_and_parties_redraws_with_the_columns_chosen(
    page: Page, server_url: str
) -> None:
    rows = question_rows(server_url, "agreements")
    show_question(page, server_url, "agreements")
    open_view(page, "graph")
    for box in page.locator("#view-graph .graph-columns input").all():
        box.set_checked(box.get_attribute("value") == "parties")
    nodes, edges = row_graph(rows, "agreement", ["parties"])
    parties = {value for row in rows for value in parts(row.get("parties"))}
    assert len(nodes) == len(rows) + len(parties)
    assert drawn_graph(page) == (len(nodes), len(edges))
    agreement = rows[0]
    page.click("#view-graph .graph-list summary")
    href = page_path(agreement["agreement"]["value"])
    first = page.locator("#view-graph .graph-list li").filter(
        has=page.locator(f"a[href='{href}']")
    ).first
    # Labelled with one of the row's labels (GROUP_CONCAT's order is not fixed by SPARQL).
    assert first.locator("a").first.inner_text() in parts(agreement["label"])
    assert first.locator("a").first.get_attribute("href") == href
    assert first.locator(".edge-label").inner_text().strip() == "parties →"


def test_rows_linking_iris_draw_agreements_and_their_parties(page: Page, server_url: str) -> None:
    query = (
        f"SELECT ?agreement ?party WHERE {{ ?agreement a <{CM}Agreement> ; <{CM}party> ?party }}"
    )
    rows = select(server_url, query)
    show_query(page, server_url, query)
    assert page.locator("#view-tabs .view-tab").all_inner_texts() == ["Table", "Graph"]
    open_view(page, "graph")
    nodes, edges = row_graph(rows, "agreement", ["party"])
    assert drawn_graph(page) == (len(nodes), len(edges))
    hrefs = page.locator("#view-graph .graph-list a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert set(hrefs) == {page_path(value) for _, value in nodes}


def test_markup_in_the_data_stays_text_in_the_timeline_and_the_graph(
    page: Page, server_url: str, watch: Watch
) -> None:
    query = f"""SELECT ?thing ?label ?date ?tag WHERE {{ VALUES (?thing ?label ?date ?tag) {{
      (<{CMR}event/one> "{HOSTILE}" "2025-10-01" "{HOSTILE_NAME}")
      (<{CMR}event/two> "two" "2025-10-02" "{HOSTILE_NAME}")
    }} }}"""
    show_query(page, server_url, query)
    open_view(page, "timeline")
    assert HOSTILE in page.locator("#view-timeline .vis-item-content").all_inner_texts()[0]
    open_view(page, "graph")
    assert drawn_graph(page) == (3, 2)
    page.click("#view-graph .graph-list summary")
    assert page.locator("#view-graph .graph-list li").first.inner_text() == (
        f"{HOSTILE} tag → {HOSTILE_NAME}"
    )
    assert page.locator("#results-panel img, #results-panel script").count() == 0
    assert watch.dialogs == []


# ---- graph answers ----------------------------------------------------------------------


def test_a_construct_answer_is_a_linked_table_of_triples(page: Page, server_url: str) -> None:
    graph = construct(server_url, MOU_TRIPLES)
    assert len(graph) > 10
    show_query(page, server_url, MOU_TRIPLES)
    assert page.locator("#results-count").inner_text().startswith(f"{len(graph)} triples · ")
    assert page.locator("#results-table thead th").all_inner_texts() == [
        "subject", "predicate", "object"
    ]
    expected = sorted([cell_text(json_term(node)) for node in triple] for triple in graph)
    assert sorted(shown_rows(page)) == expected
    predicates = page.locator("#results-table tbody td[data-label='predicate']")
    assert sorted(predicates.all_inner_texts()) == sorted(compact(str(p)) for _, p, _ in graph)
    subject = page.locator("#results-table tbody td").first.locator("a")
    assert subject.get_attribute("href").startswith("/id/agreement/")
    assert subject.inner_text().startswith("cmr:agreement/")
    assert page.locator("#results-text").is_hidden()


def test_a_construct_answer_is_drawn_as_a_graph_of_its_triples(
    page: Page, server_url: str
) -> None:
    graph = construct(server_url, MOU_TRIPLES)
    nodes = {node for s, _, o in graph for node in (s, o)}
    show_query(page, server_url, MOU_TRIPLES)
    assert page.locator("#view-tabs .view-tab").all_inner_texts() == ["Table", "Graph"]
    open_view(page, "graph")
    assert drawn_graph(page) == (len(nodes), len(graph))
    assert page.locator("#view-graph .graph-columns").count() == 0
    assert_no_sideways_scrolling(page)


def test_a_describe_answer_is_shown_as_triples(page: Page, server_url: str) -> None:
    query = f"DESCRIBE <{CMR}actor/norway>"
    graph = construct(server_url, query)
    assert len(graph) > 0
    show_query(page, server_url, query)
    assert sorted(shown_rows(page)) == sorted(
        [cell_text(json_term(node)) for node in triple] for triple in graph
    )


# ---- downloads --------------------------------------------------------------------------


def download_links(page: Page) -> dict[str, str]:
    links = page.locator("#downloads a")
    return dict(zip(links.all_inner_texts(), links.evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    ), strict=True))


def test_a_select_answer_downloads_as_csv_tsv_and_json(page: Page, server_url: str) -> None:
    show_query(page, server_url, SORTABLE)
    links = download_links(page)
    assert list(links) == ["CSV", "TSV", "JSON"]
    types = {"CSV": "text/csv", "TSV": "text/tab-separated-values",
             "JSON": "application/sparql-results+json"}
    for text, href in links.items():
        content_type, body = fetch(server_url + href, "*/*")
        assert content_type == types[text]
        assert len(body) > 0
    assert fetch(server_url + links["CSV"], "*/*")[1].decode().splitlines()[0] == "name,amount,day"


def test_an_ask_answer_downloads_as_json_only(page: Page, server_url: str) -> None:
    query = f"ASK {{ ?agreement a <{CM}Agreement> }}"
    show_query(page, server_url, query)
    assert page.locator("#results-text").inner_text() == "yes"
    links = download_links(page)
    assert list(links) == ["JSON"]
    assert page.locator("#download-csv").count() == 0
    content_type, body = fetch(server_url + links["JSON"], "*/*")
    assert content_type == "application/sparql-results+json"
    assert json.loads(body)["boolean"] is True


def test_a_construct_answer_downloads_as_turtle_and_n_triples(
    page: Page, server_url: str
) -> None:
    graph = construct(server_url, MOU_TRIPLES)
    show_query(page, server_url, MOU_TRIPLES)
    links = download_links(page)
    assert list(links) == ["Turtle", "N-Triples"]
    assert page.locator("#download-csv").count() == 0
    content_type, body = fetch(server_url + links["Turtle"], "*/*")
    assert content_type == "text/turtle"
    assert len(Graph().parse(data=body, format="turtle")) == len(graph)
    content_type, body = fetch(server_url + links["N-Triples"], "*/*")
    assert content_type == "application/n-triples"
    assert len(Graph().parse(data=body, format="nt")) == len(graph)


# ---- the N-Triples parser ---------------------------------------------------------------


NTRIPLES = "\n".join([
    "# a comment line, then a blank one",
    "",
    r'<https://example.org/a> <https://example.org/says> "one\n\"two\"\t\\ \u00e9 \U0001F600" .',
    '<https://example.org/a> <https://example.org/says> "hello"@en-GB .',
    f'<https://example.org/a> <https://example.org/count> "42"^^<{XSD}integer> .',
    f'<https://example.org/a> <https://example.org/note> "plain"^^<{XSD}string> .',
    r"_:b1 <https://example.org/knows> <https://example.org/caf\u00E9> . # a comment after",
    "  <https://example.org/a>   <https://example.org/knows>   _:b1   .",
    "",
])


def parse_in_the_page(page: Page, text: str) -> object:
    return page.evaluate(
        """async (text) => {
          const { parseNTriples } = await import("/assets/web/ntriples.js");
          try { return parseNTriples(text); } catch (error) { return error.message; }
        }""",
        text,
    )


def test_the_n_triples_parser_reads_what_rdflib_reads(page: Page, server_url: str) -> None:
    open_form(page, server_url)
    triples = parse_in_the_page(page, NTRIPLES)
    expected = [
        {"subject": json_term(s), "predicate": json_term(p), "object": json_term(o)}
        for s, p, o in Graph().parse(data=NTRIPLES, format="nt")
    ]
    assert len(triples) == 6
    key = lambda triple: json.dumps(triple, sort_keys=True)  # noqa: E731
    blank = [t for t in triples if t["subject"]["type"] == "bnode"]
    assert blank[0]["subject"] == {"type": "bnode", "value": "b1"}
    renamed = {e["subject"]["value"] for e in expected if e["subject"]["type"] == "bnode"}
    (rdflib_label,) = renamed
    for triple in expected:
        for position in ("subject", "object"):
            if triple[position] == {"type": "bnode", "value": rdflib_label}:
                triple[position] = {"type": "bnode", "value": "b1"}
    assert sorted(triples, key=key) == sorted(expected, key=key)
    assert {"type": "literal", "value": "one\n\"two\"\t\\ \u00e9 \U0001F600"} in [
        t["object"] for t in triples
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<https://e.org/a> <https://e.org/b> .", "N-Triples line 1: expected an object"),
        ("\n<https://e.org/a> <https://e.org/b> <https://e.org/c>", 'line 2: expected "."'),
        ('"s" <https://e.org/b> <https://e.org/c> .', "line 1: expected a subject"),
        ("<https://e.org/a b> <https://e.org/b> <https://e.org/c> .", "line 1: expected a subject"),
        ('<https://e.org/a> <https://e.org/b> "x"^^"y" .', "line 1: expected a datatype IRI"),
    ],
)
def test_the_n_triples_parser_names_the_bad_line(
    page: Page, server_url: str, text: str, message: str
) -> None:
    open_form(page, server_url)
    assert message in parse_in_the_page(page, text)


# ---- without npm ------------------------------------------------------------------------


def test_without_the_npm_assets_results_are_the_table_alone(
    chromium: Browser, plain_server_url: str
) -> None:
    context = chromium.new_context()
    page = context.new_page()
    page.set_default_timeout(15_000)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    rows = question_rows(plain_server_url, "agreements")
    show_question(page, plain_server_url, "agreements")
    assert page.locator("#view-tabs").is_hidden()
    assert page.locator("#tab-timeline, #tab-graph").count() == 0
    assert page.locator("#results-table tbody tr").count() == len(rows)
    assert not [url for url in requested if "/assets/npm/" in url]
    context.close()
