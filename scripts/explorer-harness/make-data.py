#!/usr/bin/env python3
"""Write synthetic cut-explorer data for the browser harness (dev tool only).

Writes, next to this script (or into --out):
  z-explorer.data.js    the data file in the format the Swift build produces
                        ((window.OpenKeyExplorers = ...)["z-explorer"] = {...}), plus a tiny second
                        explorer ("tiny-explorer") to check that several explorers share a page;
  z-explorer.raw.npz    the raw values and weights, so test.py can recompute every table number
                        with numpy from the values (x >= edge / x < edge), independently of the bin codes.

20,000 events in total over 5 samples x 9 variables. The variables cover the awkward cases:
undefined values (NaN), underflow and overflow, variable-width edges, negative values, an integer
variable, a log-y variable and one with 260 bins (more than 253, so its codes are Uint16).
"""
import argparse
import base64
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def variables():
    """(name, expr, title, xlabel, edges, integer, log)"""
    return [
        ("mll", "mll", "Dilepton mass", "m_ll [GeV]", np.linspace(50, 130, 41), False, False),
        ("lep1_pt", "lep_pt[0] / 1000", "Leading lepton pT", "p_T(l1) [GeV]", np.linspace(20, 200, 37), False, False),
        ("lep3_pt", "lep3_pt", "Third lepton pT (often missing)", "p_T(l3) [GeV]", np.linspace(0, 100, 21), False, False),
        ("met", "met_et / 1000", "Missing transverse momentum", "E_T^miss [GeV]", np.array([0, 10, 20, 30, 40, 50, 60, 80, 100, 130, 160, 200, 250.0]), False, True),
        ("njets", "jet_n", "Number of jets", "N_jets", np.arange(-0.5, 8.5, 1.0), True, False),
        ("jet1_pt", "jet1_pt", "Leading jet pT", "p_T(j1) [GeV]", np.linspace(25, 325, 31), False, False),
        ("dphi", "abs(dphi_ll)", "Lepton azimuthal separation", "|Δφ(l,l)|", np.linspace(0, 3.2, 33), False, False),
        ("eta", "lep_eta[0]", "Leading lepton η", "η(l1)", np.linspace(-2.5, 2.5, 51), False, False),
        ("mll_fine", "mll", "Dilepton mass, fine bins", "m_ll [GeV]", np.linspace(70, 122, 261), False, False),
    ]


def generate(rng, n, kind):
    """Raw values for one sample: dict name -> float64 array (NaN = undefined)."""
    z_like = kind in ("data", "zll", "signal")
    if kind == "signal":
        mll = rng.normal(91.19, 1.5, n)
    elif kind == "zll":
        mll = 91.19 + 2.5 * rng.standard_cauchy(n)
    elif kind == "data":
        mll = np.where(rng.random(n) < 0.7, 91.19 + 2.5 * rng.standard_cauchy(n), 40 + rng.exponential(45, n))
    else:
        mll = 40 + rng.exponential(55, n)
    mll = np.abs(mll)
    lep1 = 20 + rng.exponential(30 if z_like else 55, n)
    lep1[rng.random(n) < 0.02] = 5.0            # a little underflow
    lep3 = np.where(rng.random(n) < 0.12, rng.exponential(30, n), np.nan)  # mostly undefined
    met = rng.exponential(12 if z_like else 60, n)
    njets = rng.poisson(0.8 if z_like else 2.5, n).astype(float)
    jet1 = np.where(njets > 0, 25 + rng.exponential(50, n), np.nan)
    dphi = np.abs(rng.normal(2.6 if z_like else 1.8, 0.6, n))
    dphi = np.minimum(dphi, np.pi)
    eta = rng.normal(0, 1.3, n)                 # under- and overflow at |eta| > 2.5
    # exact edge values on purpose (x == edge belongs to the upper bin)
    exact = rng.random(n) < 0.01
    mll[exact] = 90.0
    return {"mll": mll, "lep1_pt": lep1, "lep3_pt": lep3, "met": met, "njets": njets,
            "jet1_pt": jet1, "dphi": dphi, "eta": eta, "mll_fine": mll.copy()}


def codes(values, edges):
    """The bin code of every value: 0 NaN, 1 underflow, 2+i bin i, nbins+2 overflow."""
    nb = len(edges) - 1
    out = np.searchsorted(edges, values, side="right") + 1   # x < e0 -> 1, e_i <= x < e_i+1 -> i+2
    out = np.where(np.isnan(values), 0, out)
    assert out.max() <= nb + 2
    dtype = "<u1" if nb + 3 <= 256 else "<u2"
    return out.astype(dtype)


