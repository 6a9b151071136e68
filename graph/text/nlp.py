"""The spaCy pipeline (blank English, rule-based), sentences, clauses and anchor phrases.

The pipeline is made once per build by ``make_pipeline`` and passed to whatever needs it.
It tokenises like spaCy's English defaults, also splitting a dash between abbreviations
("U.S.-China" gives "U.S.", "-", "China"), and starts a sentence at every line break as well
as after sentence punctuation (scraped headings and bylines have no full stop).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from critmin.graph.base.values import MAX_ANCHOR_WORDS, WORD, Evidence, Span
from critmin.graph.text.span_index import NoiseSpans

_DASH_AFTER_ABBREVIATION = r"(?<=[A-Z]\.)[-\u2013\u2014](?=[A-Z])"
_TOKEN = re.compile(r"\S+")
_CURRENCY_SIGNS = "$\u20ac\u00a3\u00a5\u20b9"
_CLAUSE_BREAK = re.compile(r";")
PIECE_CHARS = 100_000
"""Characters of text spaCy reads at once, at most (see :func:`text_pieces`)."""


@Language.component("critmin_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after a line break. (Set all at once: setting one
    token's ``is_sent_start`` checks every token of the doc for a parse.)"""
    after_breaks = [
        token.i + 1 for token in doc[:-1] if "\n" in token.text and token.is_space
    ]  # fmt: skip
    if after_breaks:
        starts = doc.to_array(SENT_START)
        starts[after_breaks] = 1
        doc.from_array(SENT_START, starts)
    return doc


# Abbreviations that end with a full stop but seldom end a sentence: "Announcement No. 70",
# "Dec. 27", "Mr. Carney". A sentence does not start after one of them.
ABBREVIATIONS = frozenset(
    [
        "No.", "Nos.", "no.", "nos.", "Mr.", "Mrs.", "Ms.", "Dr.", "St.", "Gen.", "Sen.", "Rep.",
        "Gov.", "Lt.", "Col.", "Capt.", "Prof.", "Jan.", "Feb.", "Apr.", "Aug.", "Sep.",
        "Sept.", "Oct.", "Nov.", "Dec.", "Art.", "Vol.", "pp.", "e.g.", "i.e.", "approx.",
        "vs.", "cf.", "Fig.", "Sec.", "Para.",
    ]
)  # fmt: skip


# A word of two or more letters with the full stop the tokenizer left on it ("MoU."), which
# is no initial ("J.") nor a dotted abbreviation ("U.S.").
_WORD_AND_STOP = re.compile(r"(?=\w*[a-z])[A-Za-z][A-Za-z]+\.")


@Language.component("critmin_abbreviations")
def _abbreviations(doc: Doc) -> Doc:
    """No sentence starts right after an abbreviation such as "No." or "Dec."; one starts
    after a word the tokenizer kept its full stop on ("MoU.") when a capital follows. (Set
    all at once, as in ``_line_breaks``.)"""
    starts: dict[int, int] = {}  # token → 1 (starts a sentence) or -1 (does not)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        abbreviation = previous.text if previous.text in ABBREVIATIONS else None
        if previous.text == "." and token.i >= 2 and f"{doc[token.i - 2].text}." in ABBREVIATIONS:
            abbreviation = f"{doc[token.i - 2].text}."
        if abbreviation and abbreviation.lower().startswith("no") and not token.text[:1].isdigit():
            abbreviation = None  # "Is Malaysia unusual? No. Indonesia has ...": an answer
        if abbreviation and "\n" not in previous.whitespace_:
            starts[token.i] = -1
        elif _WORD_AND_STOP.fullmatch(previous.text) and token.text[:1].isupper():
            starts[token.i] = 1  # "signed a critical-minerals MoU. Uzbekistan's ..."
    if starts:
        values = doc.to_array(SENT_START).view("int64")  # spaCy keeps -1 as an unsigned int
        values[list(starts)] = list(starts.values())
        doc.from_array(SENT_START, values.view("uint64"))
    return doc


