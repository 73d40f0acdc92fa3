import Analysis
import Diagnostics

/// Writes an analysis as Python with uproot, awkward, vector and hist — or, with `dask`, the same computation built
/// lazily with uproot.dask, dask-awkward and hist.dask, so it runs on a Dask cluster.
struct UprootScript {
    let model: ExportModel
    let sourceLines: [String]
    let dask: Bool

    private var ak: String { dask ? "dak" : "ak" }

    func write() throws(Diagnostic) -> String {
        var python = PythonExpression(model: model, library: ak)
        let weight = model.weightColumn
        let weightField = PythonExpression.field(weight)
        var body: [String] = []
        func line(_ s: String = "") { body.append(s.isEmpty ? "" : "    " + s) }
        func quote(_ s: String) -> String { PythonResultCode.quote(s) }

        var weights: [String: String] = [:]
        for sample in model.program.samples {
            weights[sample.name] = try sample.weight.map { w throws(Diagnostic) in "lambda events: " + (try python.translate(w).text) } ?? "None"
        }
        line("events[\(quote(weight))] = 1.0 if weight is None else weight(events)")
        line("cutflow = [step(\"all events\", events)]")
        line("histograms, reports = [], []")
        var histogramIndex = 0
        for statement in model.program.statements {
            line()
            line(comment(statement))
            switch statement {
            case let .filter(condition, name, _):
                let code = python.truth(try python.translate(condition))
                line("events = events[\(code.text)]")
                line("cutflow.append(step(\(quote(name)), events))")
            case let .define(name, expr, _):
                line("events[\(quote(name))] = \(try python.translate(expr).text)")
            case let .histogram(decl):
                line("histograms.append(fill(HISTOGRAMS[\(histogramIndex)], \(perEvent(decl.expr, try python.translate(decl.expr).text, weightField)), \(weightField)))")
                histogramIndex += 1
            case let .report(aggregate, argument, name, _):
                let values = try argument.map { a throws(Diagnostic) in perEvent(a, try python.translate(a).text, weightField) } ?? "0 * \(weightField)"
                line("reports.append((\(quote(name)), \(quote(aggregate.rawValue)), sums(\(values), \(weightField))))")
            }
        }
        line("return {\"cutflow\": cutflow, \"histograms\": histograms, \"reports\": reports}")

        var out = header(usesVectors: python.helpers.contains(.fourVector) || python.helpers.contains(.sumOfVectors))
        out += "\n" + constants(weights: weights) + "\n\n\n"
        for helper in python.helpers.sorted() { out += helper.source(ak: ak) + "\n\n\n" }
        out += bookingHelpers(weightField: weightField) + "\n\n\n"
        out += "def analyse(events, weight):\n"
        out += "    \"\"\"The analysis on one sample's events (a record array, one field per branch, in double precision).\"\"\"\n"
        out += body.joined(separator: "\n") + "\n\n\n"
        out += PythonResultCode.text + "\n\n"
        if model.program.samples.contains(where: ExportModel.isCSV) { out += PythonResultCode.csvReader + "\n\n" }
        out += reader() + "\n\n\n" + main()
        return out
    }

    /// A constant (e.g. `sum(1)`) made into one value per event, so it can be masked and summed like a column.
    private func perEvent(_ expr: Expr, _ text: String, _ weightField: String) -> String {
        expr.names.subtracting(["lumi"]).isEmpty ? "\(text) + 0 * \(weightField)" : text
    }

    private func comment(_ statement: Statement) -> String { ExportModel.comment(statement, lines: sourceLines, marker: "#") }

