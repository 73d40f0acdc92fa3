#!/usr/bin/env python3
"""Drive Site/assets/explorer.js in headless Chromium and check it (dev tool only).

    python3 scripts/explorer-harness/test.py            # (re)generates the data if missing

Checks: table numbers against numpy computed from the raw values (not from the bin codes) for several
cut combinations, N−1 histograms, the .ana text, legend isolation, reset, real slider (keyboard and
input events) and mouse (click, drag) use, copy, the live region, no console output, no global leaks,
several explorers and a missing one on a page, the grid at phone and laptop widths, and update timing.
Screenshots go to /tmp/explorer-shots/. Exit status 0 when every check passes.
"""
import json
import math
import os
import statistics
import subprocess
import sys
import time

import numpy as np
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

HERE = os.path.dirname(os.path.abspath(__file__))
PAGE = "file://" + os.path.join(HERE, "index.html")
SHOTS = "/tmp/explorer-shots"
W, ML, MR, MT, MB, H = 340, 46, 12, 10, 36, 214   # plot geometry in explorer.js (viewBox units)
PW, BOTTOM = W - ML - MR, H - MB
LIMIT_MS = 50.0

failures = []


def check(ok, what):
    print(("  ok   " if ok else "  FAIL ") + what)
    if not ok:
        failures.append(what)


def load_data():
    path = os.path.join(HERE, "z-explorer.data.js")
    if not os.path.exists(path) or not os.path.exists(os.path.join(HERE, "z-explorer.raw.npz")):
        subprocess.run([sys.executable, os.path.join(HERE, "make-data.py")], check=True)
    data = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            head, _, body = line.partition("] = ")
            data[json.loads(head.split(")[", 1)[1])] = json.loads(body.rstrip().rstrip(";"))
    return data, np.load(os.path.join(HERE, "z-explorer.raw.npz"))


def js_number(x):
    """String(x) in JavaScript for the plain decimals used here."""
    r = repr(float(x))
    assert "e" not in r
    return r[:-2] if r.endswith(".0") else r


def expected_ana(meta, cuts):
    lines = []
    for i, v in enumerate(meta["variables"]):
        lo, hi = cuts.get(i, (None, None))
        if lo is None and hi is None:
            continue
        e = v["expr"]
        w = "(" + e + ")" if any(c in e for c in " +-*/%<>=!&|") else e
        parts = ([w + " >= " + js_number(v["edges"][lo])] if lo is not None else []) + \
                ([w + " < " + js_number(v["edges"][hi])] if hi is not None else [])
        lines.append("filter " + " and ".join(parts) + ' as "' + e.replace("\\", "\\\\").replace('"', '\\"') + ' cut"')
    return "\n".join(meta["defines"] + lines) if lines else ""


def numpy_table(meta, raw, cuts):
    """Counts and sums of weights from the raw values, with the engine's comparisons (NaN fails)."""
    out = {}
    for s in meta["samples"]:
        name = s["name"]
        keep = np.ones(s["events"], dtype=bool)
        for i, v in enumerate(meta["variables"]):
            lo, hi = cuts.get(i, (None, None))
            x = raw[name + "/" + v["name"]]
            with np.errstate(invalid="ignore"):
                if lo is not None:
                    keep &= x >= v["edges"][lo]
                if hi is not None:
                    keep &= x < v["edges"][hi]
        w = raw[name + "/w"]
        out[name] = (int(keep.sum()), float(w[keep].sum()), s["role"])
    totals = {}
    for role in ("background", "signal", "data"):
        members = [v for v in out.values() if v[2] == role]
        totals[role] = (sum(m[0] for m in members), sum(m[1] for m in members))
    b, s = totals["background"][1], totals["signal"][1]
    return out, totals, (s / math.sqrt(b) if b > 0 else float("nan"))


READ_TABLE = """
const root = document.getElementById('z-explorer'), out = {samples: {}, totals: {}};
root.querySelectorAll('td[data-sample]').forEach(td => { out.samples[td.dataset.sample] =
  [Number(td.dataset.count), Number(td.dataset.sumw), td.textContent]; });
root.querySelectorAll('td[data-total]').forEach(td => { out.totals[td.dataset.total] =
  [Number(td.dataset.count), Number(td.dataset.sumw)]; });
const z = root.querySelector('[data-significance]');
out.significance = z ? z.dataset.significance : null;
const pre = root.querySelector('pre[data-ana]');
out.ana = pre.dataset.ana; out.preText = pre.textContent;
return out;
"""


