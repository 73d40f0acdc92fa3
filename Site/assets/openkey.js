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

  var forms = document.querySelectorAll('form.question');
  for (var k = 0; k < forms.length; k++) {
    (function (form) {
      var button = form.querySelector('.question-check');
      if (button) { button.addEventListener('click', function () { check(form); }); }
      form.addEventListener('submit', function (event) { event.preventDefault(); check(form); });
    })(forms[k]);
  }
})();
