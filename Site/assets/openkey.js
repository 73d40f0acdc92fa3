/*
 * OpenKey — progress markers. Progressive enhancement only: every page works without this file.
 *
 * localStorage (every access guarded: some browsers refuse storage for file:// pages):
 *   openkey.visited  JSON array of page ids the reader has opened
 *   openkey.paths    JSON object {pathId: [pageId, …]}: each path's steps, saved when its page is opened,
 *                    so the home page can show "N of M visited" on path cards.
 *
 * A progress line may carry data-label="{n} … {m} …" to translate its text.
 */
(function () {
  'use strict';

  var VISITED_KEY = 'openkey.visited';
  var PATHS_KEY = 'openkey.paths';

  function load(key) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) {
      return null;
    }
  }

  function save(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      /* storage disabled, full or private: progress is simply not remembered */
    }
  }

  /* Without working storage nothing can be remembered: then the page stays exactly as built. */
  function storageWorks() {
    try {
      window.localStorage.setItem('openkey.probe', '1');
      window.localStorage.removeItem('openkey.probe');
      return true;
    } catch (e) {
      return false;
    }
  }

  function isString(value) {
    return typeof value === 'string' && value !== '';
  }

  function loadVisited() {
    var list = load(VISITED_KEY);
    return Array.isArray(list) ? list.filter(isString) : [];
  }

  function loadPaths() {
    var map = load(PATHS_KEY);
    return map && typeof map === 'object' && !Array.isArray(map) ? map : {};
  }

  function each(nodes, fn) {
    Array.prototype.forEach.call(nodes, fn);
  }

  function showProgress(line, done, total, fallback) {
    var template = line.getAttribute('data-label') || fallback;
    line.textContent = template.replace('{n}', String(done)).replace('{m}', String(total));
    line.hidden = false;
  }

  function progressLinesFor(pathId, scope) {
    var lines = [];
    each(scope.querySelectorAll('.progress-line[data-progress-for]'), function (line) {
      if (line.getAttribute('data-progress-for') === pathId) lines.push(line);
    });
    return lines;
  }

  function recordVisit(visited) {
    var pageId = document.body && document.body.dataset.pageId;
    if (isString(pageId) && visited.indexOf(pageId) === -1) {
      visited.push(pageId);
      save(VISITED_KEY, visited);
    }
  }

  /* A path page: tick its visited steps, count them, and remember the path's step list. */
  function markPath(article, seen) {
    var pathId = article.getAttribute('data-path-id');
    var list = null;
    each(article.children, function (child) {
      if (!list && child.classList.contains('steps')) list = child;
    });
    if (!isString(pathId) || !list) return;

    var ids = [];
    var done = 0;
    each(list.querySelectorAll('li.step[data-page]'), function (step) {
      var id = step.getAttribute('data-page');
      var visited = seen.has(id);
      ids.push(id);
      if (visited) done += 1;
      step.classList.toggle('visited', visited);
      var badge = step.querySelector('.visited-badge');
      if (badge) badge.hidden = !visited;
    });
    if (ids.length === 0) return;

    progressLinesFor(pathId, article).forEach(function (line) {
      showProgress(line, done, ids.length, '{n} of {m} steps visited');
    });
    var paths = loadPaths();
    paths[pathId] = ids;
    save(PATHS_KEY, paths);
  }

  /* Home page: path cards show progress for paths whose step list is known. */
  function markCards(seen) {
    var paths = loadPaths();
    each(document.querySelectorAll('.path-card[data-path-id]'), function (card) {
      var pathId = card.getAttribute('data-path-id');
      var ids = paths[pathId];
      if (!Array.isArray(ids) || ids.length === 0) return;
      var done = ids.filter(function (id) { return seen.has(id); }).length;
      progressLinesFor(pathId, card).forEach(function (line) {
        showProgress(line, done, ids.length, '{n} of {m} visited');
      });
    });
  }

  function run() {
    if (!storageWorks()) return;
    var visited = loadVisited();
    recordVisit(visited);
    var seen = new Set(visited);
    each(document.querySelectorAll('article.path[data-path-id]'), function (article) {
      markPath(article, seen);
    });
    markCards(seen);
  }

  run();
  /* Coming back with the Back button may show a cached page: refresh its markers. */
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) run();
  });
})();

