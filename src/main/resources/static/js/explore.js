// The graph explorer: draws /api/graph with Cytoscape.js, expands nodes on click, filters by class and years.
// State is exposed for tests and for the console as window.cikgExplorer and as data-* attributes on #graph.
(function () {
  'use strict';
  var container = document.getElementById('graph');
  var statusEl = document.getElementById('status');
  var focus = (container.dataset.focus || '').split(',').filter(Boolean);
  var depth = container.dataset.depth || '1';
  var lang = container.dataset.lang || 'en';
  var asOf = container.dataset.asOf || '';
  var expanded = new Set(focus);
  // Fixed colours for the contract's classes, so a class looks the same in every session; others take the rest.
  var colours = {
    Startup: '#1f77b4', Company: '#4e79a7', Organization: '#76b7e0', GovernmentBody: '#9c755f',
    University: '#17becf', ResearchInstitute: '#2a9d8f', MediaOutlet: '#bab0ac', CompanyGroup: '#3a5a98',
    Person: '#b07aa1', Country: '#2ca02c', MacroRegion: '#59a14f', Province: '#8cc084', City: '#e15759',
    District: '#ff9da7', Zone: '#d4a017', Place: '#6b8e23', Policy: '#f28e2b', Product: '#edc948',
    Event: '#8c564b', Indicator: '#9aa3ad', Position: '#c49c94'
  };
  var spare = ['#bcbd22', '#7f7f7f', '#d62728', '#9467bd', '#e377c2', '#393b79'];
  var hiddenTypes = new Set();

  function colourOf(type) {
    if (!colours[type]) {
      colours[type] = spare.shift() || '#555555';
    }
    return colours[type];
  }

  function slugOf(iri) {
    var ns = 'https://w3id.org/cikg/id/';
    return iri.indexOf(ns) === 0 ? iri.substring(ns.length) : null;
  }

  var cy = cytoscape({
    container: container,
    wheelSensitivity: 0.3,
    style: [
      { selector: 'node', style: {
        'background-color': function (n) { return colourOf(n.data('type')); },
        'label': 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 3,
        'width': 18, 'height': 18, 'color': '#1d232b', 'text-wrap': 'ellipsis', 'text-max-width': 120 } },
      { selector: 'node.focus', style: { 'width': 28, 'height': 28, 'border-width': 3, 'border-color': '#1d232b' } },
      { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#1d232b' } },
      { selector: 'edge', style: {
        'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 1.2, 'line-color': '#9aa3ad',
        'target-arrow-color': '#9aa3ad', 'label': 'data(label)', 'font-size': 8, 'color': '#5b6470',
        'text-rotation': 'autorotate', 'text-background-color': '#fbfaf8', 'text-background-opacity': 0.8 } },
      { selector: 'edge[certainty = "hedged"]', style: { 'line-style': 'dashed' } },
      { selector: '.filtered', style: { 'display': 'none' } }
    ]
  });

  function setStatus(text, error) {
    statusEl.textContent = text;
    statusEl.className = 'status' + (error ? ' error' : '');
  }

  function publish() {
    container.dataset.nodeCount = String(cy.nodes().length);
    container.dataset.edgeCount = String(cy.edges().length);
    container.dataset.visibleNodeCount = String(cy.nodes().not('.filtered').length);
  }

  function query(focusList, d, format) {
    var p = new URLSearchParams();
    focusList.forEach(function (f) { p.append('focus', f); });
    p.set('depth', d);
    p.set('lang', lang);
    if (asOf) { p.set('asOf', asOf); }
    if (format) { p.set('format', format); }
    return '/api/graph?' + p.toString();
  }

  function load(focusList, d) {
    container.dataset.state = 'loading';
    setStatus('Loading…');
    return fetch(query(focusList, d), { headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) { throw new Error(body.detail || body.title || ('HTTP ' + r.status)); }
          return body;
        });
      })
      .then(function (body) {
        var fresh = [];
        body.elements.nodes.concat(body.elements.edges).forEach(function (el) {
          if (cy.getElementById(el.data.id).empty()) { fresh.push(el); }
        });
        cy.add(fresh);
        focus.forEach(function (f) { cy.getElementById('https://w3id.org/cikg/id/' + f).addClass('focus'); });
        rebuildFilters();
        applyFilters();
        cy.layout({ name: 'cose', animate: false, nodeRepulsion: function () { return 20000; },
          idealEdgeLength: function () { return 110; }, nodeOverlap: 20 }).run();
        publish();
        updateDownloads();
        container.dataset.state = 'ready';
        setStatus(cy.nodes().length + ' entities, ' + cy.edges().length + ' links');
        return fresh.length;
      })
      .catch(function (e) {
        container.dataset.state = 'error';
        setStatus(e.message, true);
      });
  }

  function rebuildFilters() {
    var box = document.getElementById('class-filters');
    var counts = {};
    cy.nodes().forEach(function (n) { counts[n.data('type')] = (counts[n.data('type')] || 0) + 1; });
    box.textContent = '';
    Object.keys(counts).sort().forEach(function (t) {
      var label = document.createElement('label');
      var cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.checked = !hiddenTypes.has(t);
      cb.dataset.type = t;
      cb.addEventListener('change', function () {
        if (cb.checked) { hiddenTypes.delete(t); } else { hiddenTypes.add(t); }
        applyFilters();
      });
      var sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = colourOf(t);
      label.appendChild(cb);
      label.appendChild(sw);
      label.appendChild(document.createTextNode(t + ' (' + counts[t] + ')'));
      box.appendChild(label);
    });
    var years = [];
    cy.edges().forEach(function (e) {
      if (e.data('startYear') != null) { years.push(e.data('startYear')); }
      if (e.data('endYear') != null) { years.push(e.data('endYear')); }
    });
    var fromEl = document.getElementById('year-from');
    var toEl = document.getElementById('year-to');
    var min = years.length ? Math.min.apply(null, years) : 2000;
    var max = years.length ? Math.max.apply(null, years) : new Date().getFullYear();
    var wasFull = !fromEl.max || (Number(fromEl.value) <= Number(fromEl.min) && Number(toEl.value) >= Number(toEl.max));
    [fromEl, toEl].forEach(function (el) { el.min = min; el.max = max; });
    if (wasFull) { fromEl.value = min; toEl.value = max; }
    document.getElementById('from-out').textContent = fromEl.value;
    document.getElementById('to-out').textContent = toEl.value;
  }

  function applyFilters() {
    var from = Number(document.getElementById('year-from').value);
    var to = Number(document.getElementById('year-to').value);
    var undated = document.getElementById('show-undated').checked;
    document.getElementById('from-out').textContent = from;
    document.getElementById('to-out').textContent = to;
    cy.batch(function () {
      cy.elements().removeClass('filtered');
      cy.nodes().forEach(function (n) { if (hiddenTypes.has(n.data('type'))) { n.addClass('filtered'); } });
      cy.edges().forEach(function (e) {
        var s = e.data('startYear');
        var end = e.data('endYear');
        var visible;
        if (s == null && end == null) {
          visible = undated;
        } else {
          var a = s != null ? s : end;
          var b = end != null ? end : a;
          visible = a <= to && b >= from;
        }
        if (!visible || e.source().hasClass('filtered') || e.target().hasClass('filtered')) {
          e.addClass('filtered');
        }
      });
    });
    publish();
  }

  function updateDownloads() {
    document.querySelectorAll('#downloads a').forEach(function (a) {
      a.href = query(Array.from(expanded), depth, a.dataset.format);
    });
  }

  ['year-from', 'year-to', 'show-undated'].forEach(function (id) {
    document.getElementById(id).addEventListener('input', applyFilters);
    document.getElementById(id).addEventListener('change', applyFilters);
  });

  function expand(node) {
    var slug = slugOf(node.id());
    if (!slug || expanded.has(slug)) { return Promise.resolve(0); }
    expanded.add(slug);
    node.addClass('expanded');
    return load([slug], 1);
  }

  cy.on('tap', 'node', function (evt) { expand(evt.target); });
  cy.on('dbltap', 'node', function (evt) {
    var page = evt.target.data('page');
    if (page) { window.location.href = page; }
  });

  window.cikgExplorer = {
    cy: cy,
    expand: function (iri) { return expand(cy.getElementById(iri)); },
    nodeCount: function () { return cy.nodes().length; }
  };

  if (focus.length) {
    load(focus, depth);
  } else {
    setStatus('Give one or more entity slugs to start, e.g. deepseek.');
  }
})();
