#!/usr/bin/env python3
"""Engine benchmark: the Z-mass analysis on a 1,000,000-event ATLAS-schema ntuple, OpenKey against its anchors.

Development tool only (run by `make bench`; not part of `make test`). Needs the real ROOT (`import ROOT`),
uproot, awkward, vector, numpy, gcc with zlib, and /usr/bin/time.

Implementations, each run as its own process under /usr/bin/time -v (peak RSS):
  openkey   `openkey run bench/engine/zmass_bench.ana --data DIR --json --threads N`   (N = 1, 2)
  uproot    uproot + awkward + vector + numpy, reading only the 7 branches the analysis needs
  rdf       ROOT RDataFrame, single-threaded and with ROOT.EnableImplicitMT(2)
  floor     bench/engine/inflate_floor.c: pread + zlib-inflate exactly the baskets of those 7 branches (1, 2 threads)
  floor, libdeflate   the same program inflating with libdeflate (a reference: OpenKey has its own whole-buffer
            inflater, about twice zlib's speed like libdeflate's; libdeflate-dev is installed with apt-get when
            missing and root, else this row is left out)

Before any time is printed, every implementation's cut flow and histogram bin counts must agree exactly
(and the floor must inflate exactly the bytes the basket headers announce); otherwise the script aborts.
The ntuple is generated once (zlib level 1, setting 101) and cached in /tmp/openkey-bench/.
The results table goes to bench/results-engine.md (generated; not tracked).

Usage: python3 bench/engine/run.py [--repeats N] [--events N] [--regenerate]
"""
import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import struct
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT_DIR = os.path.dirname(os.path.dirname(HERE))
CACHE = "/tmp/openkey-bench"
FILE_NAME = "mini_1M_zlib1.root"
ANA = os.path.join(HERE, "zmass_bench.ana")
OPENKEY = os.path.join(ROOT_DIR, ".build", "release", "openkey")
RESULTS = os.path.join(ROOT_DIR, "bench", "results-engine.md")
BRANCHES = ["lep_n", "lep_charge", "lep_type", "lep_pt", "lep_eta", "lep_phi", "lep_E"]
NBINS, LO, HI = 30, 0.0, 140.0


def fail(msg):
    print(f"\nBENCHMARK ABORTED: {msg}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------------------------------------------------
# 1. The sample: the toy physics of scripts/generate-sample-data.py, scaled to N events, one data-like file.

def generate(path, n_events):
    spec = importlib.util.spec_from_file_location("gen", os.path.join(ROOT_DIR, "scripts", "generate-sample-data.py"))
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)   # declares the C++ writer (fills the TTree from numpy arrays, setting 101)
    import numpy as np
    # Process mix (fractions of the file): most events are dileptons, the rest fail `lep_n == 2`.
    mix = {"Z": 0.60, "ttbar": 0.05, "diboson": 0.04, "fake2l": 0.05, "ZZ": 0.05, "fake4l": 0.02,
           "yy": 0.17, "Hyy": 0.02}
    makers = {"Z": gen.make_z, "ttbar": gen.make_ttbar, "diboson": gen.make_diboson, "fake2l": gen.make_fake,
              "ZZ": gen.make_zz4l, "fake4l": gen.make_z_fakes4l, "yy": gen.make_yy_background, "Hyy": gen.make_hyy}
    counts = {k: int(round(f * n_events)) for k, f in mix.items()}
    counts["Z"] += n_events - sum(counts.values())
    blocks = [gen.accept_loop(np.random.default_rng(7000 + i), counts[k], makers[k]) for i, k in enumerate(mix)]
    rng = np.random.default_rng(424242)
    b = gen.merge(blocks, shuffle=rng)
    tmp = path + ".part"
    gen.write(tmp, b, channel=0, is_mc=False, rng=rng, run_numbers=gen.data_runs(rng, b.n),
              title="OpenKey engine benchmark (synthetic)")
    os.replace(tmp, path)


def ensure_sample(n_events, regenerate):
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, FILE_NAME)
    stamp = path + ".events"
    if regenerate or not os.path.exists(path) or not os.path.exists(stamp) or open(stamp).read().strip() != str(n_events):
        print(f"generating {n_events} events into {path} (once; cached) ...", flush=True)
        t0 = time.perf_counter()
        # in a child process, so this process never loads ROOT
        code = f"import sys; sys.path.insert(0, {HERE!r}); import run; run.generate({path!r}, {n_events})"
        r = subprocess.run([sys.executable, "-c", code], cwd=HERE)
        if r.returncode != 0:
            fail("generating the sample failed")
        with open(stamp, "w") as f:
            f.write(str(n_events))
        print(f"  done in {time.perf_counter() - t0:.1f} s, {os.path.getsize(path) / 1e6:.1f} MB", flush=True)
    return path


