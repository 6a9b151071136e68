"""Canned queries: ``.rq`` files with a metadata header, loaded, validated and run.

A canned query's header is a block of comment lines at the top of the file, so the file
stays plain SPARQL::

    # id: cq02
    # title: Agreements an actor made in a year
    # question: Which agreements did the United States make in 2025?
    # cq: CQ02
    # param: actor iri https://w3id.org/critmin/id/actor/united-states
    # param: year integer 2025
    # multivalued: partners

``param`` lines give a variable name, a type (iri, string, date, integer, decimal) and an
optional default; a parameter without default is left unbound unless given. An ``iri``
parameter may end with ``class IRI``, the class its values belong to (the form's picker
searches the labels of that class's members). Values are
bound as typed RDF terms (never pasted into the text). ``multivalued`` names the columns
whose `` | ``-joined cells are sorted after the query runs, so that results are
deterministic whatever order the store aggregates in.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pyparsing import ParseException
from rdflib import XSD, Literal, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result
from rdflib.term import Identifier

from critmin.service.sparql_bindings import with_bindings
from critmin.service.store import Store

QUERIES_DIR = Path(__file__).resolve().parent.parent / "queries"
PARAMETER_TYPES = ("iri", "string", "date", "integer", "decimal")
CELL_SEPARATOR = " | "
MAX_PARAMETER_CHARS = 2000
"""The longest parameter value taken (an IRI or a label is far shorter; Python refuses to read
an integer of more than 4,300 digits)."""

_HEADER_LINE = re.compile(r"#\s*([a-z_]+):\s*(.*?)\s*")
_SINGLE_KEYS = ("id", "title", "question", "cq", "multivalued")
_REQUIRED_KEYS = ("id", "title", "question")
_QUERY_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
_CQ_ID = re.compile(r"CQ\d{2}")
_VARIABLE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INTEGER = re.compile(r"[+-]?\d+")
_DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_CLASS_SUFFIX = re.compile(r"(?:^|\s)class\s+(?P<iri>\S+)$")


class CatalogueError(Exception):
    """A ``.rq`` file or its metadata header is malformed; the message names the file."""


class ParameterError(ValueError):
    """A parameter value a user gave is unknown or not of the parameter's type."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter


@dataclass(frozen=True)
class Parameter:
    """A typed query parameter: a SPARQL variable the caller may bind."""

    name: str
    type: str
    default: str | None = None
    class_iri: str | None = None

    def term(self, value: str) -> Identifier:
        """``value`` as an RDF term of this parameter's type; ParameterError if it is not one
        or is longer than :data:`MAX_PARAMETER_CHARS`."""
        if len(value) > MAX_PARAMETER_CHARS:
            raise ParameterError(
                self.name,
                f"parameter {self.name}: {len(value):,} characters; "
                f"{MAX_PARAMETER_CHARS:,} at most",
            )
        if self.type == "iri":
            if not _IRI.fullmatch(value):
                raise self._invalid(value, "an absolute IRI such as https://example.org/x")
            return URIRef(value)
        if self.type == "date":
            if not _DATE.fullmatch(value) or not _is_calendar_date(value):
                raise self._invalid(value, "a date written YYYY-MM-DD")
            return Literal(value, datatype=XSD.date)
        if self.type == "integer":
            if not _INTEGER.fullmatch(value):
                raise self._invalid(value, "an integer")
            return Literal(int(value))
        if self.type == "decimal":
            if not _DECIMAL.fullmatch(value):
                raise self._invalid(value, "a decimal number such as 12.5")
            return Literal(Decimal(value), datatype=XSD.decimal)
        return Literal(value)

    def _invalid(self, value: str, expected: str) -> ParameterError:
        return ParameterError(self.name, f"parameter {self.name}: {value!r} is not {expected}")


@dataclass(frozen=True)
class CannedQuery:
    """A SELECT query with its metadata, as read from one ``.rq`` file."""

    id: str
    title: str
    question: str
    cq: str | None
    parameters: tuple[Parameter, ...]
    multivalued: tuple[str, ...]
    text: str
    path: Path

    def description(self) -> dict[str, object]:
        """The query's metadata as listings give it: id, title, question, cq, and each
        parameter's name, type, default (as written) and class."""
        return {
            "id": self.id,
            "title": self.title,
            "question": self.question,
            "cq": self.cq,
            "parameters": [
                {"name": p.name, "type": p.type, "default": p.default, "class": p.class_iri}
                for p in self.parameters
            ],
        }

    def bindings(self, params: Mapping[str, str]) -> dict[str, Identifier]:
        """Typed terms for the given values, defaults filling the rest; empty means not given."""
        known = {parameter.name: parameter for parameter in self.parameters}
        unknown = sorted(set(params) - set(known))
        if unknown:
            expected = ", ".join(known) or "none"
            raise ParameterError(
                unknown[0],
                f"unknown parameter {unknown[0]} for query {self.id} (parameters: {expected})",
            )
        bound: dict[str, Identifier] = {}
        for name, parameter in known.items():
            value = params.get(name) or parameter.default
            if value:
                bound[name] = parameter.term(value)
        return bound

    def bound_text(self, params: Mapping[str, str]) -> str:
        """The text with ``params`` (defaults filling the rest) bound in ``VALUES`` blocks, as a
        remote store receives it: plain SPARQL that gives the rows :func:`run` gives."""
        return with_bindings(self.text, self.bindings(params))