def b64(array):
    return base64.b64encode(np.ascontiguousarray(array).tobytes()).decode("ascii")


STRINGS = {
    "reset": "Reset cuts", "cuts": "Your cuts as analysis lines", "copy": "Copy", "copied": "Copied",
    "sample": "Sample", "events": "Events", "expected": "Expected events", "data": "Data",
    "background": "Total background", "signal": "Total signal", "significance": "Significance s/√b",
    "show-all": "Show all samples", "only": "Show only {label}", "lower": "Lower cut on {title}",
    "upper": "Upper cut on {title}", "no-cuts": "No cuts yet: drag a slider or click the bars.",
    "undefined": "(undefined)", "all": "all",
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=HERE)
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply event counts (timing experiments)")
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)

    # name, label, role, color, events, kind, weight model
    plan = [
        ("data", "Data", "data", None, 9000, "data", None),
        ("zll", "Z → ℓℓ", "background", "#6baed6", 5500, "zll", "normal"),
        ("ttbar", "tt̄", "background", None, 2500, "ttbar", "negative"),
        ("diboson", "Diboson", "background", None, 1000, "diboson", "ones"),
        ("zprime", "Z′ (signal)", "signal", None, 2000, "signal", "normal"),
    ]
    vs = variables()
    samples, raw = [], {}
    for name, label, role, color, n, kind, wmodel in plan:
        n = int(round(n * args.scale))
        vals = generate(rng, n, kind)
        if wmodel is None or wmodel == "ones":
            weights = None
        elif wmodel == "normal":
            weights = rng.normal(0.9, 0.15, n)
        else:  # a few negative weights, as from NLO generators
            weights = rng.normal(0.35, 0.05, n) * np.where(rng.random(n) < 0.08, -1.0, 1.0)
        raw[name + "/w"] = weights if weights is not None else np.ones(n)
        bins = []
        for vname, *_rest in vs:
            edges = _rest[3]
            raw[name + "/" + vname] = vals[vname]
            bins.append(b64(codes(vals[vname], edges)))
        samples.append({"name": name, "label": label, "role": role, "color": color, "events": n,
                        "weights": None if weights is None else b64(weights.astype("<f8")), "bins": bins})

    data = {
        "id": "z-explorer", "luminosity": 10,
        "preselection": ['filter lep_n == 2 as "two leptons"'],
        "defines": ["define mll = mass(lep_pt / 1000, lep_eta, lep_phi, lep_E / 1000)",
                    "define met = met_et / 1000"],
        "variables": [{"name": v[0], "expr": v[1], "title": v[2], "xlabel": v[3],
                       "edges": [float(x) if not v[5] else float(x) for x in v[4]],
                       "integer": v[5], "log": v[6]} for v in vs],
        "samples": samples,
        "strings": STRINGS,
    }
    # A second, tiny explorer on the same page: one variable, data only, no luminosity.
    rng2 = np.random.default_rng(7)
    tiny_vals = rng2.normal(0, 1, 50)
    tiny = {
        "id": "tiny-explorer", "luminosity": None, "preselection": [], "defines": [],
        "variables": [{"name": "x", "expr": "x", "title": "A tiny one", "xlabel": "x",
                       "edges": [-2.0, -1.0, 0.0, 1.0, 2.0], "integer": False, "log": False}],
        "samples": [{"name": "d", "label": "Data", "role": "data", "color": None, "events": 50,
                     "weights": None, "bins": [b64(codes(tiny_vals, np.array([-2.0, -1, 0, 1, 2])))]}],
        "strings": STRINGS,
    }
    raw["tiny/x"] = tiny_vals

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "z-explorer.data.js"), "w", encoding="utf-8") as f:
        for d in (data, tiny):
            f.write('(window.OpenKeyExplorers = window.OpenKeyExplorers || {})[%s] = %s;\n'
                    % (json.dumps(d["id"]), json.dumps(d, ensure_ascii=False)))
    for i, v in enumerate(vs):
        raw["edges/" + v[0]] = v[4]
    np.savez(os.path.join(args.out, "z-explorer.raw.npz"), **raw)
    total = sum(s["events"] for s in samples)
    print("wrote %d events x %d variables to %s" % (total, len(vs), args.out))


if __name__ == "__main__":
    main()
