// A picker for an IRI parameter (ARIA combobox with a list box): type part of a label, choose a
// resource (arrow keys and Enter, or a click), and the form sends its IRI. Only members of the
// parameter's class are offered when it has one; a typed http(s) IRI is taken as it is.

import { config } from "./config.js";
import { labelOf, makeLabelSearch } from "./labels.js";
import { shortName } from "./sparql_names.js";

function optionNode(match, id) {
  const option = document.createElement("li");
  option.id = id;
  option.setAttribute("role", "option");
  option.setAttribute("aria-selected", "false");
  const name = document.createElement("span");
  name.textContent = match.label;
  const note = document.createElement("small");
  note.textContent = shortName(match.iri, config.prefixes);
  option.append(name, " ", note);
  return option;
}

// The picker of `parameter` ({name, class}) holding `value` (an IRI or ""): a wrapper whose
// visible input has the id param-NAME and whose hidden input, named NAME, holds the IRI.
export function makeIriPicker(parameter, value) {
  const id = `param-${parameter.name}`;
  const wrapper = document.createElement("div");
  wrapper.className = "picker";
  const input = document.createElement("input");
  Object.assign(input, { id, type: "text", value: value ?? "", autocomplete: "off" });
  input.spellcheck = false;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", `${id}-options`);
  input.placeholder = "Type part of a name";
  const hidden = document.createElement("input");
  Object.assign(hidden, { type: "hidden", name: parameter.name, value: value ?? "" });
  const list = document.createElement("ul");
  list.id = `${id}-options`;
  list.className = "picker-options";
  list.setAttribute("role", "listbox");
  list.hidden = true;
  const iri = document.createElement("small");
  iri.className = "picker-iri";
  wrapper.append(input, hidden, list, iri);

  const search = makeLabelSearch(12);
  let matches = [];
  let active = -1;
  let chosenLabel = value ?? "";

  const showIri = () => {
    iri.textContent = hidden.value ? shortName(hidden.value, config.prefixes) : "default";
  };
  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index) => {
    active = index;
    [...list.children].forEach((option, at) => {
      option.setAttribute("aria-selected", String(at === index));
    });
    const option = list.children[index];
    if (option) {
      input.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    }
  };
  const choose = (match) => {
    hidden.value = match.iri;
    chosenLabel = match.label;
    input.value = match.label;
    showIri();
    close();
  };
  const open = (found) => {
    matches = found;
    list.replaceChildren(...found.map((match, at) => optionNode(match, `${id}-option-${at}`)));
    if (!found.length) {
      const empty = document.createElement("li");
      empty.className = "muted";
      empty.textContent = "No match";
      list.append(empty);
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(found.length ? 0 : -1);
  };

  input.addEventListener("input", async () => {
    const text = input.value.trim();
    if (/^https?:\/\/\S+$/i.test(text)) {
      choose({ iri: text, label: text });
      return;
    }
    const found = await search(text, parameter.class);
    if (found !== null && document.activeElement === input) open(found);
  });
  input.addEventListener("keydown", (event) => {
    const count = list.hidden ? 0 : matches.length;
    if (event.key === "ArrowDown" && count) highlight((active + 1) % count);
    else if (event.key === "ArrowUp" && count) highlight((active - 1 + count) % count);
    else if (event.key === "Enter" && count && active >= 0) choose(matches[active]);
    else if (event.key === "Escape" && !list.hidden) { close(); input.value = chosenLabel; }
    else return;
    event.preventDefault();
  });
  list.addEventListener("mousedown", (event) => event.preventDefault()); // keep the focus
  list.addEventListener("click", (event) => {
    const option = event.target.closest("[role='option']");
    if (option) choose(matches[[...list.children].indexOf(option)]);
  });
  input.addEventListener("blur", () => {
    close();
    if (!input.value.trim()) {
      hidden.value = "";
      chosenLabel = "";
      showIri();
    } else {
      input.value = chosenLabel;
    }
  });

  showIri();
  if (value) {
    labelOf(value).then((label) => {
      if (label && input.value === value) {
        chosenLabel = label;
        input.value = label;
      }
    }).catch(() => {}); // the IRI stays shown
  }
  return wrapper;
}
