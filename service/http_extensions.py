"""What the service takes from Flask extensions: CORS (flask-cors) and compression
(flask-compress).

- CORS: browser code on any origin may read every read-only route (the endpoint, the canned
  queries, resource pages, the ontology, ``/.well-known/...``, ``/health``, the JSON-LD
  context), preflight included; no credentials, so the origin is always ``*``.
- Compression: text answers of 500 bytes or more (pages, scripts and stylesheets, RDF and
  query results) are sent compressed as the client's ``Accept-Encoding`` allows (zstd, br,
  gzip or deflate). Static files, which Flask streams, are compressed chunk by chunk, and
  their conditional requests are evaluated after compression, on the encoded ETag.
"""

from __future__ import annotations

from flask import Flask
from flask_compress import Compress
from flask_cors import CORS

QUERY_METHODS = ["GET", "POST", "OPTIONS"]
READ_METHODS = ["GET", "HEAD", "OPTIONS"]

CORS_ROUTES = {
    "/sparql": {"methods": QUERY_METHODS},
    r"/api(/.*)?$": {"methods": QUERY_METHODS},
    r"/id/.*": {"methods": READ_METHODS},
    r"/ontology.*": {"methods": READ_METHODS},
    r"/\.well-known/.*": {"methods": READ_METHODS},
    "/health": {"methods": READ_METHODS},
    "/context.jsonld": {"methods": READ_METHODS},
}
"""The paths other origins may read (flask-cors patterns: a regular expression matched at the
start of the path, or a literal path) and the methods each allows."""

EXPOSED_HEADERS = [
    "X-Critmin-Max-Rows", "X-Critmin-Truncated", "ETag", "Link", "Content-Location"
]
"""Response headers that browser code on another origin may read, beyond the safelisted ones."""

COMPRESSED_TYPES = [
    "text/html", "text/css", "text/javascript", "application/javascript", "text/plain",
    "application/json", "application/xml", "text/csv", "text/tab-separated-values",
    "application/sparql-results+json", "application/sparql-results+xml",
    "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
]

STATIC_ENDPOINTS = ["web.static", "web.codemirror_asset"]
"""The routes that stream files (Flask's ``send_file``)."""


def enable_cors(app: Flask) -> None:
    """Let browser code on any origin read the read-only routes of ``app``."""
    CORS(
        app,
        resources=CORS_ROUTES,
        send_wildcard=True,
        allow_headers=["Accept", "Content-Type"],
        expose_headers=EXPOSED_HEADERS,
        max_age=86400,
    )


def enable_compression(app: Flask) -> None:
    """Compress the text answers of ``app`` (register it before ``http_caching``'s hook)."""
    defaults = {
        "COMPRESS_MIMETYPES": COMPRESSED_TYPES,
        "COMPRESS_MIN_SIZE": 500,
        "COMPRESS_ALGORITHM_STREAMING": ["zstd", "br", "gzip", "deflate"],
        "COMPRESS_STREAMING_ENDPOINT_CONDITIONAL": STATIC_ENDPOINTS,
    }
    for key, value in defaults.items():
        app.config.setdefault(key, value)
    Compress(app)
