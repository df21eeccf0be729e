// The graph explorer: draws /api/graph with Cytoscape.js and the fCoSE layout.
//  - A click selects an entity or a link and shows it in the side panel (an entity's facts, figures and page; a link's
//    certainty, years, source articles and paragraphs). Expanding is explicit: a double-click, or the panel's or the
//    list's Expand button. New neighbours are placed around the expanded entity and fCoSE runs with every entity
//    already drawn held where it is (fixedNodeConstraint), so the drawing keeps its shape; dragged entities are pinned.
//  - Figures (indicators) are folded into the entity they are about unless "show figures" is ticked; labels hide when
//    zoomed far out.
//  - Kinds can be hidden from the legend; the year range starts at the years present; while it is narrowed, undated
//    links are drawn dotted and faint (or hidden, if "show undated links" is unticked) rather than left as they were.
//  - Every entity is also in a keyboard list below the drawing.
// State is exposed for tests and the console as window.cikgExplorer and as data-* attributes on #graph.
(function () {
  'use strict';
  var ID = 'https://w3id.org/cikg/id/';
  var SRC = 'https://w3id.org/cikg/source/';
  var container = document.getElementById('graph');
  var statusEl = document.getElementById('status');
  var detailsBody = document.getElementById('details-body');
  var listEl = document.getElementById('entity-list');
  var focus = (container.dataset.focus || '').split(',').filter(Boolean);
  var depth = container.dataset.depth || '1';
  var lang = container.dataset.lang || 'en';
  var asOf = container.dataset.asOf || '';
  var expanded = new Set(focus);
  var hiddenTypes = new Set();
  var yearsKnown = false;

  // On a phone the controls start folded, so the drawing comes first.
  if (window.matchMedia('(max-width: 700px)').matches) {
    document.querySelector('details.controls').open = false;
  }

  var cy = cytoscape({
    container: container,
    wheelSensitivity: 0.3,
    minZoom: 0.15,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', 'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom',
        'text-margin-y': 3, 'width': 18, 'height': 18, 'color': '#1d232b', 'text-wrap': 'ellipsis',
        'text-max-width': 130, 'min-zoomed-font-size': 7, 'text-background-color': '#ffffff',
        'text-background-opacity': 0.75, 'text-background-padding': 1, 'border-width': 1.5,
        'border-color': '#ffffff' } },
      { selector: 'node.focus', style: { 'width': 28, 'height': 28, 'border-width': 3, 'border-color': '#1d232b',
        'font-weight': 'bold', 'min-zoomed-font-size': 0 } },
      { selector: 'node.expanded', style: { 'border-width': 4, 'border-color': '#1d232b' } },
      { selector: 'node:selected', style: { 'overlay-color': '#1f5fa8', 'overlay-opacity': 0.25, 'overlay-padding': 6,
        'min-zoomed-font-size': 0 } },
      { selector: 'edge', style: {
        'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'width': 1.5, 'line-color': '#6b7480',
        'target-arrow-color': '#6b7480', 'label': 'data(label)', 'font-size': 9, 'color': '#4b535e',
        'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 0.8,
        'min-zoomed-font-size': 9 } },
      { selector: 'edge[certainty = "hedged"]', style: { 'line-style': 'dashed' } },
      { selector: 'edge.undated', style: { 'line-style': 'dotted', 'opacity': 0.45 } },
      { selector: 'edge:selected', style: { 'width': 3.5, 'line-color': '#1f5fa8', 'target-arrow-color': '#1f5fa8' } },
      { selector: '.filtered, .folded', style: { 'display': 'none' } }
    ]
  });

  function setStatus(text, error) {
    statusEl.textContent = text;
    statusEl.className = 'status' + (error ? ' error' : '');
  }

  function publish() {
    container.dataset.nodeCount = String(cy.nodes().length);
    container.dataset.edgeCount = String(cy.edges().length);
    container.dataset.visibleNodeCount = String(cy.nodes().not('.filtered, .folded').length);
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

  function slugOf(iri) {
    return iri && iri.indexOf(ID) === 0 ? iri.substring(ID.length) : null;
  }

  function isFigure(n) {
    return n.data('type') === 'Indicator';
  }

  // ----- loading and layout -----

  function fetchGraph(focusList, d) {
    return fetch(query(focusList, d), { headers: { 'Accept': 'application/json' } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) { throw new Error(body.detail || body.title || ('HTTP ' + r.status)); }
        return body;
      });
    });
  }

  function add(body) {
    var fresh = [];
    body.elements.nodes.concat(body.elements.edges).forEach(function (el) {
      if (cy.getElementById(el.data.id).empty()) { fresh.push(el); }
    });
    return cy.add(fresh);
  }

  function runLayout(options) {
    return new Promise(function (resolve) {
      var visible = cy.elements().not('.filtered, .folded');
      var layout = visible.layout(Object.assign({
        name: 'fcose', quality: 'default', animate: false, randomize: true, nodeDimensionsIncludeLabels: true,
        idealEdgeLength: 90, nodeRepulsion: 9000, packComponents: true, fit: true, padding: 30
      }, options));
      layout.one('layoutstop', resolve);
      layout.run();
    });
  }

  function pinnedConstraint(nodes) {
    var fixed = [];
    nodes.forEach(function (n) {
      if (!n.hasClass('filtered') && !n.hasClass('folded')) {
        fixed.push({ nodeId: n.id(), position: { x: n.position('x'), y: n.position('y') } });
      }
    });
    return fixed;
  }

  function initial() {
    container.dataset.state = 'loading';
    setStatus('Loading…');
    return fetchGraph(focus, depth).then(function (body) {
      add(body);
      focus.forEach(function (f) { cy.getElementById(ID + f).addClass('focus'); });
      refreshAll();
      return runLayout({ randomize: true });
    }).then(function () {
      cy.resize();
      cy.fit(cy.elements().not('.filtered, .folded'), 30);
      if (cy.zoom() > 1.3) {
        // A handful of entities would be blown up to fill the box: keep them at a reading size, centred.
        cy.zoom(1.3);
        cy.center(cy.elements().not('.filtered, .folded'));
      }
      ready();
    }).catch(fail);
  }

  function expand(node) {
    var slug = slugOf(node.id());
    if (!slug || expanded.has(slug)) { return Promise.resolve(0); }
    expanded.add(slug);
    node.addClass('expanded');
    container.dataset.state = 'loading';
    setStatus('Adding the neighbours of ' + node.data('label') + '…');
    var before = cy.nodes();
    var kept = {};
    before.forEach(function (n) { kept[n.id()] = { x: n.position('x'), y: n.position('y') }; });
    return fetchGraph([slug], 1).then(function (body) {
      var added = add(body);
      var centre = node.position();
      var newNodes = added.nodes();
      newNodes.forEach(function (n, i) {
        var angle = 2 * Math.PI * i / Math.max(1, newNodes.length);
        n.position({ x: centre.x + 120 * Math.cos(angle), y: centre.y + 120 * Math.sin(angle) });
      });
      refreshAll();
      if (newNodes.length === 0) { return 0; }
      // Every entity drawn before keeps its place (fCoSE's fixed-node constraint); only the new ones move. fCoSE
      // meets the constraint up to a few pixels, so the old positions are then put back exactly and the new
      // entities shifted with the expanded one.
      return runLayout({ randomize: false, fit: false, fixedNodeConstraint: pinnedConstraint(before) })
        .then(function () {
          var moved = node.position();
          var dx = kept[node.id()].x - moved.x;
          var dy = kept[node.id()].y - moved.y;
          cy.batch(function () {
            newNodes.forEach(function (n) { n.position({ x: n.position('x') + dx, y: n.position('y') + dy }); });
            before.forEach(function (n) { n.position(kept[n.id()]); });
          });
          return newNodes.length;
        });
    }).then(function (n) {
      ready();
      if (selected && selected.id() === node.id()) { showNode(node); }
      return n;
    }).catch(fail);
  }

  function relayout() {
    var pinned = cy.nodes('.pinned');
    container.dataset.state = 'loading';
    return runLayout({ randomize: pinned.empty(), fixedNodeConstraint: pinned.empty() ? undefined
      : pinnedConstraint(pinned) }).then(ready);
  }

  function ready() {
    publish();
    updateDownloads();
    container.dataset.state = 'ready';
    setStatus(cy.nodes().not('.folded').length + ' entities, ' + cy.edges().not('.folded').length + ' links'
      + (cy.nodes('.folded').length ? ' (' + cy.nodes('.folded').length + ' figures folded into their entities)' : ''));
  }

  function fail(e) {
    container.dataset.state = 'error';
    setStatus(e.message, true);
  }

  // ----- filters, legend, list -----

  function refreshAll() {
    foldFigures();
    rebuildLegend();
    rebuildYears();
    applyFilters();
    rebuildList();
  }

  function foldFigures() {
    var show = document.getElementById('show-figures').checked;
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        if (isFigure(n) && !show && !n.hasClass('focus')) {
          n.addClass('folded');
          n.connectedEdges().addClass('folded');
        } else {
          n.removeClass('folded');
        }
      });
      cy.edges().forEach(function (e) {
        if (!e.source().hasClass('folded') && !e.target().hasClass('folded')) { e.removeClass('folded'); }
      });
    });
  }

  function rebuildLegend() {
    var box = document.getElementById('class-filters');
    var types = {};
    cy.nodes().not('.folded').forEach(function (n) {
      var t = n.data('type');
      types[t] = types[t] || { count: 0, color: n.data('color') };
      types[t].count++;
    });
    box.textContent = '';
    Object.keys(types).sort().forEach(function (t) {
      var li = document.createElement('li');
      var label = document.createElement('label');
      var cb = document.createElement('input');
      cb.type = 'checkbox';
      cb.checked = !hiddenTypes.has(t);
      cb.dataset.type = t;
      cb.addEventListener('change', function () {
        if (cb.checked) { hiddenTypes.delete(t); } else { hiddenTypes.add(t); }
        applyFilters();
        rebuildList();
      });
      var sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = types[t].color;
      sw.setAttribute('aria-hidden', 'true');
      label.appendChild(cb);
      label.appendChild(sw);
      label.appendChild(document.createTextNode(t + ' (' + types[t].count + ')'));
      li.appendChild(label);
      box.appendChild(li);
    });
  }

  function rebuildYears() {
    var years = [];
    cy.edges().not('.folded').forEach(function (e) {
      if (e.data('startYear') != null) { years.push(e.data('startYear')); }
      if (e.data('endYear') != null) { years.push(e.data('endYear')); }
    });
    var fromEl = document.getElementById('year-from');
    var toEl = document.getElementById('year-to');
    var box = document.querySelector('.years');
    if (!years.length) {
      box.dataset.empty = 'true';
      [fromEl, toEl].forEach(function (el) { el.disabled = true; });
      document.getElementById('from-out').textContent = '–';
      document.getElementById('to-out').textContent = '–';
      return;
    }
    box.dataset.empty = 'false';
    var min = Math.min.apply(null, years);
    var max = Math.max.apply(null, years);
    var wasFull = !yearsKnown || (Number(fromEl.value) <= Number(fromEl.min) && Number(toEl.value) >= Number(toEl.max));
    [fromEl, toEl].forEach(function (el) { el.disabled = false; el.min = min; el.max = max; el.step = 1; });
    if (wasFull) { fromEl.value = min; toEl.value = max; }
    yearsKnown = true;
    document.getElementById('from-out').textContent = fromEl.value;
    document.getElementById('to-out').textContent = toEl.value;
  }

  function windowNarrowed() {
    var fromEl = document.getElementById('year-from');
    var toEl = document.getElementById('year-to');
    return yearsKnown && (Number(fromEl.value) > Number(fromEl.min) || Number(toEl.value) < Number(toEl.max));
  }

  function applyFilters() {
    var fromEl = document.getElementById('year-from');
    var toEl = document.getElementById('year-to');
    if (Number(fromEl.value) > Number(toEl.value)) {
      if (document.activeElement === fromEl) { toEl.value = fromEl.value; } else { fromEl.value = toEl.value; }
    }
    var from = Number(fromEl.value);
    var to = Number(toEl.value);
    var narrowed = windowNarrowed();
    var undated = document.getElementById('show-undated').checked;
    if (yearsKnown) {
      document.getElementById('from-out').textContent = from;
      document.getElementById('to-out').textContent = to;
    }
    cy.batch(function () {
      cy.elements().removeClass('filtered').removeClass('undated');
      cy.nodes().forEach(function (n) { if (hiddenTypes.has(n.data('type'))) { n.addClass('filtered'); } });
      cy.edges().forEach(function (e) {
        var s = e.data('startYear');
        var end = e.data('endYear');
        var visible = true;
        if (s == null && end == null) {
          if (narrowed) {
            if (undated) { e.addClass('undated'); } else { visible = false; }
          }
        } else if (narrowed) {
          var a = s != null ? s : end;
          var b = end != null ? end : a;
          visible = a <= to && b >= from;
        }
        if (!visible || e.source().hasClass('filtered') || e.target().hasClass('filtered')) {
          e.addClass('filtered');
        }
      });
    });
    container.dataset.undatedCount = String(cy.edges('.undated').length);
    container.dataset.filteredEdgeCount = String(cy.edges('.filtered').length);
    publish();
  }

  function rebuildList() {
    listEl.textContent = '';
    cy.nodes().not('.folded, .filtered').sort(function (a, b) {
      return String(a.data('label')).localeCompare(String(b.data('label')));
    }).forEach(function (n) {
      var li = document.createElement('li');
      var pick = document.createElement('button');
      pick.type = 'button';
      pick.className = 'pick';
      pick.textContent = n.data('label');
      pick.setAttribute('dir', 'auto');
      pick.addEventListener('click', function () { select(n); });
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = n.data('type');
      li.appendChild(pick);
      li.appendChild(kind);
      if (slugOf(n.id()) && !expanded.has(slugOf(n.id()))) {
        var ex = document.createElement('button');
        ex.type = 'button';
        ex.className = 'expand';
        ex.textContent = 'Expand';
        ex.setAttribute('aria-label', 'Expand ' + n.data('label'));
        ex.addEventListener('click', function () { expand(n); });
        li.appendChild(ex);
      }
      listEl.appendChild(li);
    });
  }

  // ----- the side panel -----

  var selected = null;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text != null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function link(href, text) {
    var a = el('a', text);
    a.href = href;
    a.setAttribute('dir', 'auto');
    return a;
  }

  var SKIP = { id: 1, value: 1, name: 1, label: 1, type: 1, color: 1, page: 1 };

  function showNode(n) {
    detailsBody.textContent = '';
    detailsBody.dataset.kind = 'node';
    var h = el('h3', n.data('label'));
    h.setAttribute('dir', 'auto');
    detailsBody.appendChild(h);
    detailsBody.appendChild(el('p', n.data('type'), 'kind'));
    var dl = el('dl');
    Object.keys(n.data()).forEach(function (k) {
      if (SKIP[k]) { return; }
      var v = n.data(k);
      dl.appendChild(el('dt', k));
      dl.appendChild(el('dd', Array.isArray(v) ? v.join('; ') : String(v)));
    });
    if (dl.childNodes.length) { detailsBody.appendChild(dl); }
    var figures = n.connectedEdges().filter(function (e) {
      return e.source().id() !== n.id() && isFigure(e.source());
    }).map(function (e) { return e.source(); });
    if (figures.length) {
      detailsBody.appendChild(el('h4', 'Figures'));
      var ul = el('ul', null, 'figures');
      figures.forEach(function (f) {
        var text = f.data('label');
        if (f.data('attr_value') != null) { text += ': ' + f.data('attr_value'); }
        if (f.data('unit') != null) { text += ' ' + f.data('unit'); }
        if (f.data('year') != null) { text += ' (' + f.data('year') + ')'; }
        ul.appendChild(el('li', text));
      });
      detailsBody.appendChild(ul);
    }
    var links = n.connectedEdges().not('.folded').length;
    detailsBody.appendChild(el('p', links + (links === 1 ? ' link' : ' links') + ' drawn', 'muted'));
    var actions = el('p', null, 'actions');
    if (n.data('page')) { actions.appendChild(link(n.data('page'), 'Open its page')); }
    var slug = slugOf(n.id());
    if (slug && !expanded.has(slug)) {
      var b = el('button', 'Expand: add its neighbours');
      b.type = 'button';
      b.id = 'expand-selected';
      b.addEventListener('click', function () { expand(n); });
      actions.appendChild(document.createTextNode(' '));
      actions.appendChild(b);
    } else if (slug) {
      actions.appendChild(el('span', ' Its neighbours are drawn.', 'muted'));
    }
    detailsBody.appendChild(actions);
  }

  function sourceHref(s) {
    if (s.source && s.source.indexOf(SRC) === 0) {
      return '/source/' + s.source.substring(SRC.length) + (s.paragraph != null ? '#p' + s.paragraph : '');
    }
    return null;
  }

  function showEdge(e) {
    detailsBody.textContent = '';
    detailsBody.dataset.kind = 'edge';
    var h = el('h3');
    h.appendChild(el('span', e.source().data('label')));
    h.appendChild(document.createTextNode(' → ' + e.data('label') + ' → '));
    h.appendChild(el('span', e.target().data('label')));
    detailsBody.appendChild(h);
    var dl = el('dl');
    dl.appendChild(el('dt', 'Certainty'));
    dl.appendChild(el('dd', e.data('certainty') || 'not given', 'certainty'));
    dl.appendChild(el('dt', 'Years'));
    var s = e.data('startYear');
    var end = e.data('endYear');
    dl.appendChild(el('dd', s == null && end == null ? 'undated' : (s != null ? s : '') + (end != null && end !== s ? '–' + end : '')));
    dl.appendChild(el('dt', 'Property'));
    var pred = el('dd');
    pred.appendChild(link('/ontology#' + e.data('predicate').split('#').pop(), e.data('predicate').split('#').pop()));
    dl.appendChild(pred);
    detailsBody.appendChild(dl);
    detailsBody.appendChild(el('h4', 'Sources'));
    var ul = el('ul', null, 'sources');
    (e.data('sources') || []).forEach(function (src) {
      var li = el('li');
      var href = sourceHref(src);
      var title = src.title || (src.source ? src.source.split(/[\/#]/).pop() : 'unknown');
      if (href) { li.appendChild(link(href, title)); } else { li.appendChild(el('span', title)); }
      if (src.paragraph != null) { li.appendChild(el('span', ' ¶' + src.paragraph, 'para')); }
      ul.appendChild(li);
    });
    if (!ul.childNodes.length) { ul.appendChild(el('li', 'No source recorded for this link.')); }
    detailsBody.appendChild(ul);
  }

  function select(item) {
    cy.elements().unselect();
    item.select();
    selected = item;
    if (item.isNode()) { showNode(item); } else { showEdge(item); }
    container.dataset.selected = item.id();
    var details = document.getElementById('details');
    if (window.matchMedia('(max-width: 700px)').matches) { details.scrollIntoView({ block: 'nearest' }); }
  }

  function clearSelection() {
    cy.elements().unselect();
    selected = null;
    delete container.dataset.selected;
    detailsBody.textContent = '';
    detailsBody.appendChild(el('p', 'Nothing selected. Click an entity or a link in the drawing, or pick one from the list.', 'hint'));
  }

  // ----- wiring -----

  function updateDownloads() {
    document.querySelectorAll('#downloads a').forEach(function (a) {
      a.href = query(Array.from(expanded), depth, a.dataset.format);
    });
  }

  ['year-from', 'year-to', 'show-undated'].forEach(function (id) {
    document.getElementById(id).addEventListener('input', applyFilters);
    document.getElementById(id).addEventListener('change', applyFilters);
  });
  document.getElementById('show-figures').addEventListener('change', function () {
    refreshAll();
    ready();
  });
  document.getElementById('relayout').addEventListener('click', relayout);
  document.getElementById('fit').addEventListener('click', function () { cy.fit(undefined, 30); });

  cy.on('tap', 'node', function (evt) { select(evt.target); });
  cy.on('tap', 'edge', function (evt) { select(evt.target); });
  cy.on('tap', function (evt) { if (evt.target === cy) { clearSelection(); } });
  cy.on('dbltap', 'node', function (evt) { expand(evt.target); });
  cy.on('dragfree', 'node', function (evt) { evt.target.addClass('pinned'); });


  window.cikgExplorer = {
    cy: cy,
    expand: function (iri) { return expand(cy.getElementById(iri)); },
    select: function (id) { select(cy.getElementById(id)); },
    nodeCount: function () { return cy.nodes().length; }
  };

  if (focus.length) {
    initial();
  } else {
    setStatus('Type a name in “Start from” to begin, for example DeepSeek or Hangzhou.');
  }
})();
