// The label look-up of the form (/api/labels): resources by label for the editor's completion and
// the parameter pickers, and the label of one IRI. A search waits for typing to pause and drops
// the answer of a search that a newer one replaced.

import { config } from "./config.js";

const PAUSE_MS = 200;

async function fetchLabels(params, signal) {
  const response = await fetch(`${config.labelsPath}?${new URLSearchParams(params)}`, {
    headers: { Accept: "application/json" },
    signal,
  });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.json();
}

// A search function for one input: search(text, classIri) gives the matches [{iri, label, type}],
// or null when a later call replaced this one before it was sent or answered.
export function makeLabelSearch(limit = 20) {
  let latest = null;
  return async (text, classIri) => {
    latest?.abort();
    const controller = new AbortController();
    latest = controller;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    if (controller.signal.aborted) return null;
    const params = { q: text, limit: String(limit) };
    if (classIri) params.class = classIri;
    try {
      return await fetchLabels(params, controller.signal);
    } catch (error) {
      if (error.name === "AbortError") return null;
      throw error;
    }
  };
}

// The best label of one resource, or null when it has none.
export async function labelOf(iri) {
  const [match] = await fetchLabels({ iri });
  return match?.label ?? null;
}