def close(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


def compare(driver, meta, raw, cuts, label):
    got = driver.execute_script(READ_TABLE)
    want, totals, z = numpy_table(meta, raw, cuts)
    ok = True
    for name, (count, sumw, _role) in want.items():
        g = got["samples"].get(name)
        if g is None or g[0] != count or not close(g[1], sumw):
            ok = False
            print("     sample %s: page %s, numpy %s %r" % (name, g, count, sumw))
    for role, (count, sumw) in totals.items():
        g = got["totals"].get(role)
        if g is None or g[0] != count or not close(g[1], sumw):
            ok = False
            print("     total %s: page %s, numpy %s %r" % (role, g, count, sumw))
    gz = float(got["significance"])
    if not (close(gz, z) or (math.isnan(gz) and math.isnan(z))):
        ok = False
        print("     significance: page %s, numpy %r" % (gz, z))
    check(ok, "table = numpy (%s): data %d, s %.3f, b %.3f, s/√b %.4f"
          % (label, totals["data"][0], totals["signal"][1], totals["background"][1], z))
    ana = expected_ana(meta, cuts)
    check(got["ana"] == ana and got["preText"] == (ana or meta["strings"]["no-cuts"]),
          ".ana text as specified (%s)" % label)
    if got["ana"] != ana:
        print("     page:\n" + got["ana"] + "\n     expected:\n" + ana)


def set_cuts(driver, cuts):
    driver.execute_script("""
const api = document.getElementById('z-explorer').openkeyExplorer, cuts = arguments[0];
api.reset();
for (const k in cuts) api.setCut(Number(k), cuts[k][0], cuts[k][1]);
""", {str(k): list(v) for k, v in cuts.items()})


def bar_paths(driver):
    return driver.execute_script("""
return [...document.querySelectorAll('#z-explorer .explorer-svg')].map(s =>
  [...s.querySelectorAll('.okx-bar')].map(p => p.getAttribute('d')).concat([s.querySelector('.okx-points').getAttribute('d')]));
""")


def click_bin(driver, var_index, nbins_edges, bin_index, end_bin=None):
    """A real mouse click (or drag to end_bin) on the bars of one histogram."""
    svg = driver.find_elements(By.CSS_SELECTOR, "#z-explorer .explorer-svg")[var_index]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", svg)
    rect = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.width, r.height];", svg)
    scale = rect[0] / W
    edges = nbins_edges
    xs = [ML + PW * (e - edges[0]) / (edges[-1] - edges[0]) for e in edges]

    def offset(i):
        x = (xs[i] + xs[i + 1]) / 2 * scale - rect[0] / 2
        y = (BOTTOM - 15) * scale - rect[1] / 2
        return int(round(x)), int(round(y))

    chain = ActionChains(driver)
    if end_bin is None:
        chain.move_to_element_with_offset(svg, *offset(bin_index)).click()
    else:
        a, b = offset(bin_index), offset(end_bin)
        chain.move_to_element_with_offset(svg, *a).click_and_hold().move_by_offset(b[0] - a[0], 0).release()
    chain.perform()


def main():
    meta_all, raw = load_data()
    meta = meta_all["z-explorer"]
    names = [v["name"] for v in meta["variables"]]
    V = {n: i for i, n in enumerate(names)}
    nb = {n: len(v["edges"]) - 1 for n, v in zip(names, meta["variables"])}

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000", "--hide-scrollbars"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    try:
        run(driver, meta, raw, V, nb)
        logs = driver.get_log("browser")
        check(not logs, "no console output or errors (%d entries)" % len(logs))
        for entry in logs:
            print("     ", entry)
    finally:
        driver.quit()
    print("\n%s: %d failure(s)" % ("FAILED" if failures else "PASSED", len(failures)))
    return 1 if failures else 0


