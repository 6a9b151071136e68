// The timeline view: rows that have a date, drawn on a time axis with vis-timeline.
// A date column is one whose every value is a date: an xsd:date, dateTime, gYear or gYearMonth
// literal, or text in ISO 8601 at any precision ("2025", "2025-10", "2025-10-20"), an interval
// "2025-04-30/2025-05-13", or several such joined with " | " (the most precise is drawn).
// A date is drawn where it starts, its text saying its precision (a dashed box for a year or a
// month). A row with a start and an end column (named ..._end, end, until, ...) is drawn as a
// bar from its start to its end: a control in force, a pause until it lapses. Items are labelled from the row's label column
// and link to the row's resource page; a "kind" column groups them.

import { compact, localHref } from "./terms.js";
import { rowCount } from "./table_view.js";

const MAX_ITEMS = 2000;
const XSD = "http://www.w3.org/2001/XMLSchema#";
const DATE_TYPES = new Set(["date", "dateTime", "gYear", "gYearMonth"].map((name) => XSD + name));
const TEXT_TYPES = new Set([undefined, XSD + "string"]);
const END_COLUMN = /(^|_)(end|ends|until|expiry|expires)(_?date)?$|[a-z]End(Date)?$/;
const CELL_SEPARATOR = " | ";

const ISO_DATE = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const ISO_DATE_TIME = /^-?\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;
const PRECISION = { year: 1, month: 2, day: 3, time: 4 };

// One ISO 8601 date, date-time or interval as { start, end, precision, interval? } (UTC Dates,
// the end exclusive), or null when the text is none of them.
export function parseIsoDate(text) {
  const [from, until, ...rest] = text.trim().split("/");
  if (until !== undefined) {
    const start = rest.length ? null : parseIsoDate(from);
    const end = start && parseIsoDate(until);
    if (!end || end.end < start.start) return null;
    const precision = Math.min(start.precision, end.precision);
    return { start: start.start, end: end.end, precision, interval: true };
  }
  if (ISO_DATE_TIME.test(from)) {
    const start = new Date(/(Z|[+-]\d{2}:\d{2})$/.test(from) ? from : `${from}Z`);
    return Number.isNaN(start.getTime()) ? null : { start, end: start, precision: PRECISION.time };
  }
  const match = ISO_DATE.exec(from);
  if (!match) return null;
  const [, year, month, day] = match.map((part) => (part === undefined ? undefined : Number(part)));
  if ((month !== undefined && (month < 1 || month > 12)) || (day !== undefined && day < 1)) {
    return null;
  }
  const utc = (y, m, d) => {
    const date = new Date(Date.UTC(2000, m, d));
    date.setUTCFullYear(y);
    return date;
  };
  if (month === undefined) {
    return { start: utc(year, 0, 1), end: utc(year + 1, 0, 1), precision: PRECISION.year };
  }
  if (day === undefined) {
    return { start: utc(year, month - 1, 1), end: utc(year, month, 1), precision: PRECISION.month };
  }
  const start = utc(year, month - 1, day);
  if (start.getUTCMonth() !== month - 1) return null;
  return { start, end: utc(year, month - 1, day + 1), precision: PRECISION.day };
}

// A cell's date: the most precise of its parts (the earliest among equals), with the part's
// text; null when a part is not a date or the cell is not a date literal.
export function cellDate(term) {
  if (!term || term.type !== "literal") return null;
  if (!DATE_TYPES.has(term.datatype) && !TEXT_TYPES.has(term.datatype)) return null;
  let best = null;
  for (const text of term.value.split(CELL_SEPARATOR)) {
    const date = parseIsoDate(text);
    if (!date) return null;
    const better = !best || date.precision > best.precision
      || (date.precision === best.precision && date.start < best.start);
    if (better) best = { ...date, text: text.trim() };
  }
  return best;
}

// The columns whose every value is a date (at least one value; empty text is no value).
export function dateColumns({ vars, rows }) {
  return vars.filter((name) => {
    const cells = rows.map((row) => row[name]).filter((term) => term && term.value !== "");
    return cells.length > 0 && cells.every((term) => cellDate(term) !== null);
  });
}

