// The critmin query form: runs SPARQL and canned questions in place and shows their results.
// A canned question puts its SPARQL, parameters bound, into the editor and runs that text, so
// what the analyst sees is what ran. Every value from the data is written with textContent
// (never parsed as HTML); links are made only for http(s) IRIs.

import { makeHint } from "./completion.js";
import { byId, config } from "./config.js";
import { makeEditor } from "./editor.js";
import { makeHistory } from "./history.js";
import { makeIriPicker } from "./pickers.js";
import {
  ACCEPT_RESULTS, clearOutput, setLinks, showAnswer, showError, showFailure,
} from "./results.js";
import { withImplicitPrefixes } from "./sparql_names.js";

let editor;
let history;
let running = null; // the AbortController of the request under way

// Fetch with `request(signal)`, then show the results or the error panel; `markError(line,
// column)` marks a syntax error's place in the editor. Cancel aborts the request.
async function run(request, links, markError) {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  clearOutput();
  editor.clearError();
  const status = byId("run-status");
  status.textContent = "Running…";
  byId("cancel-query").hidden = false;
  document.body.setAttribute("aria-busy", "true");
  const started = performance.now();
  let outcome = "";
  try {
    const response = await request(controller.signal);
    if (!response.ok) {
      await showError(response, markError);
      return;
    }
    const summary = await showAnswer(response);
    const elapsed = Math.round(performance.now() - started);
    byId("results-count").textContent = [summary, `${elapsed} ms`].filter(Boolean).join(" · ");
    setLinks(links);
    byId("results-panel").hidden = false;
  } catch (error) {
    if (running !== controller) return; // a newer run replaced this one
    if (error.name === "AbortError") {
      clearOutput();
      outcome = "Cancelled: the query was stopped before it answered.";
    } else {
      showFailure(String(error));
    }
  } finally {
    if (running === controller) {
      running = null;
      status.textContent = outcome;
      byId("cancel-query").hidden = true;
      document.body.removeAttribute("aria-busy");
    }
  }
}

// Run `text` from the editor on the endpoint, with the standard prefixes it uses added.
// `links` default to the endpoint's CSV and JSON and a permalink holding the text.
function runText(text, links) {
  const sent = withImplicitPrefixes(text, config.prefixes);
  const encoded = encodeURIComponent(sent.text);
  history.add(text);
  return run(
    (signal) => fetch(config.sparqlPath, {
      method: "POST",
      headers: { Accept: ACCEPT_RESULTS },
      body: new URLSearchParams({ query: sent.text }),
      signal,
    }),
    links ?? {
      download: (format) => `${config.sparqlPath}?query=${encoded}&format=${format}`,
      permalink: `${location.pathname}?query=${encodeURIComponent(text)}`,
    },
    // The added declarations lengthen line 1 only: map a column there back to the editor's.
    (line, column) => editor.markError(line, line === 1 ? Math.max(column - sent.shift, 1) : column),
  );
}

function runEditorQuery() {
  byId("question-panel").hidden = true;
  markSelected(null);
  return runText(editor.get());
}

// ---- canned questions -------------------------------------------------------------------

let questions = [];
let current = null;

function inputFor(parameter, value) {
  const type = String(parameter.type ?? "string").toLowerCase().replace(/^xsd:/, "");
  if (type === "iri" || type === "uri") return makeIriPicker(parameter, value);
  const input = document.createElement("input");
  input.name = parameter.name;
  input.id = `param-${parameter.name}`;
  input.value = value ?? "";
  if (type === "integer" || type === "int") {
    input.type = "number";
    input.step = "1";
    input.inputMode = "numeric";
  } else if (type === "decimal") {
    input.type = "number";
    input.step = "any";
    input.inputMode = "decimal";
  } else if (type === "date" && (!input.value || /^\d{4}-\d{2}-\d{2}$/.test(input.value))) {
    input.type = "date";
  } else {
    input.type = "text";
  }
  return input;
}

function markSelected(id) {
  for (const button of document.querySelectorAll(".question-button")) {
    button.setAttribute("aria-pressed", String(button.dataset.id === id));
  }
}

