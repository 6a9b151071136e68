"""RDF terms between rdflib (what the service works with) and pyoxigraph (what the store holds).

A literal of type ``xsd:string`` comes back as a plain rdflib literal, as rdflib's own parsers
read ``"text"``, so answers compare equal whichever store gave them. Other literals keep
Oxigraph's lexical form (rdflib would otherwise rewrite ``PT0S`` as ``P0D``).

Between processes a term travels packed, as a tuple of strings (:func:`pack`, :func:`unpack`):
it pickles several times faster than either library's term objects.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Identifier

_XSD_STRING = str(XSD.string)

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal
PackedTerm = tuple[str, ...]
"""``("iri", value)``, ``("bnode", id)``, ``("literal", value, datatype, language)`` (empty
strings for none)."""


def to_oxigraph(term: Identifier) -> OxTerm:
    """The pyoxigraph term for an rdflib IRI, blank node or literal."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_oxigraph(term: OxTerm) -> Identifier:
    """The rdflib term for a pyoxigraph IRI, blank node or literal."""
    return unpack(pack(term))


def pack(term: OxTerm) -> PackedTerm:
    """A pyoxigraph term as a tuple of strings (see the module docstring)."""
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return ("literal", term.value, "", term.language)
        datatype = term.datatype.value
        return ("literal", term.value, "" if datatype == _XSD_STRING else datatype, "")
    raise TypeError(f"not an RDF term Oxigraph can give: {term!r}")


def unpack(packed: PackedTerm) -> Identifier:
    """The rdflib term of a packed one."""
    kind, value = packed[0], packed[1]
    if kind == "iri":
        # What URIRef(value) builds, without its validity check (10 µs an IRI, a second for
        # a large answer): Oxigraph's IRIs are valid already.
        return str.__new__(URIRef, value)
    if kind == "bnode":
        return BNode(value)
    # normalize=False: Oxigraph's lexical form is kept (and rdflib's rewrite of a plain string,
    # which gives it back unchanged, costs half the time of making the literal).
    datatype, language = packed[2], packed[3]
    if language:
        return Literal(value, lang=language, normalize=False)
    if not datatype:
        return Literal(value, normalize=False)
    return Literal(value, datatype=str.__new__(URIRef, datatype), normalize=False)