# ---------------------------------------------------------------------------------------------------------
# 2. Implementations. Each prints one JSON line: {"cutflow": [...], "hist": [...], "mean": x, "seconds": t}
#    where "seconds" is the in-process analysis time (after interpreter start-up and imports).

UPROOT_CODE = r"""
import json, sys, time
import numpy as np, awkward as ak, uproot, vector
vector.register_awkward()
path, branches = sys.argv[1], sys.argv[2].split(",")
t0 = time.perf_counter()
t = uproot.open(path)["mini"].arrays(branches, library="ak")
flow = [len(t)]
t = t[t.lep_n == 2]; flow.append(len(t))
t = t[t.lep_charge[:, 0] != t.lep_charge[:, 1]]; flow.append(len(t))
t = t[t.lep_type[:, 0] == t.lep_type[:, 1]]; flow.append(len(t))
f64 = lambda a: ak.values_astype(a[:, 0:2], np.float64)
lep = ak.zip({"pt": f64(t.lep_pt) / 1000, "eta": f64(t.lep_eta), "phi": f64(t.lep_phi), "E": f64(t.lep_E) / 1000},
             with_name="Momentum4D")
m = ak.to_numpy((lep[:, 0] + lep[:, 1]).mass)
hist, _ = np.histogram(m, bins=30, range=(0.0, 140.0))
mean = float(np.mean(m))
t1 = time.perf_counter()
print(json.dumps({"cutflow": flow, "hist": hist.tolist(), "mean": mean, "seconds": t1 - t0}))
"""

