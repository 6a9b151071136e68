// The critmin query form: runs SPARQL and canned questions in place and shows their results.
// Every value from the data is written with textContent (never parsed as HTML); links are made
// only for http(s) IRIs. CodeMirror is used when the page loaded it, else the plain textarea.

import { byId, config } from "./config.js";
import {
  ACCEPT_RESULTS, clearOutput, setLinks, showAnswer, showError, showFailure,
} from "./results.js";

// ---- editor -----------------------------------------------------------------------------

function makeEditor(textarea, run) {
  if (typeof window.CodeMirror === "function") {
    const keys = { "Ctrl-Enter": run, "Cmd-Enter": run };
    const editor = window.CodeMirror.fromTextArea(textarea, {
      mode: "application/sparql-query",
      lineNumbers: true,
      matchBrackets: true,
      indentUnit: 2,
      lineWrapping: true,
      extraKeys: keys,
    });
    document.body.classList.add("has-codemirror");
    return {
      get: () => editor.getValue(),
      showPosition: (line, column) => editor.setCursor({ line: line - 1, ch: column - 1 }),
    };
  }
  textarea.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      run();
    }
  });
  return {
    get: () => textarea.value,
    showPosition: (line, column) => {
      const lines = textarea.value.split("\n");
      const offset = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
      textarea.setSelectionRange(offset + column - 1, offset + column - 1);
    },
  };
}

// Fetch, then show the results or the error panel.
async function run(request, links) {
  clearOutput();
  const status = byId("run-status");
  status.textContent = "Running…";
  document.body.setAttribute("aria-busy", "true");
  const started = performance.now();
  try {
    const response = await request();
    if (!response.ok) {
      await showError(response, editor.showPosition);
      return;
    }
    const summary = await showAnswer(response);
    const elapsed = Math.round(performance.now() - started);
    byId("results-count").textContent = [summary, `${elapsed} ms`].filter(Boolean).join(" · ");
    setLinks(links);
    byId("results-panel").hidden = false;
  } catch (error) {
    showFailure(String(error));
  } finally {
    status.textContent = "";
    document.body.removeAttribute("aria-busy");
  }
}

// ---- free SPARQL ------------------------------------------------------------------------

let editor;

function runEditorQuery() {
  const query = editor.get();
  const encoded = encodeURIComponent(query);
  byId("question-panel").hidden = true;
  markSelected(null);
  return run(
    () => fetch(config.sparqlPath, {
      method: "POST",
      headers: { Accept: ACCEPT_RESULTS },
      body: new URLSearchParams({ query }),
    }),
    {
      download: (format) => `${config.sparqlPath}?query=${encoded}&format=${format}`,
      permalink: `${location.pathname}?query=${encoded}`,
    },
  );
}

// ---- canned questions -------------------------------------------------------------------

let questions = [];
let current = null;

function inputFor(parameter, value) {
  const input = document.createElement("input");
  const type = String(parameter.type ?? "string").toLowerCase().replace(/^xsd:/, "");
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
  } else if (type === "iri" || type === "uri") {
    input.type = "text";
    input.inputMode = "url";
    input.placeholder = "https://…";
    input.spellcheck = false;
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

function selectQuestion(question, values) {
  current = question;
  markSelected(question.id);
  const sameName = (question.cq ?? "").toLowerCase() === question.id.toLowerCase();
  byId("question-cq").textContent = question.cq && !sameName
    ? `${question.cq} · ${question.id}` : question.cq || question.id;
  byId("question-title").textContent = question.title ?? question.id;
  byId("question-text").textContent = question.question ?? "";
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
  const panel = byId("question-panel");
  panel.hidden = false;
  if (window.matchMedia("(max-width: 800px)").matches) panel.scrollIntoView({ block: "start" });
  return runQuestion();
}

function runQuestion() {
  const params = new URLSearchParams();
  for (const input of byId("question-params").querySelectorAll("input")) {
    if (input.value !== "") params.set(input.name, input.value);
  }
  const url = `${config.queriesPath}/${encodeURIComponent(current.id)}`;
  const search = params.toString() ? `?${params}` : "";
  const permalink = new URLSearchParams({ question: current.id });
  for (const [name, value] of params) permalink.set(name, value);
  return run(
    () => fetch(`${url}${search}`, { headers: { Accept: "application/sparql-results+json" } }),
    {
      download: (format) => `${url}.${format}${search}`,
      permalink: `${location.pathname}?${permalink}`,
    },
  );
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
  editor = makeEditor(byId("query"), runEditorQuery);
  byId("query-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runEditorQuery();
  });
  byId("question-form").addEventListener("submit", (event) => {
    event.preventDefault();
    runQuestion();
  });
  const search = new URLSearchParams(location.search);
  const loading = loadQuestions();
  if (search.has("query")) {
    await runEditorQuery();
  } else if (search.has("question")) {
    await loading;
    const question = questions.find((candidate) => candidate.id === search.get("question"));
    if (question) await selectQuestion(question, search);
    else showFailure(`There is no question "${search.get("question")}".`);
  }
  document.body.dataset.ready = "true";
}

start();
