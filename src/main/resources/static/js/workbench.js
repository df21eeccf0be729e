// The SPARQL workbench (/sparql-ui): editor, examples, result views (table, graph, timeline), downloads and
// shareable links (#view=...&query=... in the URL fragment, as the Wikidata Query Service does).
// Result values are only ever put into the page as text nodes or attributes, never as HTML.
(function () {
  "use strict";

  const ID_NS = "https://w3id.org/cikg/id/";
  const SOURCE_NS = "https://w3id.org/cikg/source/";
  const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  const STEM = /^[A-Za-z0-9_.-]{1,100}$/;
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const VIEWS = ["table", "graph", "timeline"];
  const ACCEPT = "application/sparql-results+json, application/rdf+json;q=0.9";
  const KEYWORDS = ["SELECT", "DISTINCT", "WHERE", "CONSTRUCT", "DESCRIBE", "ASK", "OPTIONAL", "FILTER", "BIND",
    "VALUES", "UNION", "MINUS", "GRAPH", "ORDER BY", "GROUP BY", "HAVING", "LIMIT", "OFFSET", "COUNT", "SAMPLE",
    "GROUP_CONCAT", "COALESCE", "STRSTARTS", "CONTAINS", "LANG", "LANGMATCHES", "STR", "YEAR", "NOT EXISTS", "PREFIX"];

  const root = document.querySelector("main.workbench");
  const endpoint = root.dataset.endpoint;
  const timeoutSeconds = Number(root.dataset.timeout);
  const $ = (sel) => document.querySelector(sel);

  const state = { view: "table", result: null, labels: new Map(), prefixes: {}, examples: [], cy: null, inferred: [] };
  let editor = null;

  // ---- terms ----------------------------------------------------------------------------------------------

  function slugOf(iri) {
    if (typeof iri !== "string" || !iri.startsWith(ID_NS)) return null;
    const slug = iri.substring(ID_NS.length);
    return SLUG.test(slug) ? slug : null;
  }

  function shorten(iri) {
    let best = null;
    for (const [prefix, ns] of Object.entries(state.prefixes)) {
      if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [prefix, ns];
    }
    return best ? best[0] + ":" + iri.substring(best[1].length) : iri;
  }

  function termText(t) {
    if (!t) return "";
    if (t.type === "uri") return state.labels.get(t.value) || shorten(t.value);
    if (t.type === "bnode") return "_:" + t.value;
    return t.value;
  }

  function termNode(t) {
    const span = document.createElement("span");
    if (!t) return span;
    if (t.type === "uri") {
      const a = document.createElement("a");
      const slug = slugOf(t.value);
      a.href = slug ? "/page/" + slug : t.value;
      a.title = t.value;
      a.textContent = state.labels.get(t.value) || shorten(t.value);
      span.appendChild(a);
      if (state.labels.has(t.value)) {
        const iri = document.createElement("span");
        iri.className = "iri";
        iri.textContent = shorten(t.value);
        span.appendChild(iri);
      }
      return span;
    }
    span.textContent = t.type === "bnode" ? "_:" + t.value : t.value;
    if (t["xml:lang"] || t.lang) {
      const lang = document.createElement("span");
      lang.className = "lang";
      lang.textContent = "@" + (t["xml:lang"] || t.lang);
      span.appendChild(lang);
      span.lang = t["xml:lang"] || t.lang;
    }
    return span;
  }

  // ---- results -------------------------------------------------------------------------------------------

  // Normalises the endpoint's answer: {kind:"bindings", vars, rows} | {kind:"boolean", value} | {kind:"graph", triples}.
  function parseResult(contentType, text) {
    const data = JSON.parse(text);
    if (contentType.includes("sparql-results+json")) {
      if (typeof data.boolean === "boolean") return { kind: "boolean", value: data.boolean, raw: text };
      return { kind: "bindings", vars: data.head.vars, rows: data.results.bindings, raw: text };
    }
    // RDF/JSON: { subject: { predicate: [ {type, value, lang, datatype} ] } }
    const triples = [];
    for (const [s, preds] of Object.entries(data)) {
      const subject = s.startsWith("_:") ? { type: "bnode", value: s.substring(2) } : { type: "uri", value: s };
      for (const [p, objects] of Object.entries(preds)) {
        for (const o of objects) {
          const obj = o.type === "bnode" ? { type: "bnode", value: o.value.replace(/^_:/, "") } : o;
          triples.push({ s: subject, p: { type: "uri", value: p }, o: obj });
        }
      }
    }
    return { kind: "graph", triples, raw: text };
  }

  // The result as a table: a graph result becomes subject / predicate / object rows.
  function asTable(result) {
    if (result.kind === "bindings") return { vars: result.vars, rows: result.rows };
    if (result.kind === "boolean") return { vars: ["boolean"], rows: [{ boolean: { type: "literal", value: String(result.value) } }] };
    return { vars: ["subject", "predicate", "object"], rows: result.triples.map((t) => ({ subject: t.s, predicate: t.p, object: t.o })) };
  }

  // Labels for entity IRIs (and titles of source documents) in the result: from ?xLabel columns where the query has
  // them, else asked of the endpoint. Only IRIs that match our slug/stem patterns are put into that query.
  async function fetchLabels(result) {
    const table = asTable(result);
    const wanted = new Set();
    for (const row of table.rows) {
      for (const v of table.vars) {
        const t = row[v];
        if (!t || t.type !== "uri") continue;
        const label = row[v + "Label"];
        if (label && label.type === "literal") state.labels.set(t.value, label.value);
        else if (!state.labels.has(t.value) && (slugOf(t.value) || isSource(t.value))) wanted.add(t.value);
      }
    }
    const iris = [...wanted];
    for (let i = 0; i < iris.length; i += 200) {
      const values = iris.slice(i, i + 200).map((iri) => "<" + iri + ">").join(" ");
      const q = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
        + "SELECT ?e ?l WHERE { VALUES ?e { " + values + " } "
        + "{ ?e rdfs:label ?l FILTER(lang(?l) = \"en\") } UNION { ?e dcterms:title ?l } }";
      try {
        const r = await fetch(endpoint, { method: "POST", headers: { Accept: "application/sparql-results+json" }, body: new URLSearchParams({ query: q }) });
        if (!r.ok) return;
        for (const b of (await r.json()).results.bindings) {
          if (!state.labels.has(b.e.value)) state.labels.set(b.e.value, b.l.value);
        }
      } catch (e) {
        return; // labels are a nicety; the IRIs still show
      }
    }
  }

  // The triple of each row, when the result has one: a graph result's rows, or a SELECT with columns named s, p, o
  // (or subject, predicate, object). Null for other results.
  function tripleColumns(table) {
    const names = table.vars.map((v) => v.toLowerCase());
    for (const [s, p, o] of [["s", "p", "o"], ["subject", "predicate", "object"]]) {
      if (names.includes(s) && names.includes(p) && names.includes(o)) {
        return [table.vars[names.indexOf(s)], table.vars[names.indexOf(p)], table.vars[names.indexOf(o)]];
      }
    }
    return null;
  }

  // Which rows' triples the rules added (POST /api/explain/inferred, up to 1,000 rows per request): those rows get an
  // "explain" link. A failure only leaves the links out.
  async function fetchInferred(result) {
    state.inferred = [];
    const table = asTable(result);
    const cols = tripleColumns(table);
    if (!cols) return;
    const rows = table.rows.slice(0, 10000);
    for (let i = 0; i < rows.length; i += 1000) {
      const triples = rows.slice(i, i + 1000).map((r) => ({ s: r[cols[0]], p: r[cols[1]], o: r[cols[2]] }));
      try {
        const r = await fetch("/api/explain/inferred", { method: "POST", headers: { "Content-Type": "application/json", Accept: "application/json" }, body: JSON.stringify({ triples }) });
        if (!r.ok) return;
        (await r.json()).inferred.forEach((x, k) => { state.inferred[i + k] = x; });
      } catch (e) {
        return;
      }
    }
  }

  // A term as the explain page takes it: an IRI as it is, a literal in N-Triples form.
  function explainTerm(t) {
    if (t.type === "uri") return t.value;
    const lex = '"' + t.value.replace(/\\/g, "\\\\").replace(/"/g, '\\"') + '"';
    if (t["xml:lang"] || t.lang) return lex + "@" + (t["xml:lang"] || t.lang);
    return t.datatype ? lex + "^^<" + t.datatype + ">" : lex;
  }

  function isSource(iri) {
    return iri.startsWith(SOURCE_NS) && STEM.test(iri.substring(SOURCE_NS.length));
  }

  // ---- running -------------------------------------------------------------------------------------------

  async function run() {
    const query = editor.getValue();
    clearError();
    setStatus("Running…");
    history.replaceState(null, "", shareUrl());
    updateShareBox();
    const started = performance.now();
    const abort = new AbortController();
    const guard = setTimeout(() => abort.abort(), (timeoutSeconds + 30) * 1000);
    let response;
    let text;
    try {
      response = await fetch(endpoint, { method: "POST", headers: { Accept: ACCEPT }, body: new URLSearchParams({ query }), signal: abort.signal });
      text = await response.text();
    } catch (e) {
      setStatus("");
      if (abort.signal.aborted) {
        showError("The query timed out: no answer within " + (timeoutSeconds + 30) + " s.");
      } else if (response) {
        // The endpoint aborts a streamed answer the timeout cuts short, so a partial result never looks whole.
        showError("The answer was cut off before it ended: the query most likely ran past the " + timeoutSeconds
          + " s limit (or the connection dropped). No partial result is shown; add a LIMIT or narrow the query.");
      } else {
        showError("Could not reach the SPARQL endpoint at " + endpoint + " (" + e.message + ").");
      }
      return;
    } finally {
      clearTimeout(guard);
    }
    const ms = Math.round(performance.now() - started);
    if (!response.ok) {
      setStatus("");
      showEndpointError(response.status, text);
      return;
    }
    try {
      state.result = parseResult(response.headers.get("Content-Type") || "", text);
    } catch (e) {
      showError("The endpoint's answer could not be read: " + e.message);
      return;
    }
    await fetchLabels(state.result);
    await fetchInferred(state.result);
    const r = state.result;
    setStatus(r.kind === "boolean" ? "Answer: " + r.value + " (" + ms + " ms)"
      : r.kind === "graph" ? r.triples.length + " triples in " + ms + " ms"
        : r.rows.length + (r.rows.length === 1 ? " row" : " rows") + " in " + ms + " ms");
    document.querySelectorAll("[data-download]").forEach((b) => {
      b.disabled = b.dataset.download === "graphml" ? !graphModel(r).ok : false;
    });
    render();
  }

  function showEndpointError(status, text) {
    let message = (text || "").replace(/^Error \d+:\s*/, "").trim();
    if (message.startsWith("{")) {
      try { // the endpoint's own refusals and its timeout are RFC 9457 problems: show their detail
        const problem = JSON.parse(message);
        if (problem.detail) {
          message = problem.detail;
        }
      } catch (e) { /* not JSON: show it as it is */ }
    }
    if (status === 503 || /timeout|timed out|cancelled/i.test(message)) {
      showError("The query timed out: it ran past the " + timeoutSeconds + " s limit and was stopped (HTTP " + status + ").", message);
      return;
    }
    const at = /line (\d+), column (\d+)/i.exec(message);
    if (at) {
      const line = Number(at[1]);
      const column = Number(at[2]);
      showError("The endpoint rejected the query at line " + line + ", column " + column + " (HTTP " + status + ").", message);
      moveCursor(line, column);
      return;
    }
    showError("The endpoint answered HTTP " + status + ".", message);
  }

  function moveCursor(line, column) {
    const doc = editor.view.state.doc;
    if (line < 1 || line > doc.lines) return;
    const l = doc.line(line);
    const pos = Math.min(l.from + Math.max(column - 1, 0), l.to);
    editor.view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  }

  function showError(summary, detail) {
    const box = $("#error");
    box.replaceChildren();
    const p = document.createElement("strong");
    p.textContent = summary;
    box.appendChild(p);
    if (detail) {
      const pre = document.createElement("pre");
      pre.textContent = detail;
      box.appendChild(pre);
    }
    box.hidden = false;
  }

  function clearError() {
    $("#error").hidden = true;
  }

  function setStatus(s) {
    $("#status").textContent = s;
  }

  // ---- views ---------------------------------------------------------------------------------------------

  function setView(view) {
    state.view = VIEWS.includes(view) ? view : "table";
    document.querySelectorAll("[data-view]").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.view === state.view)));
    for (const v of VIEWS) $("#view-" + v).hidden = v !== state.view;
    history.replaceState(null, "", shareUrl());
    updateShareBox();
    render();
  }

  function render() {
    if (!state.result) return;
    if (state.view === "table") renderTable();
    else if (state.view === "graph") renderGraph();
    else renderTimeline();
  }

  function renderTable() {
    const tab = asTable(state.result);
    const { vars, rows } = tab;
    const cols = tripleColumns(tab);
    const explainable = cols && state.inferred.some(Boolean);
    const table = document.createElement("table");
    table.className = "results";
    const head = table.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.textContent = "?" + v;
      head.appendChild(th);
    }
    if (explainable) {
      const th = document.createElement("th");
      th.innerHTML = '<span class="visually-hidden">Why</span>';
      head.appendChild(th);
    }
    const body = table.createTBody();
    rows.slice(0, 10000).forEach((row, i) => {
      const tr = body.insertRow();
      for (const v of vars) tr.insertCell().appendChild(termNode(row[v]));
      if (explainable) {
        const cell = tr.insertCell();
        if (state.inferred[i]) {
          const a = document.createElement("a");
          a.className = "explain";
          a.textContent = "explain";
          a.title = "Inferred: why this triple holds";
          a.href = "/explain?" + new URLSearchParams({ s: row[cols[0]].value, p: row[cols[1]].value, o: explainTerm(row[cols[2]]) });
          cell.appendChild(a);
        }
      }
    });
    $("#view-table").replaceChildren(table);
  }

  // Nodes and edges: a graph result's IRI-valued triples, or a SELECT's first two IRI columns, one edge per row.
  function graphModel(result) {
    const nodes = new Map();
    const edges = [];
    const node = (t) => {
      const id = t.type === "bnode" ? "_:" + t.value : t.value;
      if (!nodes.has(id)) nodes.set(id, { id, label: termText(t), iri: t.type === "uri" ? t.value : "" });
      return id;
    };
    if (result.kind === "graph") {
      for (const t of result.triples) {
        if (t.o.type === "literal") continue;
        edges.push({ source: node(t.s), target: node(t.o), label: shorten(t.p.value) });
      }
      return { ok: edges.length > 0, nodes, edges, note: "Subjects and objects of the triples; literal values are left out." };
    }
    if (result.kind !== "bindings") return { ok: false, nodes, edges, note: "An ASK answer has no graph." };
    const iriColumns = result.vars.filter((v) => result.rows.some((r) => r[v] && r[v].type !== "literal"));
    if (iriColumns.length < 2) {
      return { ok: false, nodes, edges, note: "The graph view needs a CONSTRUCT or DESCRIBE result, or a SELECT with two entity (IRI) columns." };
    }
    const [a, b] = iriColumns;
    for (const r of result.rows) {
      if (r[a] && r[b] && r[a].type !== "literal" && r[b].type !== "literal") {
        edges.push({ source: node(r[a]), target: node(r[b]), label: "?" + b });
      }
    }
    return { ok: edges.length > 0, nodes, edges, note: "One edge per row from ?" + a + " to ?" + b + "." };
  }

  function renderGraph() {
    const model = graphModel(state.result);
    $("#graph-note").textContent = model.note;
    if (state.cy) {
      state.cy.destroy();
      state.cy = null;
    }
    if (!model.ok) {
      $("#graph").replaceChildren();
      return;
    }
    const elements = [];
    for (const n of model.nodes.values()) elements.push({ group: "nodes", data: { id: n.id, label: n.label, entity: slugOf(n.iri) ? "yes" : "no" } });
    model.edges.forEach((e, i) => elements.push({ group: "edges", data: { id: "e" + i, source: e.source, target: e.target, label: e.label } }));
    state.cy = cytoscape({
      container: $("#graph"),
      elements,
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 10, "text-wrap": "wrap", "text-max-width": 120, "background-color": "#8a94a3", width: 18, height: 18 } },
        { selector: "node[entity = 'yes']", style: { "background-color": "#b4262d" } },
        { selector: "edge", style: { width: 1.5, "curve-style": "bezier", "target-arrow-shape": "triangle", label: "data(label)", "font-size": 8, color: "#5b6470", "line-color": "#c9c4bb", "target-arrow-color": "#c9c4bb" } },
      ],
      maxZoom: 1.5, // a small graph is fitted to the box without blowing the labels up
      layout: { name: model.nodes.size > 2 ? "cose" : "grid", animate: false },
    });
    state.cy.on("tap", "node", (evt) => {
      const slug = slugOf(evt.target.id());
      if (slug) window.location.href = "/page/" + slug;
    });
  }

  // A column is a year column when its values are xsd:gYear, or its name says year and the values are years.
  function yearColumns(vars, rows) {
    return vars.filter((v) => {
      const values = rows.map((r) => r[v]).filter(Boolean);
      if (values.length === 0) return false;
      if (values.every((t) => t.type === "literal" && t.datatype === XSD + "gYear")) return true;
      return /year/i.test(v) && values.every((t) => t.type === "literal" && /^-?\d{4}$/.test(t.value));
    });
  }

  function renderTimeline() {
    const view = $("#view-timeline");
    let { vars, rows } = asTable(state.result);
    if (state.result.kind === "graph") {
      rows = rows.filter((r) => r.object.type === "literal" && (r.object.datatype === XSD + "gYear" || /year/i.test(r.predicate.value)))
        .map((r) => ({ subject: r.subject, predicate: r.predicate, year: r.object }));
      vars = ["subject", "predicate", "year"];
    }
    const years = yearColumns(vars, rows);
    const note = document.createElement("p");
    note.className = "muted";
    if (years.length === 0) {
      note.textContent = "The timeline needs a year column (xsd:gYear values, or a column named …year holding years).";
      view.replaceChildren(note);
      return;
    }
    const start = years.find((v) => !/end/i.test(v)) || years[0];
    const end = years.find((v) => v !== start && /end/i.test(v));
    const who = vars.find((v) => !years.includes(v) && !/Label$/.test(v));
    const items = rows.filter((r) => r[start]).map((r) => ({
      from: parseInt(r[start].value, 10),
      to: end && r[end] ? parseInt(r[end].value, 10) : null,
      label: who ? termText(r[who]) : "",
      row: r,
    })).sort((x, y) => x.from - y.from);
    const min = Math.min(...items.map((i) => i.from));
    const max = Math.max(...items.map((i) => i.to || i.from));
    const span = Math.max(max - min, 1);
    const box = document.createElement("div");
    box.className = "timeline";
    const axis = document.createElement("div");
    axis.className = "axis";
    for (const y of [min, Math.round(min + span / 2), max]) { // labels at 0, 45 and 90% of the track
      const s = document.createElement("span");
      s.textContent = String(y);
      axis.appendChild(s);
    }
    box.appendChild(axis);
    for (const item of items) {
      const row = document.createElement("div");
      row.className = "row";
      const label = document.createElement("div");
      label.className = "who";
      label.appendChild(who ? termNode(item.row[who]) : document.createTextNode(""));
      const track = document.createElement("div");
      track.className = "track";
      const mark = document.createElement("span");
      mark.className = "mark";
      // 0-90% of the track, so a mark at the last year still fits with its text.
      mark.style.left = (90 * (item.from - min) / span) + "%";
      if (item.to) mark.style.width = (90 * (item.to - item.from) / span) + "%";
      mark.textContent = item.to ? item.from + "–" + item.to : String(item.from);
      track.appendChild(mark);
      row.append(label, track);
      box.appendChild(row);
    }
    note.textContent = items.length + " rows placed by ?" + start + (end ? " to ?" + end : "") + ".";
    view.replaceChildren(note, box);
  }

  // ---- downloads -----------------------------------------------------------------------------------------

  function csv() {
    const { vars, rows } = asTable(state.result);
    const cell = (t) => {
      const s = t ? t.value : "";
      return /[",\r\n]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
    };
    return [vars.join(",")].concat(rows.map((r) => vars.map((v) => cell(r[v])).join(","))).join("\r\n") + "\r\n";
  }

  function xml(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function graphml() {
    const model = graphModel(state.result);
    const out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">",
      "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>",
      "  <key id=\"iri\" for=\"node\" attr.name=\"iri\" attr.type=\"string\"/>",
      "  <key id=\"elabel\" for=\"edge\" attr.name=\"label\" attr.type=\"string\"/>",
      "  <graph id=\"result\" edgedefault=\"directed\">"];
    for (const n of model.nodes.values()) {
      out.push("    <node id=\"" + xml(n.id) + "\"><data key=\"label\">" + xml(n.label) + "</data><data key=\"iri\">" + xml(n.iri) + "</data></node>");
    }
    model.edges.forEach((e, i) => out.push("    <edge id=\"e" + i + "\" source=\"" + xml(e.source) + "\" target=\"" + xml(e.target)
      + "\"><data key=\"elabel\">" + xml(e.label) + "</data></edge>"));
    out.push("  </graph>", "</graphml>");
    return out.join("\n") + "\n";
  }

  function download(kind) {
    if (!state.result) return;
    const files = {
      csv: () => [csv(), "text/csv", "result.csv"],
      json: () => [state.result.raw, state.result.kind === "graph" ? "application/rdf+json" : "application/sparql-results+json", "result.json"],
      graphml: () => [graphml(), "application/graphml+xml", "result.graphml"],
    };
    const [body, type, name] = files[kind]();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([body], { type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  // ---- links and examples --------------------------------------------------------------------------------

  function shareUrl() {
    const p = new URLSearchParams();
    p.set("view", state.view);
    p.set("query", editor.getValue());
    return location.origin + location.pathname + "#" + p.toString();
  }

  function updateShareBox() {
    $("#share-url").value = shareUrl();
  }

  // #view=graph&query=... ; a bare fragment is taken as the query itself (WDQS links).
  function readFragment() {
    const h = location.hash.substring(1);
    if (!h) return {};
    if (/^(view|query)=/.test(h) || h.includes("&query=")) {
      const p = new URLSearchParams(h);
      return { query: p.get("query"), view: p.get("view") };
    }
    try {
      return { query: decodeURIComponent(h) };
    } catch (e) {
      return {};
    }
  }

  function loadExample(name) {
    const ex = state.examples.find((e) => e.name === name);
    if (!ex) return;
    editor.setValue(ex.query);
    document.querySelectorAll("button.example").forEach((b) => b.classList.toggle("active", b.dataset.name === name));
    history.replaceState(null, "", shareUrl());
    updateShareBox();
    editor.focus();
  }

  async function fetchJson(url) {
    try {
      const r = await fetch(url, { headers: { Accept: "application/json" } });
      return r.ok ? await r.json() : null;
    } catch (e) {
      return null;
    }
  }

  async function start() {
    const [vocabulary, examples] = await Promise.all([fetchJson("/sparql-ui/vocabulary.json"), fetchJson("/sparql-ui/examples.json")]);
    state.prefixes = vocabulary ? vocabulary.prefixes : {};
    state.examples = examples || [];
    const completions = KEYWORDS.map((k) => ({ label: k, type: "keyword" }));
    for (const [prefix, ns] of Object.entries(state.prefixes)) {
      completions.push({ label: prefix + ":", type: "namespace", detail: ns, boost: 1 });
      completions.push({ label: "PREFIX " + prefix + ":", type: "namespace", detail: ns, apply: "PREFIX " + prefix + ": <" + ns + ">" });
    }
    for (const t of vocabulary ? vocabulary.terms : []) {
      completions.push({ label: t.label, type: t.type === "class" ? "class" : "property", detail: t.detail || "", info: t.info || undefined, boost: 2 });
    }
    const fragment = readFragment();
    editor = window.CikgEditor.create($("#editor"), { doc: fragment.query || $("#default-query").value, completions, onRun: run });
    editor.view.dom.setAttribute("data-ready", "true");
    // The editor's scroll box is reachable by keyboard, so a long query can be scrolled without a mouse.
    editor.view.scrollDOM.setAttribute("tabindex", "0");
    const params = new URLSearchParams(location.search);
    state.view = VIEWS.includes(fragment.view) ? fragment.view : VIEWS.includes(params.get("view")) ? params.get("view") : "table";
    document.querySelectorAll("[data-view]").forEach((b) => b.addEventListener("click", () => setView(b.dataset.view)));
    document.querySelectorAll("button.example").forEach((b) => b.addEventListener("click", () => loadExample(b.dataset.name)));
    document.querySelectorAll("[data-download]").forEach((b) => b.addEventListener("click", () => download(b.dataset.download)));
    $("#run").addEventListener("click", run);
    $("#share").addEventListener("click", () => {
      updateShareBox();
      $("#share-box").hidden = !$("#share-box").hidden;
      $("#share-url").select();
    });
    window.addEventListener("hashchange", () => {
      const f = readFragment();
      if (f.query && f.query !== editor.getValue()) editor.setValue(f.query);
      if (f.view && f.view !== state.view) setView(f.view);
    });
    setView(state.view);
    if (fragment.query) run();
  }

  // For tests and the console: the current state, without reaching into closures.
  window.cikgWorkbench = {
    query: () => editor.getValue(),
    view: () => state.view,
    shareUrl: () => shareUrl(),
    graphNodeCount: () => (state.cy ? state.cy.nodes().length : 0),
    graphEdgeCount: () => (state.cy ? state.cy.edges().length : 0),
    graphLabels: () => (state.cy ? state.cy.nodes().map((n) => n.data("label")) : []),
    // How many nodes the renderer placed inside the visible canvas.
    graphNodesInView: () => (state.cy ? state.cy.nodes().filter((n) => {
      const p = n.renderedPosition();
      return p.x >= 0 && p.y >= 0 && p.x <= state.cy.width() && p.y <= state.cy.height();
    }).length : 0),
    csv: () => csv(),
    graphml: () => graphml(),
  };

  start();
}());
