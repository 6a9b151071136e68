"""graph/build.py: the stages composed, with a stand-in extractor so that counts are exact."""

import logging
from pathlib import Path

import pytest
from rdflib import PROV, RDF, SKOS, Literal

from critmin.graph import build as build_module
from critmin.graph.base.documents import Document
from critmin.graph.base.namespaces import (
    CM,
    CMR,
    CURATION_GRAPH,
    INFERRED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    document_graph,
    document_iri,
)
from critmin.graph.base.statements import Agreement, Extraction
from critmin.graph.base.values import DateValue, Entity, Evidence, Span
from critmin.graph.build import build, default_curation
from critmin.graph.owl.reasoning import InconsistencyError
from critmin.graph.rdf.curation import CurationError
from critmin.graph.rdf.dataset import DatasetFormatError, graph_sizes, read_dataset
from critmin.graph.text.corpus import CorpusError

KENYA, GHANA = Entity(CMR["actor/kenya"]), Entity(CMR["actor/ghana"])
TEXTS = {
    "a.txt": "Kenya and Ghana signed a cobalt memorandum in March 2024.\n",
    "b.txt": "The cobalt memorandum of Ghana and Kenya dates from March 2024.\n",
}


def fake_extract(binding: bool | None = None):
    """An extractor that finds one MoU between Kenya and Ghana in every text."""

    def extract(document: Document, nlp: object, index: object) -> Extraction:
        begin = document.text.index("cobalt memorandum")
        mou = Agreement(
            "agreement-1", "mou", "Kenya\u2013Ghana cobalt MoU",
            Evidence(Span(0, len(document.text) - 1), Span(begin, begin + 17)),
            parties=(KENYA, GHANA), date=DateValue("2024-03"), binding=binding,
        )
        return Extraction(document, agreements=(mou,))

    return extract


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "extract", fake_extract())