/*
 * OpenKey — questions in exercise boxes, checked offline. The page holds salted FNV-1a digests of the accepted
 * answers (see QuestionHTML.swift): the same normalisation and hash run here, so no answer key is in the clear.
 */
(function () {
  'use strict';

  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text);
    var hash = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      hash ^= bytes[i];
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    var hex = hash.toString(16);
    return '00000000'.slice(hex.length) + hex;
  }

  function normalise(text) {
    return String(text).toLowerCase().split(/\s+/).filter(Boolean).join(' ');
  }

  /* The form carries its messages in the reader's language (data-msg-*); English if it does not. */
  function message(form, name, fallback) {
    return form.getAttribute('data-msg-' + name) || fallback;
  }

  function check(form) {
    var salt = form.getAttribute('data-salt');
    var box = form.querySelector('[data-kind]');
    var result = form.querySelector('.question-result');
    if (!salt || !box || !result) { return; }
    var accepted = (box.getAttribute('data-accept') || '').split(' ');
    var answer = null;
    if (box.getAttribute('data-kind') === 'choice') {
      var chosen = form.querySelector('input[type=radio]:checked');
      if (!chosen) { result.textContent = message(form, 'choose', 'Choose an answer first.'); return; }
      answer = chosen.value;
      var whys = form.querySelectorAll('.question-why');
      for (var i = 0; i < whys.length; i++) { whys[i].hidden = true; }
      var radios = form.querySelectorAll('input[type=radio]');
      for (var j = 0; j < radios.length; j++) {
        if (radios[j] === chosen) {
          var why = form.querySelector('.question-why[data-choice="' + j + '"]');
          if (why) { why.hidden = false; }
        }
      }
    } else {
      var input = form.querySelector('input[type=number]');
      var value = input ? parseFloat(input.value) : NaN;
      var step = parseFloat(box.getAttribute('data-step'));
      if (isNaN(value) || !(step > 0)) { result.textContent = message(form, 'number', 'Type a number first.'); return; }
      answer = String(Math.round(value / step));
    }
    var right = accepted.indexOf(fnv1a(salt + '|' + normalise(answer))) >= 0;
    result.textContent = right ? message(form, 'yes', 'Correct!') : message(form, 'no', 'Not quite — have another look.');
    form.classList.toggle('answered-right', right);
    form.classList.toggle('answered-wrong', !right);
  }

  /* Answers are remembered per page in localStorage (openkey.answers = {pageId: {formId: {v, r}}}, and
     openkey.quizzes = {pageId: number of questions}), so they survive a reload and path pages can count them. */
  var ANSWERS_KEY = 'openkey.answers', QUIZZES_KEY = 'openkey.quizzes';
  function read(key) {
    try { var v = JSON.parse(window.localStorage.getItem(key) || '{}'); return v && typeof v === 'object' ? v : {}; }
    catch (e) { return {}; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* not remembered */ }
  }
  var pageId = document.body && document.body.getAttribute('data-page-id');

  function remember(form) {
    if (!pageId || !form.id) { return; }
    var chosen = form.querySelector('input[type=radio]:checked');
    var number = form.querySelector('input[type=number]');
    var value = chosen ? chosen.value : (number ? number.value : '');
    if (!value) { return; }
    var answers = read(ANSWERS_KEY);
    var page = answers[pageId] && typeof answers[pageId] === 'object' ? answers[pageId] : {};
    page[form.id] = { v: value, r: form.classList.contains('answered-right') };
    answers[pageId] = page;
    write(ANSWERS_KEY, answers);
  }

  function restore(form) {
    var page = pageId ? read(ANSWERS_KEY)[pageId] : null;
    var saved = page && page[form.id];
    if (!saved || typeof saved.v !== 'string') { return; }
    var radios = form.querySelectorAll('input[type=radio]');
    for (var i = 0; i < radios.length; i++) { if (radios[i].value === saved.v) { radios[i].checked = true; } }
    var number = form.querySelector('input[type=number]');
    if (number && !radios.length) { number.value = saved.v; }
    check(form);
  }

  var forms = document.querySelectorAll('form.question');
  for (var k = 0; k < forms.length; k++) {
    (function (form) {
      var button = form.querySelector('.question-check');
      if (button) { button.addEventListener('click', function () { check(form); remember(form); }); }
      form.addEventListener('submit', function (event) { event.preventDefault(); check(form); remember(form); });
      restore(form);
    })(forms[k]);
  }
  if (pageId && forms.length) {
    var quizzes = read(QUIZZES_KEY);
    quizzes[pageId] = forms.length;
    write(QUIZZES_KEY, quizzes);
  }

  /* Path pages: how many of each step's questions the reader has answered correctly. */
  var badges = document.querySelectorAll('li.step[data-page] .quiz-badge');
  if (badges.length) {
    var answers = read(ANSWERS_KEY), counts = read(QUIZZES_KEY);
    for (var b = 0; b < badges.length; b++) {
      var id = badges[b].parentNode.parentNode.getAttribute('data-page');
      var total = counts[id];
      if (typeof total !== 'number' || total < 1) { continue; }
      var right = 0, page = answers[id] || {};
      for (var f in page) { if (Object.prototype.hasOwnProperty.call(page, f) && page[f] && page[f].r === true) { right += 1; } }
      badges[b].textContent = (badges[b].getAttribute('data-label') || '{n} of {m} questions right')
        .replace('{n}', String(right)).replace('{m}', String(total));
      badges[b].hidden = false;
    }
  }
})();

