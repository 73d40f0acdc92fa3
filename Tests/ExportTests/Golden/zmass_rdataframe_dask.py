#!/usr/bin/env python3
"""zmass.ana as a ROOT RDataFrame program, distributed with Dask.

Exported by OpenKey (openkey export --to rdataframe). The selection is the one of the .ana file, step by step:
each filter is a Filter (counted for the cut flow), each define a Define, each histogram a Histo1D filled
with the sample's event weight. All samples run together; the script prints the cut flow and, with --json,
writes every number in OpenKey's result format so the two can be compared.
Units: the ATLAS Open Data files store energies and momenta in MeV; dividing by 1000 gives GeV.
Undefined values (the third lepton of a two-lepton event, 0/0) are NaN, as in OpenKey, and fail every cut.

Run:   python3 THIS_FILE DATA_FOLDER [--scheduler tcp://HOST:8786] [--json results.json]
       (without --scheduler it starts a local Dask cluster with 2 workers)
Needs: ROOT 6.32 or newer with its distributed module, dask and distributed (pip install root dask distributed)
"""
import argparse
import csv
import gzip
import json
import math
import tempfile
from array import array
from pathlib import Path

import ROOT
from dask.distributed import Client, LocalCluster

ANALYSIS = "zmass.ana"
LUMINOSITY = None  # fb^-1

# Each sample: its file (relative to the data folder), tree, role, legend and event weight (a C++ expression).
SAMPLES = [
    {"name": "data", "file": "data/leptons.csv", "tree": "events", "role": "data", "label": "data", "color": None,
     "weight": "1.0"},
    {"name": "zjets", "file": "data/leptons_mc.csv", "tree": "events", "role": "background", "label": "Z+jets", "color": None,
     "weight": "mcWeight * 2.0"},
]


def regular_edges(n, low, high):
    return [low + (high - low) * i / n for i in range(n + 1)]


HISTOGRAMS = [
    {"name": "mll", "title": "Dilepton mass", "xlabel": "m_ll [GeV]", "ylabel": None, "log": False,
     "bins": (10, 0, 200), "edges": regular_edges(10, 0, 200)},
]

# C++ helpers the expressions below call, keeping OpenKey's meaning of the analysis language.
CPP_HELPERS = r"""
#ifndef OPENKEY_AT
#define OPENKEY_AT
// Element i of an event's list (negative i counts from the end), or NaN when the event has too few.
template <typename T> double at(const ROOT::RVec<T>& v, double i) {
    const long n = v.size();
    if (!std::isfinite(i) || i != std::floor(i)) return std::numeric_limits<double>::quiet_NaN();
    const long k = i < 0 ? n + long(i) : long(i);
    return k >= 0 && k < n ? double(v[k]) : std::numeric_limits<double>::quiet_NaN();
}
#endif
#ifndef OPENKEY_SUBLIST
#define OPENKEY_SUBLIST
// Elements lo..hi-1 of an event's list, with Python's rules (negative bounds count from the end, clamped).
template <typename T> ROOT::RVec<double> sublist(const ROOT::RVec<T>& v, double lo, double hi) {
    const long n = v.size();
    auto clamp = [n](double x) { long i = long(std::floor(x)); if (i < 0) i += n; return std::min(n, std::max(0L, i)); };
    const long a = std::isfinite(lo) ? clamp(lo) : 0, b = std::isfinite(hi) ? clamp(hi) : n;
    ROOT::RVec<double> out;
    for (long i = a; i < b; ++i) out.push_back(double(v[i]));
    return out;
}
#endif
#ifndef OPENKEY_DIFFER
#define OPENKEY_DIFFER
// "a != b" where an undefined value (NaN) never counts as different.
template <typename A, typename B> auto differ(const A& a, const B& b) { return a != b && a == a && b == b; }
#endif
#ifndef OPENKEY_SUMP4
#define OPENKEY_SUMP4
// The sum of an event's four-vectors, given as lists of (pT, eta, phi, E), in double precision.
template <typename A, typename B, typename C, typename D>
ROOT::Math::PxPyPzEVector sum_p4(const ROOT::RVec<A>& pt, const ROOT::RVec<B>& eta, const ROOT::RVec<C>& phi, const ROOT::RVec<D>& e) {
    double px = 0, py = 0, pz = 0, energy = 0;
    for (std::size_t i = 0; i < pt.size(); ++i) {
        const double p = pt[i], h = eta[i], f = phi[i];
        px += p * std::cos(f); py += p * std::sin(f); pz += p * std::sinh(h); energy += e[i];
    }
    return ROOT::Math::PxPyPzEVector(px, py, pz, energy);
}
#endif
"""


def declare_cpp_helpers():
    if CPP_HELPERS:
        ROOT.gInterpreter.Declare(CPP_HELPERS)


def book_step(df, name):
    """One line of the cut flow: events, sum of weights and sum of squared weights after a selection step."""
    return {"name": name, "events": df.Count(), "sumw": df.Sum("weight"), "sumw2": df.Sum("weight2")}