class Catalogue(Mapping[str, CannedQuery]):
    """The canned queries by id, in id order."""

    def __init__(self, queries: Mapping[str, CannedQuery]) -> None:
        self._queries = dict(sorted(queries.items()))

    def __getitem__(self, query_id: str) -> CannedQuery:
        return self._queries[query_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._queries)

    def __len__(self) -> int:
        return len(self._queries)


def load_catalogue(folder: Path = QUERIES_DIR) -> Catalogue:
    """Every ``*.rq`` file of ``folder``; CatalogueError if one is malformed or ids clash."""
    if not folder.is_dir():
        raise CatalogueError(f"{folder}: no such query folder")
    queries: dict[str, CannedQuery] = {}
    for path in sorted(folder.glob("*.rq")):
        query = _read_canned(path)
        queries[query.id] = query
    return Catalogue(queries)


def find_query(query_id: str, folder: Path = QUERIES_DIR) -> CannedQuery:
    """The canned query ``query_id`` of ``folder``, reading that file only.

    CatalogueError naming the known ids if there is no such query.
    """
    path = folder / f"{query_id}.rq"
    if not _QUERY_ID.fullmatch(query_id) or not path.is_file():
        known = ", ".join(sorted(candidate.stem for candidate in folder.glob("*.rq")))
        raise CatalogueError(f"unknown query {query_id!r} (known: {known})")
    return _read_canned(path)


def read_query(path: Path, *, require_metadata: bool = True) -> CannedQuery:
    """One ``.rq`` file; without ``require_metadata`` a file with no header is named by its stem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise CatalogueError(f"{path}: cannot read: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise CatalogueError(f"{path}: not UTF-8 text") from error
    try:
        return _parse(text, path, require_metadata)
    except _HeaderError as error:
        raise CatalogueError(f"{path}: {error}") from None


def run(query: CannedQuery, store: Store, params: Mapping[str, str] | None = None) -> Result:
    """Run ``query`` on ``store`` with ``params`` bound as typed terms; ParameterError if bad.

    The answer is tidied: ``multivalued`` cells have their parts sorted and their empty parts
    dropped (an unbound value joins as one, see queries/README.md), and are empty strings where
    nothing was joined (rdflib gives ``""`` for a GROUP_CONCAT of nothing, Oxigraph leaves it
    unbound); numbers are written in Oxigraph's canonical form (``3`` for ``3.0``, integer
    subtypes as ``xsd:integer``), which it applies to everything it stores; a row with no
    bound value (rdflib gives one for a grouped query without solutions) is dropped.
    """
    result = store.query(query.text, query.bindings(params or {}))
    columns = [Variable(name) for name in query.multivalued]
    tidy = Result("SELECT")
    tidy.vars = result.vars
    tidy.bindings = [
        _tidied(row, columns)
        for row in result.bindings
        if any(term is not None for term in row.values())
    ]
    return tidy


def _tidied(
    row: Mapping[Variable, Identifier | None], columns: list[Variable]
) -> dict[Variable, Identifier]:
    """One row as :func:`run` gives it: bound terms in canonical form, multivalued cells
    sorted (from the terms as the store gave them)."""
    tidied = {variable: _canonical(term) for variable, term in row.items() if term is not None}
    for variable in columns:
        tidied[variable] = _sorted_cell(row.get(variable))
    return tidied


def _read_canned(path: Path) -> CannedQuery:
    """A shipped query: metadata required, its id the file's name."""
    query = read_query(path)
    if query.id != path.stem:
        raise CatalogueError(f"{path}: id {query.id!r} differs from the file name")
    return query


class _HeaderError(Exception):
    """A problem in one file's header or text (wrapped with the file name)."""


