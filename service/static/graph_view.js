// The graph view: nodes and labelled edges drawn with Cytoscape.js. IRIs link to their pages.
// For SELECT rows, each row's node is its first IRI (labelled from its "label" column), with an
// edge labelled with the column's name to each value of the columns chosen: IRIs (also
// " | "-joined lists of them) and names that rows share ("China" in parties, "refining" in
// stages). Those columns are chosen to begin with; numbers, dates, yes/no, codes and long text
// are not, and the user may switch any column on or off. For graph answers (CONSTRUCT,
// DESCRIBE) every triple is an edge from its subject to its object, labelled with the predicate.

import { compact, localHref } from "./terms.js";
import { cellDate } from "./timeline_view.js";
import { rowCount } from "./table_view.js";

const MAX_NODES = 500;
const MAX_FIT_ZOOM = 1.25;
const MAX_NAME_LENGTH = 48;
const CELL_SEPARATOR = " | ";
const LABEL_PREDICATES = new Set([
  "http://www.w3.org/2000/01/rdf-schema#label",
  "http://www.w3.org/2004/02/skos/core#prefLabel",
]);
// Numbers, yes/no, Wikidata ids, IRIs and ISO 8601 durations ("P1Y") are values, not names.
const NOT_A_NAME = new RegExp([
  String.raw`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`, "^(true|false)$", String.raw`^[QP]\d+$`,
  "^https?:", String.raw`^-?P(\d+[YMWD])*(T(\d+(\.\d+)?[HMS])+)?$`,
].join("|"));

const isIri = (text) => /^https?:\/\/\S+$/i.test(text);

// A cell's values: an IRI, or the parts of a literal (IRIs among them recognised).
function cellValues(term) {
  if (!term) return [];
  if (term.type === "uri") return [{ iri: term.value }];
  if (term.type === "bnode") return [{ name: `_:${term.value}` }];
  return term.value.split(CELL_SEPARATOR).map((part) => part.trim()).filter(Boolean)
    .map((part) => (isIri(part) ? { iri: part } : { name: part }));
}

// The column whose IRIs are the rows' nodes, and the label column of each column.
function rowNodeColumn(vars, rows) {
  return vars.find((name) => rows.some((row) => row[name]?.type === "uri")) ?? null;
}

function labelColumnOf(vars, column, rowColumn) {
  const named = [`${column}_label`, `${column}Label`].find((name) => vars.includes(name));
  if (named) return named;
  return column === rowColumn && vars.includes("label") ? "label" : null;
}

// The columns that may link rows to values, each with whether it is chosen to begin with.
export function linkColumns({ vars, rows }) {
  const rowColumn = rowNodeColumn(vars, rows);
  if (!rowColumn) return [];
  const labels = new Set(vars.map((name) => labelColumnOf(vars, name, rowColumn)));
  return vars.filter((name) => name !== rowColumn && !labels.has(name)).flatMap((name) => {
    const cells = rows.map((row) => row[name]).filter(Boolean);
    if (cells.length === 0) return [];
    const values = cells.flatMap(cellValues);
    const names = values.filter((value) => value.name !== undefined).map((value) => value.name);
    const plain = names.every((text) => text.length <= MAX_NAME_LENGTH && !NOT_A_NAME.test(text));
    const dated = cells.every((term) => cellDate(term) !== null);
    const rowsOf = new Map();
    rows.forEach((row, index) => {
      for (const text of cellValues(row[name]).map((value) => value.name).filter(Boolean)) {
        rowsOf.set(text, (rowsOf.get(text) ?? new Set()).add(index));
      }
    });
    const shared = [...rowsOf.values()].some((indices) => indices.size > 1);
    const allIris = names.length === 0;
    return [{ name, chosen: !dated && plain && (allIris || shared) }];
  });
}

