// The table view: rows of SPARQL JSON terms, sortable by a click on a column's header (or the
// "Sort by" list on a phone, where the header is hidden) and shown a page at a time.
// Cells compare by datatype: numbers as numbers, dates and times by their ISO text, other
// text with a numeric-aware collation; empty cells (and empty text) go last either way.

import { compact, termNode } from "./terms.js";

const PAGE_SIZES = [25, 100, 500];
const DEFAULT_PAGE_SIZE = 100;

const XSD = "http://www.w3.org/2001/XMLSchema#";
const NUMERIC_TYPES = new Set([
  "integer", "decimal", "double", "float", "int", "long", "short", "byte",
  "nonNegativeInteger", "positiveInteger", "negativeInteger", "nonPositiveInteger",
  "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte",
].map((name) => XSD + name));
const TEMPORAL_TYPES = new Set(
  ["date", "dateTime", "time", "gYear", "gYearMonth"].map((name) => XSD + name),
);

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const formatCount = (count) => count.toLocaleString("en");

// A term's sort rank and key: blank nodes, then IRIs, numbers, dates, text.
function sortKey(term) {
  if (term.type === "bnode") return [1, term.value];
  if (term.type === "uri") return [2, compact(term.value)];
  if (NUMERIC_TYPES.has(term.datatype) && !Number.isNaN(Number(term.value))) {
    return [3, Number(term.value)];
  }
  if (TEMPORAL_TYPES.has(term.datatype)) return [4, term.value];
  return [5, term.value];
}

function compareKeys([rankA, keyA], [rankB, keyB]) {
  if (rankA !== rankB) return rankA - rankB;
  if (rankA === 3) return keyA - keyB;
  if (rankA === 4) return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
  return collator.compare(keyA, keyB);
}

// The rows sorted by `column` (direction 1 ascending, -1 descending); a stable sort.
export function sortRows(rows, column, direction) {
  const keyed = rows.map((row) => {
    const term = row[column];
    return { row, key: term && term.value !== "" ? sortKey(term) : null };
  });
  keyed.sort((a, b) => {
    if (!a.key || !b.key) return (a.key ? 0 : 1) - (b.key ? 0 : 1);
    return direction * compareKeys(a.key, b.key);
  });
  return keyed.map(({ row }) => row);
}

function button(text, action, label) {
  const element = document.createElement("button");
  element.type = "button";
  element.className = "button small";
  element.textContent = text;
  element.dataset.action = action;
  if (label) element.setAttribute("aria-label", label);
  return element;
}

function sortChooser(vars) {
  const label = document.createElement("label");
  label.className = "sort-chooser";
  label.textContent = "Sort by ";
  const select = document.createElement("select");
  select.id = "table-sort";
  const options = [["", "query order"]];
  for (const name of vars) options.push([`${name}:1`, `${name} ↑`], [`${name}:-1`, `${name} ↓`]);
  for (const [value, text] of options) select.add(new Option(text, value));
  label.append(select);
  return label;
}

function pageSizeChooser() {
  const label = document.createElement("label");
  label.className = "page-size";
  const select = document.createElement("select");
  select.id = "table-page-size";
  for (const size of PAGE_SIZES) select.add(new Option(String(size), String(size)));
  select.value = String(DEFAULT_PAGE_SIZE);
  label.append(select, " rows a page");
  return label;
}

function pager() {
  const nav = document.createElement("nav");
  nav.className = "pager";
  nav.setAttribute("aria-label", "Pages");
  const status = document.createElement("span");
  status.className = "pager-status";
  nav.append(
    button("«", "first", "First page"),
    button("‹", "previous", "Previous page"),
    status,
    button("›", "next", "Next page"),
    button("»", "last", "Last page"),
  );
  return nav;
}

function headerRow(vars) {
  const row = document.createElement("tr");
  for (const name of vars) {
    const th = document.createElement("th");
    th.scope = "col";
    th.setAttribute("aria-sort", "none");
    const sort = document.createElement("button");
    sort.type = "button";
    sort.className = "sort-button";
    sort.dataset.column = name;
    sort.textContent = name;
    th.append(sort);
    row.append(th);
  }
  return row;
}

