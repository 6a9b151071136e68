"""graph/rdf/dataset.py: graph layout, byte-identical writes, round trips and atomic writes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from critmin.graph.base.namespaces import (
    CM,
    CMR,
    CURATION_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    document_graph,
)
from critmin.graph.owl.ontology import load_ontology
from critmin.graph.owl.reasoning import infer
from critmin.graph.rdf import dataset as dataset_module
from critmin.graph.rdf.dataset import (
    DatasetFormatError,
    add_inferred,
    assemble,
    graph_sizes,
    read_dataset,
    to_trig,
    union_size,
    write_dataset,
)

MOU = CMR["agreement/kenya-ghana-mou-0a1b2c3d"]
KENYA, GHANA = CMR["actor/kenya"], CMR["actor/ghana"]


def small_dataset(curation: Graph | None = None) -> Dataset:
    reference = Graph()
    for state, name in ((KENYA, "Kenya"), (GHANA, "Ghana")):
        reference.add((state, RDF.type, CM.State))
        reference.add((state, RDFS.label, Literal(name, lang="en")))
    document = Graph(identifier=document_graph("0123456789abcdef"))
    document.add((MOU, RDF.type, CM.MemorandumOfUnderstanding))
    document.add((MOU, CM.party, KENYA))
    document.add((MOU, CM.party, GHANA))
    document.add((MOU, CM.date, Literal("2024-03", datatype=XSD.gYearMonth)))
    document.add((MOU, RDFS.label, Literal('Kenya\u2013Ghana "cobalt" MoU\nsigned')))
    return assemble(load_ontology(), reference, [document], curation)


@pytest.fixture(scope="module")
def reasoned() -> Dataset:
    dataset = small_dataset()
    add_inferred(dataset, infer(dataset))
    return dataset


def test_graph_layout(reasoned: Dataset) -> None:
    sizes = graph_sizes(reasoned)
    assert list(sizes) == sorted(
        str(iri)
        for iri in (ONTOLOGY_GRAPH, REFERENCE_GRAPH, document_graph("0123456789abcdef"),
                    INFERRED_GRAPH)
    )
    assert sizes[str(REFERENCE_GRAPH)] == 4
    assert sizes[str(document_graph("0123456789abcdef"))] == 5
    inferred = reasoned.graph(INFERRED_GRAPH)
    assert (MOU, RDF.type, CM.NonBindingAgreement) in inferred
    assert (MOU, RDF.type, CM.Agreement) in inferred
    assert (MOU, OWL.sameAs, MOU) not in inferred


def test_a_triple_two_graphs_hold_counts_once_in_the_union() -> None:
    curation = Graph()
    curation.add((MOU, CM.party, KENYA))  # the document graph states it too
    curation.add((MOU, CM.bindingStatus, CM.nonBinding))
    dataset = small_dataset(curation)
    quads = sum(graph_sizes(dataset).values())
    assert union_size(dataset) == quads - 1


def test_an_empty_curation_graph_is_left_out_and_a_full_one_kept() -> None:
    assert str(CURATION_GRAPH) not in graph_sizes(small_dataset(Graph()))
    curation = Graph()
    curation.add((MOU, CM.bindingStatus, CM.nonBinding))
    assert graph_sizes(small_dataset(curation))[str(CURATION_GRAPH)] == 1


@pytest.mark.parametrize("suffix", [".trig", ".nq"])
def test_round_trip_and_byte_identical_rewrite(reasoned: Dataset, tmp_path: Path,
                                               suffix: str) -> None:
    first, second = tmp_path / f"first{suffix}", tmp_path / f"second{suffix}"
    write_dataset(reasoned, first)
    back = read_dataset(first)
    assert graph_sizes(back) == graph_sizes(reasoned)
    for identifier in (REFERENCE_GRAPH, document_graph("0123456789abcdef"), INFERRED_GRAPH):
        assert set(back.graph(identifier)) == set(reasoned.graph(identifier))
    assert isomorphic(back.graph(ONTOLOGY_GRAPH), reasoned.graph(ONTOLOGY_GRAPH))
    write_dataset(back, second)
    assert first.read_bytes() == second.read_bytes()


def test_two_builds_write_the_same_bytes_in_any_process(tmp_path: Path) -> None:
    """Different hash seeds shuffle sets and blank node labels; the file must not change."""
    script = (
        "import sys; from pathlib import Path; "
        "from tests.graph.rdf.test_dataset import small_dataset; "
        "from critmin.graph.rdf.dataset import add_inferred, write_dataset; "
        "from critmin.graph.owl.reasoning import infer; "
        "d = small_dataset(); add_inferred(d, infer(d)); write_dataset(d, Path(sys.argv[1]))"
    )
    root = Path(__file__).resolve().parents[3]
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.trig"
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, cwd=root,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


def test_trig_is_sorted_and_uses_prefixes(reasoned: Dataset) -> None:
    text = to_trig(reasoned)
    assert text.startswith("@prefix cm: <https://w3id.org/critmin/ontology#> .\n")
    document = text.index(f"<{document_graph('0123456789abcdef')}> {{")
    block = text[document : text.index("}", document)]
    assert block.splitlines()[1:] == [
        f"    <{MOU}>",
        "        a cm:MemorandumOfUnderstanding ;",
        '        rdfs:label "Kenya\u2013Ghana \\"cobalt\\" MoU\\nsigned" ;',
        '        cm:date "2024-03"^^xsd:gYearMonth ;',
        f"        cm:party <{GHANA}>, <{KENYA}> .",
    ]
    graph_lines = [line for line in text.splitlines() if line.endswith("{")]
    assert graph_lines == sorted(graph_lines)
    assert "_:cb" in text  # the ontology's class expressions, labelled canonically


def test_blank_nodes_survive_the_round_trip(tmp_path: Path) -> None:
    graph = Graph(identifier=CMR["graph/test"])
    restriction = BNode()
    graph.add((CM.Thing, RDFS.subClassOf, restriction))
    graph.add((restriction, OWL.onProperty, CM.party))
    dataset = Dataset()
    target = dataset.graph(graph.identifier)
    for triple in graph:
        target.add(triple)
    write_dataset(dataset, tmp_path / "blank.nq")
    back = read_dataset(tmp_path / "blank.nq").graph(graph.identifier)
    assert isomorphic(back, graph)


def test_a_new_file_is_world_readable_and_a_rewrite_keeps_its_mode(
    reasoned: Dataset, tmp_path: Path
) -> None:
    out = tmp_path / "data.nq"
    write_dataset(reasoned, out)
    assert out.stat().st_mode & 0o777 == 0o644
    out.chmod(0o600)
    write_dataset(reasoned, out)
    assert out.stat().st_mode & 0o777 == 0o600


def test_unsupported_suffix_is_refused_before_writing(reasoned: Dataset, tmp_path: Path) -> None:
    with pytest.raises(DatasetFormatError, match=r"unsupported dataset file type '\.ttl'"):
        write_dataset(reasoned, tmp_path / "data.ttl")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    reasoned: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "data.trig"
    out.write_text("previous build\n", encoding="utf-8")

    def broken_replace(source: str, target: Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(dataset_module.os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_dataset(reasoned, out)
    assert out.read_text(encoding="utf-8") == "previous build\n"
    assert [path.name for path in tmp_path.iterdir()] == ["data.trig"]


def test_a_killed_writer_s_temporary_is_removed_by_the_next_write(
    reasoned: Dataset, tmp_path: Path
) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    orphan = tmp_path / f".data.trig.{dead.stdout.strip()}.abc123.tmp"
    live = tmp_path / f".data.trig.{os.getpid()}.def456.tmp"  # a write under way
    other = tmp_path / ".other.trig.1.ghi789.tmp"
    for path in (orphan, live, other):
        path.write_text("half a dataset", encoding="utf-8")
    write_dataset(reasoned, tmp_path / "data.trig")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(
        [live.name, other.name, "data.trig"]
    )


def test_an_iri_with_spaces_is_refused() -> None:
    dataset = Dataset()
    dataset.graph(CMR["graph/test"]).add((URIRef("https://example.org/a b"), RDF.type, CM.Actor))
    with pytest.raises(ValueError, match="cannot write IRI"):
        to_trig(dataset)
