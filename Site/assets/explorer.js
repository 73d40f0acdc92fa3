/*
 * OpenKey — cut explorer. Progressive enhancement (without scripts the <noscript> text shows); no
 * libraries, no requests: the data is a <script> loaded before this one, so file:// works.
 *
 * Each <div data-explorer="ID"> gets, from window.OpenKeyExplorers[ID]: a legend that can show one
 * sample alone, one SVG histogram per variable with a lower and an upper cut slider, a table of the
 * events passing all cuts, and the cuts as .ana filter lines.
 *
 * Bin codes, one per event and variable: 0 undefined, 1 underflow, 2+i bin i, nbins+2 overflow.
 * A cut is an optional lower edge index a and upper edge index b, with the engine's filter rules:
 *   lower a: keep code >= a+2 (x >= edges[a]);   upper b: keep 1 <= code <= b+1 (x < edges[b]).
 *
 * Per event, failCount counts the active cuts it fails and failXor is the XOR of those variables'
 * indices: when failCount is 1, failXor is the failing variable. Variable v's histogram shows events
 * with failCount 0, or 1 and failXor v ("N−1"). Changing one cut is one pass over one code array.
 *
 * Mouse: a drag across bars sets [low edge of the first bar, high edge of the last]. A click on a bar
 * in the left half of the axis sets the lower cut at its low edge, in the right half the upper cut at
 * its high edge (dropping the other bound if they would cross). From sliders or mouse, a cut at an end
 * of the axis means "no cut", as the slider ends show.
 *
 * For tests: div.openkeyExplorer = {setCut(v, lower|null, upper|null), reset(), isolate(name|null)}
 * (setCut takes indices as given: lower 0 is the real cut x >= edges[0]); the last update's duration
 * in ms is in div[data-update-ms] and window.OpenKeyExplorerLastUpdate.
 */
