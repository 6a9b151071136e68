// Prefixed names in SPARQL text: the standard prefixes a query uses without declaring them
// (added before it is sent, as WDQS does), and IRIs written as prefixed names for completion.

// Comments, strings (long and short) and IRIs: blanked out before looking for prefixes.
const SKIPPED = /#[^\n]*|'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|<[^<>"{}|^`\\\s]*>/g;
const USED = /(?:^|[^\w?$:.\\-])([A-Za-z][\w.-]*)?:/g;
const DECLARED = /\bPREFIX\s+([A-Za-z][\w.-]*)?:/gi;

function masked(text) {
  return text.replace(SKIPPED, (skipped) => " ".repeat(skipped.length));
}

// The known prefixes `text` uses but does not declare, in order of first use.
export function undeclaredPrefixes(text, prefixes) {
  const plain = masked(text);
  const declared = new Set([...plain.matchAll(DECLARED)].map((match) => match[1] ?? ""));
  const used = [...plain.matchAll(USED)].map((match) => match[1] ?? "");
  return [...new Set(used)].filter((name) => name in prefixes && !declared.has(name));
}

// `text` with a PREFIX declaration for each known prefix it uses without declaring, all on its
// first line so that line numbers stay those of the editor. `shift` is how many characters the
// first line grew by (to map an error's column on line 1 back).
export function withImplicitPrefixes(text, prefixes) {
  const names = undeclaredPrefixes(text, prefixes);
  const head = names.map((name) => `PREFIX ${name}: <${prefixes[name]}> `).join("");
  return { text: head + text, added: names, shift: head.length };
}

// Characters a local name may hold only escaped with a backslash ("-" but first, "." but first
// or last, are allowed as they are).
const ESCAPED = /[~.!$&'()*+,;=/?#@%-]/g;

function escapeLocal(local) {
  return local.replace(ESCAPED, (char, at) => {
    const inside = at > 0 && (char === "-" || (char === "." && at < local.length - 1));
    return inside ? char : `\\${char}`;
  });
}

// The prefix of the longest namespace of `prefixes` that `iri` extends with a local name that
// SPARQL can write (escaped), and that local name; null when there is none.
function splitName(iri, prefixes) {
  const entries = Object.entries(prefixes).sort(([, a], [, b]) => b.length - a.length);
  for (const [name, namespace] of entries) {
    const local = iri.slice(namespace.length);
    if (iri.startsWith(namespace) && /^[\w~.!$&'()*+,;=/?#@%:-]+$/.test(local)) return [name, local];
  }
  return null;
}

// `iri` as SPARQL: prefix:local (escaping what must be), or <iri> when no prefix fits.
export function sparqlName(iri, prefixes) {
  const split = splitName(iri, prefixes);
  return split ? `${split[0]}:${escapeLocal(split[1])}` : `<${iri}>`;
}

// `iri` to show: prefix:local as it reads (cmr:actor/china), or the IRI.
export function shortName(iri, prefixes) {
  const split = splitName(iri, prefixes);
  return split ? `${split[0]}:${split[1]}` : iri;
}
