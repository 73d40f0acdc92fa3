#!/usr/bin/env python3
"""zmass.ana with uproot and awkward arrays, lazily with Dask.

Exported by OpenKey (openkey export --to uproot --dask). The events of each sample are one awkward
record array; each filter keeps the events passing it (and is counted for the cut flow), each define adds a
field, each histogram is a hist.Hist filled with the sample's event weight. The script prints the cut flow
and, with --json, writes every number in OpenKey's result format so the two can be compared.

Nothing is read until dask.compute() at the end: uproot.dask splits each file into pieces that the workers
of a Dask cluster process in parallel.

Units: the ATLAS Open Data files store energies and momenta in MeV; dividing by 1000 gives GeV.
Undefined values (the third lepton of a two-lepton event, 0/0) are NaN, as in OpenKey, and fail every cut.

Run:   python3 THIS_FILE DATA_FOLDER [--scheduler tcp://HOST:8786] [--json results.json]
       (without --scheduler it starts a local Dask cluster with 2 workers)
Needs: pip install uproot awkward dask-awkward vector hist dask-histogram distributed
"""
import argparse
import csv
import gzip
import json
import math
from pathlib import Path

import awkward as ak
import dask
import dask_awkward as dak
import hist.dask
import hist
import numpy as np
import uproot
import vector.backends.awkward
from dask.distributed import Client, LocalCluster

VECTOR = vector.backends.awkward.behavior  # gives records named Momentum4D .mass, .pt, .eta, .phi
np.seterr(all="ignore")  # 0/0 and sqrt(-1) give NaN, as in OpenKey, without warnings

ANALYSIS = "zmass.ana"
LUMINOSITY = None  # fb^-1

# The branches the analysis reads (nothing else is read from the files).
BRANCHES = ["lep_n", "lep_charge", "lep_type", "lep_pt", "lep_eta", "lep_phi", "lep_E", "mcWeight"]

# Each sample: its file (relative to the data folder), tree, role, legend and event weight.
SAMPLES = [
    {"name": "data", "file": "data/leptons.csv", "tree": "mini", "role": "data", "label": "data", "color": None,
     "weight": None},
    {"name": "zjets", "file": "data/leptons_mc.csv", "tree": "mini", "role": "background", "label": "Z+jets", "color": None,
     "weight": lambda events: events.mcWeight * 2},
]


def regular_edges(n, low, high):
    return [low + (high - low) * i / n for i in range(n + 1)]


HISTOGRAMS = [
    {"name": "mll", "title": "Dilepton mass", "xlabel": "m_ll [GeV]", "ylabel": None, "log": False,
     "bins": (10, 0, 200), "edges": regular_edges(10, 0, 200)},
]


def at(lists, index):
    """Element `index` of each event's list (negative counts from the end); NaN where the event has too few."""
    n = dak.num(lists, axis=1)
    if isinstance(index, (int, float)):
        position = n + index if index < 0 else index
    else:
        position = dak.where(index < 0, n + index, index)
    picked = lists[dak.local_index(lists, axis=1) == position]
    return dak.fill_none(dak.firsts(picked), np.nan)


def differ(a, b):
    """a != b, where an undefined value (NaN) never counts as different."""
    return (a != b) & ~np.isnan(a) & ~np.isnan(b)


def sum_of_vectors(pt, eta, phi, energy):
    """The sum of each event's four-vectors, given as lists of (pT, eta, phi, E)."""
    v = dak.zip({"pt": pt, "eta": eta, "phi": phi, "E": energy}, with_name="Momentum4D", behavior=VECTOR)
    return dak.zip({"px": dak.sum(v.px, axis=1), "py": dak.sum(v.py, axis=1), "pz": dak.sum(v.pz, axis=1),
                   "E": dak.sum(v.E, axis=1)}, with_name="Momentum4D", behavior=VECTOR)


def step(name, events):
    """One line of the cut flow: events, sum of weights and sum of squared weights after a selection step."""
    weight = events.weight
    return {"name": name, "events": dak.num(events, axis=0), "sumw": dak.sum(weight), "sumw2": dak.sum(weight ** 2)}


def fill(spec, values, weight):
    """A weighted histogram; a list per event fills once per element, with its event's weight. NaN values
    (undefined) are left out, as in OpenKey."""
    if values.ndim > 1:
        weight = dak.broadcast_arrays(weight, values)[0]
        values, weight = dak.flatten(values), dak.flatten(weight)
    if spec["bins"]:
        axis = hist.axis.Regular(*spec["bins"], name=spec["name"], label=spec["xlabel"])
    else:
        axis = hist.axis.Variable(spec["edges"], name=spec["name"], label=spec["xlabel"])
    defined = ~np.isnan(values)
    h = hist.dask.Hist(axis, storage=hist.storage.Weight())
    h.fill(values[defined], weight=weight[defined])
    return h