def make_pipeline() -> Language:
    """A blank English pipeline with line-break and punctuation sentence boundaries."""
    nlp = spacy.blank("en")
    infixes = [*nlp.Defaults.infixes, _DASH_AFTER_ABBREVIATION]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("critmin_line_breaks")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("critmin_abbreviations")
    return nlp


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its span, the paragraph it is in and its clauses."""

    span: Span
    paragraph: int
    clauses: tuple[Span, ...]


def split_sentences(
    text: str, nlp: Language, noise: tuple[tuple[int, int], ...] = ()
) -> list[Sentence]:
    """The sentences of ``text`` outside the ``noise`` spans, with paragraph numbers.

    A paragraph is a run of text between line breaks; clauses are the parts of a sentence
    separated by semicolons (long enumerations of agreements are written that way).
    """
    splitter = SentenceSplitter(text, noise)
    return [s for offset, doc in read_pieces(text, nlp) for s in splitter.sentences(offset, doc)]


def read_pieces(text: str, nlp: Language) -> Iterator[tuple[int, Doc]]:
    """The pieces of ``text`` (see ``text_pieces``) as the pipeline reads them, each with the
    offset it starts at: one reading of a piece gives its sentences and its mentions."""
    for begin, end in text_pieces(text):
        yield begin, nlp(text[begin:end])


class SentenceSplitter:
    """The sentences of the pieces of a text, given in order (see ``split_sentences``)."""

    def __init__(self, text: str, noise: tuple[tuple[int, int], ...] = ()) -> None:
        self.text = text
        self._in_noise = NoiseSpans(noise)
        self._paragraph = 0
        self._counted_to = 0

    def sentences(self, offset: int, doc: Doc) -> list[Sentence]:
        """The sentences of the piece ``doc`` read from character ``offset`` on."""
        text = self.text
        found: list[Sentence] = []
        for sent in doc.sents:
            begin, end = _strip(text, offset + sent.start_char, offset + sent.end_char)
            if begin >= end or self._in_noise.cover(begin, end):
                continue
            self._paragraph += text.count("\n", self._counted_to, begin)
            self._counted_to = begin
            found.append(Sentence(Span(begin, end), self._paragraph, _clauses(text, begin, end)))
        return found


def text_pieces(text: str, size: int | None = None) -> Iterator[tuple[int, int]]:
    """(begin, end) of consecutive pieces of ``text`` of at most ``size`` characters (default
    :data:`PIECE_CHARS`), each cut right after a line break (where a sentence starts anyway),
    or after a space in a longer line: spaCy takes a million characters at most, and its
    memory grows with the piece."""
    size = size or PIECE_CHARS
    begin = 0
    while len(text) - begin > size:
        cut = text.rfind("\n", begin, begin + size)
        if cut < begin:
            cut = text.rfind(" ", begin, begin + size)
        if cut < begin:
            cut = begin + size - 1
        yield begin, cut + 1
        begin = cut + 1
    if begin < len(text):
        yield begin, len(text)


def _strip(text: str, begin: int, end: int) -> tuple[int, int]:
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end


def _clauses(text: str, begin: int, end: int) -> tuple[Span, ...]:
    clauses: list[Span] = []
    start = begin
    for found in _CLAUSE_BREAK.finditer(text, begin, end):
        clauses.append(Span(*_strip(text, start, found.start())))
        start = found.end()
    clauses.append(Span(*_strip(text, start, end)))
    return tuple(clause for clause in clauses if clause.begin < clause.end)


def anchor(text: str, trigger: Span, within: Span) -> Span:
    """A phrase of at most 11 words of ``within`` around ``trigger``, without end punctuation.

    The window starts up to four whitespace-separated tokens before the trigger and extends
    after it; it holds at most 11 such tokens and at most 11 words as the leak check and the
    SHACL shapes count them (``values.WORD``: "one-year" is two), dropping words after the
    trigger first.
    """
    tokens = [Span(m.start(), m.end()) for m in _TOKEN.finditer(text, within.begin, within.end)]
    if not tokens:
        return trigger
    first = next((i for i, t in enumerate(tokens) if t.end > trigger.begin), len(tokens) - 1)
    start = max(0, first - 4)
    stop = min(len(tokens), start + MAX_ANCHOR_WORDS)
    start = max(0, stop - MAX_ANCHOR_WORDS)
    begin, end = _trimmed(text, tokens[start].begin, tokens[stop - 1].end)
    words = list(WORD.finditer(text, begin, end))
    if len(words) > MAX_ANCHOR_WORDS:
        kept = _words_around(words, trigger)
        if kept[0] is not words[0]:
            begin = kept[0].start()
            while begin > within.begin and text[begin - 1] in _CURRENCY_SIGNS:
                begin -= 1
        if kept[-1] is not words[-1]:
            end = kept[-1].end()
            while end < within.end and text[end] == "%":
                end += 1
        begin, end = _trimmed(text, begin, end)
    return Span(begin, end) if begin < end else trigger


def _words_around(words: list[re.Match[str]], trigger: Span) -> list[re.Match[str]]:
    """At most ``MAX_ANCHOR_WORDS`` of ``words``: words after the trigger go first."""
    kept = list(words)
    while len(kept) > MAX_ANCHOR_WORDS:
        kept.pop(-1 if kept[-1].start() >= trigger.end else 0)
    return kept


def _trimmed(text: str, begin: int, end: int) -> tuple[int, int]:
    """The phrase without end punctuation and opening brackets or quotes."""
    while end > begin and text[end - 1] in ",;:.!?)\"\u201d\u2019'":
        end -= 1
    while begin < end and text[begin] in "(\"\u201c\u2018'":
        begin += 1
    return begin, end


def evidence(text: str, sentence: Span, trigger: Span, within: Span | None = None) -> Evidence:
    """Evidence for a statement: its sentence and an anchor around its trigger."""
    return Evidence(sentence=sentence, anchor=anchor(text, trigger, within or sentence))