@pytest.mark.usefixtures("stand_in")
def test_build_writes_every_graph_and_merges_across_documents(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "out" / "data.trig"
    with caplog.at_level(logging.INFO, logger="critmin.build"):
        summary = build(corpus, out)
    assert (summary.out, summary.documents, summary.statements, summary.corrections) == (
        out, 2, 2, 0,
    )
    dataset = read_dataset(out)
    doc_graphs = [str(iri) for iri in summary.graph_sizes if "/graph/doc/" in iri]
    assert len(doc_graphs) == 2
    assert {str(ONTOLOGY_GRAPH), str(REFERENCE_GRAPH), str(INFERRED_GRAPH)} <= set(
        summary.graph_sizes
    )
    assert graph_sizes(dataset) == summary.graph_sizes
    assert summary.quads == sum(summary.graph_sizes.values())
    assert summary.triples == len(dataset)  # distinct triples of the union
    mous = set(dataset.subjects(RDF.type, CM.MemorandumOfUnderstanding))
    assert len(mous) == 1
    (mou,) = mous
    assert len(set(dataset.objects(mou, PROV.wasDerivedFrom))) == 2
    assert list(dataset.objects(mou, SKOS.prefLabel)) == [Literal("Kenya\u2013Ghana cobalt MoU")]
    assert (mou, RDF.type, CM.NonBindingAgreement) in dataset.graph(INFERRED_GRAPH)
    messages = [record.getMessage() for record in caplog.records]
    assert "[1/2] a.txt: 1 statements" in messages
    assert "[2/2] b.txt: 1 statements" in messages
    assert any(message.startswith("reasoning: ") for message in messages)


@pytest.mark.usefixtures("stand_in")
def test_no_reason_leaves_out_the_inferred_graph(corpus: Path, tmp_path: Path) -> None:
    summary = build(corpus, tmp_path / "data.nq", reason=False)
    assert str(INFERRED_GRAPH) not in summary.graph_sizes
    assert str(INFERRED_GRAPH) not in read_dataset(tmp_path / "data.nq").graphs()


@pytest.mark.usefixtures("stand_in")
def test_two_builds_are_byte_identical(corpus: Path, tmp_path: Path) -> None:
    build(corpus, tmp_path / "one.trig")
    build(corpus, tmp_path / "two.trig")
    assert (tmp_path / "one.trig").read_bytes() == (tmp_path / "two.trig").read_bytes()


@pytest.mark.usefixtures("stand_in")
def test_curation_is_applied_last(corpus: Path, tmp_path: Path) -> None:
    build(corpus, tmp_path / "plain.trig", reason=False)
    plain = read_dataset(tmp_path / "plain.trig")
    mou = next(plain.subjects(RDF.type, CM.MemorandumOfUnderstanding))
    curation = corpus / "curation.yaml"
    curation.write_text(
        f"- retract: {{subject: '{mou}', predicate: rdf:type, "
        "object: cm:MemorandumOfUnderstanding}\n"
        "  reason: It is a letter, not a memorandum.\n",
        encoding="utf-8",
    )
    assert default_curation(corpus) == curation
    summary = build(corpus, tmp_path / "curated.trig", reason=False, curation=curation)
    dataset = read_dataset(tmp_path / "curated.trig")
    assert summary.corrections == 1
    assert (mou, RDF.type, CM.MemorandumOfUnderstanding) not in dataset
    assert len(list(dataset.graph(CURATION_GRAPH).subjects(CM.retractedFrom, None))) == 2


def test_default_curation_is_none_without_a_file(corpus: Path) -> None:
    assert default_curation(corpus) is None


@pytest.mark.usefixtures("stand_in")
@pytest.mark.parametrize(
    ("break_it", "error", "message"),
    [
        (lambda c: (c / "c.txt").write_bytes(b""), CorpusError, "c.txt: empty file"),
        (lambda c: (c / "c.txt").write_bytes(b"caf\xe9\n"), CorpusError, "c.txt: not UTF-8"),
        (
            lambda c: (c / "curation.yaml").write_text("- reason: x\n", encoding="utf-8"),
            CurationError,
            "entry 1",
        ),
    ],
)
def test_a_failing_build_leaves_the_previous_output(
    corpus: Path, tmp_path: Path, break_it, error: type, message: str
) -> None:
    out = tmp_path / "data.trig"
    out.write_text("previous build\n", encoding="utf-8")
    break_it(corpus)
    with pytest.raises(error, match=message):
        build(corpus, out, curation=default_curation(corpus))
    assert out.read_text(encoding="utf-8") == "previous build\n"
    assert [path.name for path in tmp_path.iterdir() if path.is_file()] == ["data.trig"]


def test_an_inconsistent_closure_raises_before_writing(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "extract", fake_extract(binding=True))
    out = tmp_path / "data.trig"
    out.write_text("previous build\n", encoding="utf-8")
    with pytest.raises(InconsistencyError, match="BindingAgreement"):
        build(corpus, out)
    assert out.read_text(encoding="utf-8") == "previous build\n"


@pytest.mark.usefixtures("stand_in")
def test_skip_bad_files_builds_the_rest(corpus: Path, tmp_path: Path) -> None:
    (corpus / "c.txt").write_bytes(b"\x00\x01\x02binary")
    summary = build(corpus, tmp_path / "data.trig", reason=False, skip_bad_files=True)
    assert summary.documents == 2


def test_an_unsupported_output_suffix_is_refused_first(tmp_path: Path) -> None:
    with pytest.raises(DatasetFormatError, match=r"'\.ttl'"):
        build(tmp_path / "no-such-corpus", tmp_path / "data.ttl")


def test_document_graph_names_match_the_texts(corpus: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "extract", fake_extract())
    build(corpus, tmp_path / "data.trig", reason=False)
    dataset = read_dataset(tmp_path / "data.trig")
    for name in TEXTS:
        source = dataset.value(None, CM.fileName, Literal(name))
        sha16 = str(source).rsplit("/", 1)[-1]
        assert source == document_iri(sha16)
        assert (source, RDF.type, CM.SourceDocument) in dataset.graph(document_graph(sha16))


PARALLEL_TEXTS = {
    "p1.txt": "Published: 2 May 2024\n\nChile and Norway signed a memorandum on lithium refining "
              "on 1 May 2024. Peru banned exports of tin in April 2024.\n",
    "p2.txt": "Published: 9 May 2024\n\nNorway and Chile agreed a lithium memorandum on 1 May "
              "2024, which is not binding.\n",
    "p3.txt": "Published: 3 June 2024\n\nIndonesia set an export quota for nickel in May 2024. "
              "Leaders of Japan and Kenya met in Nairobi on 2 June 2024.\n",
    "p4.txt": "Published: 4 June 2024\n\nJapan signed an arrangement on cobalt with Kenya, Ghana "
              "and Zambia on 2 June 2024. Peru lifted its export ban on tin in May 2024.\n",
}
"""Texts written for this test: agreements, controls and an event across four documents."""


def test_parallel_extraction_writes_the_same_bytes_as_one_process(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = tmp_path / "parallel"
    corpus.mkdir()
    for name, text in PARALLEL_TEXTS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    serial = build(corpus, tmp_path / "serial.trig", reason=False, jobs=1)
    with caplog.at_level(logging.INFO, logger="critmin.build"):
        parallel = build(corpus, tmp_path / "parallel.trig", reason=False, jobs=2)
    assert (tmp_path / "serial.trig").read_bytes() == (tmp_path / "parallel.trig").read_bytes()
    assert parallel.statements == serial.statements >= 6
    messages = [record.getMessage() for record in caplog.records]
    assert "extracting with 2 worker processes" in messages
    assert [m.split(":")[0] for m in messages if m.startswith("[")] == [
        f"[{number}/4] p{number}.txt" for number in range(1, 5)
    ]


def test_a_text_of_more_than_a_million_characters_builds(tmp_path: Path) -> None:
    # spaCy refuses texts over a million characters; the text is read in pieces instead.
    filler = "The weather office said the harbour stayed calm and the ferries ran on time.\n"
    closing = (
        "Chile and Japan signed a memorandum of understanding on lithium processing on"
        " 3 March 2025.\n"
    )
    text = "Harbour notes\n\n" + filler * (1_100_000 // len(filler)) + "\n" + closing
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "long.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "long.trig"
    summary = build(folder, out, reason=False)
    assert (summary.documents, summary.statements) == (1, 1)
    evidence = read_dataset(out).query(
        "PREFIX cm: <https://w3id.org/critmin/ontology#>"
        " PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>"
        " SELECT ?begin ?end ?anchor WHERE { ?agreement a cm:MemorandumOfUnderstanding ;"
        " cm:party <https://w3id.org/critmin/id/actor/chile>,"
        " <https://w3id.org/critmin/id/actor/japan> ; cm:evidence ?span ."
        " ?span nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor }"
    )
    [(begin, end, anchor)] = [(int(b), int(e), str(a)) for b, e, a in evidence]
    assert begin > 1_000_000
    assert text[begin:end] == anchor


def test_a_text_over_the_size_limit_is_refused_unread(corpus: Path, tmp_path: Path) -> None:
    largest = max(path.stat().st_size for path in corpus.glob("*.txt"))
    with pytest.raises(CorpusError, match=rf"bytes, more than the {largest - 1:,} taken"
                                          r" \(raise --max-text-bytes to read it\)"):
        build(corpus, tmp_path / "out.trig", reason=False, max_text_bytes=largest - 1)
    assert not (tmp_path / "out.trig").exists()
