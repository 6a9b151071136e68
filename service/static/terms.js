// RDF terms of SPARQL JSON results as DOM nodes: IRIs compacted with the form's prefixes and
// linked (to the resource pages for our own IRIs), literals with their language or datatype.

import { config } from "./config.js";

export function localHref(iri) {
  if (iri.startsWith(config.publicBase) && iri.length > config.publicBase.length) {
    return config.resourcePath + iri.slice(config.publicBase.length);
  }
  return /^https?:\/\//i.test(iri) ? iri : null;
}

// The prefixes longest namespace first, so that an IRI gets the most specific one.
const prefixes = Object.entries(config.prefixes).sort(([, a], [, b]) => b.length - a.length);

export function compact(iri) {
  for (const [prefix, namespace] of prefixes) {
    if (iri.startsWith(namespace) && iri.length > namespace.length) {
      return `${prefix}:${iri.slice(namespace.length)}`;
    }
  }
  return iri;
}

export function termNode(term) {
  if (term.type === "uri") {
    const href = localHref(term.value);
    const node = document.createElement(href ? "a" : "span");
    node.textContent = compact(term.value);
    node.title = term.value;
    if (href) {
      node.href = href;
      if (!href.startsWith(config.resourcePath)) node.rel = "noopener noreferrer external";
    }
    return node;
  }
  if (term.type === "bnode") {
    const node = document.createElement("span");
    node.className = "bnode";
    node.textContent = `_:${term.value}`;
    return node;
  }
  const node = document.createElement("span");
  node.className = "literal";
  node.textContent = term.value;
  const note = term["xml:lang"] ? `@${term["xml:lang"]}`
    : term.datatype && !term.datatype.endsWith("#string") ? compact(term.datatype) : "";
  if (note) {
    const small = document.createElement("small");
    small.className = "datatype";
    small.textContent = note;
    node.append(" ", small);
  }
  return node;
}