    private func header(usesVectors: Bool) -> String {
        let usesMeV = sourceLines.contains { $0.contains("/ 1000") || $0.contains("/1000") }
        var doc = "#!/usr/bin/env python3\n\"\"\"\(model.analysisName) with uproot and awkward arrays\(dask ? ", lazily with Dask" : "").\n\n"
        doc += "Exported by OpenKey (openkey export --to uproot\(dask ? " --dask" : "")). The events of each sample are one awkward\n"
        doc += "record array; each filter keeps the events passing it (and is counted for the cut flow), each define adds a\n"
        doc += "field, each histogram is a hist.Hist filled with the sample's event weight. The script prints the cut flow\n"
        doc += "and, with --json, writes every number in OpenKey's result format so the two can be compared.\n\n"
        if dask {
            doc += "Nothing is read until dask.compute() at the end: uproot.dask splits each file into pieces that the workers\n"
            doc += "of a Dask cluster process in parallel.\n\n"
        }
        if usesMeV { doc += "Units: the ATLAS Open Data files store energies and momenta in MeV; dividing by 1000 gives GeV.\n" }
        doc += "Undefined values (the third lepton of a two-lepton event, 0/0) are NaN, as in OpenKey, and fail every cut.\n\n"
        if dask {
            doc += "Run:   python3 THIS_FILE DATA_FOLDER [--scheduler tcp://HOST:8786] [--json results.json]\n"
            doc += "       (without --scheduler it starts a local Dask cluster with 2 workers)\n"
            doc += "Needs: pip install uproot awkward dask-awkward vector hist dask-histogram distributed\n"
        } else {
            doc += "Run:   python3 THIS_FILE DATA_FOLDER [--json results.json]\n"
            doc += "Needs: pip install uproot awkward vector hist\n"
        }
        doc += "\"\"\"\n"
        var imports = ["import argparse", "import json", "import math", "from pathlib import Path", ""]
        if model.program.samples.contains(where: ExportModel.isCSV) { imports.insert(contentsOf: ["import csv", "import gzip"], at: 1) }
        imports += ["import awkward as ak"]
        if dask { imports += ["import dask", "import dask_awkward as dak", "import hist.dask"] }
        imports += ["import hist", "import numpy as np", "import uproot"]
        if usesVectors { imports += ["import vector.backends.awkward"] }
        if dask { imports += ["from dask.distributed import Client, LocalCluster"] }
        imports += [""]
        if usesVectors { imports += ["VECTOR = vector.backends.awkward.behavior  # gives records named Momentum4D .mass, .pt, .eta, .phi"] }
        imports += ["np.seterr(all=\"ignore\")  # 0/0 and sqrt(-1) give NaN, as in OpenKey, without warnings"]
        return doc + imports.joined(separator: "\n") + "\n"
    }

    private func constants(weights: [String: String]) -> String {
        var out = "ANALYSIS = \(PythonResultCode.quote(model.analysisName))\n"
        out += "LUMINOSITY = \(model.program.luminosity.map(PythonExpression.literal) ?? "None")  # fb^-1\n\n"
        var branches: [String] = []
        for sample in model.program.samples {
            for c in model.checked.columns[sample.name] ?? [] where !branches.contains(c) { branches.append(c) }
        }
        out += "# The branches the analysis reads (nothing else is read from the files).\n"
        out += "BRANCHES = [\(branches.map(PythonResultCode.quote).joined(separator: ", "))]\n\n"
        out += "# Each sample: its file (relative to the data folder), tree, role, legend and event weight.\n"
        out += "SAMPLES = [\n"
        for s in model.program.samples {
            out += "    {\"name\": \(PythonResultCode.quote(s.name)), \"file\": \(PythonResultCode.quote(s.path)), \"tree\": \(PythonResultCode.quote(s.tree ?? "mini")), "
            out += "\"role\": \(PythonResultCode.quote(s.role.rawValue)), \"label\": \(PythonResultCode.quote(s.label)), "
            out += "\"color\": \(s.color.map(PythonResultCode.quote) ?? "None"),\n     \"weight\": \(weights[s.name] ?? "None")},\n"
        }
        out += "]\n\n\n"
        out += "def regular_edges(n, low, high):\n    return [low + (high - low) * i / n for i in range(n + 1)]\n\n\n"
        out += PythonResultCode.histogramSpecs(model.histogramInfo)
        return out
    }

