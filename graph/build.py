"""From a folder of texts to a dataset file: read, extract, triples, merge, curate, reason, write.

Everything that can fail on the user's input (the corpus, the curation file, the output
suffix, an inconsistent closure) fails before the output file is touched; the file is then
written atomically. Extraction runs in a pool of worker processes (``jobs``), each with its own
spaCy pipeline and reference index; the result is the same as in one process.
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

from spacy.language import Language

from critmin.graph.base.documents import Document
from critmin.graph.base.statements import Extraction
from critmin.graph.owl.ontology import load_ontology
from critmin.graph.owl.reasoning import infer
from critmin.graph.rdf.curation import apply_curation, read_curation
from critmin.graph.rdf.dataset import (
    add_inferred,
    assemble,
    dataset_format,
    graph_sizes,
    write_dataset,
)
from critmin.graph.rdf.merge import merge_documents
from critmin.graph.rules.extract import extract
from critmin.graph.text.corpus import read_corpus
from critmin.graph.text.nlp import make_pipeline
from critmin.graph.text.reference import ReferenceIndex, load_reference

log = logging.getLogger("critmin.build")

CURATION_FILE_NAME = "curation.yaml"
"""A corpus folder's own analyst corrections, applied unless told otherwise."""


@dataclass(frozen=True)
class BuildSummary:
    """What a build wrote: how many documents and statements, triples per graph, where."""

    out: Path
    documents: int
    statements: int
    corrections: int
    graph_sizes: dict[str, int]

    @property
    def triples(self) -> int:
        """Triples in all graphs together."""
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
    jobs: int = 1,
) -> BuildSummary:
    """Build the dataset of the texts in ``corpus`` and write it to ``out`` (.trig or .nq).

    ``jobs`` worker processes extract the documents (1: in this process).

    Raises ``CorpusError`` (corpus or metadata), ``CurationError``, ``DatasetFormatError``
    (output suffix) or ``InconsistencyError`` (closure), always before ``out`` is written.
    """
    dataset_format(out)
    with _stage("read corpus"):
        documents = read_corpus(corpus, metadata, skip_unreadable=skip_bad_files)
        corrections = read_curation(curation) if curation else []
    with _stage("load reference data"):
        reference = load_reference()
        index = ReferenceIndex.from_graph(reference)
    with _stage("extract"):
        extractions = extract_all(documents, index, jobs)
    with _stage("triples and merge"):
        graphs = merge_documents(extractions, labelled=reference, index=index)
    with _stage("curation"):
        curation_graph = apply_curation(corrections, graphs)
    dataset = assemble(load_ontology(), reference, graphs, curation_graph)
    if reason:
        with _stage("reasoning"):
            add_inferred(dataset, infer(dataset))
    with _stage("write"):
        write_dataset(dataset, out)
    return BuildSummary(
        out=out,
        documents=len(documents),
        statements=sum(statement_count(extraction) for extraction in extractions),
        corrections=len(corrections),
        graph_sizes=graph_sizes(dataset),
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
