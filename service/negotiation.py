"""Content negotiation of the Linked Data routes (``/id/...``, ``/ontology``).

A described thing has one representation per media type: the HTML page for people, and Turtle,
JSON-LD, N-Triples and RDF/XML for machines. Each has a URL of its own, the thing's URL plus an
extension (``.html``, ``.ttl``, ``.jsonld``, ``.nt``, ``.rdf``); the URL without one chooses by
``Accept`` (werkzeug's q-value parser: ``*/*`` or no ``Accept`` gives HTML, plain JSON gives
JSON-LD) and answers 406, listing what it offers, when ``Accept`` names none of them. Every
answer says where its representation lives (``Content-Location``) and where the others are
(``Link: <...>; rel="alternate"``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from flask import Response
from werkzeug.datastructures import MIMEAccept

from critmin.service.jsonld_context import context_link
from critmin.service.sparql_formats import (
    JSONLD,
    NTRIPLES,
    RDFXML,
    TURTLE,
    ResultFormat,
    not_acceptable,
)

HTML = "text/html"
JSON = "application/json"


@dataclass(frozen=True)
class Representation:
    """One way to serve a described thing: the extension of its own URL, the media type it is
    sent as, the graph format that writes it (``None`` for the HTML page) and the media types
    that choose it in ``Accept``."""

    extension: str
    media_type: str
    graph_format: ResultFormat | None
    accepted_as: tuple[str, ...]


def rdf_representation(extension: str, fmt: ResultFormat, *more_accepted: str) -> Representation:
    """The representation of graph format ``fmt`` at URLs ending in ``.extension``."""
    return Representation(extension, fmt.media_types[0], fmt, (*fmt.media_types, *more_accepted))


HTML_PAGE = Representation("html", HTML, None, (HTML,))
REPRESENTATIONS = (
    HTML_PAGE,
    rdf_representation("ttl", TURTLE),
    rdf_representation("jsonld", JSONLD, JSON),
    rdf_representation("nt", NTRIPLES),
    rdf_representation("rdf", RDFXML),
)
"""Every representation, HTML first (what ``*/*`` gets); the others in the order pages list them."""

RDF_REPRESENTATIONS = REPRESENTATIONS[1:]


def with_extension(
    extension: str, offered: Sequence[Representation] = REPRESENTATIONS
) -> Representation | None:
    """The representation of ``offered`` whose URLs end in ``.extension``, if any."""
    return next((rep for rep in offered if rep.extension == extension), None)


def split_extension(
    path: str, offered: Sequence[Representation] = REPRESENTATIONS
) -> tuple[str, Representation | None]:
    """``path`` without the extension of a representation of ``offered``, and that
    representation (``None`` when ``path`` ends in none)."""
    stem, dot, extension = path.rpartition(".")
    chosen = with_extension(extension, offered) if dot and stem else None
    return (stem, chosen) if chosen else (path, None)


def negotiate(
    accept: MIMEAccept, offered: Sequence[Representation] = REPRESENTATIONS
) -> Representation:
    """The representation of ``offered`` that ``accept`` prefers (the first when it is empty);
    :class:`ApiError` 406 when it accepts none."""
    if not accept:
        return offered[0]
    best = accept.best_match([media for rep in offered for media in rep.accepted_as])
    if best is None:
        raise not_acceptable([rep.media_type for rep in offered])
    return next(rep for rep in offered if best in rep.accepted_as)


def link_alternates(
    response: Response, chosen: Representation, url_of: Callable[[Representation], str],
    negotiated: bool, offered: Sequence[Representation] = REPRESENTATIONS,
) -> Response:
    """``response`` (``chosen``) with ``Content-Location``, a ``Link`` to every other
    representation of ``offered`` (``url_of`` gives their URLs), the JSON-LD context's
    ``Link`` on JSON-LD, and ``Vary: Accept`` when ``Accept`` chose it."""
    response.headers["Content-Location"] = url_of(chosen)
    links = [
        f'<{url_of(rep)}>; rel="alternate"; type="{rep.media_type}"'
        for rep in offered if rep is not chosen
    ]
    if chosen.graph_format is JSONLD:
        links.append(context_link())
    response.headers["Link"] = ", ".join(links)
    if negotiated:
        response.vary.add("Accept")
    return response