    private func bookingHelpers(weightField: String) -> String {
        let histClass = dask ? "hist.dask.Hist" : "hist.Hist"
        return """
        def step(name, events):
            \"\"\"One line of the cut flow: events, sum of weights and sum of squared weights after a selection step.\"\"\"
            weight = \(weightField)
            return {"name": name, "events": \(ak).num(events, axis=0), "sumw": \(ak).sum(weight), "sumw2": \(ak).sum(weight ** 2)}


        def fill(spec, values, weight):
            \"\"\"A weighted histogram; a list per event fills once per element, with its event's weight. NaN values
            (undefined) are left out, as in OpenKey.\"\"\"
            if values.ndim > 1:
                weight = \(ak).broadcast_arrays(weight, values)[0]
                values, weight = \(ak).flatten(values), \(ak).flatten(weight)
            if spec["bins"]:
                axis = hist.axis.Regular(*spec["bins"], name=spec["name"], label=spec["xlabel"])
            else:
                axis = hist.axis.Variable(spec["edges"], name=spec["name"], label=spec["xlabel"])
            defined = ~np.isnan(values)
            h = \(histClass)(axis, storage=hist.storage.Weight())
            h.fill(values[defined], weight=weight[defined])
            return h


        def sums(values, weight):
            \"\"\"The sums a reported number is made of, over the events where the value is defined.\"\"\"
            defined = ~np.isnan(values)
            v, w = values[defined], weight[defined]
            return {"events": \(ak).num(v, axis=0), "sumw": \(ak).sum(w), "sumwx": \(ak).sum(w * v), "sumwx2": \(ak).sum(w * v * v),
                    "min": \(ak).min(v, axis=0), "max": \(ak).max(v, axis=0)}


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
        """
    }

    private func reader() -> String {
        let hasCSV = model.program.samples.contains(where: ExportModel.isCSV)
        var out = "def read(path, tree\(dask ? ", partitions" : "")):\n"
        out += "    \"\"\"The events of one sample file, every branch the analysis reads, in double precision as in OpenKey.\"\"\"\n"
        if hasCSV {
            out += "    if path.suffix in (\".csv\", \".gz\"):  # one of OpenKey's CSV files\n"
            out += "        columns = read_openkey_csv(path)\n"
            out += "        events = ak.zip({name: ak.Array(values) for name, (_, _, values) in columns.items() if name in BRANCHES}, depth_limit=1)\n"
            out += dask ? "        return dak.from_awkward(ak.values_astype(events, np.float64), npartitions=partitions)\n"
                        : "        return ak.values_astype(events, np.float64)\n"
        }
        if dask {
            out += "    events = uproot.dask({str(path): tree}, filter_name=BRANCHES, steps_per_file=partitions)\n"
            out += "    return dak.values_astype(events, np.float64)\n"
        } else {
            out += "    with uproot.open(path) as f:\n"
            out += "        events = f[tree].arrays(BRANCHES)\n"
            out += "    return ak.values_astype(events, np.float64)\n"
        }
        return out
    }

    private func main() -> String {
        var out = "def main():\n"
        out += "    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])\n"
        out += "    parser.add_argument(\"data\", nargs=\"?\", default=str(Path(__file__).resolve().parent), help=\"folder the sample files are in\")\n"
        out += "    parser.add_argument(\"--json\", help=\"also write the results to this file, in OpenKey's result format\")\n"
        if dask {
            out += "    parser.add_argument(\"--scheduler\", help=\"address of a running Dask scheduler (default: a local cluster)\")\n"
            out += "    parser.add_argument(\"--partitions\", type=int, default=2, help=\"pieces each file is split into\")\n"
        }
        out += "    args = parser.parse_args()\n"
        out += "    data = Path(args.data)\n\n"
        if dask {
            out += "    client = Client(args.scheduler) if args.scheduler else Client(LocalCluster(n_workers=2, threads_per_worker=1))\n"
            out += "    booked = [analyse(read(data / s[\"file\"], s[\"tree\"], args.partitions), s[\"weight\"]) for s in SAMPLES]\n"
            out += "    (booked,) = dask.compute(booked)  # the whole computation runs here, on the cluster\n"
        } else {
            out += "    booked = [analyse(read(data / s[\"file\"], s[\"tree\"]), s[\"weight\"]) for s in SAMPLES]\n"
        }
        out += "    results = [sample_result(sample, b) for sample, b in zip(SAMPLES, booked)]\n"
        out += "    print_cutflow(results)\n"
        out += "    if args.json:\n"
        out += "        write_json(args.json, results, \(PythonResultCode.quote(dask ? "uproot-dask" : "uproot")))\n"
        if dask { out += "    client.close()\n" }
        out += "\n\nif __name__ == \"__main__\":\n    main()\n"
        return out
    }
}