// The graph of SELECT rows through the columns `chosen`: { nodes, edges }, nodes keyed by id.
export function graphOfRows({ vars, rows }, chosen) {
  const rowColumn = rowNodeColumn(vars, rows);
  const nodes = new Map();
  const edges = new Map();
  const addNode = (value, label, kind) => {
    const id = value.iri !== undefined ? `iri:${value.iri}` : `name:${value.name}`;
    if (!nodes.has(id)) {
      const iri = value.iri ?? null;
      nodes.set(id, { id, label: label || (iri ? compact(iri) : value.name), iri, kind });
    }
    return id;
  };
  for (const row of rows) {
    const subject = row[rowColumn];
    if (subject?.type !== "uri") continue;
    const labelColumn = labelColumnOf(vars, rowColumn, rowColumn);
    const label = labelColumn ? cellValues(row[labelColumn])[0]?.name : "";
    const source = addNode({ iri: subject.value }, label, "row");
    for (const column of chosen) {
      const columnLabel = labelColumnOf(vars, column, rowColumn);
      const values = cellValues(row[column]);
      const valueLabels = columnLabel ? cellValues(row[columnLabel]) : [];
      values.forEach((value, index) => {
        const target = addNode(value, values.length === 1 ? valueLabels[index]?.name : "",
          value.iri !== undefined ? "iri" : "name");
        if (target === source) return;
        const id = `${source} ${column} ${target}`;
        edges.set(id, { id, source, target, label: column });
      });
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function termKey(term) {
  if (term.type === "uri") return `iri:${term.value}`;
  if (term.type === "bnode") return `bnode:${term.value}`;
  return `literal:${term.datatype ?? ""}@${term["xml:lang"] ?? ""}:${term.value}`;
}

// The graph of triples (SPARQL JSON terms): a node per subject or object, an edge per triple.
export function graphOfTriples(triples) {
  const labels = new Map();
  for (const { subject, predicate, object } of triples) {
    if (LABEL_PREDICATES.has(predicate.value) && object.type === "literal"
      && !labels.has(termKey(subject))) labels.set(termKey(subject), object.value);
  }
  const nodes = new Map();
  const addNode = (term) => {
    const id = termKey(term);
    if (!nodes.has(id)) {
      const iri = term.type === "uri" ? term.value : null;
      const text = term.type === "literal" ? term.value
        : term.type === "bnode" ? `_:${term.value}` : compact(term.value);
      const label = labels.get(id) ?? (text.length > 60 ? `${text.slice(0, 59)}…` : text);
      nodes.set(id, { id, label, iri, kind: term.type === "literal" ? "literal" : "iri" });
    }
    return id;
  };
  const edges = triples.map(({ subject, predicate, object }, index) => ({
    id: `t${index}`,
    source: addNode(subject),
    target: addNode(object),
    label: compact(predicate.value),
  }));
  return { nodes: [...nodes.values()], edges };
}

const STYLE = [
  { selector: "node", style: {
    label: "data(label)", "font-size": 10, "text-wrap": "ellipsis", "text-max-width": "140px",
    "text-valign": "bottom", "text-margin-y": 3, width: 14, height: 14,
    "background-color": "#5b8db8", color: "#1c2430",
  } },
  { selector: "node[kind = 'row']", style: { "background-color": "#1f6feb", width: 18, height: 18 } },
  { selector: "node[kind = 'name']", style: { "background-color": "#d08c1c", shape: "round-rectangle" } },
  { selector: "node[kind = 'literal']", style: { "background-color": "#9aa5b1", shape: "rectangle" } },
  { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
  { selector: "edge", style: {
    label: "data(label)", "font-size": 8, color: "#56606b", "curve-style": "bezier",
    "target-arrow-shape": "triangle", "arrow-scale": 0.8, width: 1, "line-color": "#b3bcc6",
    "target-arrow-color": "#b3bcc6", "text-rotation": "autorotate", "text-background-color": "#fff",
    "text-background-opacity": 0.8, "text-background-padding": 1,
  } },
];

function nodeLink(node) {
  const href = node.iri ? localHref(node.iri) : null;
  const element = document.createElement(href ? "a" : "span");
  element.textContent = node.label;
  if (href) {
    element.href = href;
    element.title = node.iri;
  }
  return element;
}

// The graph's edges as a list of links, for keyboards, screen readers and a closer look.
function edgeList(graph) {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const details = document.createElement("details");
  details.className = "graph-list";
  const title = document.createElement("summary");
  title.textContent = `The ${rowCount(graph.edges.length, "edge")} as a list`;
  const list = document.createElement("ul");
  for (const edge of graph.edges) {
    const item = document.createElement("li");
    const label = document.createElement("span");
    label.className = "edge-label";
    label.textContent = ` ${edge.label} → `;
    item.append(nodeLink(byId.get(edge.source)), label, nodeLink(byId.get(edge.target)));
    list.append(item);
  }
  details.append(title, list);
  return details;
}

function columnChooser(columns, chosen, redraw) {
  const fieldset = document.createElement("fieldset");
  fieldset.className = "graph-columns";
  const legend = document.createElement("legend");
  legend.textContent = "Columns drawn as linked nodes";
  fieldset.append(legend);
  for (const column of columns) {
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.value = column.name;
    box.checked = chosen.includes(column.name);
    label.append(box, ` ${column.name}`);
    fieldset.append(label);
  }
  fieldset.addEventListener("change", () => {
    redraw([...fieldset.querySelectorAll("input:checked")].map((box) => box.value));
  });
  return fieldset;
}

function drawGraph(surface, graph, cytoscape, selection) {
  const elements = [
    ...graph.nodes.map((node) => ({ group: "nodes", data: node })),
    ...graph.edges.map((edge) => ({ group: "edges", data: edge })),
  ];
  const cy = cytoscape({
    container: surface,
    elements,
    style: STYLE,
    layout: {
      name: "cose", animate: false, padding: 16, nodeRepulsion: () => 40000,
      idealEdgeLength: () => 90, gravity: 0.25, numIter: 2500, randomize: true,
    },
    minZoom: 0.1,
    maxZoom: 4,
  });
  surface.dataset.nodes = String(cy.nodes().length);
  surface.dataset.edges = String(cy.edges().length);
  if (cy.zoom() > MAX_FIT_ZOOM) {
    cy.zoom(MAX_FIT_ZOOM);
    cy.center();
  }
  cy.on("tap", "node", (event) => {
    const node = graph.nodes.find((candidate) => candidate.id === event.target.id());
    selection.replaceChildren("Selected: ", nodeLink(node));
  });
  return cy;
}

// Draws the graph of a SELECT table (`columns` from linkColumns) or of triples into `container`
// with Cytoscape.js's module `library`; gives a function that tears the drawing down.
export function renderGraph(container, source, library) {
  const cytoscape = library.default;
  const note = document.createElement("p");
  note.className = "view-note";
  note.id = "graph-summary";
  const surface = document.createElement("div");
  surface.className = "graph-surface";
  const selection = document.createElement("p");
  selection.className = "graph-selection muted";
  const listHolder = document.createElement("div");
  let cy = null;
  const draw = (graph) => {
    cy?.destroy();
    cy = null;
    selection.textContent = "Tap a node to see its link.";
    if (graph.nodes.length > MAX_NODES) {
      note.textContent = `The graph would have ${rowCount(graph.nodes.length, "node")}: the view `
        + `draws at most ${MAX_NODES}. Narrow the query or choose fewer columns.`;
      surface.hidden = true;
      listHolder.replaceChildren();
      return;
    }
    note.textContent = `${rowCount(graph.nodes.length, "node")} · `
      + `${rowCount(graph.edges.length, "edge")} · drag to move, wheel or pinch to zoom`;
    surface.hidden = false;
    cy = drawGraph(surface, graph, cytoscape, selection);
    listHolder.replaceChildren(edgeList(graph));
  };
  if (source.triples) {
    container.replaceChildren(note, surface, selection, listHolder);
    draw(graphOfTriples(source.triples));
  } else {
    const columns = linkColumns(source.table);
    const chosen = columns.filter((column) => column.chosen).map((column) => column.name);
    const redraw = (names) => draw(graphOfRows(source.table, names));
    container.replaceChildren(columnChooser(columns, chosen, redraw), note, surface, selection,
      listHolder);
    redraw(chosen);
  }
  return () => cy?.destroy();
}
