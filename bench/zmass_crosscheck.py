#!/usr/bin/env python3
"""Cross-check of OpenKey's analysis engine against an independent numpy computation.

Generates ATLAS-like two-lepton samples as gzip CSV (fixed seed), runs bench/zmass.ana with
`openkey run --json`, computes the same cut flow and histogram with numpy, and compares them.
Development tool only (run by `make conformance`); OpenKey itself never runs Python.
Usage: zmass_crosscheck.py OPENKEY_BINARY [EVENTS]
"""
import gzip, json, math, os, subprocess, sys, tempfile
import numpy as np

def generate(path, n, rng, mc):
    # Lepton multiplicity 0-4, Z-like pairs with a Breit-Wigner mass plus a falling continuum.
    lep_n = rng.choice([0, 1, 2, 2, 2, 3, 4], size=n)
    cols = {k: [] for k in ["lep_pt", "lep_eta", "lep_phi", "lep_E", "lep_charge", "lep_type"]}
    flavour = rng.choice([11, 13], size=n)
    for i in range(n):
        k = lep_n[i]
        pt = rng.exponential(25000, k) + 7000
        eta = rng.uniform(-2.5, 2.5, k)
        phi = rng.uniform(-math.pi, math.pi, k)
        if k >= 2 and rng.random() < 0.7:       # a Z: balance the pair's mass near 91 GeV
            m = 91187.6 + 2495.2 / 2 * math.tan(math.pi * (rng.random() - 0.5))
            pt[1] = max(5000.0, min(200000.0, m * m / (2 * pt[0] * (math.cosh(eta[0] - eta[1]) - math.cos(phi[0] - phi[1])) + 1e-9)))
        E = pt * np.cosh(eta)
        charge = rng.choice([-1, 1], k)
        types = np.where(rng.random(k) < 0.9, flavour[i], 24 - flavour[i])
        for name, v in zip(cols, [pt, eta, phi, E, charge, types]):
            cols[name].append(v)
    header = "lep_n:int,lep_pt[],lep_eta[],lep_phi[],lep_E[],lep_charge[]:int,lep_type[]:int"
    extra = {}
    if mc:
        header += ",mcWeight,scaleFactor_ELE,scaleFactor_MUON,XSection,SumWeights"
        extra = dict(mcWeight=rng.normal(1, 0.1, n), ele=rng.uniform(0.95, 1.05, n), mu=rng.uniform(0.95, 1.05, n))
    with gzip.open(path, "wt", compresslevel=1) as f:
        f.write(header + "\n")
        for i in range(n):
            cells = [str(lep_n[i])]
            cells += [";".join(repr(float(x)) for x in cols["lep_pt"][i]), ";".join(repr(float(x)) for x in cols["lep_eta"][i]),
                      ";".join(repr(float(x)) for x in cols["lep_phi"][i]), ";".join(repr(float(x)) for x in cols["lep_E"][i]),
                      ";".join(str(int(x)) for x in cols["lep_charge"][i]), ";".join(str(int(x)) for x in cols["lep_type"][i])]
            if mc:
                cells += [repr(float(extra["mcWeight"][i])), repr(float(extra["ele"][i])), repr(float(extra["mu"][i])), "1950.5", "123456.0"]
            f.write(",".join(cells) + "\n")
    weights = np.ones(n) if not mc else extra["mcWeight"] * extra["ele"] * extra["mu"] * 1950.5 * 10.0 / 123456.0
    return lep_n, cols, weights

def numpy_analysis(lep_n, cols, weights):
    n = len(lep_n)
    def first_two(name):
        a = np.full((n, 2), np.nan)
        for i, v in enumerate(cols[name]):
            a[i, :min(2, len(v))] = v[:2]
        return a
    q, t = first_two("lep_charge"), first_two("lep_type")
    flow = [(n, weights.sum())]
    sel = lep_n == 2; flow.append((sel.sum(), weights[sel].sum()))
    sel &= q[:, 0] != q[:, 1]; flow.append((sel.sum(), weights[sel].sum()))
    sel &= t[:, 0] == t[:, 1]; flow.append((sel.sum(), weights[sel].sum()))
    pt, eta, phi, E = (first_two(k) / (1000 if k in ("lep_pt", "lep_E") else 1) for k in ["lep_pt", "lep_eta", "lep_phi", "lep_E"])
    px = (pt * np.cos(phi)).sum(1); py = (pt * np.sin(phi)).sum(1); pz = (pt * np.sinh(eta)).sum(1); e = E.sum(1)
    m2 = e * e - px * px - py * py - pz * pz
    m = np.where(m2 >= 0, np.sqrt(np.abs(m2)), -np.sqrt(np.abs(m2)))[sel]
    w = weights[sel]
    edges = np.linspace(0, 140, 31)
    inside = (m >= 0) & (m < 140)
    idx = np.minimum((m[inside] / (140 / 30)).astype(int), 29)
    hist = np.bincount(idx, weights=w[inside], minlength=30)
    return flow, hist, (m * w).sum() / w.sum()

def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(1.0, abs(b))

def main():
    binary = sys.argv[1]
    events = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    here = os.path.dirname(os.path.abspath(__file__))
    rng = np.random.default_rng(20261121)
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        expected = {}
        for name, file, mc in [("data", "2lep_data.csv.gz", False), ("zjets", "2lep_Zjets.csv.gz", True)]:
            expected[name] = numpy_analysis(*generate(os.path.join(tmp, file), events, rng, mc))
        out = subprocess.run([binary, "run", os.path.join(here, "zmass.ana"), "--data", tmp, "--json"],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print(out.stderr)
            print("0 passed, 1 failed")
            return 1
        result = json.loads(out.stdout)
        for sample in result["samples"]:
            flow, hist, mean = expected[sample["name"]]
            checks = [("cut flow events", [c["events"] for c in sample["cutflow"]] == [int(f[0]) for f in flow])]
            checks.append(("cut flow weights", all(close(c["sumw"], f[1]) for c, f in zip(sample["cutflow"], flow))))
            checks.append(("histogram bins", all(close(a, b) for a, b in zip(sample["histograms"][0]["sumw"], hist))))
            checks.append(("mean mass", close(sample["reports"][0]["value"], mean)))
            for label, ok in checks:
                print(f"{'ok  ' if ok else 'FAIL'} {sample['name']}: {label}")
                passed += ok; failed += not ok
            print(f"     {sample['name']}: cut flow {[c['events'] for c in sample['cutflow']]}, peak bin "
                  f"{int(np.argmax(hist))} ({hist.max():.4g})")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1

if __name__ == "__main__":
    sys.exit(main())