function firstPart(term) {
  return term ? term.value.split(CELL_SEPARATOR)[0] : "";
}

// The row's resource (its first IRI) and label (its "label" column, else the IRI compacted).
export function rowSubject(vars, row) {
  const iri = vars.map((name) => row[name]).find((term) => term?.type === "uri")?.value ?? null;
  const label = firstPart(row.label) || (iri ? compact(iri) : "");
  return { iri, label };
}

// What the timeline of `table` draws: its date columns and one item per dated row; null when
// the table has no date column.
export function timelineOf(table) {
  const columns = dateColumns(table);
  if (columns.length === 0) return null;
  const endColumn = columns.length > 1 ? columns.find((name) => END_COLUMN.test(name)) : undefined;
  const startColumn = columns.find((name) => name !== endColumn);
  const grouped = table.vars.includes("kind");
  const items = [];
  table.rows.forEach((row, index) => {
    const start = cellDate(row[startColumn]);
    if (!start) return;
    const end = endColumn ? cellDate(row[endColumn]) : start.interval ? start : null;
    const { iri, label } = rowSubject(table.vars, row);
    items.push({
      id: index,
      start: start.start,
      end: end && end.end > start.start ? end.end : null,
      precise: start.precision >= PRECISION.day,
      dateText: end && end !== start ? `${start.text} – ${end.text}` : start.text,
      label: label || start.text,
      href: iri ? localHref(iri) : null,
      group: grouped ? firstPart(row.kind) || "(none)" : null,
    });
  });
  return { startColumn, endColumn, items, rowCount: table.rows.length };
}

function itemContent(item) {
  const content = document.createElement("span");
  const label = document.createElement(item.href ? "a" : "span");
  label.textContent = item.label;
  if (item.href) label.href = item.href;
  const date = document.createElement("small");
  date.className = "timeline-date";
  date.textContent = item.dateText;
  content.append(label, " ", date);
  return content;
}

function groupContent(name) {
  const content = document.createElement("span");
  content.textContent = name;
  return content;
}

function summary(timeline) {
  const { items, startColumn, endColumn } = timeline;
  const columns = endColumn ? `${startColumn} to ${endColumn}` : startColumn;
  const undated = timeline.rowCount - items.length;
  const parts = [`${rowCount(items.length, "item")} by ${columns}`];
  if (undated) parts.push(`${rowCount(undated)} without a date left out`);
  parts.push("drag to move, Ctrl+wheel or pinch to zoom");
  return parts.join(" · ");
}

// Draws `timeline` (from timelineOf) into `container` with vis-timeline's module `library`;
// gives a function that tears the timeline down.
export function renderTimeline(container, timeline, library) {
  const note = document.createElement("p");
  note.className = "view-note";
  note.id = "timeline-summary";
  if (timeline.items.length > MAX_ITEMS) {
    note.textContent = `${rowCount(timeline.items.length, "dated row")}: the timeline draws at `
      + `most ${MAX_ITEMS.toLocaleString("en")}. Narrow the query or use the table.`;
    container.replaceChildren(note);
    return () => {};
  }
  note.textContent = summary(timeline);
  const surface = document.createElement("div");
  surface.className = "timeline-surface";
  container.replaceChildren(note, surface);
  const { DataSet, Timeline, moment } = library;
  const items = new DataSet(timeline.items.map((item) => ({
    id: item.id,
    start: item.start,
    end: item.end ?? undefined,
    type: item.end ? "range" : "box",
    content: itemContent(item),
    group: item.group ?? undefined,
    className: item.end ? "is-span" : item.precise ? "is-day" : "is-period",
  })));
  const names = [...new Set(timeline.items.map((item) => item.group).filter(Boolean))].sort();
  const groups = names.length
    ? new DataSet(names.map((name) => ({ id: name, content: groupContent(name) })))
    : undefined;
  const view = new Timeline(surface, items, groups, {
    stack: true,
    orientation: "top",
    zoomKey: "ctrlKey",
    maxHeight: 560,
    margin: { item: 6, axis: 8 },
    moment: (date) => moment(date).utc(),
  });
  view.fit({ animation: false });
  return () => view.destroy();
}
