#!/usr/bin/env python3
"""Cross-check of OpenKey's native ROOT reader and engine against uproot + awkward.

Runs bench/zmass_root.ana on ../shared/conformance/root/atlas_mini_zlib.root with `openkey run --json`,
computes the same cuts, weights and histogram with uproot + awkward, and compares them (cut flow exactly,
sums to 1e-9 relative). Development tool only (run by `make conformance`).
Usage: zmass_root_crosscheck.py OPENKEY_BINARY ROOT_DIR
"""
import json, os, subprocess, sys
import awkward as ak
import numpy as np
import uproot

def expected(path):
    t = uproot.open(path)["mini"].arrays(library="ak")
    results = {}
    for name, weighted in [("data", False), ("mc", True)]:
        # OpenKey computes in double precision: promote the float32 branches before multiplying.
        f = lambda name: ak.to_numpy(t[name]).astype(np.float64)
        w = (f("mcWeight") * f("scaleFactor_ELE") * f("scaleFactor_MUON") * f("XSection") * 10.0 / f("SumWeights")) if weighted \
            else np.ones(len(t), dtype=np.float64)
        flow = [(len(t), w.sum())]
        sel = ak.to_numpy(t.lep_n == 2)
        flow.append((sel.sum(), w[sel].sum()))
        q = ak.pad_none(t.lep_charge, 2)
        ty = ak.pad_none(t.lep_type, 2)
        sel &= ak.to_numpy(ak.fill_none(q[:, 0] != q[:, 1], False))
        flow.append((sel.sum(), w[sel].sum()))
        sel &= ak.to_numpy(ak.fill_none(ty[:, 0] == ty[:, 1], False))
        flow.append((sel.sum(), w[sel].sum()))
        s = t[sel]
        pt, eta, phi, e = (s[k][:, 0:2] for k in ["lep_pt", "lep_eta", "lep_phi", "lep_E"])
        pt = ak.values_astype(pt, np.float64) / 1000; e = ak.values_astype(e, np.float64) / 1000
        eta = ak.values_astype(eta, np.float64); phi = ak.values_astype(phi, np.float64)
        px = ak.sum(pt * np.cos(phi), axis=1); py = ak.sum(pt * np.sin(phi), axis=1)
        pz = ak.sum(pt * np.sinh(eta), axis=1); en = ak.sum(e, axis=1)
        m2 = ak.to_numpy(en * en - px * px - py * py - pz * pz)
        m = np.where(m2 >= 0, np.sqrt(np.abs(m2)), -np.sqrt(np.abs(m2)))
        ws = w[sel]
        inside = (m >= 0) & (m < 140)
        idx = np.minimum((m[inside] / (140 / 30)).astype(int), 29)
        hist = np.bincount(idx, weights=ws[inside], minlength=30)
        results[name] = (flow, hist, (m * ws).sum() / ws.sum())
    return results

def close(a, b, rel=1e-9):
    return abs(a - b) <= rel * max(1.0, abs(b))

def main():
    binary, root_dir = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    out = subprocess.run([binary, "run", os.path.join(here, "zmass_root.ana"), "--data", root_dir, "--json"], capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr)
        print("0 passed, 1 failed")
        return 1
    result = json.loads(out.stdout)
    reference = expected(os.path.join(root_dir, "atlas_mini_zlib.root"))
    passed = failed = 0
    for sample in result["samples"]:
        flow, hist, mean = reference[sample["name"]]
        checks = [("cut flow events", [c["events"] for c in sample["cutflow"]] == [int(f[0]) for f in flow]),
                  ("cut flow weights", all(close(c["sumw"], f[1]) for c, f in zip(sample["cutflow"], flow))),
                  ("histogram bins", all(close(a, b) for a, b in zip(sample["histograms"][0]["sumw"], hist))),
                  ("mean mass", close(sample["reports"][0]["value"], mean))]
        for label, ok in checks:
            print(f"{'ok  ' if ok else 'FAIL'} {sample['name']}: {label}")
            passed += ok; failed += not ok
        print(f"     {sample['name']}: cut flow {[c['events'] for c in sample['cutflow']]} (uproot: {[int(f[0]) for f in flow]})")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1

if __name__ == "__main__":
    sys.exit(main())