(function () {
  'use strict';

  /* Plot geometry in viewBox units; the SVG scales with its grid cell. */
  const W = 340, H = 214, ML = 46, MR = 12, MT = 10, MB = 36;
  const PW = W - ML - MR, PH = H - MT - MB, BOTTOM = MT + PH, RIGHT = ML + PW;
  const BG_COLOURS = 9, SIG_COLOURS = 7; /* --okx-bg-N, --okx-sig-N in explorer.css */
  const Y_TICKS = 8;

  /* ---------- Helpers ---------- */

  function make(ns, name, attrs, parent, text) {
    const node = ns ? document.createElementNS('http://www.w3.org/2000/svg', name) : document.createElement(name);
    for (const key in attrs) node.setAttribute(key, attrs[key]);
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  const html = (name, attrs, parent, text) => make(false, name, attrs, parent, text);
  const svg = (name, attrs, parent, text) => make(true, name, attrs, parent, text);

  const fill = (template, key, value) => String(template).split('{' + key + '}').join(value);

  /* One decimal is plenty for viewBox coordinates. */
  const r1 = (x) => Math.round(x * 10) / 10;

  /* Edges for people (axis, slider text); the .ana lines use String(x). */
  const edgeText = (x) => String(Number(x.toPrecision(6)));

  function numberFormat(lang, digits) {
    try {
      const f = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      return (x) => f.format(x);
    } catch (e) {
      return (x) => x.toFixed(digits);
    }
  }

  function bytesOf(base64) {
    const s = atob(base64 || ''), out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  /* Uint8 codes when nbins+3 <= 256, else little-endian Uint16; checked once so lookups stay in range. */
  function decodeCodes(base64, nbins, n, what) {
    const bytes = bytesOf(base64), wide = nbins + 3 > 256;
    if (bytes.length !== (wide ? 2 * n : n)) throw new Error(what + ': wrong length');
    let codes = bytes;
    if (wide) {
      codes = new Uint16Array(n);
      for (let i = 0; i < n; i++) codes[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
    }
    for (let i = 0; i < n; i++) if (codes[i] > nbins + 2) throw new Error(what + ': bad bin code');
    return codes;
  }

  function decodeWeights(base64, n, what) {
    if (base64 === null || base64 === undefined) return null;
    const bytes = bytesOf(base64);
    if (bytes.length !== 8 * n) throw new Error(what + ': wrong weight length');
    const view = new DataView(bytes.buffer), w = new Float64Array(n);
    for (let i = 0; i < n; i++) w[i] = view.getFloat64(8 * i, true);
    return w;
  }

  /* A colour from the data, if the browser accepts it as one. */
  function safeColour(c) {
    if (typeof c !== 'string' || !c) return null;
    return window.CSS && CSS.supports && !CSS.supports('color', c) ? null : c;
  }

  /* 1, 2, 2.5, 5 × 10^k: the smallest at least raw. */
  function niceStep(raw) {
    const p = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * p;
  }

  /* Label markup as in the static plots (RichText.swift): _x and ^x take a run of letters and digits
   * (a leading sign allowed), _{…} and ^{…} everything up to the brace; \_ and \^ stay literal. */
  const RICH = /\\([_^])|([_^])(?:\{([^}]+)\}?|([+\-−]?[^\s!-\/:-@[-`{-~]+))/g;

  function runs(markup) {
    const s = String(markup), out = [];
    let text = '', last = 0, m;
    RICH.lastIndex = 0;
    while ((m = RICH.exec(s))) {
      text += s.slice(last, m.index);
      last = RICH.lastIndex;
      if (m[1]) {
        text += m[1];
        continue;
      }
      if (text) out.push({ text, pos: 0 });
      text = '';
      out.push({ text: (m[3] || m[4]).replace(/^-/, '−'), pos: m[2] === '_' ? 1 : -1 });
    }
    text += s.slice(last);
    if (text) out.push({ text, pos: 0 });
    return out;
  }

  const plain = (markup) => runs(markup).map((r) => r.text).join('');

  function richHTML(parent, markup) {
    for (const r of runs(markup)) {
      if (r.pos) html(r.pos > 0 ? 'sub' : 'sup', {}, parent, r.text);
      else parent.appendChild(document.createTextNode(r.text));
    }
    return parent;
  }

  /* In SVG, scripts are <tspan>s shifted with dy (and shifted back), as the static plots do. */
  function richSVG(node, markup, size) {
    let offset = 0;
    for (const r of runs(markup)) {
      const target = r.pos > 0 ? size * 0.3 : r.pos < 0 ? -size * 0.42 : 0;
      const span = target === offset && !r.pos ? node : svg('tspan', {}, node);
      if (target !== offset) span.setAttribute('dy', r1(target - offset));
      if (r.pos) span.setAttribute('font-size', r1(size * 0.72));
      span.appendChild(document.createTextNode(r.text));
      offset = target;
    }
    return node;
  }

  /* .ana: an expression with a space or an operator goes in parentheses. */
  const anaExpr = (e) => /[\s+\-*\/%<>=!&|]/.test(e) ? '(' + e + ')' : e;
  const anaString = (s) => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';

  /* ---------- One explorer ---------- */

  function create(root, data) {
    /* The page's own words (its language) win over the data file's (shared by every language). */
    let pageStrings = {};
    try { pageStrings = JSON.parse(root.getAttribute('data-strings') || '{}'); } catch (e) { pageStrings = {}; }
    const S = Object.assign({}, data.strings || {}, pageStrings);
    const say = (key) => S[key] === undefined ? key : String(S[key]);
    const uid = (root.id || 'okx-' + root.getAttribute('data-explorer')) + '-okx';
    const langNode = root.closest('[lang]');
    const lang = langNode ? langNode.getAttribute('lang') : undefined;
    const fmt0 = numberFormat(lang, 0), fmt2 = numberFormat(lang, 2);

    if (!(data.variables || []).length || !(data.samples || []).length) throw new Error('no variables or samples');

    const vars = data.variables.map((v, index) => {
      const edges = (v.edges || []).map(Number), nbins = edges.length - 1;
      if (nbins < 1 || nbins > 65533) throw new Error(v.name + ': bad edges');
      for (let i = 0; i < nbins; i++) if (!(edges[i] < edges[i + 1])) throw new Error(v.name + ': edges not ascending');
      const xs = edges.map((e) => ML + PW * (e - edges[0]) / (edges[nbins] - edges[0]));
      return {
        index, nbins, edges, xs,
        expr: String(v.expr || v.name), title: String(v.title || v.name), xlabel: String(v.xlabel || ''),
        integer: !!v.integer, log: !!v.log,
        lo: null, hi: null,
        /* fail[code] is 1 when that code fails this variable's cut; spare is swapped in on a change. */
        fail: new Uint8Array(nbins + 3), spare: new Uint8Array(nbins + 3),
        ui: null
      };
    });

    const ordinals = { data: 0, signal: 0, background: 0 };
    const samples = data.samples.map((s) => {
      const n = s.events | 0, name = String(s.name), bins = s.bins || [];
      const role = s.role === 'data' || s.role === 'signal' ? s.role : 'background';
      /* Palette colours go by position among the samples of one role, as in the static plots. */
      const k = ordinals[role]++;
      const colour = safeColour(s.color) || (role === 'data' ? 'currentColor'
        : role === 'signal' ? 'var(--okx-sig-' + (k % SIG_COLOURS) + ')' : 'var(--okx-bg-' + (k % BG_COLOURS) + ')');
      return {
        name, role, colour, n,
        label: String(s.label || name),
        w: decodeWeights(s.weights, n, name),
        codes: vars.map((v, i) => decodeCodes(bins[i], v.nbins, n, name + '/' + v.index)),
        failCount: new Uint16Array(n),
        failXor: new Uint16Array(n),
        hists: vars.map((v) => new Float64Array(v.nbins + 3)),
        count: 0, sumw: 0, button: null, cells: null
      };
    });
    /* Backgrounds stack first, signals on top; data are points. */
    const byRole = (role) => samples.filter((s) => s.role === role);
    const stack = byRole('background').concat(byRole('signal'));
    const dataSamples = byRole('data');
    let isolated = null;

    /* ---------- Cuts and counting ---------- */

    function applyCut(v, lo, hi) {
      if (v.lo === lo && v.hi === hi) return;
      v.lo = lo;
      v.hi = hi;
      const next = v.spare, prev = v.fail, vi = v.index;
      let changed = false;
      for (let c = 0; c < next.length; c++) {
        next[c] = (lo === null || c >= lo + 2) && (hi === null || (c >= 1 && c <= hi + 1)) ? 0 : 1;
        if (next[c] !== prev[c]) changed = true;
      }
      for (const s of changed ? samples : []) {
        const codes = s.codes[vi], count = s.failCount, xor = s.failXor;
        for (let e = 0; e < s.n; e++) {
          const d = next[codes[e]] - prev[codes[e]];
          if (d !== 0) {
            count[e] += d;
            xor[e] ^= vi;
          }
        }
      }
      v.fail = next;
      v.spare = prev;
    }

    function tally() {
      for (const s of samples) {
        const count = s.failCount, xor = s.failXor, w = s.w, n = s.n;
        let passed = 0, sumw = 0;
        for (let e = 0; e < n; e++) {
          if (count[e] === 0) {
            passed++;
            sumw += w ? w[e] : 1;
          }
        }
        s.count = passed;
        s.sumw = sumw;
        vars.forEach((v, vi) => {
          const h = s.hists[vi], codes = s.codes[vi];
          h.fill(0);
          for (let e = 0; e < n; e++) {
            const c = count[e];
            if (c === 0 || (c === 1 && xor[e] === vi)) h[codes[e]] += w ? w[e] : 1;
          }
        });
      }
    }

    /* ---------- Page ---------- */

    root.textContent = '';
    root.classList.add('explorer-ready');
    const presel = (data.preselection || []).map(String);
    if (presel.length) html('pre', { class: 'explorer-presel' }, root, presel.join('\n'));

    /* Legend: a sample's button shows it alone; pressing it again, or "show all", shows all. */
    const legend = html('div', { class: 'explorer-legend', role: 'group', 'aria-label': say('sample') }, root);
    for (const s of samples) {
      const b = html('button', { type: 'button', class: 'explorer-sample', 'aria-pressed': 'false', title: fill(say('only'), 'label', plain(s.label)) }, legend);
      html('span', { class: 'explorer-swatch explorer-swatch-' + s.role, 'aria-hidden': 'true' }, b).style.background = s.colour;
      richHTML(b, s.label);
      b.addEventListener('click', () => change(() => { isolated = isolated === s ? null : s; }));
      s.button = b;
    }
    html('button', { type: 'button', class: 'explorer-all' }, legend, say('show-all'))
      .addEventListener('click', () => change(() => { isolated = null; }));

    const grid = html('div', { class: 'explorer-grid' }, root);
    for (const v of vars) v.ui = buildPlot(v, grid);

    /* Table: samples, then totals and significance. */
    const table = html('table', { class: 'explorer-table' }, root);
    const lumi = typeof data.luminosity === 'number' ? ' (' + data.luminosity + ' fb⁻¹)' : '';
    html('caption', {}, table, (S.caption || say('expected')) + lumi);
    const head = html('tr', {}, html('thead', {}, table));
    for (const key of ['sample', 'events', 'expected']) html('th', { scope: 'col' }, head, say(key));
    const body = html('tbody', {}, table), foot = html('tbody', { class: 'explorer-totals' }, table);
    function row(parent, label, attrs) {
      const tr = html('tr', {}, parent);
      richHTML(html('th', { scope: 'row' }, tr), label);
      return [html('td', attrs, tr), html('td', attrs, tr)];
    }
    for (const s of samples) s.cells = row(body, s.label, { 'data-sample': s.name });
    const totals = ['background', 'signal', 'data'].filter((role) => byRole(role).length)
      .map((role) => ({ role, members: byRole(role), cells: row(foot, say(role), { 'data-total': role }) }));
    let sigCell = null;
    if (byRole('signal').length && byRole('background').length) {
      const tr = html('tr', {}, foot);
      html('th', { scope: 'row' }, tr, say('significance'));
      sigCell = html('td', { colspan: '2', 'data-significance': '' }, tr);
    }
    const status = html('p', { class: 'explorer-status visually-hidden', role: 'status', 'aria-live': 'polite' }, root);

    /* The cuts as .ana lines, with Copy and Reset. */
    const bar = html('div', { class: 'explorer-actions' }, html('div', { class: 'explorer-ana' }, root));
    html('p', { class: 'explorer-label', id: uid + '-ana' }, bar, say('cuts'));
    const copyButton = html('button', { type: 'button', class: 'explorer-copy' }, bar, say('copy'));
    const resetButton = html('button', { type: 'button', class: 'explorer-reset' }, bar, say('reset'));
    const pre = html('pre', { class: 'explorer-lines', tabindex: '0', 'aria-labelledby': uid + '-ana', 'data-ana': '' }, bar.parentNode);
    copyButton.addEventListener('click', copy);
    resetButton.addEventListener('click', () => change(() => vars.forEach((v) => applyCut(v, null, null)), true));

    /* ---------- One histogram ---------- */

    function buildPlot(v, parent) {
      const fig = html('figure', { class: 'explorer-plot' }, parent);
      richHTML(html('figcaption', {}, fig), v.title);
      const label = plain(v.title) + (v.xlabel ? ' (' + plain(v.xlabel) + ')' : '');
      const box = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': label, class: 'explorer-svg' }, fig);
      const hatchId = uid + '-hatch-' + v.index;
      svg('line', { y2: '5', class: 'okx-hatch-line' }, svg('pattern', {
        id: hatchId, width: '5', height: '5', patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)'
      }, svg('defs', {}, box)));

      /* Y axis: a pool of grid lines and labels, reused on every update. */
      const gridLines = svg('g', { class: 'okx-grid' }, box), yLabels = svg('g', { 'text-anchor': 'end' }, box);
      const yTicks = [];
      for (let i = 0; i < Y_TICKS; i++) {
        yTicks.push([svg('line', { x1: ML, x2: RIGHT }, gridLines), svg('text', { x: ML - 4, dy: '0.32em' }, yLabels)]);
      }
      const bars = stack.map((s) => {
        const p = svg('path', { class: 'okx-bar' }, box);
        p.style.fill = s.colour;
        return p;
      });
      const part = (cls, attrs) => svg('path', Object.assign({ class: cls }, attrs), box);
      const ui = {
        yTicks, bars,
        errors: part('okx-err'), points: part('okx-points'), shade: part('okx-shade'),
        hatch: part('okx-hatch', { fill: 'url(#' + hatchId + ')' }), cutLines: part('okx-cut')
      };
      const selection = svg('rect', { class: 'okx-sel', y: MT, height: PH, visibility: 'hidden' }, box);

      /* X axis, drawn once: about five labels at edges (at bin centres for integer variables). */
      const centres = v.integer && v.edges.every((e, i) => i === 0 || Number.isInteger((e + v.edges[i - 1]) / 2));
      const count = centres ? v.nbins : v.nbins + 1;
      let step = 1, ticks = 'M' + ML + ' ' + MT + 'V' + BOTTOM + 'H' + RIGHT;
      while (count / step > 6) step = niceStep(step + 1);
      const xLabels = svg('g', { 'text-anchor': 'middle' }, box);
      for (let i = 0; i < count; i += step) {
        const x = r1(centres ? (v.xs[i] + v.xs[i + 1]) / 2 : v.xs[i]);
        ticks += 'M' + x + ' ' + BOTTOM + 'v4';
        svg('text', { x, y: BOTTOM + 14 }, xLabels, edgeText(centres ? (v.edges[i] + v.edges[i + 1]) / 2 : v.edges[i]));
      }
      part('okx-axis', { d: ticks });
      richSVG(svg('text', { x: RIGHT, y: H - 5, 'text-anchor': 'end' }, box), v.xlabel, 11);
      svg('text', { transform: 'rotate(-90)', x: -MT, y: 10, 'text-anchor': 'end' }, box, say('events'));

      /* Two sliders lined up with the x axis (CSS uses --okx-start/--okx-end); their ends mean "no cut". */
      const sliders = html('div', { class: 'explorer-sliders' }, fig);
      sliders.style.setProperty('--okx-start', (100 * ML / W).toFixed(2) + '%');
      sliders.style.setProperty('--okx-end', (100 * MR / W).toFixed(2) + '%');
      function slider(kind, sign, min, max) {
        const line = html('div', { class: 'explorer-slider' }, sliders);
        html('span', { class: 'explorer-sign', 'aria-hidden': 'true' }, line, sign);
        return html('input', { type: 'range', min, max, step: '1', 'aria-label': fill(say(kind), 'title', plain(v.title)) }, line);
      }
      ui.lower = slider('lower', '≥', 0, Math.max(0, v.nbins - 1));
      ui.upper = slider('upper', '<', Math.min(1, v.nbins), v.nbins);
      ui.range = html('p', { class: 'explorer-range' }, sliders);
      ui.lower.addEventListener('input', () => {
        const a = Number(ui.lower.value);
        userCut(v, v.hi !== null && a >= v.hi ? v.hi - 1 : a, v.hi);
      });
      ui.upper.addEventListener('input', () => {
        const b = Number(ui.upper.value);
        userCut(v, v.lo, v.lo !== null && b <= v.lo ? v.lo + 1 : b);
      });

      /* Mouse, pen and touch: click or drag across the bars. */
      let drag = null;
      function binAt(event, clamp) {
        const rect = box.getBoundingClientRect(), scale = W / (rect.width || 1);
        const x = (event.clientX - rect.left) * scale, y = (event.clientY - rect.top) * scale;
        if (!clamp && (x < ML || x > RIGHT || y > BOTTOM + 4)) return -1;
        let lo = 0, hi = v.nbins - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (v.xs[mid] <= x) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      }
      function showSelection() {
        const a = Math.min(drag.start, drag.end), b = Math.max(drag.start, drag.end) + 1;
        selection.setAttribute('x', r1(v.xs[a]));
        selection.setAttribute('width', r1(v.xs[b] - v.xs[a]));
        selection.setAttribute('visibility', 'visible');
      }
      box.addEventListener('pointerdown', (event) => {
        const bin = event.button === 0 ? binAt(event, false) : -1;
        if (bin < 0) return;
        drag = { start: bin, end: bin, pointer: event.pointerId };
        try { box.setPointerCapture(event.pointerId); } catch (e) { /* capture is only a nicety */ }
        showSelection();
        event.preventDefault();
      });
      box.addEventListener('pointermove', (event) => {
        if (!drag || event.pointerId !== drag.pointer) return;
        drag.end = binAt(event, true);
        showSelection();
      });
      function endDrag(event, apply) {
        if (!drag || event.pointerId !== drag.pointer) return;
        const a = Math.min(drag.start, drag.end), b = Math.max(drag.start, drag.end);
        drag = null;
        selection.setAttribute('visibility', 'hidden');
        if (!apply) return;
        if (a !== b) userCut(v, a, b + 1);
        else if (v.xs[a] + v.xs[a + 1] < 2 * ML + PW) userCut(v, a, v.hi !== null && v.hi <= a ? null : v.hi);
        else userCut(v, v.lo !== null && v.lo > a ? null : v.lo, a + 1);
      }
      box.addEventListener('pointerup', (event) => endDrag(event, true));
      box.addEventListener('pointercancel', (event) => endDrag(event, false));
      return ui;
    }

    /* ---------- Drawing ---------- */

    const longest = Math.max(...vars.map((v) => v.nbins));
    const tops = new Float64Array(longest), dataSum = new Float64Array(longest);

    /* A y scale for values up to max: [map, tick values, tick text]. */
    function yScale(v, max, minPositive) {
      const ticks = [];
      if (v.log) {
        const lo = Math.pow(10, Math.floor(Math.log10(minPositive < Infinity ? minPositive / 2 : 0.5)));
        const l0 = Math.log10(lo), span = Math.log10(Math.max(lo * 10, max * 4)) - l0;
        const every = Math.ceil(span / (Y_TICKS - 2));
        for (let k = l0; k <= l0 + span; k += every) ticks.push(k);
        return [(value) => value <= lo ? BOTTOM : BOTTOM - PH * (Math.log10(value) - l0) / span, ticks.map((k) => Math.pow(10, k)),
          ticks.map((k) => k >= -1 && k <= 3 ? String(Math.pow(10, k)) : '10' + String(k).replace(/./g, (c) => '⁻⁰¹²³⁴⁵⁶⁷⁸⁹'.charAt('-0123456789'.indexOf(c))))];
      }
      const hi = max > 0 ? max * 1.1 : 1, step = niceStep(hi / 4);
      for (let t = 0; t <= hi && ticks.length < Y_TICKS; t += step) ticks.push(t);
      const kilo = ticks[ticks.length - 1] >= 1e4, digits = kilo || step >= 1 ? 0 : (String(step).split('.')[1] || '').length;
      return [(value) => BOTTOM - PH * Math.max(0, value) / hi, ticks,
        ticks.map((t) => kilo ? String(Number((t / 1000).toFixed(1))) + 'k' : t.toFixed(digits))];
    }

    function draw(v) {
      const ui = v.ui, vi = v.index, nb = v.nbins, xs = v.xs;
      const shownStack = stack.filter((s) => !isolated || isolated === s);
      const shownData = dataSamples.filter((s) => !isolated || isolated === s);

      /* Heights first, for the y range. Negative contents are not drawn. */
      let max = 0, minPositive = Infinity;
      for (let i = 0; i < nb; i++) {
        let top = 0, d = 0;
        for (const s of shownStack) {
          const h = s.hists[vi][i + 2];
          if (h > 0) {
            top += h;
            minPositive = Math.min(minPositive, h);
          }
        }
        for (const s of shownData) d += s.hists[vi][i + 2];
        if (d > 0) minPositive = Math.min(minPositive, d);
        tops[i] = 0;
        dataSum[i] = d;
        max = Math.max(max, top, d + Math.sqrt(Math.max(d, 0)));
      }
      const [y, tickValues, tickTexts] = yScale(v, max, minPositive);
      ui.yTicks.forEach(([line, text], i) => {
        const shown = i < tickValues.length, py = shown ? r1(y(tickValues[i])) : 0;
        line.setAttribute('visibility', shown ? 'visible' : 'hidden');
        text.setAttribute('visibility', shown ? 'visible' : 'hidden');
        line.setAttribute('y1', py);
        line.setAttribute('y2', py);
        text.setAttribute('y', py);
        text.textContent = shown ? tickTexts[i] : '';
      });

      /* Stack: one path per sample, a rectangle per non-empty bin. */
      stack.forEach((s, k) => {
        let d = '';
        const h = s.hists[vi], n = shownStack.indexOf(s) >= 0 ? nb : 0;
        for (let i = 0; i < n; i++) {
          if (!(h[i + 2] > 0)) continue;
          const x0 = r1(xs[i]), y0 = r1(y(tops[i]));
          tops[i] += h[i + 2];
          d += 'M' + x0 + ' ' + y0 + 'H' + r1(xs[i + 1]) + 'V' + r1(y(tops[i])) + 'H' + x0 + 'Z';
        }
        ui.bars[k].setAttribute('d', d);
      });

      /* Data: points with √N error bars. */
      let err = '', dots = '';
      for (let i = 0; i < nb; i++) {
        const n = dataSum[i];
        if (!(n > 0)) continue;
        const cx = r1((xs[i] + xs[i + 1]) / 2), e = Math.sqrt(n);
        err += 'M' + cx + ' ' + r1(y(n - e)) + 'V' + r1(y(n + e));
        dots += 'M' + r1(cx - 2) + ' ' + r1(y(n)) + 'a2 2 0 1 0 4 0a2 2 0 1 0-4 0';
      }
      ui.errors.setAttribute('d', err);
      ui.points.setAttribute('d', dots);

      /* Own cut: dim and hatch what it removes, mark its edges. */
      let shade = '', lines = '';
      if (v.lo !== null) {
        const x = r1(xs[v.lo]);
        shade += 'M' + ML + ' ' + MT + 'H' + x + 'V' + BOTTOM + 'H' + ML + 'Z';
        lines += 'M' + x + ' ' + MT + 'V' + BOTTOM;
      }
      if (v.hi !== null) {
        const x = r1(xs[v.hi]);
        shade += 'M' + x + ' ' + MT + 'H' + RIGHT + 'V' + BOTTOM + 'H' + x + 'Z';
        lines += 'M' + x + ' ' + MT + 'V' + BOTTOM;
      }
      ui.shade.setAttribute('d', shade);
      ui.hatch.setAttribute('d', shade);
      ui.cutLines.setAttribute('d', lines);

      /* Events with the variable undefined are not drawn; say how many (data if shown, else expected). */
      let undef = 0;
      for (const s of shownData.length ? shownData : shownStack) undef += s.hists[vi][0];
      const undefText = undef > 0 ? '   ' + say('undefined') + ': ' + (shownData.length ? fmt0 : fmt2)(undef) : '';

      /* Sliders follow the state (after a click, a reset or setCut too). */
      const low = v.lo === null ? '' : '≥ ' + edgeText(v.edges[v.lo]);
      const high = v.hi === null ? '' : '< ' + edgeText(v.edges[v.hi]);
      ui.lower.value = v.lo === null ? 0 : v.lo;
      ui.upper.value = v.hi === null ? nb : v.hi;
      ui.lower.setAttribute('aria-valuetext', low || say('all'));
      ui.upper.setAttribute('aria-valuetext', high || say('all'));
      ui.range.textContent = (low || high ? (low + '   ' + high).trim() : say('all')) + undefText;
    }

    /* ---------- Table, .ana lines, announcements ---------- */

    function setCells(cells, count, sumw, isData) {
      const texts = [fmt0(count), isData ? fmt0(sumw) : fmt2(sumw)];
      cells.forEach((cell, i) => {
        cell.textContent = texts[i];
        cell.setAttribute('data-count', String(count));
        cell.setAttribute('data-sumw', String(sumw));
      });
    }

    function writeTable() {
      for (const s of samples) setCells(s.cells, s.count, s.sumw, s.role === 'data');
      const sums = { background: 0, signal: 0 };
      for (const t of totals) {
        let count = 0, sumw = 0;
        for (const s of t.members) {
          count += s.count;
          sumw += s.sumw;
        }
        sums[t.role] = sumw;
        setCells(t.cells, count, sumw, t.role === 'data');
      }
      if (sigCell) {
        const z = sums.background > 0 ? sums.signal / Math.sqrt(sums.background) : NaN;
        sigCell.textContent = Number.isNaN(z) ? '–' : fmt2(z);
        sigCell.setAttribute('data-significance', String(z));
      }
    }

    /* One filter line per active cut, in variable order, after the defines. */
    function writeAna() {
      const lines = [];
      for (const v of vars) {
        const e = anaExpr(v.expr), parts = [];
        if (v.lo !== null) parts.push(e + ' >= ' + String(v.edges[v.lo]));
        if (v.hi !== null) parts.push(e + ' < ' + String(v.edges[v.hi]));
        if (parts.length) lines.push('filter ' + parts.join(' and ') + ' as ' + anaString(v.expr + ' cut'));
      }
      const text = lines.length ? (data.defines || []).map(String).concat(lines).join('\n') : '';
      pre.setAttribute('data-ana', text);
      pre.textContent = text || say('no-cuts');
      pre.classList.toggle('explorer-empty', !text);
      copyButton.disabled = !text;
    }

    let copyTimer = 0;
    function copy() {
      const text = pre.getAttribute('data-ana');
      const done = () => {
        copyButton.textContent = say('copied');
        clearTimeout(copyTimer);
        copyTimer = setTimeout(() => { copyButton.textContent = say('copy'); }, 1500);
      };
      /* No clipboard access: select the lines, so Ctrl+C or the menu can copy them. */
      const fallback = () => {
        const range = document.createRange(), selection = window.getSelection();
        range.selectNodeContents(pre);
        selection.removeAllRanges();
        selection.addRange(range);
        try {
          if (document.execCommand('copy')) done();
        } catch (e) { /* the selection stays for the reader */ }
      };
      if (!text) return;
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
      else fallback();
    }

    let announceTimer = 0;
    function announce() {
      clearTimeout(announceTimer);
      announceTimer = setTimeout(() => {
        const parts = sigCell ? [say('significance') + ': ' + sigCell.textContent] : [];
        for (const t of totals) parts.push(say(t.role) + ': ' + t.cells[1].textContent);
        status.textContent = parts.join('. ');
      }, 700);
    }

    /* ---------- Updates ---------- */

    /* Every change goes through here: apply it, recount (if cuts changed), redraw, time it all. */
    function change(apply, cuts, quiet) {
      const t0 = performance.now();
      apply();
      if (cuts) {
        tally();
        writeTable();
        writeAna();
      }
      for (const s of samples) s.button.setAttribute('aria-pressed', String(isolated === s));
      root.classList.toggle('explorer-isolated', isolated !== null);
      for (const v of vars) draw(v);
      const ms = performance.now() - t0;
      root.setAttribute('data-update-ms', ms.toFixed(3));
      window.OpenKeyExplorerLastUpdate = ms;
      if (cuts && !quiet) announce();
    }

    /* Cuts from sliders and mouse: an end of the axis means "no cut". */
    function userCut(v, lo, hi) {
      change(() => applyCut(v, lo === 0 ? null : lo, hi === v.nbins ? null : hi), true);
    }

    function index(x, v) {
      if (x === null || x === undefined) return null;
      if (!Number.isInteger(x) || x < 0 || x > v.nbins) throw new RangeError('edge index out of range: ' + x);
      return x;
    }

    root.openkeyExplorer = {
      setCut(i, lower, upper) {
        const v = vars[i];
        if (!v) throw new RangeError('no variable ' + i);
        const lo = index(lower, v), hi = index(upper, v);
        if (lo !== null && hi !== null && lo >= hi) throw new RangeError('lower cut must be below the upper cut');
        change(() => applyCut(v, lo, hi), true);
      },
      reset() {
        change(() => vars.forEach((v) => applyCut(v, null, null)), true);
      },
      isolate(name) {
        const s = name === null || name === undefined ? null : samples.find((x) => x.name === name);
        if (s === undefined) throw new RangeError('no sample ' + name);
        change(() => { isolated = s; });
      }
    };

    /* No cuts yet: every event passes (failCount and failXor start at zero). */
    change(() => {}, true, true);
  }

  /* ---------- Every explorer on the page ---------- */

  function message(root, text) {
    root.textContent = '';
    html('p', { class: 'explorer-message' }, root, text);
  }

  function init() {
    const store = window.OpenKeyExplorers || {};
    document.querySelectorAll('[data-explorer]').forEach((root) => {
      if (root.classList.contains('explorer-ready')) return;
      const key = root.getAttribute('data-explorer');
      const data = Object.prototype.hasOwnProperty.call(store, key) ? store[key] : null;
      if (!data || typeof data !== 'object') {
        message(root, root.getAttribute('data-missing') || 'The data for this explorer did not load, so it cannot be shown.');
        return;
      }
      try {
        create(root, data);
      } catch (err) {
        message(root, (root.getAttribute('data-broken') || 'This explorer could not be shown: ') + err.message);
      }
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
