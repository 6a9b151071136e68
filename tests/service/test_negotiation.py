"""Choosing a Linked Data representation by extension or by Accept, and the headers that name
the other representations."""

from __future__ import annotations

import pytest
from flask import Flask, Response
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from critmin.service.errors import ApiError
from critmin.service.negotiation import (
    HTML_PAGE,
    REPRESENTATIONS,
    link_alternates,
    negotiate,
    split_extension,
    with_extension,
)


def accept(header: str) -> MIMEAccept:
    return parse_accept_header(header, MIMEAccept)



@pytest.mark.parametrize(
    ("path", "stem", "extension"),
    [
        ("actor/chile.ttl", "actor/chile", "ttl"),
        ("actor/chile.rdf", "actor/chile", "rdf"),
        ("actor/chile.html", "actor/chile", "html"),
        ("actor/chile.jsonld", "actor/chile", "jsonld"),
        ("actor/chile.nt", "actor/chile", "nt"),
        ("actor/chile", "actor/chile", None),
        ("actor/u.s.", "actor/u.s.", None),
        ("actor/chile.json", "actor/chile.json", None),
        (".ttl", ".ttl", None),
    ],
)
def test_split_extension(path: str, stem: str, extension: str | None) -> None:
    found_stem, chosen = split_extension(path)
    assert (found_stem, chosen and chosen.extension) == (stem, extension)


def test_every_representation_has_its_own_extension_and_media_type() -> None:
    assert [(rep.extension, rep.media_type) for rep in REPRESENTATIONS] == [
        ("html", "text/html"), ("ttl", "text/turtle"), ("jsonld", "application/ld+json"),
        ("nt", "application/n-triples"), ("rdf", "application/rdf+xml"),
    ]
    assert all(with_extension(rep.extension) is rep for rep in REPRESENTATIONS)
    assert with_extension("xml") is None


@pytest.mark.parametrize(
    ("header", "extension"),
    [
        ("", "html"),
        ("*/*", "html"),
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
        ("text/turtle", "ttl"),
        ("application/x-turtle", "ttl"),
        ("application/rdf+xml", "rdf"),
        ("application/ld+json", "jsonld"),
        ("application/json", "jsonld"),
        ("text/plain", "nt"),
        ("application/n-triples;q=0.4, application/rdf+xml;q=0.8, text/html;q=0.1", "rdf"),
        ("text/html;q=0, */*", "ttl"),
    ],
)
def test_negotiate_honours_q_values(header: str, extension: str) -> None:
    assert negotiate(accept(header)).extension == extension


@pytest.mark.parametrize(
    "header", ["image/png", "application/sparql-results+json", "text/html;q=0"]
)
def test_negotiate_refuses_what_it_does_not_offer(header: str) -> None:
    with pytest.raises(ApiError) as raised:
        negotiate(accept(header))
    assert (raised.value.status, raised.value.title) == (406, "Not Acceptable")
    assert raised.value.message.endswith(
        "use one of: text/html, text/turtle, application/ld+json, application/n-triples,"
        " application/rdf+xml"
    )


def test_link_alternates_names_the_chosen_location_and_every_other_one() -> None:
    turtle = with_extension("ttl")
    assert turtle is not None
    with Flask(__name__).test_request_context():
        response = link_alternates(
            Response("x"), turtle, lambda rep: f"/thing.{rep.extension}", negotiated=True
        )
    assert response.headers["Content-Location"] == "/thing.ttl"
    assert response.headers["Link"].split(", ") == [
        '</thing.html>; rel="alternate"; type="text/html"',
        '</thing.jsonld>; rel="alternate"; type="application/ld+json"',
        '</thing.nt>; rel="alternate"; type="application/n-triples"',
        '</thing.rdf>; rel="alternate"; type="application/rdf+xml"',
    ]
    assert set(response.vary) == {"Accept"}


def test_a_representation_chosen_by_extension_does_not_vary_by_accept() -> None:
    with Flask(__name__).test_request_context():
        response = link_alternates(
            Response("x"), HTML_PAGE, lambda rep: f"/thing.{rep.extension}", negotiated=False
        )
    assert response.headers["Content-Location"] == "/thing.html"
    assert "Vary" not in response.headers