def book_histogram(df, column, spec):
    """A weighted histogram; a list column fills once per element, with its event's weight."""
    if spec["bins"]:
        model = ROOT.RDF.TH1DModel(spec["name"], spec["title"], *spec["bins"])
    else:
        model = ROOT.RDF.TH1DModel(spec["name"], spec["title"], len(spec["edges"]) - 1, array("d", spec["edges"]))
    return df.Histo1D(model, column, "weight")


def book_report(df, column, k):
    """The sums a reported number is made of (count, mean, sum, std, min or max of a column)."""
    if column is None:
        return {"events": df.Count(), "sumw": df.Sum("weight"), "sumwx": 0.0, "sumwx2": 0.0, "min": math.nan, "max": math.nan}
    wx = df.Define(f"wx_{k}", f"weight * {column}").Define(f"wx2_{k}", f"weight * {column} * {column}")
    return {"events": df.Count(), "sumw": df.Sum("weight"), "sumwx": wx.Sum(f"wx_{k}"), "sumwx2": wx.Sum(f"wx2_{k}"),
            "min": df.Min(column), "max": df.Max(column)}


def handles_of(booked):
    """Every booked result of one sample, to run them in one event loop."""
    handles = [step[key] for step in booked["cutflow"] for key in ("events", "sumw", "sumw2")] + booked["histograms"]
    return handles + [item for _, _, sums in booked["reports"] for item in sums.values() if hasattr(item, "GetValue")]


def value(x):
    return x.GetValue() if hasattr(x, "GetValue") else x


def histogram_result(booked):
    h = booked.GetValue()
    n = h.GetNbinsX()
    return {"name": h.GetName(),
            "sumw": [h.GetBinContent(i) for i in range(1, n + 1)], "sumw2": [h.GetBinError(i) ** 2 for i in range(1, n + 1)],
            "underflow": h.GetBinContent(0), "underflow2": h.GetBinError(0) ** 2,
            "overflow": h.GetBinContent(n + 1), "overflow2": h.GetBinError(n + 1) ** 2}


def sample_result(sample, booked):
    """Reads the booked results of one sample (after the event loop ran)."""
    reports = []
    for name, aggregate, sums in booked["reports"]:
        sums = {key: value(item) for key, item in sums.items()}
        reports.append({"name": name, "aggregate": aggregate, "value": report_value(aggregate, sums), "events": sums["events"]})
    return {"name": sample["name"], "label": sample["label"], "role": sample["role"], "color": sample["color"],
            "cutflow": [{key: value(item) for key, item in step.items()} for step in booked["cutflow"]],
            "histograms": [histogram_result(h) for h in booked["histograms"]], "reports": reports}

def book(df, weight):
    """Books the analysis on one sample's dataframe. Nothing runs until a result is read."""
    df = df.Define("weight", weight).Define("weight2", "weight * weight")
    cutflow = [book_step(df, "all events")]
    histograms, reports = [], []

    # filter lep_n == 2                          as "two leptons"
    df = df.Filter("lep_n == 2", "two leptons")
    cutflow.append(book_step(df, "two leptons"))

    # filter lep_charge[0] != lep_charge[1]      as "opposite charge"
    df = df.Filter("differ(at(lep_charge, 0), at(lep_charge, 1))", "opposite charge")
    cutflow.append(book_step(df, "opposite charge"))

    # filter lep_type[0] == lep_type[1]          as "same flavour"
    df = df.Filter("at(lep_type, 0) == at(lep_type, 1)", "same flavour")
    cutflow.append(book_step(df, "same flavour"))

    # define mll = mass(lep_pt[0:2] / 1000, lep_eta[0:2], lep_phi[0:2], lep_E[0:2] / 1000)
    df = df.Define("mll", "sum_p4(sublist(lep_pt, 0, 2) / 1000, sublist(lep_eta, 0, 2), sublist(lep_phi, 0, 2), sublist(lep_E, 0, 2) / 1000).M()")

    # histogram mll bins 10 from 0 to 200 title "Dilepton mass" xlabel "m_ll [GeV]"
    histograms.append(book_histogram(df, "mll", HISTOGRAMS[0]))

    # report mean(mll) as "mean mass"
    reports.append(("mean mass", "mean", book_report(df, "mll", 1)))

    # report count() as "selected"
    reports.append(("selected", "count", book_report(df, None, 2)))
    return {"cutflow": cutflow, "histograms": histograms, "reports": reports}


def report_value(aggregate, s):
    """A reported number from the sums over the events where the value is defined (NaN when there are none)."""
    if aggregate == "count":
        return s["events"]
    if aggregate == "sum":
        return s["sumwx"]
    if s["events"] == 0:
        return math.nan
    if aggregate in ("min", "max"):
        return s[aggregate]
    if s["sumw"] == 0:
        return math.nan
    mean = s["sumwx"] / s["sumw"]
    if aggregate == "mean":
        return mean
    return math.sqrt(max(0.0, s["sumwx2"] / s["sumw"] - mean * mean))  # std


