"""From a folder of texts to a dataset file: read, extract, triples, merge, curate, reason, write.

Everything that can fail on the user's input (the corpus, the curation file, the output
suffix, an inconsistent closure) fails before the output file is touched; the file is then
written atomically.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from critmin.graph.base.statements import Extraction
from critmin.graph.owl.ontology import load_ontology
from critmin.graph.owl.reasoning import Reasoner, infer
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
    reasoner: Reasoner = "fast",
) -> BuildSummary:
    """Build the dataset of the texts in ``corpus`` and write it to ``out`` (.trig or .nq).

    ``reasoner`` chooses the OWL 2 RL closure (``reasoning.infer``): "fast" or "owlrl", the
    reference; both write the same file.

    Raises ``CorpusError`` (corpus or metadata), ``CurationError``, ``DatasetFormatError``
    (output suffix) or ``InconsistencyError`` (closure), always before ``out`` is written.
    """
    dataset_format(out)
    with _stage("read corpus"):
        documents = read_corpus(corpus, metadata, skip_unreadable=skip_bad_files)
        corrections = read_curation(curation) if curation else []
    with _stage("load reference data and pipeline"):
        reference = load_reference()
        index = ReferenceIndex.from_graph(reference)
        nlp = make_pipeline()
    extractions: list[Extraction] = []
    with _stage("extract"):
        for number, document in enumerate(documents, start=1):
            extraction = extract(document, nlp, index)
            log.info("[%d/%d] %s: %d statements", number, len(documents), document.file_name,
                     statement_count(extraction))
            extractions.append(extraction)
    with _stage("triples and merge"):
        graphs = merge_documents(extractions, labelled=reference, index=index)
    with _stage("curation"):
        curation_graph = apply_curation(corrections, graphs)
    dataset = assemble(load_ontology(), reference, graphs, curation_graph)
    if reason:
        with _stage("reasoning"):
            add_inferred(dataset, infer(dataset, reasoner))
    with _stage("write"):
        write_dataset(dataset, out)
    return BuildSummary(
        out=out,
        documents=len(documents),
        statements=sum(statement_count(extraction) for extraction in extractions),
        corrections=len(corrections),
        graph_sizes=graph_sizes(dataset),
    )


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
