"""critmin's prefixes (``graph.namespaces.PREFIXES``) as SPARQL declarations and in short names."""

from __future__ import annotations

from critmin.graph.base.namespaces import PREFIXES

SPARQL_PREFIXES = "\n".join(f"PREFIX {prefix}: <{iri}>" for prefix, iri in PREFIXES.items())
"""A SPARQL prologue declaring every critmin prefix, one ``PREFIX`` line each."""

_LONGEST_NAMESPACE_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def prefixed_name(iri: str) -> str | None:
    """``iri`` as ``prefix:local`` with the longest critmin namespace it extends, else None."""
    for prefix, namespace in _LONGEST_NAMESPACE_FIRST:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return None
