// Entry of the editor bundle: CodeMirror 6 with the SPARQL mode and a completion source fed by the page
// (prefixes, classes, properties served by /sparql-ui/vocabulary.json). Exposes window.CikgEditor.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";
import { autocompletion } from "@codemirror/autocomplete";

// A term being typed: a prefixed name (cikg:Sta), a bare prefix (cik), or a keyword.
const WORD = /[A-Za-z_][\w-]*:?[\w-]*$/;

function completionSource(items) {
  return (context) => {
    const word = context.matchBefore(WORD);
    if (!word || (word.from === word.to && !context.explicit)) {
      return null;
    }
    return {
      from: word.from,
      options: items,
      validFor: /^[\w:-]*$/,
    };
  };
}

function create(parent, options) {
  const opts = options || {};
  const items = (opts.completions || []).map((c) => ({
    label: c.label,
    type: c.type,
    detail: c.detail,
    info: c.info,
    apply: c.apply || c.label,
    boost: c.boost || 0,
  }));
  const run = () => {
    if (opts.onRun) {
      opts.onRun();
    }
    return true;
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.doc || "",
      extensions: [
        basicSetup,
        StreamLanguage.define(sparql),
        autocompletion({ override: [completionSource(items)], activateOnTyping: true }),
        Prec.highest(keymap.of([{ key: "Mod-Enter", run }, { key: "Shift-Enter", run }])),
        EditorView.lineWrapping,
        // A name for screen readers: the editor's text area is a contenteditable, not a labelled <textarea>.
        EditorView.contentAttributes.of({ "aria-label": opts.label || "SPARQL query" }),
      ],
    }),
  });
  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
  };
}

window.CikgEditor = { create };
