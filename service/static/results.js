// The results panel: SPARQL JSON results as a table, yes/no for ASK, a graph answer as text,
// and the error panel. Values from the data are written with textContent only.

import { byId } from "./config.js";
import { termNode } from "./terms.js";

export function clearOutput() {
  byId("error-panel").hidden = true;
  byId("results-panel").hidden = true;
  byId("results-table").tHead.replaceChildren();
  byId("results-table").tBodies[0].replaceChildren();
  byId("results-text").hidden = true;
}

function showTable(data) {
  const table = byId("results-table");
  const vars = data.head?.vars ?? [];
  const headRow = document.createElement("tr");
  for (const name of vars) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    headRow.append(th);
  }
  table.tHead.replaceChildren(headRow);
  const rows = (data.results?.bindings ?? []).map((binding) => {
    const tr = document.createElement("tr");
    for (const name of vars) {
      const td = document.createElement("td");
      td.dataset.label = name;
      if (binding[name]) td.append(termNode(binding[name]));
      tr.append(td);
    }
    return tr;
  });
  table.tBodies[0].replaceChildren(...rows);
  table.hidden = false;
  return rows.length;
}

function showText(text) {
  byId("results-table").hidden = true;
  const pre = byId("results-text");
  pre.textContent = text;
  pre.hidden = false;
}

export function setLinks(links) {
  byId("download-csv").href = links.csv;
  byId("download-json").href = links.json;
  byId("permalink").href = links.permalink;
  history.replaceState(null, "", links.permalink);
}

// Show a successful response: a table, yes/no or a graph's text. Gives the summary to print
// beside the elapsed time ("12 rows", or "" for yes/no and graphs).
export async function showAnswer(response) {
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("json")) {
    showText(await response.text());
    return "";
  }
  const data = await response.json();
  if (typeof data.boolean === "boolean") {
    showText(data.boolean ? "yes" : "no");
    return "";
  }
  const count = showTable(data);
  return `${count} row${count === 1 ? "" : "s"}`;
}

// The error panel for a failed response; calls showPosition(line, column) when the error has one.
export async function showError(response, showPosition) {
  const text = await response.text();
  let message = text;
  let title = response.statusText;
  let where = null;
  try {
    const body = JSON.parse(text);
    const error = body.error ?? body;
    if (typeof error === "string") {
      message = error;
    } else {
      message = error.message ?? error.detail ?? JSON.stringify(error, null, 2);
      title = error.title ?? title;
      if (Number.isInteger(error.line)) where = { line: error.line, column: error.column ?? 1 };
    }
  } catch {
    // Not JSON: the body's text is the message.
  }
  const position = where ? ` · line ${where.line}, column ${where.column}` : "";
  byId("error-status").textContent = `${response.status} ${title}${position}`.trim();
  byId("error-message").textContent = message;
  byId("error-panel").hidden = false;
  if (where) showPosition(where.line, where.column);
}

export function showFailure(message) {
  byId("error-status").textContent = "No answer from the server";
  byId("error-message").textContent = message;
  byId("error-panel").hidden = false;
}
