"""The wheel of this checkout, installed in a fresh virtual environment outside the checkout,
builds a dataset from texts written here and serves it.

So the installed package finds by itself what it reads at run time: the ontology, the
reference entities, the canned queries, the templates and the static files. The wheel is built
from a copy of the checkout (pip's build would otherwise leave build/ and egg-info behind in
it); dependencies are installed at the versions of constraints.txt. Slow the first time (pip
downloads and unpacks spaCy and the rest), then pip's cache makes it quicker.
"""

from __future__ import annotations

import json
import os
import re
import selectors
import shutil
import subprocess
import sys
import urllib.parse
import urllib.request
import venv
from pathlib import Path

import pytest
from rdflib import DCTERMS, RDF, SKOS, XSD, Literal

from critmin.graph.base.namespaces import CM, CMR, INFERRED_GRAPH
from critmin.graph.rdf.dataset import read_dataset

pytestmark = pytest.mark.wheel

ROOT = Path(__file__).resolve().parents[1]
INSTALL_SECONDS = 600
STARTUP_SECONDS = 60
SERVING_LINE = re.compile(r"critmin serving on (http://127\.0\.0\.1:\d+)/ ")
NOT_SHIPPED = shutil.ignore_patterns(
    ".git", ".venv", "build", "*.egg-info", "node_modules", "__pycache__", ".pytest_cache",
    ".ruff_cache", "tests", "bench",
)
TEXTS = {
    "tin.txt": (
        "Tin Talks Close\n\n"
        "Peru and Bolivia signed a memorandum of understanding on tin processing on June 14, "
        "2023.\n"
    ),
    "cobalt.txt": "Cobalt Curbs\n\nIndonesia imposed export controls on cobalt in May 2024.\n",
}
"""Two short texts written for this test."""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh virtual environment with the wheel of this checkout."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SHIPPED)
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", str(tmp / "dist"),
         str(source)], cwd=tmp)
    (wheel,) = (tmp / "dist").glob("critmin-*.whl")
    venv.create(tmp / "venv", with_pip=True)
    bin_dir = tmp / "venv" / "bin"
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "-c",
         str(ROOT / "constraints.txt"), str(wheel)], cwd=tmp)
    return bin_dir


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory outside the checkout, with the texts in corpus/."""
    folder = tmp_path_factory.mktemp("work")
    (folder / "corpus").mkdir()
    for name, text in TEXTS.items():
        (folder / "corpus" / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(installed: Path, workdir: Path) -> subprocess.CompletedProcess[str]:
    """``critmin build`` of the installed package, run in the working directory."""
    return run([str(installed / "critmin"), "build", "--corpus", "corpus", "--out", "x.trig"],
               cwd=workdir, check=False)


def run(
    command: list[str], cwd: Path, check: bool = True
) -> subprocess.CompletedProcess[str]:
    """``command`` in ``cwd``, with no critmin settings, checkout paths or venv in the way."""
    result = subprocess.run(command, cwd=cwd, env=clean_environment(), capture_output=True,
                            text=True, timeout=INSTALL_SECONDS, check=False)
    if check and result.returncode:
        pytest.fail(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr}")
    return result


def clean_environment() -> dict[str, str]:
    """This process's environment without CRITMIN_* settings, PYTHONPATH or an active venv."""
    dropped = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CRITMIN_") and key not in dropped
    }


def test_the_program_runs_from_the_wheel_not_the_checkout(installed: Path, workdir: Path) -> None:
    located = run([str(installed / "python"), "-c",
                   "import critmin.graph.owl.ontology as o, critmin.service.catalogue as c; "
                   "print(o.ONTOLOGY_FILE); print(c.QUERIES_DIR)"], cwd=workdir)
    site_packages = next((installed.parent / "lib").glob("python3.*/site-packages"))
    assert located.stdout.split() == [
        str(site_packages / "critmin" / "ontology" / "critmin.ttl"),
        str(site_packages / "critmin" / "queries"),
    ]


