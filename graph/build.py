"""From a folder of texts to a dataset file: read, extract, triples, merge, curate, reason, write.

Everything that can fail on the user's input (the corpus, the curation file, the output
suffix, an inconsistent closure) fails before the output file is touched; the file is then
written atomically. Extraction runs in a pool of worker processes (``jobs``), each with its own
spaCy pipeline and reference index; the result is the same as in one process. The extractions
are kept beside the dataset file (``build_cache``), so that :func:`add` can add texts to it
without extracting the others again.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Graph
from spacy.language import Language

from critmin.graph.base.documents import Document
from critmin.graph.base.statements import Extraction
from critmin.graph.build_cache import BuildInputs, read_inputs, write_inputs
from critmin.graph.owl.ontology import load_ontology
from critmin.graph.owl.reasoning import Reasoner, infer
from critmin.graph.rdf.curation import apply_curation, read_curation
from critmin.graph.rdf.dataset import (
    add_inferred,
    assemble,
    dataset_format,
    graph_sizes,
    union_size,
    write_dataset,
)
from critmin.graph.rdf.merge import merge_documents
from critmin.graph.rules.extract import extract
from critmin.graph.text.corpus import MAX_TEXT_BYTES, CorpusError, read_corpus, read_texts
from critmin.graph.text.nlp import make_pipeline
from critmin.graph.text.reference import ReferenceIndex, load_reference

log = logging.getLogger("critmin.build")

CURATION_FILE_NAME = "curation.yaml"
"""A corpus folder's own analyst corrections, applied unless told otherwise."""


@dataclass(frozen=True)
class BuildSummary:
    """What a build wrote: how many documents and statements, triples per graph, where, and
    ``triples``, the distinct triples of the union of the graphs (the service's default graph)."""

    out: Path
    documents: int
    statements: int
    corrections: int
    graph_sizes: dict[str, int]
    triples: int

    @property
    def quads(self) -> int:
        """Triples counted per graph that holds them (the dataset file's lines of N-Quads)."""
        return sum(self.graph_sizes.values())


def default_curation(corpus: Path) -> Path | None:
    """The corpus folder's ``curation.yaml``, if it has one."""
    candidate = Path(corpus) / CURATION_FILE_NAME
    return candidate if candidate.is_file() else None


def build(
    corpus: Path,
    out: Path,
    metadata: Path | None = None,
    reason: bool = True,
    curation: Path | None = None,
    skip_bad_files: bool = False,
    reasoner: Reasoner = "fast",
    jobs: int = 1,
    max_text_bytes: int = MAX_TEXT_BYTES,
) -> BuildSummary:
    """Build the dataset of the texts in ``corpus`` and write it to ``out`` (.trig or .nq).

    ``reasoner`` chooses the OWL 2 RL closure (``reasoning.infer``): "fast" or "owlrl", the
    reference; both write the same file. ``jobs`` worker processes extract the documents (1: in
    this process). A text over ``max_text_bytes`` is refused (CorpusError).

    Raises ``CorpusError`` (corpus or metadata), ``CurationError``, ``DatasetFormatError``
    (output suffix) or ``InconsistencyError`` (closure), always before ``out`` is written.
    """
    dataset_format(out)
    with _stage("read corpus"):
        documents = read_corpus(
            corpus, metadata, skip_unreadable=skip_bad_files, max_text_bytes=max_text_bytes
        )
        corrections = read_curation(curation) if curation else []
    with _stage("load reference data"):
        reference = load_reference()
        index = ReferenceIndex.from_graph(reference)
    with _stage("extract"):
        extractions = extract_all(documents, index, jobs)
    inputs = BuildInputs(tuple(extractions), tuple(corrections))
    return _write_dataset_of(inputs, out, reference, index, reason, reasoner)


