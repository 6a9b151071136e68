// N-Triples (W3C RDF 1.1 N-Triples) parsed into triples of SPARQL JSON terms, the shape the
// result views already show: { type: "uri" | "bnode" | "literal", value, datatype?, "xml:lang"? }.
// The endpoint answers CONSTRUCT and DESCRIBE in N-Triples for the form: one triple a line,
// so a strict line parser is all it takes (no bundler-free npm RDF parser exists to load).

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
const RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

const UCHAR = String.raw`\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}`;
const PATTERNS = {
  space: /[ \t]*/y,
  iri: new RegExp(String.raw`<((?:[^\x00-\x20<>"{}|^\x60\\]|${UCHAR})*)>`, "y"),
  bnode: /_:([A-Za-z0-9_\u00B7-\uFFFF](?:[A-Za-z0-9_.\-\u00B7-\uFFFF]*[A-Za-z0-9_\-\u00B7-\uFFFF])?)/y,
  string: new RegExp(String.raw`"((?:[^"\\\n\r]|\\[tbnrf"'\\]|${UCHAR})*)"`, "y"),
  language: /@([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)/y,
  datatypeMark: /\^\^/y,
  dot: /\./y,
  comment: /#.*/y,
};

const ESCAPES = { t: "\t", b: "\b", n: "\n", r: "\r", f: "\f", '"': '"', "'": "'", "\\": "\\" };

export class NTriplesError extends Error {
  constructor(message, line) {
    super(`N-Triples line ${line}: ${message}`);
    this.line = line;
  }
}

function unescape(text) {
  return text.replace(/\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))/g, (_, short, long, char) =>
    short || long ? String.fromCodePoint(parseInt(short || long, 16)) : ESCAPES[char]);
}

// Reads one line's tokens from left to right.
class LineReader {
  constructor(text, number) {
    this.text = text;
    this.number = number;
    this.at = 0;
  }

  take(name) {
    const pattern = PATTERNS[name];
    pattern.lastIndex = this.at;
    const match = pattern.exec(this.text);
    if (!match) return null;
    this.at = pattern.lastIndex;
    return match;
  }

  skipSpace() {
    this.take("space");
  }

  fail(expected) {
    const found = this.text.slice(this.at, this.at + 20) || "the end of the line";
    throw new NTriplesError(`expected ${expected} at column ${this.at + 1}, found ${found}`,
      this.number);
  }

  iri() {
    const match = this.take("iri");
    return match ? { type: "uri", value: unescape(match[1]) } : null;
  }

  bnode() {
    const match = this.take("bnode");
    return match ? { type: "bnode", value: match[1] } : null;
  }

  literal() {
    const match = this.take("string");
    if (!match) return null;
    const term = { type: "literal", value: unescape(match[1]) };
    const language = this.take("language");
    if (language) {
      term["xml:lang"] = language[1];
    } else if (this.take("datatypeMark")) {
      const datatype = this.iri() ?? this.fail("a datatype IRI");
      if (datatype.value !== XSD_STRING && datatype.value !== RDF_LANG_STRING) {
        term.datatype = datatype.value;
      }
    }
    return term;
  }

  // The line's triple, or null for a blank or comment line.
  triple() {
    this.skipSpace();
    if (this.at === this.text.length || this.take("comment")) return null;
    const subject = this.iri() ?? this.bnode() ?? this.fail("a subject (IRI or blank node)");
    this.skipSpace();
    const predicate = this.iri() ?? this.fail("a predicate IRI");
    this.skipSpace();
    const object = this.iri() ?? this.bnode() ?? this.literal() ?? this.fail("an object");
    this.skipSpace();
    if (!this.take("dot")) this.fail('"."');
    this.skipSpace();
    this.take("comment");
    if (this.at !== this.text.length) this.fail("the end of the line");
    return { subject, predicate, object };
  }
}

// Every triple of an N-Triples document, in document order; NTriplesError names a bad line.
export function parseNTriples(text) {
  const triples = [];
  text.split(/\r\n|\n|\r/).forEach((line, index) => {
    const triple = new LineReader(line, index + 1).triple();
    if (triple) triples.push(triple);
  });
  return triples;
}
