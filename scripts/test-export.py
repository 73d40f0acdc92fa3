#!/usr/bin/env python3
"""make test-export: every analysis that reads data, exported and run with the real tools, must give OpenKey's numbers.

For each .ana file in Exercises/ and in the engine's test scripts that `openkey run` runs, this script
  1. runs it with openkey (--json),
  2. exports it to RDataFrame (Python), uproot + awkward, and (ROOT files only) a C++ macro, and runs them locally,
  3. exports it to distributed RDataFrame on Dask and to uproot.dask, and runs those on one local Dask cluster
     (dask.distributed.LocalCluster, 2 workers),
and checks that every cut flow, histogram and reported value equals OpenKey's: counts exactly, weighted sums within
1e-9 relative. Python is a development tool here; nothing of this runs inside openkey.

Usage: python3 scripts/test-export.py OPENKEY_BINARY [--only SUBSTRING] [--no-dask] [--keep DIR]
"""
import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT_DIR = Path(__file__).resolve().parent.parent
RELATIVE = 1e-9


def analyses():
    """(analysis file, data folder) for every analysis that reads data."""
    found = [(p, ROOT_DIR / "Exercises" / "data") for p in sorted((ROOT_DIR / "Exercises").glob("*/*.ana"))]
    scripts = ROOT_DIR / "Tests" / "AnalysisTests" / "Scripts"
    found += [(p, scripts) for p in sorted(scripts.glob("*.ana")) if not p.name.startswith("errors-")]
    found += [(p, ROOT_DIR / "bench" / "engine") for p in sorted((ROOT_DIR / "bench" / "engine").glob("*.ana"))
              if (ROOT_DIR / "bench" / "engine" / "data").exists()]
    return found


def close(a, b):
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if a is None or b is None:
        return a is b
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if a == b:
        return True
    return abs(a - b) <= RELATIVE * max(abs(a), abs(b)) or abs(a - b) < 1e-300


def number(x):
    return {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}.get(x, x) if isinstance(x, str) else x


def compare(reference, exported, what):
    """Differences between OpenKey's result and an export's, as readable lines (empty when they agree)."""
    problems = []
    ref_samples = {s["name"]: s for s in reference["samples"]}
    got_samples = {s["name"]: s for s in exported["samples"]}
    if list(ref_samples) != list(got_samples):
        return [f"{what}: samples {list(got_samples)} instead of {list(ref_samples)}"]
    for name, ref in ref_samples.items():
        got = got_samples[name]
        if [c["name"] for c in ref["cutflow"]] != [c["name"] for c in got["cutflow"]]:
            problems.append(f"{what}: {name}: cut flow steps differ")
            continue
        for r, g in zip(ref["cutflow"], got["cutflow"]):
            if int(r["events"]) != int(g["events"]):
                problems.append(f"{what}: {name}: '{r['name']}' {g['events']} events instead of {r['events']}")
            for key in ("sumw", "sumw2"):
                if not close(number(r[key]), number(g[key])):
                    problems.append(f"{what}: {name}: '{r['name']}' {key} {g[key]} instead of {r[key]}")
        for r, g in zip(ref["histograms"], got["histograms"]):
            for key in ("sumw", "sumw2"):
                for i, (x, y) in enumerate(zip(r[key], g[key])):
                    if not close(number(x), number(y)):
                        problems.append(f"{what}: {name}: histogram {r['name']} bin {i} {key} {y} instead of {x}")
                if len(r[key]) != len(g[key]):
                    problems.append(f"{what}: {name}: histogram {r['name']} has {len(g[key])} bins instead of {len(r[key])}")
            for key in ("underflow", "underflow2", "overflow", "overflow2"):
                if not close(number(r[key]), number(g[key])):
                    problems.append(f"{what}: {name}: histogram {r['name']} {key} {g[key]} instead of {r[key]}")
        if len(ref["histograms"]) != len(got["histograms"]):
            problems.append(f"{what}: {name}: {len(got['histograms'])} histograms instead of {len(ref['histograms'])}")
        for r, g in zip(ref["reports"], got["reports"]):
            if r["name"] != g["name"] or not close(number(r["value"]), number(g["value"])) or int(r["events"]) != int(g["events"]):
                problems.append(f"{what}: {name}: report '{r['name']}' = {g['value']} ({g['events']} events) instead of {r['value']} ({r['events']})")
        if len(ref["reports"]) != len(got["reports"]):
            problems.append(f"{what}: {name}: {len(got['reports'])} reports instead of {len(ref['reports'])}")
    return problems


