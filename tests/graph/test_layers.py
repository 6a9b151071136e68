"""The packages of graph/ are the stages of the pipeline, and imports only go down the stages.

base (plain values, vocabulary) ◄ text (reading, normalising) ◄ rules (extraction);
base ◄ text ◄ rdf (statements to triples, the dataset file); base ◄ owl (ontology, reasoning,
validation); graph/build.py, the composition root, may use them all. Nothing in graph/ imports
web code or critmin.service, and service/ builds nothing itself: only its command line
(cli.py, service's composition root) reaches the extraction stages.

Every .py under graph/ and service/ is parsed, not imported, so a lazy import inside a
function counts as much as one at the top.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = {"graph": "critmin.graph", "service": "critmin.service"}

ALLOWED = {
    "base": {"base"},
    "text": {"base", "text"},
    "rules": {"base", "text", "rules"},
    "rdf": {"base", "text", "rdf"},
    "owl": {"base", "owl"},
    "build": {"base", "text", "rules", "rdf", "owl", "build_cache"},
    "build_cache": {"base", "rdf"},
    "graph": set(),
}
"""Layer of graph/ → the layers of graph/ it may import (``graph`` is graph/__init__.py)."""
WEB = ("flask", "werkzeug", "waitress")
"""Third-party packages of the web service, never imported by graph/."""
BUILDING = {"text", "rules", "build"}
"""Layers of graph/ that only service's command line may import."""
SERVICE_ROOT = "critmin.service.cli"


def source_files() -> list[Path]:
    """Every .py of graph/ and service/ (not the npm packages in service/node_modules)."""
    return sorted(
        path
        for folder in FOLDERS
        for path in (ROOT / folder).rglob("*.py")
        if "node_modules" not in path.parts
    )


def module_name(path: Path) -> str:
    """``graph/text/nlp.py`` → ``critmin.graph.text.nlp``; a package's __init__.py → the package."""
    relative = path.relative_to(ROOT)
    parts = [FOLDERS[relative.parts[0]], *relative.parts[1:-1]]
    if path.stem != "__init__":
        parts.append(path.stem)
    return ".".join(parts)


MODULES = {module_name(path) for path in source_files()}
PACKAGES = {module_name(path) for path in source_files() if path.name == "__init__.py"}


def imports(module: str, source: str) -> Iterator[tuple[int, str]]:
    """(line, imported module) for each import in ``source``, relative imports resolved;
    ``from package import name`` counts as importing ``package.name`` when that is a module."""
    package = module if module in PACKAGES else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [base])])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield node.lineno, candidate if candidate in MODULES else base


def graph_layer(module: str) -> str | None:
    """The layer of a critmin.graph module (``base``, ..., ``build``, ``graph``), else None."""
    parts = module.split(".")
    if parts[:2] != ["critmin", "graph"]:
        return None
    return parts[2] if len(parts) > 2 else "graph"


def problems(path: Path, source: str) -> Iterator[str]:
    """What is wrong with the imports of ``path`` (whose text is ``source``), one line each."""
    module = module_name(path)
    layer = graph_layer(module)
    for line, imported in imports(module, source):
        said = f"{path.relative_to(ROOT).as_posix()}:{line} imports {imported}"
        target = graph_layer(imported)
        top = imported.split(".")[0]
        if top == "critmin" and imported.split(".")[:2] not in (["critmin", "graph"],
                                                                ["critmin", "service"]):
            yield f"{said}: critmin has only the packages critmin.graph and critmin.service"
        elif layer is not None:
            if top in WEB or imported.split(".")[:2] == ["critmin", "service"]:
                yield f"{said}: graph/ never imports web code or critmin.service"
            elif target is not None and target not in ALLOWED.get(layer, set()):
                allowed = ", ".join(sorted(ALLOWED.get(layer, ()))) or "nothing of critmin.graph"
                yield f"{said}: {layer} may import only {allowed}"
        elif module != SERVICE_ROOT and target in BUILDING:
            yield f"{said}: only {SERVICE_ROOT} may reach the extraction stages of graph/"


def test_every_module_of_graph_is_in_a_layer() -> None:
    unplaced = sorted(
        path.relative_to(ROOT).as_posix()
        for path in source_files()
        if path.parts[len(ROOT.parts)] == "graph"
        and graph_layer(module_name(path)) not in ALLOWED
    )
    assert not unplaced, f"modules in no layer of ALLOWED (add their package there): {unplaced}"


@pytest.mark.parametrize(
    "path", source_files(), ids=lambda path: path.relative_to(ROOT).as_posix()
)
def test_imports_follow_the_layers(path: Path) -> None:
    found = list(problems(path, path.read_text(encoding="utf-8")))
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("where", "source", "problem"),
    [
        ("graph/text/nlp.py", "from critmin.graph.rdf.literals import WORD\n",
         "graph/text/nlp.py:1 imports critmin.graph.rdf.literals: text may import only base, text"),
        ("graph/rules/actors.py", "def f():\n    from critmin.graph.rdf import iris\n",
         "graph/rules/actors.py:2 imports critmin.graph.rdf.iris: "
         "rules may import only base, rules, text"),
        ("graph/base/values.py", "from . import statements\nfrom ..text import dates\n",
         "graph/base/values.py:2 imports critmin.graph.text.dates: base may import only base"),
        ("graph/rdf/dataset.py", "from critmin.graph.owl.reasoning import infer\n",
         "graph/rdf/dataset.py:1 imports critmin.graph.owl.reasoning: "
         "rdf may import only base, rdf, text"),
        ("graph/owl/ontology.py", "import flask\n",
         "graph/owl/ontology.py:1 imports flask: graph/ never imports web code or critmin.service"),
        ("graph/build.py", "from critmin.service import config\n",
         "graph/build.py:1 imports critmin.service.config: "
         "graph/ never imports web code or critmin.service"),
        ("service/store.py", "from critmin.graph.rules.extract import extract\n",
         "service/store.py:1 imports critmin.graph.rules.extract: "
         "only critmin.service.cli may reach the extraction stages of graph/"),
    ],
)
def test_a_leak_is_reported_naming_the_module_and_the_import(
    where: str, source: str, problem: str
) -> None:
    assert list(problems(ROOT / where, source)) == [problem]


def test_allowed_imports_are_not_reported() -> None:
    source = (
        "from critmin.graph.base.values import Span\n"
        "from critmin.graph.text import dates\n"
        "from critmin.graph.rules.extract import extract\n"
        "import rdflib\n"
    )
    assert list(problems(ROOT / "graph" / "rules" / "agents.py", source)) == []
    assert list(problems(ROOT / "service" / "cli.py", source)) == []