def test_build_writes_the_documents_statements_and_closure(
    built: subprocess.CompletedProcess[str], workdir: Path
) -> None:
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("wrote x.trig: 2 documents, 2 statements, 0 corrections, ")
    dataset = read_dataset(workdir / "x.trig")
    titles = {
        (str(dataset.value(document, CM.fileName)), str(dataset.value(document, DCTERMS.title)))
        for document in dataset.subjects(RDF.type, CM.SourceDocument)
    }
    assert titles == {("tin.txt", "Tin Talks Close"), ("cobalt.txt", "Cobalt Curbs")}
    (memorandum,) = dataset.subjects(RDF.type, CM.MemorandumOfUnderstanding)
    assert set(dataset.objects(memorandum, CM.party)) == {CMR["actor/peru"], CMR["actor/bolivia"]}
    assert dataset.value(memorandum, CM.date) == Literal("2023-06-14", datatype=XSD.date)
    assert dataset.value(memorandum, CM.coversMineral) == CMR["mineral/tin"]
    (control,) = dataset.subjects(RDF.type, CM.ExportControl)
    assert dataset.value(control, CM.imposedBy) == CMR["actor/indonesia"]
    assert dataset.value(control, CM.coversMineral) == CMR["mineral/cobalt"]
    # The reference entities and the ontology's axioms came with the wheel.
    assert (CMR["actor/peru"], SKOS.prefLabel, Literal("Peru", lang="en")) in dataset
    assert (memorandum, RDF.type, CM.NonBindingAgreement) in dataset.graph(INFERRED_GRAPH)


@pytest.mark.server
def test_serve_answers_health_sparql_pages_and_canned_queries(
    installed: Path, built: subprocess.CompletedProcess[str], workdir: Path
) -> None:
    assert built.returncode == 0, built.stderr
    dataset = read_dataset(workdir / "x.trig")
    quads = list(dataset.quads((None, None, None, None)))
    distinct = len({(s, p, o) for s, p, o, _ in quads})
    process = subprocess.Popen(
        [str(installed / "critmin"), "serve", "--data", "x.trig", "--port", "0"],
        cwd=workdir, env=clean_environment(), stderr=subprocess.PIPE, text=True,
    )
    try:
        url = serving_url(process)
        status, health = get(f"{url}/health")
        assert (status, json.loads(health)) == (
            200, {"status": "ok", "quads": len(quads), "triples": distinct, "graphs": 5,
                  "version": "0.1.0"}
        )
        for query in ("ASK { ?s ?p ?o }",
                      f"ASK {{ ?a a <{CM.MemorandumOfUnderstanding}> ; "
                      f"<{CM.party}> <{CMR['actor/peru']}> }}"):
            status, answer = get(f"{url}/sparql?{urllib.parse.urlencode({'query': query})}",
                                 "application/sparql-results+json")
            assert (status, json.loads(answer)) == (200, {"head": {}, "boolean": True})
        status, page = get(f"{url}/", "text/html")  # the templates
        assert status == 200 and "<title>critmin · ask the knowledge graph</title>" in page
        status, page = get(f"{url}/id/actor/peru", "text/html")
        assert status == 200 and "<title>Peru · critmin</title>" in page
        status, css = get(f"{url}/assets/web/critmin.css")  # the static files
        assert status == 200 and css.strip()
        status, turtle = get(f"{url}/ontology", "text/turtle")  # the ontology folder
        assert status == 200 and "<https://w3id.org/critmin/ontology> a owl:Ontology" in turtle
        status, listing = get(f"{url}/api/queries")  # the canned queries
        assert status == 200
        assert {"agreements", "controls", "cq01"} <= {entry["id"] for entry in json.loads(listing)}
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(url: str, accept: str | None = None) -> tuple[int, str]:
    """Status and body of a GET."""
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.read().decode("utf-8")


def serving_url(process: subprocess.Popen[str]) -> str:
    """The URL from the server's start-up log line (fails if it does not come)."""
    assert process.stderr is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stderr, selectors.EVENT_READ)
        seen: list[str] = []
        while selector.select(timeout=STARTUP_SECONDS):
            line = process.stderr.readline()
            if not line:
                break
            seen.append(line)
            match = SERVING_LINE.search(line)
            if match:
                return match.group(1)
    pytest.fail(f"critmin serve did not report its URL; its log: {''.join(seen)}")
