"""The W3C SPARQL 1.1 query-evaluation tests, read from the suite's manifests.

The suite (``../shared/w3c-sparql11``, a copy of w3c/rdf-tests ``sparql/sparql11``) groups its
folders in root manifests; the query-evaluation tests are the ``mf:QueryEvaluationTest`` and
``mf:CSVResultFormatTest`` entries of the folders that ``manifest-sparql11-query.ttl`` (the
query language) and ``manifest-sparql11-results.ttl`` (the CSV/TSV and JSON result formats)
include: 235 tests. Left out, because a read-only endpoint without a reasoner cannot run them
or they test no query evaluation: the syntax tests of those folders (``mf:PositiveSyntaxTest11``,
``mf:NegativeSyntaxTest11``), and the folders of SPARQL Update, the entailment regimes,
federation (``service``, ``syntax-fed``), the protocol, the service description and the graph
store protocol.

Every file of the suite is named by an IRI under :data:`SUITE_BASE` (the IRI of the suite's
own publication), so that relative IRIs in manifests, queries and results all resolve alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.collection import Collection

SUITE_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "w3c-sparql11"
"""Where the suite is: ``../shared/w3c-sparql11`` next to the repository."""
SUITE_BASE = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"
"""The IRI of the suite's root folder."""
ROOT_MANIFESTS = ("manifest-sparql11-query.ttl", "manifest-sparql11-results.ttl")
"""The root manifests whose folders hold the query-evaluation tests."""

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
TEST_TYPES = (MF.QueryEvaluationTest, MF.CSVResultFormatTest)


@dataclass(frozen=True)
class QueryTest:
    """One query-evaluation test: its query, its dataset (``data`` merged as the default graph,
    each of ``graph_data`` a named graph named by its IRI) and its expected result."""

    name: str
    """``folder/local-name`` of the test's IRI, e.g. ``aggregates/agg01`` (unique)."""
    title: str
    query: Path
    data: tuple[Path, ...]
    graph_data: tuple[Path, ...]
    result: Path

    @property
    def folder(self) -> str:
        """The suite folder the test belongs to."""
        return self.name.split("/")[0]


def file_iri(suite_dir: Path, path: Path) -> URIRef:
    """The IRI that names a file of the suite."""
    return URIRef(SUITE_BASE + path.resolve().relative_to(suite_dir.resolve()).as_posix())


def _file_path(suite_dir: Path, iri: URIRef) -> Path:
    """The file of the suite named by ``iri``."""
    if not iri.startswith(SUITE_BASE):
        raise ValueError(f"{iri} is not a file of the suite")
    return suite_dir / iri[len(SUITE_BASE):]


def _parse_manifest(suite_dir: Path, path: Path) -> Graph:
    return Graph().parse(path, format="turtle", publicID=file_iri(suite_dir, path))


def included_folders(suite_dir: Path) -> list[str]:
    """The folders that the root manifests of the query language and result formats include."""
    folders = []
    for name in ROOT_MANIFESTS:
        graph = _parse_manifest(suite_dir, suite_dir / name)
        for included in graph.objects(None, MF.include):
            folders.extend(
                _file_path(suite_dir, URIRef(item)).parent.name
                for item in Collection(graph, included)
            )
    return folders


def _entries(graph: Graph) -> Iterator[URIRef]:
    """The tests a manifest lists in ``mf:entries``, in its order."""
    for manifest in graph.subjects(RDF.type, MF.Manifest):
        for entries in graph.objects(manifest, MF.entries):
            yield from (URIRef(entry) for entry in Collection(graph, entries))


def _folder_tests(suite_dir: Path, folder: str) -> Iterator[QueryTest]:
    graph = _parse_manifest(suite_dir, suite_dir / folder / "manifest.ttl")
    for test in _entries(graph):
        if not any((test, RDF.type, kind) in graph for kind in TEST_TYPES):
            continue
        action = graph.value(test, MF.action)

        def files(predicate: URIRef, action: object = action) -> tuple[Path, ...]:
            iris = sorted(URIRef(iri) for iri in graph.objects(action, predicate))
            return tuple(_file_path(suite_dir, iri) for iri in iris)

        yield QueryTest(
            name=f"{folder}/{test.split('#')[-1]}",
            title=str(graph.value(test, MF.name)),
            query=files(QT.query)[0],
            data=files(QT.data),
            graph_data=files(QT.graphData),
            result=_file_path(suite_dir, URIRef(graph.value(test, MF.result))),
        )


def query_evaluation_tests(suite_dir: Path = SUITE_DIR) -> list[QueryTest]:
    """Every query-evaluation test of the suite in ``suite_dir``, folder by folder."""
    return [
        test for folder in included_folders(suite_dir) for test in _folder_tests(suite_dir, folder)
    ]
