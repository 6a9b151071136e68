// The query editor: CodeMirror 5 when the page loaded it (highlighting, completion, the error
// marked in the text and its line), else the plain textarea (the error selected).

function plainEditor(textarea, run) {
  textarea.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      run();
    }
  });
  const offsetOf = (line, column) => {
    const lines = textarea.value.split("\n");
    const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
    return { start, at: start + column - 1, end: start + (lines[line - 1] ?? "").length };
  };
  return {
    get: () => textarea.value,
    set: (text) => { textarea.value = text; },
    markError: (line, column) => {
      const { at, end } = offsetOf(line, column);
      textarea.focus();
      textarea.setSelectionRange(at, Math.max(at + 1, end));
      textarea.setAttribute("aria-invalid", "true");
    },
    clearError: () => textarea.removeAttribute("aria-invalid"),
  };
}

function codeMirrorEditor(textarea, run, hint) {
  const CodeMirror = window.CodeMirror;
  // ":" does not close the list (show-hint's default does): it starts a prefixed name.
  const complete = (cm) => cm.showHint({
    hint, completeSingle: false, closeCharacters: /[\s()[\]{};>,]/,
  });
  const editor = CodeMirror.fromTextArea(textarea, {
    mode: "application/sparql-query",
    lineNumbers: true,
    matchBrackets: true,
    indentUnit: 2,
    lineWrapping: true,
    extraKeys: { "Ctrl-Enter": run, "Cmd-Enter": run, "Ctrl-Space": complete },
  });
  if (hint && typeof editor.showHint === "function") {
    editor.on("inputRead", (cm, change) => {
      if (!cm.state.completionActive && /[\w:]$/.test(change.text.join(""))) complete(cm);
    });
  }
  document.body.classList.add("has-codemirror");
  let marked = null;
  const clearError = () => {
    if (!marked) return;
    marked.mark.clear();
    editor.removeLineClass(marked.line, "wrap", "cm-error-line");
    marked = null;
  };
  return {
    get: () => editor.getValue(),
    set: (text) => editor.setValue(text),
    markError: (line, column) => {
      clearError();
      const lineIndex = Math.min(Math.max(line - 1, 0), editor.lastLine());
      const length = editor.getLine(lineIndex).length;
      const from = { line: lineIndex, ch: Math.min(Math.max(column - 1, 0), Math.max(length - 1, 0)) };
      const wordEnd = editor.findWordAt(from).head.ch;
      const to = { line: lineIndex, ch: wordEnd > from.ch ? wordEnd : Math.min(from.ch + 1, length) };
      const mark = editor.markText(from, to, {
        className: "cm-error-mark",
        attributes: { title: "The query stops making sense here" },
      });
      const handle = editor.addLineClass(lineIndex, "wrap", "cm-error-line");
      marked = { mark, line: handle };
      editor.setCursor(from);
      editor.scrollIntoView(from, 60);
    },
    clearError,
  };
}

// The editor over `textarea`: `run` on Ctrl+Enter, `hint` (a CodeMirror show-hint function) to
// complete as one types. Gives get(), set(text), markError(line, column) and clearError().
export function makeEditor(textarea, { run, hint }) {
  return typeof window.CodeMirror === "function"
    ? codeMirrorEditor(textarea, run, hint)
    : plainEditor(textarea, run);
}