function bodyRow(vars, binding) {
  const tr = document.createElement("tr");
  for (const name of vars) {
    const td = document.createElement("td");
    td.dataset.label = name;
    if (binding[name]) td.append(termNode(binding[name]));
    tr.append(td);
  }
  return tr;
}

// Draws `table` ({ vars, rows }: rows of SPARQL JSON bindings) into `container`, the first page
// of it, with the controls that sort and page it. The table element is #results-table.
export function renderTable(container, { vars, rows }) {
  const state = { order: rows, column: "", direction: 1, page: 0, size: DEFAULT_PAGE_SIZE };
  const tools = document.createElement("div");
  tools.className = "table-tools";
  const sortSelect = sortChooser(vars);
  const sizeSelect = pageSizeChooser();
  const pagers = [pager(), pager()];
  tools.append(sortSelect, sizeSelect, pagers[0]);
  const table = document.createElement("table");
  table.id = "results-table";
  table.className = "results";
  table.createTHead().append(headerRow(vars));
  const body = table.createTBody();
  const wrap = document.createElement("div");
  wrap.className = "table-wrap";
  wrap.append(table);
  container.replaceChildren(tools, wrap, pagers[1]);

  const pageCount = () => Math.max(1, Math.ceil(state.order.length / state.size));

  function draw() {
    const first = state.page * state.size;
    const shown = state.order.slice(first, first + state.size);
    body.replaceChildren(...shown.map((binding) => bodyRow(vars, binding)));
    const total = formatCount(rows.length);
    const text = rows.length === 0 ? "no rows"
      : `rows ${formatCount(first + 1)}–${formatCount(first + shown.length)} of ${total}`;
    for (const nav of pagers) {
      nav.querySelector(".pager-status").textContent = text;
      nav.hidden = pageCount() === 1;
      for (const control of nav.querySelectorAll("button")) {
        const back = control.dataset.action === "first" || control.dataset.action === "previous";
        control.disabled = back ? state.page === 0 : state.page === pageCount() - 1;
      }
    }
    for (const th of table.tHead.rows[0].cells) {
      const name = th.querySelector(".sort-button").dataset.column;
      const sort = state.direction === 1 ? "ascending" : "descending";
      th.setAttribute("aria-sort", name === state.column ? sort : "none");
    }
    sortSelect.querySelector("select").value = state.column
      ? `${state.column}:${state.direction}` : "";
  }

  function sortBy(column, direction) {
    Object.assign(state, { column, direction, page: 0 });
    state.order = column ? sortRows(rows, column, direction) : rows;
    draw();
  }

  table.tHead.addEventListener("click", (event) => {
    const sort = event.target.closest(".sort-button");
    if (!sort) return;
    const column = sort.dataset.column;
    sortBy(column, column === state.column ? -state.direction : 1);
  });
  sortSelect.querySelector("select").addEventListener("change", (event) => {
    const [column, direction] = event.target.value.split(":");
    sortBy(column ?? "", Number(direction ?? 1));
  });
  sizeSelect.querySelector("select").addEventListener("change", (event) => {
    state.size = Number(event.target.value);
    state.page = 0;
    draw();
  });
  for (const nav of pagers) {
    nav.addEventListener("click", (event) => {
      const action = event.target.closest("button")?.dataset.action;
      const pages = { first: 0, previous: state.page - 1, next: state.page + 1,
        last: pageCount() - 1 };
      if (!(action in pages)) return;
      state.page = Math.min(Math.max(pages[action], 0), pageCount() - 1);
      draw();
      if (nav === pagers[1]) wrap.scrollIntoView({ block: "start" });
    });
  }
  sizeSelect.hidden = rows.length <= PAGE_SIZES[0];
  draw();
}

// The summary of a table's size: "8,301 rows".
export function rowCount(count, noun = "row") {
  return `${formatCount(count)} ${noun}${count === 1 ? "" : "s"}`;
}
