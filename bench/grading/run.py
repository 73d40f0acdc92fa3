#!/usr/bin/env python3
"""Grading benchmark: 1,000 generated submissions of the Z-mass exercise graded offline on a 20,000-event sample.

Development tool only (run by `make bench`; not part of `make test`). Needs the real ROOT (`import ROOT`, to cut
the sample) and /usr/bin/time.

The sample: the exercise's four files (data, Z+jets, ttbar, diboson) cut to their first entries so that together
they hold 20,000 events (data 10,000, Z+jets 6,000, ttbar 2,500, diboson 1,500), written with RDataFrame.Snapshot.
The class: 1,000 submissions, a realistic mix drawn with a fixed seed from the kinds of work teachers see —
correct analyses written in different styles, forgotten MeV→GeV conversion, wrong or missing cuts, other binnings,
a missing histogram, a misspelt branch, syntax errors, empty files, answers files — each as `studentNNNN.ana`.

`openkey grade Exercises/z-boson-mass SUBMISSIONS --out OUT --data SAMPLE` runs under /usr/bin/time -v, repeated;
before any time is printed the script checks that every submission was graded, that every correct analysis got
full marks on the analysis checks and that every broken one lost points. Writes bench/results-grading.md.

Usage: python3 bench/grading/run.py [--repeats N] [--submissions N]
"""
import argparse
import csv
import os
import random
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT_DIR = os.path.dirname(os.path.dirname(HERE))
WORK = "/tmp/openkey-bench-grading"
OPENKEY = os.path.join(ROOT_DIR, ".build", "release", "openkey")
EXERCISE = os.path.join(ROOT_DIR, "Exercises", "z-boson-mass")
RESULTS = os.path.join(ROOT_DIR, "bench", "results-grading.md")
SAMPLE = {"2lep_data.root": 10000, "2lep_Zjets.root": 6000, "2lep_ttbar.root": 2500, "2lep_diboson.root": 1500}


def fail(msg):
    print(f"\nBENCHMARK ABORTED: {msg}", file=sys.stderr)
    sys.exit(1)


def make_sample(folder):
    if all(os.path.exists(os.path.join(folder, f)) for f in SAMPLE):
        return
    import ROOT
    os.makedirs(folder, exist_ok=True)
    for name, n in SAMPLE.items():
        df = ROOT.RDataFrame("mini", os.path.join(ROOT_DIR, "Exercises", "data", name))
        opts = ROOT.RDF.RSnapshotOptions()
        opts.fCompressionAlgorithm = ROOT.RCompressionSetting.EAlgorithm.kZLIB
        opts.fCompressionLevel = 1
        df.Range(n).Snapshot("mini", os.path.join(folder, name), "", opts)


SOLUTION = open(os.path.join(EXERCISE, "solution.ana")).read()
HEADER = SOLUTION.split("filter lep_n")[0]


def variants():
    """(kind, text, correct?) — what a class hands in."""
    body = SOLUTION[len(HEADER):]
    yield "correct", SOLUTION, True
    yield "correct, with comments", "\n".join(line + ("   # my step" if line.startswith("filter") else "") for line in SOLUTION.split("\n")), True
    yield "correct, written out", HEADER + """
# my analysis
filter lep_n == 2 as "two leptons"
filter lep_charge[0] * lep_charge[1] < 0 as "opposite charge"
filter lep_type[0] == lep_type[1] as "same flavour"
define pt = lep_pt / 1000
define e = lep_E / 1000
define mll = mass(pt, lep_eta, lep_phi, e)
histogram mll bins 40 from 50 to 130 title "Z peak" xlabel "m_ll [GeV]"
report mean(mll) as "mean mass"
""", True
    yield "forgot MeV to GeV", SOLUTION.replace("lep_pt / 1000", "lep_pt").replace("lep_E / 1000", "lep_E"), False
    yield "other binning", SOLUTION.replace("bins 40 from 50 to 130", "bins 20 from 0 to 200"), False
    yield "missing charge cut", SOLUTION.replace('filter lep_charge[0] != lep_charge[1]    as "opposite charge"\n', ""), False
    yield "wrong flavour cut", SOLUTION.replace("lep_type[0] == lep_type[1]", "lep_type[0] != lep_type[1]"), False
    yield "no histogram", re.sub(r"histogram mll.*\n", "", SOLUTION), False
    yield "misspelt branch", SOLUTION.replace("lep_eta", "lep_etta"), False
    yield "syntax error", SOLUTION.replace("filter lep_n == 2", "filter lep_n === 2"), False
    yield "empty file", "", False
    yield "starter only", open(os.path.join(EXERCISE, "starter.ana")).read(), False