function showQuestionPanel(eyebrow, title, text, withForm = false) {
  byId("question-cq").textContent = eyebrow;
  byId("question-title").textContent = title;
  byId("question-text").textContent = text;
  byId("question-form").hidden = !withForm;
  const panel = byId("question-panel");
  panel.hidden = false;
  if (window.matchMedia("(max-width: 800px)").matches) panel.scrollIntoView({ block: "start" });
}

function selectQuestion(question, values) {
  current = question;
  markSelected(question.id);
  const sameName = (question.cq ?? "").toLowerCase() === question.id.toLowerCase();
  const eyebrow = question.cq && !sameName
    ? `${question.cq} · ${question.id}` : question.cq || question.id;
  const fields = (question.parameters ?? []).map((parameter) => {
    const wrapper = document.createElement("div");
    wrapper.className = /^(iri|uri|string)$/i.test(parameter.type ?? "") ? "param is-wide" : "param";
    const label = document.createElement("label");
    label.htmlFor = `param-${parameter.name}`;
    label.textContent = parameter.name;
    const type = document.createElement("small");
    type.textContent = ` ${parameter.type ?? "string"}`;
    label.append(type);
    wrapper.append(label, inputFor(parameter, values.get(parameter.name) ?? parameter.default));
    return wrapper;
  });
  byId("question-params").replaceChildren(...fields);
  showQuestionPanel(eyebrow, question.title ?? question.id, question.question ?? "", true);
  return runQuestion();
}

// Fetch the question's SPARQL with its parameters bound, put it in the editor and run it.
async function runQuestion() {
  const params = new URLSearchParams();
  for (const input of byId("question-params").querySelectorAll("input[name]")) {
    if (input.value !== "") params.set(input.name, input.value);
  }
  const search = params.toString() ? `?${params}` : "";
  const url = `${config.queriesPath}/${encodeURIComponent(current.id)}`;
  clearOutput();
  try {
    const response = await fetch(`${current.text_url}${search}`, {
      headers: { Accept: "application/sparql-query" },
    });
    if (!response.ok) {
      await showError(response, () => {});
      return;
    }
    editor.set(await response.text());
  } catch (error) {
    showFailure(String(error));
    return;
  }
  const permalink = new URLSearchParams({ question: current.id });
  for (const [name, value] of params) permalink.set(name, value);
  await runText(editor.get(), {
    download: (format) => `${url}.${format}${search}`,
    permalink: `${location.pathname}?${permalink}`,
  });
}

function renderQuestions() {
  const items = questions.map((question) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "question-button";
    button.dataset.id = question.id;
    button.setAttribute("aria-pressed", "false");
    const tag = document.createElement("span");
    tag.className = "tag";
    tag.textContent = question.cq || question.id;
    const text = document.createElement("span");
    text.className = "question-words";
    text.textContent = question.question || question.title || question.id;
    button.append(tag, text);
    button.addEventListener("click", () => selectQuestion(question, new Map()));
    item.append(button);
    return item;
  });
  byId("question-list").replaceChildren(...items);
}

async function loadQuestions() {
  try {
    const response = await fetch(config.queriesPath, { headers: { Accept: "application/json" } });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    questions = await response.json();
    renderQuestions();
  } catch (error) {
    byId("question-list-status").textContent = `The questions could not be loaded (${error.message}).`;
  }
}

// ---- start ------------------------------------------------------------------------------

async function start() {
  editor = makeEditor(byId("query"), { run: runEditorQuery, hint: makeHint() });
  history = makeHistory(byId("history-list"), byId("clear-history"), (query) => editor.set(query));
  byId("query-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runEditorQuery();
  });
  byId("question-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runQuestion();
  });
  byId("cancel-query").addEventListener("click", () => running?.abort());
  const search = new URLSearchParams(location.search);
  const loading = loadQuestions();
  if (search.has("query")) {
    await runEditorQuery();
  } else if (search.has("question")) {
    await loading;
    const id = search.get("question");
    const question = questions.find((candidate) => candidate.id === id);
    if (question) await selectQuestion(question, search);
    else showQuestionPanel("Not found", `There is no question "${id}"`, "Choose one from the list.");
  }
  document.body.dataset.ready = "true";
}

start();
