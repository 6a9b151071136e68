// The results panel: an answer shown in the views its shape allows (as the Wikidata Query
// Service does), the download links its shape has, and the error panel.
// SELECT: a sortable, paged table; a timeline when a column holds dates; a graph when rows link
// IRIs. ASK: yes or no. CONSTRUCT and DESCRIBE (asked for in N-Triples): a table of triples
// and a graph. Timeline and graph appear only when their npm library is installed.
// Values from the data are written with textContent (or the libraries' text APIs) only.

import { byId } from "./config.js";
import { linkColumns, renderGraph } from "./graph_view.js";
import { parseNTriples } from "./ntriples.js";
import { renderTable, rowCount } from "./table_view.js";
import { renderTimeline, timelineOf } from "./timeline_view.js";
import { hasLibrary, loadLibrary } from "./view_libraries.js";

// What the panel can show, for the request's Accept header.
export const ACCEPT_RESULTS =
  "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, */*;q=0.1";

const VIEW_NAMES = { table: "Table", timeline: "Timeline", graph: "Graph" };

// The download formats of each answer shape: [format name, button text].
const DOWNLOADS = {
  select: [["csv", "CSV"], ["tsv", "TSV"], ["json", "JSON"]],
  ask: [["json", "JSON"]],
  graph: [["ttl", "Turtle"], ["nt", "N-Triples"]],
  text: [],
};

const TRIPLE_COLUMNS = ["subject", "predicate", "object"];

// How to tear down each view drawn for the answer on show (vis-timeline listens on the window).
const teardowns = new Set();

function tearDownViews() {
  for (const tearDown of teardowns) tearDown();
  teardowns.clear();
}

export function clearOutput() {
  tearDownViews();
  byId("error-panel").hidden = true;
  const panel = byId("results-panel");
  panel.hidden = true;
  panel.dataset.answer = String(Number(panel.dataset.answer ?? 0) + 1);
  delete panel.dataset.shape;
  byId("view-tabs").replaceChildren();
  byId("view-tabs").hidden = true;
  for (const name of Object.keys(VIEW_NAMES)) {
    const view = byId(`view-${name}`);
    view.replaceChildren();
    view.hidden = true;
    delete view.dataset.drawn;
  }
  byId("results-text").hidden = true;
  byId("downloads").replaceChildren();
}

function showText(text) {
  const pre = byId("results-text");
  pre.textContent = text;
  pre.hidden = false;
}

// The answer in `response`: its shape and its table, triples or text.
async function readAnswer(response) {
  const type = (response.headers.get("Content-Type") ?? "").toLowerCase();
  if (type.includes("json") && !type.includes("ld+json")) {
    const data = await response.json();
    if (typeof data.boolean === "boolean") return { shape: "ask", text: data.boolean ? "yes" : "no" };
    const table = { vars: data.head?.vars ?? [], rows: data.results?.bindings ?? [] };
    return { shape: "select", table };
  }
  const text = await response.text();
  if (type.includes("n-triples")) {
    try {
      const triples = parseNTriples(text);
      return { shape: "graph", triples, table: { vars: TRIPLE_COLUMNS, rows: triples } };
    } catch (error) {
      return { shape: "graph", text: `${error.message}\n\n${text}` };
    }
  }
  const graph = /turtle|rdf\+xml|ld\+json|trig|n-quads/.test(type);
  return { shape: graph ? "graph" : "text", text };
}

// The views of an answer, the table first; a view is drawn the first time it is opened.
function viewsOf(answer) {
  const views = { table: (container) => renderTable(container, answer.table) };
  if (hasLibrary("timeline") && answer.shape === "select") {
    const timeline = timelineOf(answer.table);
    if (timeline?.items.length) {
      views.timeline = async (container) => renderTimeline(container, timeline,
        await loadLibrary("timeline"));
    }
  }
  const linked = answer.triples?.length
    || (answer.shape === "select" && linkColumns(answer.table).some((column) => column.chosen));
  if (hasLibrary("graph") && linked) {
    const source = answer.triples ? { triples: answer.triples } : { table: answer.table };
    views.graph = async (container) => renderGraph(container, source, await loadLibrary("graph"));
  }
  return views;
}

async function openView(name, views) {
  const panel = byId("results-panel");
  const answer = panel.dataset.answer;
  for (const tab of byId("view-tabs").children) {
    tab.setAttribute("aria-selected", String(tab.dataset.view === name));
    tab.tabIndex = tab.dataset.view === name ? 0 : -1;
  }
  for (const other of Object.keys(VIEW_NAMES)) byId(`view-${other}`).hidden = other !== name;
  const container = byId(`view-${name}`);
  if (container.dataset.drawn) return;
  container.dataset.drawn = "true";
  const loading = document.createElement("p");
  loading.className = "view-note muted";
  loading.textContent = `Drawing the ${name}…`;
  container.replaceChildren(loading);
  try {
    const tearDown = await views[name](container);
    if (panel.dataset.answer !== answer) {
      tearDown?.();
      return;
    }
    if (tearDown) teardowns.add(tearDown);
    container.dataset.ready = "true";
  } catch (error) {
    if (panel.dataset.answer !== answer) return;
    loading.textContent = `The ${name} could not be drawn (${error.message}).`;
    container.replaceChildren(loading);
  }
}

function showTabs(views) {
  const tabs = Object.keys(views).map((name) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.id = `tab-${name}`;
    tab.className = "view-tab";
    tab.dataset.view = name;
    tab.setAttribute("role", "tab");
    tab.setAttribute("aria-controls", `view-${name}`);
    tab.textContent = VIEW_NAMES[name];
    tab.addEventListener("click", () => openView(name, views));
    return tab;
  });
  const list = byId("view-tabs");
  list.replaceChildren(...tabs);
  list.hidden = tabs.length < 2;
  list.onkeydown = (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    const at = tabs.indexOf(document.activeElement);
    if (!step || at < 0) return;
    const next = tabs[(at + step + tabs.length) % tabs.length];
    next.focus();
    next.click();
  };
}

// Shows a successful response in its views. Gives the summary to print beside the elapsed
// time ("8,301 rows", "42 triples", or "" for yes/no and text).
export async function showAnswer(response) {
  const answer = await readAnswer(response);
  byId("results-panel").dataset.shape = answer.shape;
  if (!answer.table) {
    showText(answer.text);
    return "";
  }
  const views = viewsOf(answer);
  showTabs(views);
  await openView("table", views);
  return answer.triples ? rowCount(answer.triples.length, "triple") : rowCount(answer.table.rows.length);
}

// The download links the answer's shape has (`links.download(format)` gives each one's URL),
// and the permalink, which also becomes the page's address.
export function setLinks(links) {
  const shape = byId("results-panel").dataset.shape ?? "text";
  const anchors = DOWNLOADS[shape].map(([format, text]) => {
    const anchor = document.createElement("a");
    anchor.id = `download-${format}`;
    anchor.className = "button small";
    anchor.href = links.download(format);
    anchor.download = `results.${format}`;
    anchor.textContent = text;
    return anchor;
  });
  byId("downloads").replaceChildren(...anchors);
  byId("permalink").href = links.permalink;
  history.replaceState(null, "", links.permalink);
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