def sums(values, weight):
    """The sums a reported number is made of, over the events where the value is defined."""
    defined = ~np.isnan(values)
    v, w = values[defined], weight[defined]
    return {"events": dak.num(v, axis=0), "sumw": dak.sum(w), "sumwx": dak.sum(w * v), "sumwx2": dak.sum(w * v * v),
            "min": dak.min(v, axis=0), "max": dak.max(v, axis=0)}


def histogram_result(spec, h):
    view = h.view(flow=True)
    return {"name": spec["name"],
            "sumw": [float(x) for x in view.value[1:-1]], "sumw2": [float(x) for x in view.variance[1:-1]],
            "underflow": float(view.value[0]), "underflow2": float(view.variance[0]),
            "overflow": float(view.value[-1]), "overflow2": float(view.variance[-1])}


def sample_result(sample, booked):
    reports = [{"name": name, "aggregate": aggregate, "value": report_value(aggregate, s), "events": s["events"]}
               for name, aggregate, s in booked["reports"]]
    return {"name": sample["name"], "label": sample["label"], "role": sample["role"], "color": sample["color"],
            "cutflow": booked["cutflow"],
            "histograms": [histogram_result(spec, h) for spec, h in zip(HISTOGRAMS, booked["histograms"])],
            "reports": reports}


def analyse(events, weight):
    """The analysis on one sample's events (a record array, one field per branch, in double precision)."""
    events["weight"] = 1.0 if weight is None else weight(events)
    cutflow = [step("all events", events)]
    histograms, reports = [], []

    # filter lep_n == 2                          as "two leptons"
    events = events[events.lep_n == 2]
    cutflow.append(step("two leptons", events))

    # filter lep_charge[0] != lep_charge[1]      as "opposite charge"
    events = events[differ(at(events.lep_charge, 0), at(events.lep_charge, 1))]
    cutflow.append(step("opposite charge", events))

    # filter lep_type[0] == lep_type[1]          as "same flavour"
    events = events[at(events.lep_type, 0) == at(events.lep_type, 1)]
    cutflow.append(step("same flavour", events))

    # define mll = mass(lep_pt[0:2] / 1000, lep_eta[0:2], lep_phi[0:2], lep_E[0:2] / 1000)
    events["mll"] = sum_of_vectors(events.lep_pt[:, 0:2] / 1000, events.lep_eta[:, 0:2], events.lep_phi[:, 0:2], events.lep_E[:, 0:2] / 1000).mass

    # histogram mll bins 10 from 0 to 200 title "Dilepton mass" xlabel "m_ll [GeV]"
    histograms.append(fill(HISTOGRAMS[0], events.mll, events.weight))

    # report mean(mll) as "mean mass"
    reports.append(("mean mass", "mean", sums(events.mll, events.weight)))

    # report count() as "selected"
    reports.append(("selected", "count", sums(0 * events.weight, events.weight)))
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

def read(path, tree, partitions):
    """The events of one sample file, every branch the analysis reads, in double precision as in OpenKey."""
    if path.suffix in (".csv", ".gz"):  # one of OpenKey's CSV files
        columns = read_openkey_csv(path)
        events = ak.zip({name: ak.Array(values) for name, (_, _, values) in columns.items() if name in BRANCHES}, depth_limit=1)
        return dak.from_awkward(ak.values_astype(events, np.float64), npartitions=partitions)
    events = uproot.dask({str(path): tree}, filter_name=BRANCHES, steps_per_file=partitions)
    return dak.values_astype(events, np.float64)



def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parent), help="folder the sample files are in")
    parser.add_argument("--json", help="also write the results to this file, in OpenKey's result format")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a local cluster)")
    parser.add_argument("--partitions", type=int, default=2, help="pieces each file is split into")
    args = parser.parse_args()
    data = Path(args.data)

    client = Client(args.scheduler) if args.scheduler else Client(LocalCluster(n_workers=2, threads_per_worker=1))
    booked = [analyse(read(data / s["file"], s["tree"], args.partitions), s["weight"]) for s in SAMPLES]
    (booked,) = dask.compute(booked)  # the whole computation runs here, on the cluster
    results = [sample_result(sample, b) for sample, b in zip(SAMPLES, booked)]
    print_cutflow(results)
    if args.json:
        write_json(args.json, results, "uproot-dask")
    client.close()


if __name__ == "__main__":
    main()
