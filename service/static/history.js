// The query history, kept in the browser (localStorage): the last queries run, newest first,
// each with the time it ran; a list to load one back into the editor, and a button to clear it.

const KEY = "critmin.history";
const MAX_ENTRIES = 50;

function read() {
  try {
    const entries = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(entries) ? entries.filter((entry) => typeof entry?.query === "string") : [];
  } catch {
    return []; // storage off or its content unreadable: an empty history
  }
}

function write(entries) {
  try {
    localStorage.setItem(KEY, JSON.stringify(entries));
  } catch {
    // storage off or full: the history is not kept
  }
}

// What a query is about in one line: its first line that is no comment nor PREFIX, shortened.
function summary(query) {
  const lines = query.split("\n").map((line) => line.trim()).filter(Boolean);
  const telling = lines.find((line) => !/^(#|PREFIX\b|BASE\b)/i.test(line)) ?? lines[0] ?? "";
  return telling.length > 90 ? `${telling.slice(0, 89)}…` : telling;
}

// The history shown in `list` (an <ol>), cleared by `clearButton`; `load(query)` is called with
// the query of the entry clicked. Gives add(query), to call when a query runs.
export function makeHistory(list, clearButton, load) {
  const render = () => {
    const entries = read();
    const items = entries.map((entry) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "history-entry";
      button.title = entry.query;
      const text = document.createElement("code");
      text.textContent = summary(entry.query);
      const time = document.createElement("time");
      time.dateTime = entry.time;
      time.textContent = new Date(entry.time).toLocaleString();
      button.append(text, time);
      button.addEventListener("click", () => load(entry.query));
      item.append(button);
      return item;
    });
    list.replaceChildren(...items);
    clearButton.disabled = entries.length === 0;
  };
  clearButton.addEventListener("click", () => {
    write([]);
    render();
  });
  render();
  return {
    add: (query) => {
      const others = read().filter((entry) => entry.query !== query);
      write([{ query, time: new Date().toISOString() }, ...others].slice(0, MAX_ENTRIES));
      render();
    },
  };
}