def _parse(text: str, path: Path, require_metadata: bool) -> CannedQuery:
    fields, params = _read_header(text)
    if not fields and not params and not require_metadata:
        name = re.sub(r"[^a-z0-9_-]+", "-", path.stem.lower()).strip("-") or "query"
        fields = {"id": name, "title": path.stem, "question": f"What does {path.name} ask?"}
    missing = [key for key in _REQUIRED_KEYS if not fields.get(key)]
    if missing:
        raise _HeaderError(f"metadata header lacks {', '.join(missing)}")
    if not _QUERY_ID.fullmatch(fields["id"]):
        raise _HeaderError(f"id {fields['id']!r} is not lower-case letters, digits, - or _")
    cq = fields.get("cq") or None
    if cq is not None and not _CQ_ID.fullmatch(cq):
        raise _HeaderError(f"cq {cq!r} is not written CQ01 .. CQ99")
    projected = _projected_variables(text)
    parameters = tuple(_parameter(line, text) for line in params)
    names = [parameter.name for parameter in parameters]
    if len(set(names)) != len(names):
        raise _HeaderError("a parameter is declared twice")
    multivalued = tuple(
        name.strip() for name in fields.get("multivalued", "").split(",") if name.strip()
    )
    for name in multivalued:
        if name not in projected:
            raise _HeaderError(f"multivalued column {name!r} is not a result column")
    return CannedQuery(
        id=fields["id"],
        title=fields["title"],
        question=fields["question"],
        cq=cq,
        parameters=parameters,
        multivalued=multivalued,
        text=text,
        path=path,
    )


def _read_header(text: str) -> tuple[dict[str, str], list[str]]:
    fields: dict[str, str] = {}
    params: list[str] = []
    for line in text.splitlines():
        match = _HEADER_LINE.fullmatch(line.strip())
        if not match:
            break
        key, value = match.groups()
        if key == "param":
            params.append(value)
        elif key not in _SINGLE_KEYS:
            raise _HeaderError(f"unknown metadata key {key!r}")
        elif key in fields:
            raise _HeaderError(f"metadata key {key!r} appears twice")
        else:
            fields[key] = value
    return fields, params


def _parameter(line: str, text: str) -> Parameter:
    name, _, rest = line.partition(" ")
    type_, _, default = rest.strip().partition(" ")
    if not _VARIABLE_NAME.fullmatch(name):
        raise _HeaderError(f"param {line!r}: expected 'name type [default] [class IRI]'")
    if type_ not in PARAMETER_TYPES:
        raise _HeaderError(
            f"param {name}: type {type_!r} is not one of {', '.join(PARAMETER_TYPES)}"
        )
    if not re.search(rf"[?$]{name}\b", text):
        raise _HeaderError(f"param {name}: the query has no variable ?{name}")
    class_iri = None
    if type_ == "iri" and (match := _CLASS_SUFFIX.search(default)):
        default, class_iri = default[:match.start()], match["iri"]
        if not _IRI.fullmatch(class_iri):
            raise _HeaderError(f"param {name}: class {class_iri!r} is not an absolute IRI")
    parameter = Parameter(name, type_, default.strip() or None, class_iri)
    if parameter.default is not None:
        try:
            parameter.term(parameter.default)
        except ParameterError as error:
            raise _HeaderError(f"default of {error}") from None
    return parameter


def _projected_variables(text: str) -> set[str]:
    try:
        prepared = prepareQuery(text)
    except (ParseException, ValueError, TypeError, KeyError) as error:
        message = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise _HeaderError(f"not valid SPARQL: {message}") from None
    if prepared.algebra.name != "SelectQuery":
        raise _HeaderError("only SELECT queries can be canned queries")
    return {str(variable) for variable in prepared.algebra["PV"]}


def _is_calendar_date(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


_INTEGER_TYPES = frozenset(
    XSD[name] for name in (
        "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
        "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort",
        "unsignedByte",
    )
)
_XSD_DECIMAL = XSD.decimal
_XSD_INTEGER = XSD.integer
_REWRITTEN_TYPES = _INTEGER_TYPES | {_XSD_DECIMAL}
"""The datatypes whose literals :func:`_canonical` may rewrite (a large answer has many terms:
any other is returned after one look at its type)."""


def _canonical(term: Identifier) -> Identifier:
    """A decimal in its shortest form and an integer subtype as xsd:integer, as Oxigraph
    gives them; any other term as it is."""
    if not isinstance(term, Literal) or term.datatype not in _REWRITTEN_TYPES:
        return term
    try:
        if term.datatype == _XSD_DECIMAL:
            shortest = format(Decimal(str(term)).normalize(), "f")
            return Literal(shortest, datatype=_XSD_DECIMAL)
        return Literal(str(int(str(term))), datatype=_XSD_INTEGER)
    except (InvalidOperation, ValueError):
        return term


def _sorted_cell(term: Identifier | None) -> Identifier:
    """A `` | ``-joined cell with its parts sorted (numerically when all are numbers) and its
    empty parts dropped; an empty string for nothing. A plain literal already so is returned
    as it is (most cells hold one value)."""
    if term is None:
        return Literal("")
    if not isinstance(term, Literal) or not str(term):
        return term
    text = str(term)
    parts = [part for part in text.split(CELL_SEPARATOR) if part]
    try:
        ordered = sorted(parts, key=Decimal) if len(parts) > 1 else parts
    except InvalidOperation:
        ordered = sorted(parts)
    cell = CELL_SEPARATOR.join(ordered)
    if cell == text and term.datatype is None and term.language is None:
        return term
    return Literal(cell)
