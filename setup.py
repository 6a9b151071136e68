"""The packages critmin ships, found on disk so that a new subpackage is never left out.

pyproject.toml maps graph/ to critmin.graph and service/ to critmin.service. setuptools'
own discovery ([tool.setuptools.packages.find]) names the packages it finds relative to the
folder it searches ("text", not "critmin.graph.text") and has no option to add a prefix, so
the names are computed here; everything else is configured in pyproject.toml.

Folders of data inside them (graph/reference/, service/templates/, ...) are listed as
namespace packages, as setuptools wants for folders that carry package data.
"""

from pathlib import Path

from setuptools import find_namespace_packages, setup

HERE = Path(__file__).resolve().parent
CODE = {"critmin.graph": "graph", "critmin.service": "service"}
"""Installed package → its folder; every folder under it goes along (see EXCLUDE)."""
EXCLUDE = ["node_modules", "node_modules.*", "*__pycache__*"]
"""Never shipped: front-end packages installed by npm, bytecode caches."""
DATA = ["critmin.ontology", "critmin.queries"]
"""Folders of data only (ontology/, queries/), installed as packages beside the code."""


def packages() -> list[str]:
    """``critmin.graph``, ``critmin.graph.base``, ..., ``critmin.service``, the data packages."""
    found = []
    for package, folder in CODE.items():
        below = find_namespace_packages(HERE / folder, exclude=EXCLUDE)
        found += [package, *(f"{package}.{name}" for name in below)]
    return sorted(found + DATA)


setup(packages=packages())