def json_number(x):
    """JSON has no NaN or infinity: OpenKey writes them as the strings "nan", "inf" and "-inf"."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return int(x) if x.is_integer() and abs(x) < 1e15 else x


def as_json(value):
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json(item) for item in value]
    if isinstance(value, (str, bool)) or value is None:
        return value
    return json_number(value)


def print_cutflow(results):
    """The cut flow of every sample: events, and the expected (weighted) events of simulated samples."""
    for sample in results:
        print(f"{sample['label']} ({sample['name']})")
        for step in sample["cutflow"]:
            weighted = "" if step["sumw"] == step["events"] else f"  ({step['sumw']:.6g} expected)"
            print(f"  {step['name']:<32} {step['events']:>10}{weighted}")
        for report in sample["reports"]:
            print(f"  {report['name']}: {report['value']:.6g}")


def write_json(path, results, exported_by):
    document = {
        "schema": "openkey-analysis-result", "version": 1, "analysis": ANALYSIS, "luminosity": LUMINOSITY,
        "exported-by": exported_by,
        "histograms": [{key: spec[key] for key in ("name", "title", "xlabel", "ylabel", "log", "edges")} for spec in HISTOGRAMS],
        "samples": results,
    }
    with open(path, "w", encoding="utf-8") as out:
        json.dump(as_json(document), out, indent=2, ensure_ascii=False)
        out.write("\n")

def read_openkey_csv(path):
    """Columns of one of OpenKey's CSV files: {name: (kind, is_list, values)}; every number in double precision."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as f:
        rows = [row for row in csv.reader(line for line in f if line.strip() and not line.lstrip().startswith("#"))]
    columns = {}
    for cell in rows[0]:
        name, _, kind = cell.strip().partition(":")
        is_list = name.endswith("[]")
        columns[name[:-2] if is_list else name] = (kind.strip() or "float", is_list, [])

    def value(text, kind):
        text = text.strip()
        if kind == "bool":
            return text.lower() in ("1", "true")
        return float(text) if text else math.nan

    for row in rows[1:]:
        for (name, (kind, is_list, values)), cell in zip(columns.items(), row):
            values.append([value(v, kind) for v in cell.split(";") if v.strip()] if is_list else value(cell, kind))
    return columns

def csv_to_root(path, tree_name):
    """Copies one of OpenKey's CSV files into a ROOT file (in a temporary folder), for RDataFrame."""
    columns = read_openkey_csv(path)
    out = Path(tempfile.mkdtemp(prefix="openkey-")) / (Path(path).name.split(".")[0] + ".root")
    f = ROOT.TFile(str(out), "RECREATE")
    tree = ROOT.TTree(tree_name, Path(path).name)
    buffers = {}
    for name, (kind, is_list, _) in columns.items():
        if is_list:
            buffers[name] = ROOT.std.vector[{"int": "int", "bool": "int"}.get(kind, "double")]()
            tree.Branch(name, buffers[name])
        else:
            code = {"int": ("i", "I"), "bool": ("b", "O")}.get(kind, ("d", "D"))
            buffers[name] = array(code[0], [0])
            tree.Branch(name, buffers[name], f"{name}/{code[1]}")
    rows = len(next(iter(columns.values()))[2]) if columns else 0
    for i in range(rows):
        for name, (kind, is_list, values) in columns.items():
            if is_list:
                buffers[name].clear()
                for v in values[i]:
                    buffers[name].push_back(int(v) if kind in ("int", "bool") else v)
            else:
                buffers[name][0] = int(values[i]) if kind in ("int", "bool") else values[i]
        tree.Fill()
    tree.Write()
    f.Close()
    return out

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parent), help="folder the sample files are in")
    parser.add_argument("--json", help="also write the results to this file, in OpenKey's result format")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--partitions", type=int, default=2, help="pieces each sample is split into")
    args = parser.parse_args()
    data = Path(args.data)

    client = Client(args.scheduler) if args.scheduler else Client(LocalCluster(n_workers=2, threads_per_worker=1))
    # Every worker needs the C++ helpers before it runs its part of the graph.
    ROOT.RDF.Experimental.Distributed.initialize(declare_cpp_helpers)  # also declares them here
    booked = []
    for sample in SAMPLES:
        path = data / sample["file"]
        if path.suffix in (".csv", ".gz"):
            path = csv_to_root(path, sample["tree"])  # RDataFrame's CSV reader has no list columns
        df = ROOT.RDataFrame(sample["tree"], [str(path)], executor=client, npartitions=args.partitions)
        booked.append(book(df, sample["weight"]))

    # One event loop per sample, all run at once.
    handles = [h for b in booked for h in handles_of(b)]
    ROOT.RDF.Experimental.Distributed.RunGraphs(handles)
    results = [sample_result(sample, b) for sample, b in zip(SAMPLES, booked)]
    print_cutflow(results)
    if args.json:
        write_json(args.json, results, "rdataframe-dask")


if __name__ == "__main__":
    main()
