/*
 * Autocomplete for entity names. Two kinds of box:
 *  - <input data-autocomplete> inside a <form action="/search">: as the user types it asks /api/search and shows
 *    the matching entities in a listbox (ARIA 1.2 combobox pattern). Up/Down move through the suggestions, Enter
 *    opens the highlighted entity's page (/page/{slug}) or, with none highlighted, submits the form to the results
 *    page; Escape closes the list.
 *  - <input data-autocomplete="entity" [data-type="Place"]> in any form (a question's fields, the explorer's focus
 *    box): picking a suggestion writes its name into the box and remembers its slug; when the form is sent, a box
 *    still showing that name sends the slug. The server also takes names, so typing without picking works too.
 * Plain JavaScript, no dependencies; without JavaScript the forms still work.
 */
(function () {
  'use strict';
  var DELAY_MS = 150;
  var LIMIT = 8;
  var counter = 0;

  function attach(input) {
    var form = input.form;
    var fill = input.dataset.autocomplete === 'entity';
    if (!form || (!fill && form.getAttribute('action') !== '/search') || input.dataset.autocompleteReady) {
      return;
    }
    input.dataset.autocompleteReady = 'true';
    var id = 'ac-' + (++counter);
    var wrapper = document.createElement('span');
    wrapper.className = 'ac-wrapper';
    wrapper.style.position = 'relative';
    wrapper.style.display = 'inline-block';
    wrapper.style.flex = '1';
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    input.style.width = '100%';

    var list = document.createElement('ul');
    list.id = id + '-list';
    list.className = 'ac-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggestions');
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    status.className = 'ac-status';
    status.style.position = 'absolute';
    status.style.width = '1px';
    status.style.height = '1px';
    status.style.overflow = 'hidden';
    status.style.clip = 'rect(0 0 0 0)';
    wrapper.appendChild(status);

    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');

    var items = [];
    var active = -1;
    var timer = null;
    var seq = 0;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(i) {
      items.forEach(function (li, k) { li.setAttribute('aria-selected', k === i ? 'true' : 'false'); });
      active = i;
      if (i >= 0) {
        input.setAttribute('aria-activedescendant', items[i].id);
        items[i].scrollIntoView({block: 'nearest'});
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function go(li) {
      if (fill) {
        input.value = li.dataset.label;
        input.dataset.slug = li.dataset.slug;
        input.dataset.label = li.dataset.label;
        close();
        input.dispatchEvent(new CustomEvent('entitypicked', {bubbles: true, detail: {slug: li.dataset.slug}}));
        return;
      }
      window.location.href = li.dataset.href;
    }

    function render(results) {
      list.textContent = '';
      items = results.filter(function (r) { return r.slug; }).map(function (r, k) {
        var li = document.createElement('li');
        li.id = id + '-opt-' + k;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.dataset.href = '/page/' + encodeURIComponent(r.slug);
        li.dataset.slug = r.slug;
        li.dataset.label = r.label;
        var name = document.createElement('span');
        name.className = 'ac-label';
        name.setAttribute('dir', 'auto');
        name.textContent = r.label;
        li.appendChild(name);
        if (r.matched && r.matched !== r.label) {
          var m = document.createElement('span');
          m.className = 'ac-matched';
          m.setAttribute('dir', 'auto');
          m.setAttribute('lang', r.matchedLang || '');
          m.textContent = r.matched;
          li.appendChild(m);
        }
        if (r.typeLabel) {
          var t = document.createElement('span');
          t.className = 'ac-type';
          t.textContent = r.typeLabel;
          li.appendChild(t);
        }
        li.addEventListener('mousedown', function (e) { e.preventDefault(); go(li); });
        list.appendChild(li);
        return li;
      });
      active = -1;
      if (items.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        status.textContent = items.length + (items.length === 1 ? ' suggestion' : ' suggestions');
      } else {
        close();
        status.textContent = 'No suggestions';
      }
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      if (!q) {
        close();
        return;
      }
      var mine = ++seq;
      var url = '/api/search?limit=' + LIMIT + '&q=' + encodeURIComponent(q.slice(0, 200));
      if (input.dataset.type) {
        url += '&type=' + encodeURIComponent(input.dataset.type);
      }
      var lang = document.documentElement.getAttribute('lang');
      if (lang) {
        url += '&lang=' + encodeURIComponent(lang);
      }
      fetch(url, {headers: {Accept: 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : {results: []}; })
        .then(function (body) { if (mine === seq) { render(body.results || []); } })
        .catch(function () { if (mine === seq) { close(); } });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY_MS);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') {
        if (list.hidden) {
          fetchSuggestions();
        } else if (items.length) {
          highlight((active + 1) % items.length);
        }
        e.preventDefault();
      } else if (e.key === 'ArrowUp') {
        if (!list.hidden && items.length) {
          highlight(active <= 0 ? items.length - 1 : active - 1);
        }
        e.preventDefault();
      } else if (e.key === 'Enter') {
        if (!list.hidden && active >= 0) {
          e.preventDefault();
          go(items[active]);
        }
      } else if (e.key === 'Escape') {
        if (!list.hidden) {
          e.preventDefault();
          close();
        }
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 100); });
    if (fill) {
      form.addEventListener('submit', function () {
        if (input.dataset.slug && input.value === input.dataset.label) {
          input.value = input.dataset.slug;
        }
      });
    }
  }

  function init() {
    document.querySelectorAll('form[action="/search"] input[data-autocomplete], input[data-autocomplete="entity"]')
      .forEach(attach);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