def make_class(folder, n, seed=2026):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    kinds = list(variants())
    # A realistic mix: most students get there, the usual mistakes are common, a few hand in broken files.
    weights = [30, 8, 8, 14, 8, 7, 5, 4, 4, 4, 3, 5]
    rng = random.Random(seed)
    expected = {}
    for i in range(1, n + 1):
        kind, text, correct = rng.choices(kinds, weights=weights)[0]
        name = f"student{i:04d}"
        with open(os.path.join(folder, name + ".ana"), "w") as f:
            f.write(text)
        expected[name] = (kind, correct)
    return expected


def timed(cmd):
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    if out.returncode != 0:
        fail(f"{' '.join(cmd)} exited {out.returncode}: {out.stderr[-2000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", out.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr)
    h, m, s = wall.groups()
    return (int(h or 0) * 3600 + int(m) * 60 + float(s)), int(rss.group(1)) / 1024


def machine():
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--submissions", type=int, default=1000)
    args = ap.parse_args()
    if not os.path.exists(OPENKEY):
        subprocess.run(["make", "build"], cwd=ROOT_DIR, check=True)
    data = os.path.join(WORK, "data")
    make_sample(data)
    subs = os.path.join(WORK, "submissions")
    expected = make_class(subs, args.submissions)
    out = os.path.join(WORK, "out")

    # Correctness first: every submission graded; correct ones full marks on the analysis checks, broken ones not.
    shutil.rmtree(out, ignore_errors=True)
    timed([OPENKEY, "grade", EXERCISE, subs, "--out", out, "--data", data])
    rows = {r["student"]: r for r in csv.DictReader(open(os.path.join(out, "gradebook.csv")))}
    if len(rows) != args.submissions:
        fail(f"{len(rows)} of {args.submissions} submissions in the gradebook")
    analysis_points = 9   # selection 3 + histogram 4 + mean 2; the question needs an answers file
    for name, (kind, correct) in expected.items():
        score = int(rows[name]["score"])
        if correct and score < analysis_points:
            fail(f"{name} ({kind}) scored {score}, expected full analysis marks")
        if not correct and score >= analysis_points:
            fail(f"{name} ({kind}) scored {score}, expected to lose points")
    mix = {}
    for kind, _ in expected.values():
        mix[kind] = mix.get(kind, 0) + 1

    walls, rsses = [], []
    for _ in range(args.repeats):
        shutil.rmtree(out, ignore_errors=True)
        wall, rss = timed([OPENKEY, "grade", EXERCISE, subs, "--out", out, "--data", data])
        walls.append(wall)
        rsses.append(rss)
    median = statistics.median(walls)
    lines = [
        "# Grading benchmark",
        "",
        f"Machine: {machine()}. openkey: release build. {args.repeats} runs, each a fresh output folder.",
        f"Exercise: z-boson-mass; sample: {sum(SAMPLE.values()):,} events ("
        + ", ".join(f"{k} {v:,}" for k, v in SAMPLE.items()) + ").",
        "",
        "| submissions | wall time (median) | spread | submissions/s | peak RSS (median) |",
        "|---|---|---|---|---|",
        f"| {args.submissions} | {median:.2f} s | {min(walls):.2f}–{max(walls):.2f} s | {args.submissions / median:.0f} | {statistics.median(rsses):.0f} MB |",
        "",
        "Target: 1,000 submissions in under 30 s — " + ("met." if median < 30 else "NOT met."),
        "",
        "The class (seeded mix):",
        "",
    ] + [f"- {kind}: {count}" for kind, count in sorted(mix.items(), key=lambda kv: -kv[1])] + [
        "",
        "Checked before timing: every submission is in gradebook.csv; every correct analysis has full marks on the",
        "analysis checks (the question needs an answers file), every broken one lost points.",
    ]
    text = "\n".join(lines) + "\n"
    with open(RESULTS, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
