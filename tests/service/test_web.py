"""The web form at /: prefixes preloaded, permalinks, local assets only, plain-textarea fallback."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from critmin.graph.base.namespaces import CM, CMR, PREFIXES
from critmin.service import web
from critmin.service.assets import CODEMIRROR_SCRIPTS, CODEMIRROR_STYLESHEETS, VIEW_LIBRARIES

STATIC = Path(web.__file__).parent / "static"
CMR_ACTOR = str(CMR) + "actor/"
CM_STATE = str(CM.State)
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def client_with(app: Flask, **config: object) -> FlaskClient:
    """A test client of ``app`` with Flask configuration ``config`` set."""
    app.config.update(config)
    return app.test_client()


def write_stand_in(folder: Path, package: str, name: str) -> None:
    """A stand-in for file ``name`` of npm ``package`` in ``folder``, naming itself."""
    path = folder / package / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"/* {package}/{name} */\n")


@pytest.fixture
def node_modules(tmp_path: Path) -> Path:
    """A node_modules folder holding stand-ins for every npm file the form loads."""
    for name in CODEMIRROR_STYLESHEETS + CODEMIRROR_SCRIPTS:
        write_stand_in(tmp_path, "codemirror", name)
    for library in VIEW_LIBRARIES:
        for name in library.files:
            write_stand_in(tmp_path, library.package, name)
        (tmp_path / library.package / "package.json").write_text("{}\n")
    (tmp_path / "codemirror" / "README.md").write_text("not served\n")
    return tmp_path


def form_config(page: str) -> dict:
    """The settings the form page gives its script."""
    match = re.search(r'<script type="application/json" id="form-config">(.*?)</script>', page)
    assert match, "the page has no form config"
    return json.loads(match.group(1))


def textarea_text(page: str) -> str:
    """The text of the page's query editor, unescaped."""
    match = re.search(r'<textarea id="query"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, "the page has no query textarea"
    return html.unescape(match.group(1))


def test_form_opens_on_a_short_query_and_says_the_prefixes_are_implicit(app: Flask) -> None:
    page = client_with(app).get("/").get_data(as_text=True)
    text = textarea_text(page)
    assert text == web.EXAMPLE_QUERY
    assert "PREFIX" not in text
    assert text.startswith("# Agreements with their labels and dates\nSELECT ")
    note = re.search(r'<p id="prefix-note"[^>]*>(.*?)</p>', page, re.S)
    assert note, "the page does not say the prefixes are implicit"
    names = ", ".join(f"{prefix}:" for prefix in PREFIXES)
    assert f"The standard prefixes ({names}) are declared for you" in " ".join(
        note.group(1).split()
    )


def test_form_is_a_plain_form_to_the_endpoint_and_fits_a_phone(app: Flask) -> None:
    response = client_with(app).get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<form id="query-form" method="get" action="/sparql">' in page
    assert '<textarea id="query" name="query"' in page


def test_permalink_query_fills_the_textarea_escaped(app: Flask) -> None:
    query = 'SELECT * WHERE { ?s ?p "</textarea><script>alert(1)</script>" }'
    page = client_with(app).get("/", query_string={"query": query}).get_data(as_text=True)
    assert textarea_text(page) == query
    assert "<script>alert(1)</script>" not in page


def test_codemirror_is_loaded_from_the_local_node_modules(app: Flask, node_modules: Path) -> None:
    page = client_with(app, NODE_MODULES_DIR=str(node_modules)).get("/").get_data(
        as_text=True
    )
    scripts = re.findall(r'<script[^>]* src="([^"]+)"', page)
    assert scripts == [
        "/assets/codemirror/lib/codemirror.js",
        "/assets/codemirror/mode/sparql/sparql.js",
        "/assets/codemirror/addon/edit/matchbrackets.js",
        "/assets/codemirror/addon/hint/show-hint.js",
        "/assets/web/form.js",
    ]
    assert '<link rel="stylesheet" href="/assets/codemirror/lib/codemirror.css">' in page
    assert '<link rel="stylesheet" href="/assets/codemirror/addon/hint/show-hint.css">' in page


def test_without_codemirror_the_page_loads_only_its_own_script(app: Flask, tmp_path: Path) -> None:
    page = client_with(app, NODE_MODULES_DIR=str(tmp_path)).get("/").get_data(as_text=True)
    assert re.findall(r'<script[^>]* src="([^"]+)"', page) == ["/assets/web/form.js"]
    assert "codemirror" not in page


def test_every_asset_the_page_names_is_local_and_served(app: Flask, node_modules: Path) -> None:
    client = client_with(app, NODE_MODULES_DIR=str(node_modules))
    page = client.get("/").get_data(as_text=True)
    urls = re.findall(r'<(?:script|link)[^>]* (?:src|href)="([^"]+)"', page)
    assert len(urls) == 9
    for library in form_config(page)["views"].values():
        urls += [library["module"], *library["stylesheets"]]
    assert len(urls) == 12
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        if url.startswith("/assets/codemirror/"):
            name = url.removeprefix("/assets/codemirror/")
            assert response.get_data(as_text=True) == f"/* codemirror/{name} */\n"
        elif url.startswith("/assets/npm/"):
            assert response.get_data(as_text=True) == f"/* {url.removeprefix('/assets/npm/')} */\n"
        else:
            assert response.data == (STATIC / url.removeprefix("/assets/web/")).read_bytes()


def test_codemirror_files_are_served_with_their_types(app: Flask, node_modules: Path) -> None:
    client = client_with(app, NODE_MODULES_DIR=str(node_modules))
    script = client.get("/assets/codemirror/mode/sparql/sparql.js")
    assert script.status_code == 200
    assert script.mimetype in {"text/javascript", "application/javascript"}
    assert script.get_data(as_text=True) == "/* codemirror/mode/sparql/sparql.js */\n"
    assert client.get("/assets/codemirror/lib/codemirror.css").mimetype == "text/css"


@pytest.mark.parametrize("path", ["README.md", "../codemirror/README.md", "lib/missing.js"])
def test_only_the_listed_codemirror_files_are_served(
    app: Flask, node_modules: Path, path: str
) -> None:
    client = client_with(app, NODE_MODULES_DIR=str(node_modules))
    response = client.get(f"/assets/codemirror/{path}")
    assert response.status_code == 404
    assert response.get_json()["error"]["title"] == "Not Found"


def test_form_config_names_the_installed_view_libraries(app: Flask, node_modules: Path) -> None:
    page = client_with(app, NODE_MODULES_DIR=str(node_modules)).get("/").get_data(as_text=True)
    assert form_config(page)["views"] == {
        "timeline": {
            "module": "/assets/npm/vis-timeline/standalone/esm/vis-timeline-graph2d.min.js",
            "stylesheets": ["/assets/npm/vis-timeline/styles/vis-timeline-graph2d.min.css"],
        },
        "graph": {"module": "/assets/npm/cytoscape/dist/cytoscape.esm.min.mjs", "stylesheets": []},
    }


def test_a_view_library_missing_a_file_is_left_out(app: Flask, node_modules: Path) -> None:
    (node_modules / "vis-timeline" / "styles" / "vis-timeline-graph2d.min.css").unlink()
    page = client_with(app, NODE_MODULES_DIR=str(node_modules)).get("/").get_data(as_text=True)
    assert list(form_config(page)["views"]) == ["graph"]


def test_without_npm_assets_the_form_offers_no_view_library(app: Flask, tmp_path: Path) -> None:
    page = client_with(app, NODE_MODULES_DIR=str(tmp_path)).get("/").get_data(as_text=True)
    assert form_config(page)["views"] == {}


def test_view_library_files_are_served_with_their_types(app: Flask, node_modules: Path) -> None:
    client = client_with(app, NODE_MODULES_DIR=str(node_modules))
    for url, mimetypes in (
        ("/assets/npm/cytoscape/dist/cytoscape.esm.min.mjs", {"text/javascript"}),
        (
            "/assets/npm/vis-timeline/standalone/esm/vis-timeline-graph2d.min.js",
            {"text/javascript", "application/javascript"},
        ),
        ("/assets/npm/vis-timeline/styles/vis-timeline-graph2d.min.css", {"text/css"}),
    ):
        response = client.get(url)
        assert (response.status_code, response.mimetype in mimetypes) == (200, True), url
        assert response.get_data(as_text=True) == f"/* {url.removeprefix('/assets/npm/')} */\n"


@pytest.mark.parametrize(
    "path",
    [
        "cytoscape/package.json",
        "cytoscape/dist/../package.json",
        "vis-timeline/package.json",
        "codemirror/lib/codemirror.js",
        "cytoscape/dist/missing.js",
        "left-pad/index.js",
    ],
)
def test_only_the_listed_view_library_files_are_served(
    app: Flask, node_modules: Path, path: str
) -> None:
    response = client_with(app, NODE_MODULES_DIR=str(node_modules)).get(f"/assets/npm/{path}")
    assert response.status_code == 404
    assert response.get_json()["error"]["title"] == "Not Found"


def test_every_form_module_is_served(app: Flask) -> None:
    client = client_with(app)
    modules = sorted(script.name for script in STATIC.glob("*.js"))
    assert {"results.js", "table_view.js", "timeline_view.js", "graph_view.js"} <= set(modules)
    for name in modules:
        response = client.get(f"/assets/web/{name}")
        assert response.status_code == 200, name
        assert response.data == (STATIC / name).read_bytes()


def test_form_script_and_styles_are_served(app: Flask) -> None:
    client = client_with(app)
    script = client.get("/assets/web/form.js")
    assert script.status_code == 200
    assert script.mimetype in {"text/javascript", "application/javascript"}
    assert script.data == (STATIC / "form.js").read_bytes()
    styles = client.get("/assets/web/critmin.css")
    assert (styles.mimetype, styles.data) == ("text/css", (STATIC / "critmin.css").read_bytes())


def test_form_scripts_never_write_html_from_data() -> None:
    for script in STATIC.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        writes_html = re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write", source)
        assert not writes_html, script.name


def test_form_config_gives_the_script_the_public_base_and_paths(app: Flask) -> None:
    page = client_with(app, PUBLIC_BASE_IRI="https://example.org/kg/").get("/").get_data(
        as_text=True
    )
    assert '"publicBase": "https://example.org/kg/"' in page
    assert '"resourcePath": "/id/"' in page
    assert '"sparqlPath": "/sparql"' in page
    assert '"queriesPath": "/api/queries"' in page


def test_form_config_gives_the_paths_of_the_look_ups(app: Flask) -> None:
    page = client_with(app).get("/").get_data(as_text=True)
    assert '"labelsPath": "/api/labels"' in page
    assert '"vocabularyPath": "/api/vocabulary"' in page


def test_an_unknown_question_is_a_404_that_still_shows_the_form(app: Flask) -> None:
    client = client_with(app)
    response = client.get("/", query_string={"question": "nosuch"})
    assert response.status_code == 404
    assert '<textarea id="query" name="query"' in response.get_data(as_text=True)
    assert client.get("/", query_string={"question": "cq01"}).status_code == 200


def test_labels_finds_resources_by_part_of_a_label(app: Flask) -> None:
    client = client_with(app)
    response = client.get("/api/labels", query_string={"q": "LAND"})
    assert response.status_code == 200
    assert response.get_json() == [  # all inside a word: in alphabetical order
        {"iri": CMR_ACTOR + "exampleland", "label": "Exampleland", "type": CM_STATE},
        {"iri": CMR_ACTOR + "testland", "label": "Testland", "type": CM_STATE},
        {
            "iri": str(CMR) + "agreement/testland-exampleland-0000aaaa",
            "label": "Testland-Exampleland unobtainium memorandum",
            "type": str(CM.MemorandumOfUnderstanding),
        },
    ]


def test_labels_keeps_the_members_of_a_class_and_caps_the_list(app: Flask) -> None:
    client = client_with(app)
    members = client.get("/api/labels", query_string={"q": "", "class": CM_STATE, "limit": "1"})
    assert members.get_json() == [
        {"iri": CMR_ACTOR + "exampleland", "label": "Exampleland", "type": CM_STATE},
    ]
    minerals = client.get("/api/labels", query_string={"q": "unob", "class": str(CM.Mineral)})
    assert [match["label"] for match in minerals.get_json()] == ["unobtainium"]


def test_labels_names_one_resource(app: Flask) -> None:
    client = client_with(app)
    named = client.get("/api/labels", query_string={"iri": CMR_ACTOR + "testland"})
    assert named.get_json() == [
        {"iri": CMR_ACTOR + "testland", "label": "Testland", "type": CM_STATE},
    ]
    assert client.get("/api/labels", query_string={"iri": CMR_ACTOR + "nowhere"}).get_json() == []


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"q": "x", "limit": "0"}, "limit: '0' is not a number from 1 to 100"),
        ({"q": "x", "limit": "101"}, "limit: '101' is not a number from 1 to 100"),
        ({"q": "x", "limit": "ten"}, "limit: 'ten' is not a number from 1 to 100"),
        ({"q": "x", "class": "State"}, "class: 'State' is not an absolute IRI"),
        ({"q": "x" * 201}, "q: 200 characters at most"),
    ],
)
def test_labels_refuses_bad_parameters_with_a_400(
    app: Flask, params: dict[str, str], problem: str
) -> None:
    response = client_with(app).get("/api/labels", query_string=params)
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == problem


def test_vocabulary_gives_classes_and_properties(app: Flask) -> None:
    response = client_with(app).get("/api/vocabulary")
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"classes", "properties"}
    assert {"iri": RDFS_LABEL, "label": None} in body["properties"]