def run(driver, meta, raw, V, nb):
    driver.get(PAGE)
    # The theme scrolls smoothly; real clicks after a scroll must not land mid-animation.
    driver.execute_script("document.documentElement.style.scrollBehavior = 'auto'")
    print("page and DOM contract")
    info = driver.execute_script("""
const root = document.getElementById('z-explorer');
const before = JSON.parse(document.documentElement.getAttribute('data-globals-before'));
return {
  leaks: JSON.parse(document.documentElement.getAttribute('data-globals-after')).filter(n => !before.includes(n)),
  leaksNow: Object.getOwnPropertyNames(window).filter(n => !before.includes(n)),
  svgs: [...root.querySelectorAll('svg[role=img]')].map(s => s.getAttribute('aria-label')),
  sliders: [...root.querySelectorAll('input[type=range]')].map(s => [s.getAttribute('aria-label'), s.getAttribute('aria-valuetext'), s.min, s.max, s.value]),
  legend: [...root.querySelectorAll('.explorer-legend button')].map(b => [b.textContent, b.getAttribute('aria-pressed')]),
  heads: [...root.querySelectorAll('th[scope]')].map(t => t.getAttribute('scope') + ':' + t.textContent),
  caption: root.querySelector('table caption').textContent,
  live: root.querySelector('[aria-live=polite]') !== null,
  updateMs: root.getAttribute('data-update-ms'), last: window.OpenKeyExplorerLastUpdate,
  tiny: document.querySelectorAll('#tiny-explorer svg[role=img]').length,
  missing: document.getElementById('missing-explorer').textContent,
  api: typeof root.openkeyExplorer.setCut + typeof root.openkeyExplorer.reset + typeof root.openkeyExplorer.isolate,
};""")
    # (measured inside the page: chromedriver's own helpers add globals such as ret_nodes later)
    check(sorted(info["leaks"]) == ["OpenKeyExplorerLastUpdate", "OpenKeyExplorers"], "globals added by the scripts: %s (now: %s)" % (info["leaks"], info["leaksNow"]))
    check(len(info["svgs"]) == 9 and info["svgs"][0] == "Dilepton mass (mll [GeV])", "9 svg role=img with labels: %s…" % info["svgs"][:2])
    check(len(info["sliders"]) == 18 and info["sliders"][0][:2] == ["Lower cut on Dilepton mass", "all"]
          and info["sliders"][1][0] == "Upper cut on Dilepton mass", "18 labelled sliders: %s" % info["sliders"][:2])
    check(len(info["legend"]) == 6 and all(p == "false" for _, p in info["legend"][:5]), "legend: %s" % info["legend"])
    check("col:Sample" in info["heads"] and "row:Total background" in info["heads"], "table headers with scope")
    check(info["live"], "aria-live region")
    check(info["updateMs"] is not None and isinstance(info["last"], (int, float)), "data-update-ms / OpenKeyExplorerLastUpdate present")
    check(info["tiny"] == 1, "second explorer on the page rendered")
    check("did not load" in info["missing"], "missing data gives a message: %r" % info["missing"])
    check(info["api"] == "functionfunctionfunction", "element.openkeyExplorer API")

    print("numbers against numpy (from raw values)")
    combos = [
        ("no cuts", {}),
        ("mll window + jets", {V["mll"]: (15, 25), V["njets"]: (None, 2)}),
        ("lower only on a mostly-undefined variable, upper only on eta, fine mll (Uint16), met",
         {V["lep3_pt"]: (2, None), V["eta"]: (None, 40), V["mll_fine"]: (50, 210), V["met"]: (1, None)}),
        ("end edges as real cuts, every variable",
         {V["mll"]: (0, 40), V["lep1_pt"]: (0, None), V["lep3_pt"]: (None, 20), V["met"]: (None, 12),
          V["njets"]: (1, 8), V["jet1_pt"]: (None, 30), V["dphi"]: (5, 32), V["eta"]: (0, 50), V["mll_fine"]: (None, 260)}),
        ("overflow only / underflow only", {V["lep1_pt"]: (nb["lep1_pt"], None), V["eta"]: (None, 0)}),
    ]
    for label, cuts in combos:
        set_cuts(driver, cuts)
        compare(driver, meta, raw, cuts, label)

    print("N−1 histograms")
    set_cuts(driver, {})
    before = bar_paths(driver)
    set_cuts(driver, {V["mll"]: (15, 25)})
    after = bar_paths(driver)
    check(after[V["mll"]] == before[V["mll"]], "a cut on mll leaves the mll histogram (N−1) unchanged")
    check(all(after[i] != before[i] for i in range(9) if i not in (V["mll"], V["mll_fine"])),
          "…and changes the other histograms")
    ranges = driver.execute_script("return [...document.querySelectorAll('#z-explorer .explorer-range')].map(p => p.textContent)")
    nan3 = int(np.isnan(raw["data/lep3_pt"][(raw["data/mll"] >= 80) & (raw["data/mll"] < 100)]).sum())
    check(ranges[V["lep3_pt"]] == "all   (undefined): " + format(nan3, ","), "undefined count under a plot: %r" % ranges[V["lep3_pt"]])
    shade = driver.execute_script("return document.querySelectorAll('#z-explorer .okx-shade')[0].getAttribute('d')")
    check(shade.count("M") == 2, "cut range outside shaded on its own histogram")

    print("real UI: keyboard on a slider, input events, mouse click and drag")
    set_cuts(driver, {})
    lower = driver.find_elements(By.CSS_SELECTOR, "#z-explorer input[type=range]")[2 * V["mll"]]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", lower)
    lower.click()   # focus (the click itself may move it); then keys
    driver.execute_script("arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", lower)
    lower.send_keys(Keys.ARROW_RIGHT * 15)
    upper = driver.find_elements(By.CSS_SELECTOR, "#z-explorer input[type=range]")[2 * V["mll"] + 1]
    driver.execute_script("arguments[0].value = 25; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", upper)
    got = driver.execute_script(READ_TABLE)
    check(got["ana"].endswith('filter mll >= 80 and mll < 100 as "mll cut"'), "slider keys + input event: %r" % got["ana"].splitlines()[-1:])
    vt = driver.execute_script("return arguments[0].getAttribute('aria-valuetext')", lower)
    check(vt == "≥ 80", "aria-valuetext of the lower slider: %r" % vt)
    focus = driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    check(focus != "none", "focused slider has a visible outline (%s)" % focus)
    compare(driver, meta, raw, {V["mll"]: (15, 25)}, "after slider use")

    click_bin(driver, V["njets"], meta["variables"][V["njets"]]["edges"], 1)
    got = driver.execute_script(READ_TABLE)
    check('filter jet_n >= 0.5 as "jet_n cut"' in got["ana"], "click left half → lower cut at the bar's low edge")
    click_bin(driver, V["mll"], meta["variables"][V["mll"]]["edges"], 32)
    got = driver.execute_script(READ_TABLE)
    check('filter mll >= 80 and mll < 116 as "mll cut"' in got["ana"], "click right half → upper cut at the bar's high edge")
    click_bin(driver, V["njets"], meta["variables"][V["njets"]]["edges"], 2, end_bin=4)
    got = driver.execute_script(READ_TABLE)
    check('filter jet_n >= 1.5 and jet_n < 4.5 as "jet_n cut"' in got["ana"], "drag across bars → [first low edge, last high edge]")
    compare(driver, meta, raw, {V["mll"]: (15, 33), V["njets"]: (2, 5)}, "after mouse use")
    time.sleep(1.0)
    live = driver.execute_script("return document.querySelector('#z-explorer [aria-live]').textContent")
    check(live.startswith("Significance s/√b: ") and "Total background" in live, "live region announces: %r" % live)

    print("copy")
    driver.find_element(By.CSS_SELECTOR, "#z-explorer .explorer-copy").click()
    time.sleep(0.3)
    copied = driver.execute_script("""
const b = document.querySelector('#z-explorer .explorer-copy'), pre = document.querySelector('#z-explorer pre[data-ana]');
return [b.textContent, String(window.getSelection()) === pre.dataset.ana];""")
    check(copied[0] == "Copied" or copied[1], "copy: button says %r, lines selected: %s" % tuple(copied))

    print("legend isolation")
    counts_before = driver.execute_script(READ_TABLE)["samples"]
    driver.find_elements(By.CSS_SELECTOR, "#z-explorer .explorer-sample")[2].click()   # tt̄
    state = driver.execute_script("return [...document.querySelectorAll('#z-explorer .explorer-sample')].map(b => b.getAttribute('aria-pressed'))")
    paths = bar_paths(driver)   # per plot: zll, ttbar, diboson, zprime bars, then data points
    check(state == ["false", "false", "true", "false", "false"], "tt̄ button pressed: %s" % state)
    check(all(p[0] == "" and p[1] != "" and p[2] == "" and p[3] == "" and p[4] == "" for p in paths[:8]), "only tt̄ drawn in every histogram")
    check(driver.execute_script(READ_TABLE)["samples"] == counts_before, "table unaffected by isolation")
    driver.find_elements(By.CSS_SELECTOR, "#z-explorer .explorer-sample")[2].click()
    paths = bar_paths(driver)
    check(all(all(d != "" for d in p) for p in paths[:3]), "clicking it again shows all")
    driver.execute_script("document.getElementById('z-explorer').openkeyExplorer.isolate('data')")
    paths = bar_paths(driver)
    check(all(p[:4] == ["", "", "", ""] and p[4] for p in paths), "isolate('data'): points only")
    driver.find_element(By.CSS_SELECTOR, "#z-explorer .explorer-all").click()
    state = driver.execute_script("return [...document.querySelectorAll('#z-explorer .explorer-sample')].map(b => b.getAttribute('aria-pressed'))")
    check(state == ["false"] * 5 and all(p[0] for p in bar_paths(driver)[:3]), "show all samples")

    print("reset")
    driver.find_element(By.CSS_SELECTOR, "#z-explorer .explorer-reset").click()
    compare(driver, meta, raw, {}, "after Reset button")
    values = driver.execute_script("return [...document.querySelectorAll('#z-explorer input[type=range]')].map(s => s.value)")
    check(values == sum(([str(0), str(nb[n])] for n in V), []), "sliders back at their ends")

    print("timing (20 updates, 20,000 events × 9 variables)")
    series = [{V["mll"]: (10 + i % 7, 30)} if i % 2 else {V["met"]: (i % 5 + 1, None), V["eta"]: (None, 45 - i)} for i in range(20)]
    times, walls = [], []
    for cuts in series:
        i, (lo, hi) = next(iter(cuts.items()))
        wall = driver.execute_script("""
const root = document.getElementById('z-explorer'), t0 = performance.now();
root.openkeyExplorer.setCut(arguments[0], arguments[1], arguments[2]);
root.getBoundingClientRect(); document.body.offsetHeight;  /* force style and layout */
return performance.now() - t0;""", i, lo, hi)
        times.append(float(driver.execute_script("return document.getElementById('z-explorer').getAttribute('data-update-ms')")))
        walls.append(wall)
    slider_ms = []
    for k in range(10):
        slider_ms.append(driver.execute_script("""
const s = document.querySelectorAll('#z-explorer input[type=range]')[arguments[0]];
s.value = arguments[1]; s.dispatchEvent(new Event('input', {bubbles: true}));
return window.OpenKeyExplorerLastUpdate;""", 2 * V["lep1_pt"], 1 + k))
    med = statistics.median(times)
    print("     update (data-update-ms): median %.2f ms, max %.2f ms; with style+layout: median %.2f ms; slider-driven median %.2f ms"
          % (med, max(times), statistics.median(walls), statistics.median(slider_ms)))
    check(med < LIMIT_MS, "median update %.2f ms < %.0f ms" % (med, LIMIT_MS))
    driver.execute_script("document.getElementById('z-explorer').openkeyExplorer.reset()")

    print("layout and screenshots → " + SHOTS)
    os.makedirs(SHOTS, exist_ok=True)
    set_cuts(driver, {V["mll"]: (15, 25), V["met"]: (None, 6)})
    for width, name in ((1280, "explorer-1280.png"), (400, "explorer-400.png")):
        driver.set_window_size(width, 1000)
        time.sleep(0.2)
        cols = driver.execute_script("""
const xs = [...document.querySelectorAll('#z-explorer .explorer-plot')].map(f => Math.round(f.getBoundingClientRect().left));
return new Set(xs).size;""")
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check((cols == 1) if width < 500 else (cols >= 2), "%d px: %d grid column(s)" % (width, cols))
        check(overflow <= 0, "%d px: no sideways page scroll (%d)" % (width, overflow))
        full = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(full, 9000))
        time.sleep(0.2)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(os.path.join(SHOTS, name))
    driver.set_window_size(1280, 2200)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    time.sleep(0.2)
    colours = driver.execute_script("""
const t = document.querySelector('#z-explorer .explorer-svg text');
return [getComputedStyle(t).fill, getComputedStyle(document.body).backgroundColor];""")
    check(colours[0] != "rgb(0, 0, 0)", "dark mode: axis text %s on %s" % tuple(colours))
    driver.save_screenshot(os.path.join(SHOTS, "explorer-1280-dark.png"))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    hidden = driver.execute_script("return getComputedStyle(document.querySelector('#z-explorer .explorer-sliders')).display")
    check(hidden == "none", "print: sliders hidden")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
    driver.execute_script("document.documentElement.setAttribute('dir', 'rtl')")
    time.sleep(0.2)
    driver.save_screenshot(os.path.join(SHOTS, "explorer-1280-rtl.png"))
    driver.execute_script("document.documentElement.setAttribute('dir', 'ltr')")


if __name__ == "__main__":
    sys.exit(main())