/*
 * Offline search. The index is a script next to the pages (search-index.js, one per language, listing its parts
 * search-index-1.js, …), loaded the first time the reader uses the box: a <script> element works under file://,
 * where fetch() of local files does not.
 * Matching ignores case and diacritics ("cafe" finds "café"); every word of the query must appear.
 * Keyboard: ↓/↑ move through the results, Enter opens one, Escape closes the list.
 */
(function () {
  'use strict';

  var box = document.querySelector('.site-search');
  if (!box) { return; }
  var input = box.querySelector('input');
  var list = box.querySelector('ul');
  var status = box.querySelector('[role=status]');
  var indexUrl = box.getAttribute('data-index');
  var base = indexUrl.replace(/search-index\.js$/, '');
  var pages = null;
  var loading = false;
  var active = -1;
  box.hidden = false;

  /* Lower case without diacritics (Latin accents, Arabic harakat…). Returns the folded text and, for each of its
     characters, the position of the character it came from, so a match can be shown in the original text. */
  var MARKS = /[\u0300-\u036f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/;
  function foldWithMap(text) {
    var out = '', map = [];
    for (var i = 0; i < text.length; i++) {
      var d = text.charAt(i).normalize ? text.charAt(i).normalize('NFD') : text.charAt(i);
      for (var j = 0; j < d.length; j++) {
        var c = d.charAt(j);
        if (MARKS.test(c)) { continue; }
        var lower = c.toLowerCase();
        out += lower;
        for (var k = 0; k < lower.length; k++) { map.push(i); }
      }
    }
    return { text: out, map: map };
  }

  function fold(text) { return foldWithMap(text).text; }

  function prepare(raw) {
    return raw.map(function (p) {
      var fx = foldWithMap(p.x);
      return { u: p.u, t: p.t, s: p.s, h: p.h, x: p.x,
               ft: fold(p.t), fs: fold(p.s), fh: fold(p.h.join(' \u2022 ')), fx: fx.text, mx: fx.map };
    });
  }

  /* A script element, which works under file://; `then` runs when it has loaded or failed to. */
  function inject(src, then) {
    var script = document.createElement('script');
    script.src = src;
    script.onload = then;
    script.onerror = then;
    document.head.appendChild(script);
  }

  /* The index lists its parts (search-index-1.js, …); all are loaded at once and joined in order. */
  function load(then) {
    if (pages) { then(); return; }
    if (loading) { return; }
    loading = true;
    inject(indexUrl, function () {
      var parts = (window.OpenKeySearchIndex && window.OpenKeySearchIndex.parts) || [];
      var left = parts.length;
      function joined() {
        var held = window.OpenKeySearchParts || {}, all = [];
        for (var i = 1; i <= parts.length; i++) { all = all.concat(held[i] || []); }
        pages = prepare(all);
        then();
      }
      if (!left) { joined(); return; }
      parts.forEach(function (part) {
        inject(base + part, function () {
          left -= 1;
          if (!left) { joined(); }
        });
      });
    });
  }

  function search(query) {
    var terms = fold(query).split(/\s+/).filter(Boolean);
    if (!terms.length) { return []; }
    var results = [];
    pages.forEach(function (p) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var t = terms[i], s = 0;
        if (p.ft.indexOf(t) >= 0) { s += 10; }
        if (p.fh.indexOf(t) >= 0) { s += 5; }
        if (p.fs.indexOf(t) >= 0) { s += 3; }
        if (p.fx.indexOf(t) >= 0) { s += 1; }
        if (!s) { return; }
        score += s;
      }
      results.push({ page: p, score: score, term: terms[0] });
    });
    results.sort(function (a, b) { return b.score - a.score || (a.page.t < b.page.t ? -1 : 1); });
    return results.slice(0, 10);
  }

  /* A piece of the page's text around the first match, with the match marked. */
  function snippet(p, term, into) {
    var found = p.fx.indexOf(term);
    if (found < 0) { into.appendChild(document.createTextNode(p.s)); return; }
    var text = p.x;
    var from = p.mx[found], to = p.mx[found + term.length - 1] + 1;
    var start = Math.max(0, from - 60), end = Math.min(text.length, to + 100);
    into.appendChild(document.createTextNode((start > 0 ? '… ' : '') + text.slice(start, from)));
    var mark = document.createElement('mark');
    mark.textContent = text.slice(from, to);
    into.appendChild(mark);
    into.appendChild(document.createTextNode(text.slice(to, end) + (end < text.length ? ' …' : '')));
  }

  function setActive(index) {
    var items = list.querySelectorAll('li');
    if (!items.length) { return; }
    active = (index + items.length) % items.length;
    for (var i = 0; i < items.length; i++) { items[i].setAttribute('aria-selected', i === active ? 'true' : 'false'); }
    input.setAttribute('aria-activedescendant', items[active].id);
    items[active].scrollIntoView({ block: 'nearest' });
  }

  function close() {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function show() {
    var query = input.value.trim();
    while (list.firstChild) { list.removeChild(list.firstChild); }
    active = -1;
    if (!query) { close(); status.textContent = ''; return; }
    var results = search(query);
    if (!results.length) {
      var none = document.createElement('li');
      none.className = 'site-search-none';
      none.textContent = (box.getAttribute('data-none') || 'No page matches “{query}”.').replace('{query}', query);
      list.appendChild(none);
    }
    results.forEach(function (r, i) {
      var li = document.createElement('li');
      li.id = 'site-search-result-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      var a = document.createElement('a');
      a.href = base + r.page.u;
      a.tabIndex = -1;
      var title = document.createElement('span');
      title.className = 'site-search-title';
      title.textContent = r.page.t;
      var text = document.createElement('span');
      text.className = 'site-search-snippet';
      snippet(r.page, r.term, text);
      a.appendChild(title);
      a.appendChild(text);
      li.appendChild(a);
      li.addEventListener('mousedown', function (event) { event.preventDefault(); window.location.href = a.href; });
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    status.textContent = (box.getAttribute('data-count') || '{n} pages found').replace('{n}', String(results.length));
  }

  input.addEventListener('focus', function () { load(function () { if (input.value) { show(); } }); });
  input.addEventListener('input', function () { load(show); });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { event.preventDefault(); if (list.hidden) { load(show); } else { setActive(active + 1); } }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive(active - 1); }
    else if (event.key === 'Enter') {
      var items = list.querySelectorAll('li[role=option] a');
      var target = items[active >= 0 ? active : 0];
      if (target && !list.hidden) { event.preventDefault(); window.location.href = target.href; }
    }
    else if (event.key === 'Escape') { if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ''; } }
  });
  input.addEventListener('blur', function () { window.setTimeout(close, 150); });
})();
