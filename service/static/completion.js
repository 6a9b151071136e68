// Completion in the editor (CodeMirror's show-hint addon): prefixes, the classes and properties
// of the ontology (/api/vocabulary, read once), and resources by label (/api/labels, once
// typing pauses). A completion inserts a prefixed name (cm:Agreement, cmr:actor\/china).

import { config } from "./config.js";
import { makeLabelSearch } from "./labels.js";
import { shortName, sparqlName } from "./sparql_names.js";

const NAME_CHAR = /[\w.:\\/-]/;
const MAX_TERMS = 15;
const MIN_LABEL_TEXT = 3;

async function loadVocabulary() {
  try {
    const response = await fetch(config.vocabularyPath, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${response.status}`);
    const { classes, properties } = await response.json();
    return [
      ...classes.map((term) => ({ ...term, kind: "class" })),
      ...properties.map((term) => ({ ...term, kind: "property" })),
    ];
  } catch {
    return []; // completion goes on with prefixes and labels
  }
}

const startsWith = (text, start) => (text ?? "").toLowerCase().startsWith(start.toLowerCase());

function prefixItems(word) {
  return Object.entries(config.prefixes)
    .filter(([name]) => startsWith(name, word))
    .map(([name, namespace]) => ({ text: `${name}:`, displayText: `${name}:  ${namespace}` }));
}

function termItem(term) {
  const name = sparqlName(term.iri, config.prefixes);
  const label = term.label ? ` · ${term.label}` : "";
  return { text: name, displayText: `${name}${label} (${term.kind})` };
}

// Terms for "prefix:start" (by local name) or for a bare word (by local name or label).
function termItems(word, terms) {
  const colon = word.indexOf(":");
  const matching = colon >= 0
    ? terms.filter((term) => {
      const namespace = config.prefixes[word.slice(0, colon)];
      return namespace && term.iri.startsWith(namespace)
        && startsWith(term.iri.slice(namespace.length), word.slice(colon + 1));
    })
    : terms.filter((term) => startsWith(term.label, word)
      || startsWith(term.iri.replace(/^.*[#/]/, ""), word));
  return matching.slice(0, MAX_TERMS).map(termItem);
}

function labelItem(match) {
  const type = match.type ? ` (${shortName(match.type, config.prefixes)})` : "";
  const shown = shortName(match.iri, config.prefixes);
  const text = sparqlName(match.iri, config.prefixes);
  return { text, displayText: `${match.label}${type} · ${shown}` };
}

// A CodeMirror hint function (it gives a promise, as show-hint allows).
export function makeHint() {
  const vocabulary = loadVocabulary();
  const searchLabels = makeLabelSearch(10);
  return async (cm) => {
    const cursor = cm.getCursor();
    if (/string|comment/.test(cm.getTokenAt(cursor).type ?? "")) return null;
    const line = cm.getLine(cursor.line);
    let start = cursor.ch;
    while (start > 0 && NAME_CHAR.test(line[start - 1])) start -= 1;
    const word = line.slice(start, cursor.ch);
    if (!word || /[?$<_]/.test(line[start - 1] ?? "")) return null;
    const items = word.includes(":") ? [] : prefixItems(word);
    items.push(...termItems(word, await vocabulary));
    if (!word.includes(":") && word.length >= MIN_LABEL_TEXT) {
      const matches = await searchLabels(word).catch(() => []);
      if (matches === null) return null; // a newer search replaced this one
      items.push(...matches.map(labelItem));
    }
    if (!items.length) return null;
    const completion = { list: items, from: { line: cursor.line, ch: start }, to: cursor };
    window.CodeMirror.on(completion, "pick", () => cm.focus()); // typing goes on after a click
    return completion;
  };
}