def add(
    texts: Sequence[Path],
    data: Path,
    metadata: Path | None = None,
    reason: bool = True,
    reasoner: Reasoner = "fast",
    jobs: int = 1,
    max_text_bytes: int = MAX_TEXT_BYTES,
) -> BuildSummary:
    """Add ``texts`` to the dataset file ``data`` written by :func:`build`: only they are
    extracted; merge, curation and reasoning run again over all the texts, so ``data``
    becomes what a build of all of them would write (with the same options).

    Raises ``BuildCacheError`` (no usable extractions beside ``data``), ``CorpusError`` (a
    text that cannot be read or is already in the dataset) or ``InconsistencyError``, always
    before ``data`` is written.
    """
    dataset_format(data)
    with _stage("read texts"):
        previous = read_inputs(data)
        documents = read_texts(texts, metadata, max_text_bytes=max_text_bytes)
        _check_new(documents, previous.extractions, data)
    with _stage("load reference data"):
        reference = load_reference()
        index = ReferenceIndex.from_graph(reference)
    with _stage("extract"):
        added = extract_all(documents, index, jobs)
    extractions = sorted(
        (*previous.extractions, *added), key=lambda extraction: extraction.document.file_name
    )
    inputs = BuildInputs(tuple(extractions), previous.corrections)
    return _write_dataset_of(inputs, data, reference, index, reason, reasoner)


def _check_new(
    documents: Sequence[Document], extractions: Sequence[Extraction], data: Path
) -> None:
    """CorpusError when a text (by content or file name) is already in the dataset."""
    by_sha = {extraction.document.sha256: extraction.document for extraction in extractions}
    names = {extraction.document.file_name for extraction in extractions}
    for document in documents:
        if document.sha256 in by_sha:
            held = by_sha[document.sha256].file_name
            raise CorpusError(f"{document.file_name}: already in {data} (as {held})")
        if document.file_name in names:
            raise CorpusError(
                f"{document.file_name}: {data} holds another text of that name; rename it"
            )


def _write_dataset_of(
    inputs: BuildInputs,
    out: Path,
    reference: Graph,
    index: ReferenceIndex,
    reason: bool,
    reasoner: Reasoner,
) -> BuildSummary:
    """Merge, curate, reason and write the dataset of ``inputs`` to ``out``, with the
    extractions beside it (``build_cache``)."""
    extractions = inputs.extractions
    with _stage("triples and merge"):
        graphs = merge_documents(extractions, labelled=reference, index=index)
    with _stage("curation"):
        curation_graph = apply_curation(inputs.corrections, graphs)
    dataset = assemble(load_ontology(), reference, graphs, curation_graph)
    if reason:
        with _stage("reasoning"):
            add_inferred(dataset, infer(dataset, reasoner))
    with _stage("write"):
        write_dataset(dataset, out)
        write_inputs(out, inputs)
    return BuildSummary(
        out=out,
        documents=len(extractions),
        statements=sum(statement_count(extraction) for extraction in extractions),
        corrections=len(inputs.corrections),
        graph_sizes=graph_sizes(dataset),
        triples=union_size(dataset),
    )


def extract_all(
    documents: Sequence[Document], index: ReferenceIndex, jobs: int = 1
) -> list[Extraction]:
    """The extractions of ``documents``, in their order, by ``jobs`` worker processes (at most
    one per document; 1: in this process with ``index``). Logs each document as it is done."""
    jobs = max(1, min(jobs, len(documents)))
    if jobs == 1:
        nlp = make_pipeline()
        return _logged(documents, (extract(document, nlp, index) for document in documents))
    log.info("extracting with %d worker processes", jobs)
    with multiprocessing.Pool(jobs, initializer=_worker_tools) as pool:
        return _logged(documents, pool.imap(_extract_in_worker, documents))


def _logged(documents: Sequence[Document], extractions: Iterator[Extraction]) -> list[Extraction]:
    """The extractions as a list, each logged as it comes."""
    done = []
    for document, extraction in zip(documents, extractions, strict=True):
        number = len(done) + 1
        log.info("[%d/%d] %s: %d statements", number, len(documents), document.file_name,
                 statement_count(extraction))
        done.append(extraction)
    return done


@cache
def _worker_tools() -> tuple[Language, ReferenceIndex]:
    """A worker process's pipeline and reference index, made once when it starts."""
    return make_pipeline(), ReferenceIndex.from_graph(load_reference())


def _extract_in_worker(document: Document) -> Extraction:
    return extract(document, *_worker_tools())


def statement_count(extraction: Extraction) -> int:
    """Agreements, controls, events and measurements of one extraction."""
    return (
        len(extraction.agreements)
        + len(extraction.controls)
        + len(extraction.events)
        + len(extraction.measurements)
    )


@contextmanager
def _stage(name: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    log.info("%s: %.2f s", name, time.perf_counter() - started)