def compare_macro(reference, output, what):
    """The C++ macro prints, per sample, its label, then each cut-flow step (events, sum of weights) and each report."""
    problems = []
    lines = output.splitlines()
    for sample in reference["samples"]:
        header = f"{sample['label']} ({sample['name']})"
        if header not in lines:
            problems.append(f"{what}: no output for sample {sample['name']}")
            continue
        start = lines.index(header) + 1
        for offset, step in enumerate(sample["cutflow"]):
            m = re.match(r"\s+(.*?)\s+(\d+)\s+(\S+)$", lines[start + offset]) if start + offset < len(lines) else None
            if not m or m.group(1) != step["name"] or int(m.group(2)) != int(step["events"]) or not close(float(m.group(3)), number(step["sumw"])):
                problems.append(f"{what}: {sample['name']}: cut-flow line {lines[start + offset] if start + offset < len(lines) else '(missing)'!r} "
                                f"instead of {step['name']} {step['events']} {step['sumw']}")
        for offset, report in enumerate(sample["reports"]):
            i = start + len(sample["cutflow"]) + offset
            m = re.match(r"\s+(.*): (\S+)$", lines[i]) if i < len(lines) else None
            if not m or m.group(1) != report["name"] or not close(float(m.group(2)), number(report["value"])):
                problems.append(f"{what}: {sample['name']}: report line {lines[i] if i < len(lines) else '(missing)'!r} instead of {report['name']} {report['value']}")
    return problems


def run(command, cwd, timeout=900):
    started = time.monotonic()
    p = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)
    return p, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("openkey")
    parser.add_argument("--only", help="only analyses whose path contains this")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask cluster runs")
    parser.add_argument("--keep", help="keep the exported programs and their results in this folder")
    args = parser.parse_args()
    openkey = str(Path(args.openkey).resolve())
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="openkey-export-"))
    work.mkdir(parents=True, exist_ok=True)
    has_root_binary = shutil.which("root") is not None

    cluster = client = None
    if not args.no_dask:
        from dask.distributed import Client, LocalCluster
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        print(f"local Dask cluster: {cluster.scheduler_address}, {len(cluster.workers)} workers")

    failures, checked, skipped = [], 0, []
    for ana, data in analyses():
        if args.only and args.only not in str(ana):
            continue
        rel = ana.relative_to(ROOT_DIR)
        stem = "_".join(rel.with_suffix("").parts[-2:]).replace("-", "_")
        reference_path = work / f"{stem}.openkey.json"
        p, _ = run([openkey, "run", str(ana), "--data", str(data), "--json"], cwd=work)
        if p.returncode != 0:
            skipped.append(f"{rel} (openkey run fails: {p.stderr.strip().splitlines()[0] if p.stderr.strip() else p.returncode})")
            continue
        reference_path.write_text(p.stdout)
        reference = json.loads(p.stdout)
        targets = [("rdataframe", ["--to", "rdataframe"], []), ("uproot", ["--to", "uproot"], [])]
        if not args.no_dask:
            targets += [("rdataframe-dask", ["--to", "rdataframe", "--distributed", "dask"], ["--scheduler", cluster.scheduler_address]),
                        ("uproot-dask", ["--to", "uproot", "--dask"], ["--scheduler", cluster.scheduler_address])]
        times = []
        for name, export_args, run_args in targets:
            script = work / f"{stem}_{name.replace('-', '_')}.py"
            p, _ = run([openkey, "export", str(ana), "--data", str(data), "-o", str(script)] + export_args, cwd=work)
            if p.returncode != 0:
                failures.append(f"{rel}: export {name} failed:\n{p.stderr}")
                continue
            out = work / f"{stem}.{name}.json"
            p, seconds = run([sys.executable, str(script), str(data), "--json", str(out)] + run_args, cwd=work)
            times.append(f"{name} {seconds:.1f}s")
            if p.returncode != 0:
                failures.append(f"{rel}: the {name} export failed to run:\n{p.stderr[-3000:]}")
                continue
            problems = compare(reference, json.loads(out.read_text()), f"{rel} [{name}]")
            failures += problems
            checked += 1
        if has_root_binary and all(not s["name"].endswith(".csv") for s in reference["samples"]):
            macro = work / f"{stem}_macro.C"
            p, _ = run([openkey, "export", str(ana), "--data", str(data), "-o", str(macro), "--to", "cpp"], cwd=work)
            if p.returncode == 0:
                p, seconds = run(["root", "-l", "-b", "-q", f"{macro}(\"{data}\")"], cwd=work)
                times.append(f"cpp {seconds:.1f}s")
                if p.returncode != 0:
                    failures.append(f"{rel}: the C++ macro failed:\n{p.stderr[-3000:]}")
                else:
                    failures += compare_macro(reference, p.stdout, f"{rel} [cpp]")
                    checked += 1
            elif "CSV" not in p.stderr:
                failures.append(f"{rel}: export cpp failed:\n{p.stderr}")
        print(f"{rel}: {', '.join(times)}", flush=True)

    if client is not None:
        client.close()
        cluster.close()
    for s in skipped:
        print(f"skipped: {s}")
    if failures:
        print(f"\n{len(failures)} difference(s):")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    print(f"OK: {checked} exported programs give OpenKey's cut flows, histograms and reported values")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