RDF_CODE = r"""
import json, sys, time, warnings
warnings.filterwarnings("ignore")
import ROOT
ROOT.gROOT.SetBatch(True)
path, threads = sys.argv[1], int(sys.argv[2])
if threads > 1:
    ROOT.EnableImplicitMT(threads)
import cppyy  # RDF's own log (stderr) gives the event-loop and JIT times separately
_verbosity = ROOT.RLogScopedVerbosity(ROOT.Detail.RDF.RDFLogChannel(), cppyy.gbl.ROOT.ELogLevel.kInfo)
t0 = time.perf_counter()
df = ROOT.RDataFrame("mini", path)
f1 = df.Filter("lep_n == 2", "two leptons")
f2 = f1.Filter("lep_charge[0] != lep_charge[1]", "opposite charge")
f3 = f2.Filter("lep_type[0] == lep_type[1]", "same flavour")
d = f3.Define("mll", "using namespace ROOT::Math;"
    "PxPyPzEVector a(PtEtaPhiEVector(lep_pt[0] / 1000., lep_eta[0], lep_phi[0], lep_E[0] / 1000.));"
    "PxPyPzEVector b(PtEtaPhiEVector(lep_pt[1] / 1000., lep_eta[1], lep_phi[1], lep_E[1] / 1000.));"
    "return (a + b).M();")
counts = [df.Count(), f1.Count(), f2.Count(), f3.Count()]
h = d.Histo1D(ROOT.RDF.TH1DModel("h", "", 30, 0.0, 140.0), "mll")
mean = d.Mean("mll")
flow = [int(c.GetValue()) for c in counts]
hist = [int(h.GetBinContent(i)) for i in range(1, 31)]
m = float(mean.GetValue())
t1 = time.perf_counter()
print(json.dumps({"cutflow": flow, "hist": hist, "mean": m, "seconds": t1 - t0}))
"""


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (stdout, wall seconds, peak RSS in MB)."""
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if r.returncode != 0:
        fail(f"command failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-3000:]}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    out = r.stdout
    loop = re.search(r"Finished event loop number 0 \([^,]*, ([0-9.e+-]+)s elapsed\)", r.stderr)
    if loop and out.strip().startswith("{") and '"seconds"' in out:   # RDataFrame: add its event-loop time
        d = json.loads(out)
        d["loop"] = float(loop.group(1))
        out = json.dumps(d)
    return out, wall, (int(m.group(1)) / 1024 if m else float("nan"))


def parse_openkey(out):
    d = json.loads(out)
    if len(d["samples"]) != 1:
        fail("the benchmark analysis must have exactly one sample")
    s = d["samples"][0]
    h = s["histograms"][0]
    return {"cutflow": [int(c["events"]) for c in s["cutflow"]],
            "hist": [int(round(x)) for x in h["sumw"]],
            "mean": float(s["reports"][0]["value"])}


def parse_floor(out):
    d = dict(kv.split("=") for kv in out.split())
    return {"baskets": int(d["baskets"]), "compressed": int(d["compressed"]),
            "uncompressed": int(d["uncompressed"]), "seconds": float(d["seconds"])}


# ---------------------------------------------------------------------------------------------------------
# 3. The floor's input: every basket of the needed branches (seek, bytes, key length, uncompressed length).

def basket_list(path, out_txt):
    import uproot
    tree = uproot.open(path)["mini"]
    rows = []
    with open(path, "rb") as f:
        for name in BRANCHES:
            br = tree[name]
            if br.embedded_baskets:
                fail(f"branch {name} has baskets embedded in the TTree; the floor does not read those")
            n = br.num_baskets
            seeks = br.member("fBasketSeek")[:n]
            nbytes = br.member("fBasketBytes")[:n]
            for i in range(n):
                key = br.basket_key(i)
                keylen, objlen = int(key.fKeylen), int(key.fObjlen)
                # the TKey header as it is in the file must say the same
                f.seek(int(seeks[i]))
                h_nbytes, _v, h_objlen, _d, h_keylen = struct.unpack(">ihiIh", f.read(16))
                if (h_nbytes, h_objlen, h_keylen) != (int(nbytes[i]), objlen, keylen):
                    fail(f"basket {i} of {name}: TKey header disagrees with uproot")
                rows.append((int(seeks[i]), int(nbytes[i]), keylen, objlen))
    rows.sort()
    with open(out_txt, "w") as f:
        for r in rows:
            f.write("%d %d %d %d\n" % r)
    return {"baskets": len(rows), "compressed": sum(r[1] - r[2] for r in rows),
            "uncompressed": sum(r[3] for r in rows)}


# ---------------------------------------------------------------------------------------------------------

def machine():
    model = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return os.cpu_count(), subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(), model


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--regenerate", action="store_true")
    args = ap.parse_args()
    if args.repeats < 1:
        fail("--repeats must be at least 1")

    for tool in ["/usr/bin/time", "gcc"]:
        if not shutil.which(tool):
            fail(f"{tool} is missing")
    try:
        import vector  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "vector"], check=True)

    if not os.path.exists(OPENKEY):
        print("building openkey (release) ...", flush=True)
        r = subprocess.run(["make", "build"], cwd=ROOT_DIR)
        if r.returncode != 0:
            fail("swift build failed")

    path = ensure_sample(args.events, args.regenerate)
    data_dir = os.path.dirname(path)
    size_mb = os.path.getsize(path) / 1e6

    floor_bin = os.path.join(CACHE, "inflate_floor")
    src = os.path.join(HERE, "inflate_floor.c")
    if not os.path.exists(floor_bin) or os.path.getmtime(floor_bin) < os.path.getmtime(src):
        r = subprocess.run(["gcc", "-O2", "-Wall", "-o", floor_bin, src, "-lz", "-lpthread"])
        if r.returncode != 0:
            fail("compiling inflate_floor.c failed")
    floor_ld_bin = os.path.join(CACHE, "inflate_floor_libdeflate")
    if not os.path.exists(floor_ld_bin) or os.path.getmtime(floor_ld_bin) < os.path.getmtime(src):
        if not os.path.exists("/usr/include/libdeflate.h") and os.geteuid() == 0:
            print("installing libdeflate-dev (apt-get), for the reference floor ...", flush=True)
            env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
            if subprocess.run(["apt-get", "install", "-y", "-qq", "libdeflate-dev"], env=env).returncode != 0:
                subprocess.run(["apt-get", "update", "-qq"], env=env)
                subprocess.run(["apt-get", "install", "-y", "-qq", "libdeflate-dev"], env=env)
        if os.path.exists("/usr/include/libdeflate.h"):
            r = subprocess.run(["gcc", "-O2", "-Wall", "-DUSE_LIBDEFLATE", "-o", floor_ld_bin, src, "-lz",
                                "-ldeflate", "-lpthread"])
            if r.returncode != 0:
                fail("compiling inflate_floor.c with libdeflate failed")
    have_libdeflate = os.path.exists(floor_ld_bin)
    if not have_libdeflate:
        print("libdeflate-dev is not installed: the reference floor is left out", flush=True)
    baskets_txt = os.path.join(CACHE, "baskets.txt")
    expected_floor = basket_list(path, baskets_txt)

    impls = [
        ("OpenKey, 1 thread", "ok1", [OPENKEY, "run", ANA, "--data", data_dir, "--json", "--threads", "1"], parse_openkey),
        ("OpenKey, 2 threads", "ok2", [OPENKEY, "run", ANA, "--data", data_dir, "--json", "--threads", "2"], parse_openkey),
        ("uproot + awkward + vector", "up", [sys.executable, "-c", UPROOT_CODE, path, ",".join(BRANCHES)], json.loads),
        ("RDataFrame, 1 thread", "rdf1", [sys.executable, "-c", RDF_CODE, path, "1"], json.loads),
        ("RDataFrame, EnableImplicitMT(2)", "rdf2", [sys.executable, "-c", RDF_CODE, path, "2"], json.loads),
        ("floor: inflate only, 1 thread", "fl1", [floor_bin, path, baskets_txt, "1"], parse_floor),
        ("floor: inflate only, 2 threads", "fl2", [floor_bin, path, baskets_txt, "2"], parse_floor),
    ]
    if have_libdeflate:
        impls += [
            ("floor, libdeflate (reference), 1 thread", "fld1", [floor_ld_bin, path, baskets_txt, "1"], parse_floor),
            ("floor, libdeflate (reference), 2 threads", "fld2", [floor_ld_bin, path, baskets_txt, "2"], parse_floor),
        ]
    floor_keys = [key for _, key, _, _ in impls if key.startswith("fl")]

    # Correctness first: one untimed run of each (also warms the page cache), everything must agree.
    print("checking that all implementations agree ...", flush=True)
    outputs = {}
    for label, key, cmd, parse in impls:
        out, _, _ = timed(cmd)
        outputs[key] = parse(out)
    ref = outputs["ok1"]
    problems = []
    for key in ["ok2", "up", "rdf1", "rdf2"]:
        o = outputs[key]
        if o["cutflow"] != ref["cutflow"]:
            problems.append(f"cut flow: {key} {o['cutflow']} != OpenKey {ref['cutflow']}")
        if o["hist"] != ref["hist"]:
            diff = [(i, a, b) for i, (a, b) in enumerate(zip(o["hist"], ref["hist"])) if a != b]
            problems.append(f"histogram bins (bin, {key}, OpenKey): {diff[:10]}")
        if abs(o["mean"] - ref["mean"]) > 1e-9 * abs(ref["mean"]):
            problems.append(f"mean: {key} {o['mean']!r} != OpenKey {ref['mean']!r}")
    for key in floor_keys:
        o = outputs[key]
        for field in ["baskets", "compressed", "uncompressed"]:
            if o[field] != expected_floor[field]:
                problems.append(f"floor {key}: {field} {o[field]} != {expected_floor[field]} from the basket headers")
    if problems:
        fail("implementations disagree:\n  " + "\n  ".join(problems))
    n_events = ref["cutflow"][0]
    print(f"  agree: cut flow {ref['cutflow']}, histogram {sum(ref['hist'])} entries in range, "
          f"mean {ref['mean']:.6f}; floor inflates {expected_floor['baskets']} baskets, "
          f"{expected_floor['compressed'] / 1e6:.1f} MB -> {expected_floor['uncompressed'] / 1e6:.1f} MB", flush=True)

    # Timing.
    stats = {}
    for label, key, cmd, parse in impls:
        walls, inproc, rss, loops = [], [], [], []
        for _ in range(args.repeats):
            out, wall, mb = timed(cmd)
            o = parse(out)
            if key in floor_keys:
                if o["uncompressed"] != expected_floor["uncompressed"]:
                    fail(f"{label}: output changed between runs")
            elif o["cutflow"] != ref["cutflow"] or o["hist"] != ref["hist"]:
                fail(f"{label}: output changed between runs")
            walls.append(wall)
            inproc.append(o.get("seconds", wall))
            rss.append(mb)
            if "loop" in o:
                loops.append(o["loop"])
        stats[key] = {"label": label, "wall": walls, "inproc": inproc, "rss": max(rss), "loop": loops}
        print(f"  {label:<34} wall median {statistics.median(walls):7.3f} s", flush=True)

    cpus, nproc, model = machine()
    med = lambda key, what="wall": statistics.median(stats[key][what])
    lines = []
    lines.append("# Engine benchmark: Z-mass analysis, OpenKey against its anchors")
    lines.append("")
    lines.append("Generated by `bench/engine/run.py` (`make bench`); do not edit.")
    lines.append("")
    lines.append(f"- Machine: {model}, nproc = {nproc}; {platform.system()} {platform.release()}; "
                 f"Python {platform.python_version()}")
    lines.append(f"- Sample: {n_events:,} events, ATLAS Open Data schema tree `mini` (synthetic), zlib level 1 "
                 f"(setting 101), {size_mb:.1f} MB; the analysis reads {len(BRANCHES)} branches "
                 f"({expected_floor['baskets']} baskets, {expected_floor['compressed'] / 1e6:.1f} MB compressed, "
                 f"{expected_floor['uncompressed'] / 1e6:.1f} MB inflated). Page cache warm (one untimed run first).")
    lines.append(f"- Analysis: `bench/engine/zmass_bench.ana` (the filters, `mll` and histogram of "
                 f"`bench/zmass_root.ana`, one unweighted sample). Cut flow {ref['cutflow']}, "
                 f"mean m_ll {ref['mean']:.6f} GeV; all implementations agree exactly on the cut flow and the "
                 f"30 bin counts (checked before timing).")
    lines.append(f"- {args.repeats} timed runs each; wall = whole process (incl. interpreter start-up and imports "
                 f"for the Python ones), analysis = in-process time from opening the file to the result "
                 f"(RDataFrame's includes declaring the graph and JIT compilation); event loop = RDataFrame's own "
                 f"event-loop time from its RDF log (excludes JIT); peak RSS from `/usr/bin/time -v`.")
    lines.append("")
    lines.append("| implementation | wall median [s] | wall min–max [s] | analysis median [s] | analysis min–max [s] "
                 "| event loop median [s] | events/s (analysis) | peak RSS [MB] |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, key, _, _ in impls:
        s = stats[key]
        a = statistics.median(s["inproc"])
        loop_text = f"{statistics.median(s['loop']):.3f}" if s["loop"] else "—"
        lines.append(f"| {label} | {statistics.median(s['wall']):.3f} | {min(s['wall']):.3f}–{max(s['wall']):.3f} "
                     f"| {a:.3f} | {min(s['inproc']):.3f}–{max(s['inproc']):.3f} "
                     f"| {loop_text} | {n_events / a / 1e6:.2f} M "
                     f"| {s['rss']:.0f} |")
    lines.append("")
    lines.append("Ratios (OpenKey time / other time, medians; > 1 means OpenKey is slower):")
    lines.append("")
    lines.append("| ratio | by analysis time | by process wall time |")
    lines.append("|---|---:|---:|")
    for a, b, name in ([("ok1", "up", "OpenKey (1 thread) / uproot"),
                       ("ok2", "up", "OpenKey (2 threads) / uproot"),
                       ("ok1", "rdf1", "OpenKey / RDataFrame, 1 thread"),
                       ("ok2", "rdf2", "OpenKey / RDataFrame, 2 threads"),
                       ("ok1", "fl1", "OpenKey / floor, 1 thread"),
                       ("ok2", "fl2", "OpenKey / floor, 2 threads")]
                      + ([("ok1", "fld1", "OpenKey / libdeflate floor (reference), 1 thread"),
                          ("ok2", "fld2", "OpenKey / libdeflate floor (reference), 2 threads")] if have_libdeflate else [])):
        lines.append(f"| {name} | {med(a, 'inproc') / med(b, 'inproc'):.2f} | {med(a) / med(b):.2f} |")
    for a, b, name in [("ok1", "rdf1", "OpenKey (whole process) / RDataFrame event loop only, 1 thread"),
                       ("ok2", "rdf2", "OpenKey (whole process) / RDataFrame event loop only, 2 threads")]:
        lines.append(f"| {name} | {med(a, 'inproc') / med(b, 'loop'):.2f} | — |")
    lines.append("")
    text = "\n".join(lines)
    with open(RESULTS, "w") as f:
        f.write(text)
    print()
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
