import Analysis
import Diagnostics

/// Writes an analysis as a Python program on ROOT's RDataFrame: one dataframe per sample, `Filter` per cut (each
/// counted for the cut flow), `Define` per define, `Histo1D` per histogram, all run together by `RunGraphs`;
/// optionally on ROOT's distributed backend (Dask or Spark).
struct RDataFrameScript {
    let model: ExportModel
    let sourceLines: [String]
    let distributed: ExportTarget.DistributedBackend?

    func write() throws(Diagnostic) -> String {
        var cpp = CppExpression(model: model)
        let weight = model.weightColumn
        var body: [String] = []
        func line(_ s: String = "") { body.append(s.isEmpty ? "" : "    " + s) }
        func quote(_ s: String) -> String { PythonResultCode.quote(s) }

        // Sample weights, in C++.
        var weights: [String: String] = [:]
        for sample in model.program.samples {
            if let w = sample.weight { weights[sample.name] = try cpp.translate(w).text } else { weights[sample.name] = "1.0" }
        }
        if cpp.usesLuminosity {
            line("df = df.Define(\"lumi\", \(quote(CppExpression.literal(model.program.luminosity ?? 0, asDouble: true))))  # the luminosity, in fb^-1")
        }
        line("df = df.Define(\(quote(weight)), weight).Define(\(quote(weight + "2")), \(quote("\(weight) * \(weight)")))")
        line("cutflow = [book_step(df, \"all events\")]")
        line("histograms, reports = [], []")
        var histogramIndex = 0, reportIndex = 0
        var usedColumns = Set(model.defines.keys)
        for sample in model.program.samples { usedColumns.formUnion((model.schemas[sample.name] ?? []).map(\.name)) }
        func freshColumn(_ base: String) -> String {
            var name = base, k = 2
            while usedColumns.contains(name) { name = "\(base)_\(k)"; k += 1 }
            usedColumns.insert(name)
            return name
        }
        for statement in model.program.statements {
            line()
            line(comment(statement))
            switch statement {
            case let .filter(condition, name, _):
                let code = cpp.truth(try cpp.translate(condition))
                line("df = df.Filter(\(quote(code.text)), \(quote(name)))")
                line("cutflow.append(book_step(df, \(quote(name))))")
            case let .define(name, expr, _):
                let code = try cpp.translate(expr)
                cpp.define(name, as: code)
                line("df = df.Define(\(quote(name)), \(quote(code.text)))")
            case let .histogram(decl):
                var column: String
                var source = "df"
                if case let .name(n, _) = decl.expr {
                    column = n
                } else {
                    column = freshColumn(decl.name)
                    let code = try cpp.translate(decl.expr)
                    line("values = df.Define(\(quote(column)), \(quote(code.text)))")
                    source = "values"
                }
                if model.mayBeNaN(decl.expr) {
                    if model.isList(decl.expr) {
                        let defined = freshColumn(column + "_defined")
                        line("# NaN elements (undefined values) are left out, as in OpenKey")
                        line("values = \(source).Define(\(quote(defined)), \(quote("\(column)[\(column) == \(column)]")))")
                        column = defined
                    } else {
                        line("# events where the value is undefined (NaN) are left out, as in OpenKey")
                        line("values = \(source).Filter(\(quote("!std::isnan(\(column))")))")
                    }
                    source = "values"
                }
                line("histograms.append(book_histogram(\(source), \(quote(column)), HISTOGRAMS[\(histogramIndex)]))")
                histogramIndex += 1
            case let .report(aggregate, argument, name, _):
                if let argument {
                    var column: String
                    var source = "df"
                    if case let .name(n, _) = argument {
                        column = n
                    } else {
                        column = freshColumn("report_\(reportIndex + 1)")
                        line("values = df.Define(\(quote(column)), \(quote(try cpp.translate(argument).text)))")
                        source = "values"
                    }
                    if model.mayBeNaN(argument) {
                        line("values = \(source).Filter(\(quote("!std::isnan(\(column))")))  # only events where the value is defined")
                        source = "values"
                    }
                    line("reports.append((\(quote(name)), \(quote(aggregate.rawValue)), book_report(\(source), \(quote(column)), \(reportIndex + 1))))")
                } else {
                    line("reports.append((\(quote(name)), \(quote(aggregate.rawValue)), book_report(df, None, \(reportIndex + 1))))")
                }
                reportIndex += 1
            }
        }
        line("return {\"cutflow\": cutflow, \"histograms\": histograms, \"reports\": reports}")

        var out = header()
        out += "import ROOT\n"
        switch distributed {
        case .dask?: out += "from dask.distributed import Client, LocalCluster\n"
        case .spark?: out += "from pyspark import SparkConf, SparkContext\n"
        case nil: break
        }
        out += "\n" + constants(weights: weights) + "\n\n"
        out += cppHelpers(cpp.helpers) + "\n\n\n"
        out += "def declare_cpp_helpers():\n    if CPP_HELPERS:\n        ROOT.gInterpreter.Declare(CPP_HELPERS)\n\n\n"
        out += bookingHelpers(weight: weight) + "\n\n"
        out += "def book(df, weight):\n"
        out += "    \"\"\"Books the analysis on one sample's dataframe. Nothing runs until a result is read.\"\"\"\n"
        out += body.joined(separator: "\n") + "\n\n\n"
        out += PythonResultCode.text + "\n\n"
        if model.program.samples.contains(where: ExportModel.isCSV) { out += csvToROOT + "\n\n" }
        out += main()
        return out
    }

    private func comment(_ statement: Statement) -> String { ExportModel.comment(statement, lines: sourceLines, marker: "#") }

    private func header() -> String {
        let file = model.analysisName
        let usesMeV = sourceLines.contains { $0.contains("/ 1000") || $0.contains("/1000") }
        var doc = "\"\"\"\(file) as a ROOT RDataFrame program"
        switch distributed {
        case .dask?: doc += ", distributed with Dask.\n"
        case .spark?: doc += ", distributed with Spark.\n"
        case nil: doc += ".\n"
        }
        doc += """

        Exported by OpenKey (openkey export --to rdataframe). The selection is the one of the .ana file, step by step:
        each filter is a Filter (counted for the cut flow), each define a Define, each histogram a Histo1D filled
        with the sample's event weight. All samples run together; the script prints the cut flow and, with --json,
        writes every number in OpenKey's result format so the two can be compared.

        """
        if usesMeV { doc += "Units: the ATLAS Open Data files store energies and momenta in MeV; dividing by 1000 gives GeV.\n" }
        doc += "Undefined values (the third lepton of a two-lepton event, 0/0) are NaN, as in OpenKey, and fail every cut.\n\n"
        switch distributed {
        case .dask?:
            doc += "Run:   python3 THIS_FILE DATA_FOLDER [--scheduler tcp://HOST:8786] [--json results.json]\n"
            doc += "       (without --scheduler it starts a local Dask cluster with 2 workers)\n"
            doc += "Needs: ROOT 6.32 or newer with its distributed module, dask and distributed (pip install root dask distributed)\n"
        case .spark?:
            doc += "Run:   python3 THIS_FILE DATA_FOLDER [--master spark://HOST:7077] [--json results.json]\n"
            doc += "       (without --master it runs Spark locally on 2 cores)\n"
            doc += "Needs: ROOT 6.32 or newer with its distributed module and pyspark (pip install root pyspark; Java)\n"
        case nil:
            doc += "Run:   python3 THIS_FILE DATA_FOLDER [--json results.json]\n"
            doc += "Needs: ROOT 6.30 or newer (pip install root, or conda install -c conda-forge root)\n"
        }
        doc += "\"\"\"\n"
        let csv = model.program.samples.contains(where: ExportModel.isCSV)
        let modules = ["argparse"] + (csv ? ["csv", "gzip"] : []) + ["json", "math"] + (csv ? ["tempfile"] : [])
        let imports = modules.map { "import \($0)\n" }.joined() + "from array import array\nfrom pathlib import Path\n"
        return "#!/usr/bin/env python3\n" + doc + imports + "\n"
    }

    private func constants(weights: [String: String]) -> String {
        var out = "ANALYSIS = \(PythonResultCode.quote(model.analysisName))\n"
        out += "LUMINOSITY = \(model.program.luminosity.map(PythonExpression.literal) ?? "None")  # fb^-1\n\n"
        out += "# Each sample: its file (relative to the data folder), tree, role, legend and event weight (a C++ expression).\n"
        out += "SAMPLES = [\n"
        for s in model.program.samples {
            let tree = ExportModel.isCSV(s) ? "events" : (s.tree ?? "mini")
            out += "    {\"name\": \(PythonResultCode.quote(s.name)), \"file\": \(PythonResultCode.quote(s.path)), \"tree\": \(PythonResultCode.quote(tree)), "
            out += "\"role\": \(PythonResultCode.quote(s.role.rawValue)), \"label\": \(PythonResultCode.quote(s.label)), "
            out += "\"color\": \(s.color.map(PythonResultCode.quote) ?? "None"),\n     \"weight\": \(PythonResultCode.quote(weights[s.name] ?? "1.0"))},\n"
        }
        out += "]\n\n\n"
        out += "def regular_edges(n, low, high):\n    return [low + (high - low) * i / n for i in range(n + 1)]\n\n\n"
        out += PythonResultCode.histogramSpecs(model.histogramInfo)
        return out
    }

    private func cppHelpers(_ helpers: Set<CppHelper>) -> String {
        guard !helpers.isEmpty else { return "CPP_HELPERS = \"\"\n" }
        var out = "# C++ helpers the expressions below call, keeping OpenKey's meaning of the analysis language.\n"
        out += "CPP_HELPERS = r\"\"\"\n"
        for helper in helpers.sorted() { out += helper.source + "\n" }
        return out + "\"\"\""
    }

    private func bookingHelpers(weight: String) -> String {
        """
        def book_step(df, name):
            \"\"\"One line of the cut flow: events, sum of weights and sum of squared weights after a selection step.\"\"\"
            return {"name": name, "events": df.Count(), "sumw": df.Sum("\(weight)"), "sumw2": df.Sum("\(weight)2")}


        def book_histogram(df, column, spec):
            \"\"\"A weighted histogram; a list column fills once per element, with its event's weight.\"\"\"
            if spec["bins"]:
                model = ROOT.RDF.TH1DModel(spec["name"], spec["title"], *spec["bins"])
            else:
                model = ROOT.RDF.TH1DModel(spec["name"], spec["title"], len(spec["edges"]) - 1, array("d", spec["edges"]))
            return df.Histo1D(model, column, "\(weight)")


        def book_report(df, column, k):
            \"\"\"The sums a reported number is made of (count, mean, sum, std, min or max of a column).\"\"\"
            if column is None:
                return {"events": df.Count(), "sumw": df.Sum("\(weight)"), "sumwx": 0.0, "sumwx2": 0.0, "min": math.nan, "max": math.nan}
            wx = df.Define(f"wx_{k}", f"\(weight) * {column}").Define(f"wx2_{k}", f"\(weight) * {column} * {column}")
            return {"events": df.Count(), "sumw": df.Sum("\(weight)"), "sumwx": wx.Sum(f"wx_{k}"), "sumwx2": wx.Sum(f"wx2_{k}"),
                    "min": df.Min(column), "max": df.Max(column)}


        def handles_of(booked):
            \"\"\"Every booked result of one sample, to run them in one event loop.\"\"\"
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
            \"\"\"Reads the booked results of one sample (after the event loop ran).\"\"\"
            reports = []
            for name, aggregate, sums in booked["reports"]:
                sums = {key: value(item) for key, item in sums.items()}
                reports.append({"name": name, "aggregate": aggregate, "value": report_value(aggregate, sums), "events": sums["events"]})
            return {"name": sample["name"], "label": sample["label"], "role": sample["role"], "color": sample["color"],
                    "cutflow": [{key: value(item) for key, item in step.items()} for step in booked["cutflow"]],
                    "histograms": [histogram_result(h) for h in booked["histograms"]], "reports": reports}
        """
    }

    private func main() -> String {
        var out = "def main():\n"
        out += "    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])\n"
        out += "    parser.add_argument(\"data\", nargs=\"?\", default=str(Path(__file__).resolve().parent), help=\"folder the sample files are in\")\n"
        out += "    parser.add_argument(\"--json\", help=\"also write the results to this file, in OpenKey's result format\")\n"
        switch distributed {
        case .dask?: out += "    parser.add_argument(\"--scheduler\", help=\"address of a running Dask scheduler (default: a local cluster)\")\n"
        case .spark?: out += "    parser.add_argument(\"--master\", default=\"local[2]\", help=\"Spark master URL (default: local[2])\")\n"
        case nil: break
        }
        if distributed != nil {
            out += "    parser.add_argument(\"--partitions\", type=int, default=2, help=\"pieces each sample is split into\")\n"
        }
        out += "    args = parser.parse_args()\n"
        out += "    data = Path(args.data)\n\n"
        switch distributed {
        case .dask?:
            out += "    client = Client(args.scheduler) if args.scheduler else Client(LocalCluster(n_workers=2, threads_per_worker=1))\n"
            out += "    # Every worker needs the C++ helpers before it runs its part of the graph.\n"
            out += "    ROOT.RDF.Experimental.Distributed.initialize(declare_cpp_helpers)  # also declares them here\n"
        case .spark?:
            out += "    client = SparkContext(conf=SparkConf().setMaster(args.master).setAppName(ANALYSIS))\n"
            out += "    ROOT.RDF.Experimental.Distributed.initialize(declare_cpp_helpers)  # also declares them here\n"
        case nil:
            out += "    declare_cpp_helpers()\n"
        }
        out += "    booked = []\n"
        out += "    for sample in SAMPLES:\n"
        let hasCSV = model.program.samples.contains(where: ExportModel.isCSV)
        out += "        path = data / sample[\"file\"]\n"
        if hasCSV {
            out += "        if path.suffix in (\".csv\", \".gz\"):\n"
            out += "            path = csv_to_root(path, sample[\"tree\"])  # RDataFrame's CSV reader has no list columns\n"
        }
        if distributed != nil {
            out += "        df = ROOT.RDataFrame(sample[\"tree\"], [str(path)], executor=client, npartitions=args.partitions)\n"
        } else {
            out += "        df = ROOT.RDataFrame(sample[\"tree\"], str(path))\n"
        }
        out += "        booked.append(book(df, sample[\"weight\"]))\n\n"
        out += "    # One event loop per sample, all run at once.\n"
        out += "    handles = [h for b in booked for h in handles_of(b)]\n"
        if distributed != nil {
            out += "    ROOT.RDF.Experimental.Distributed.RunGraphs(handles)\n"
        } else {
            out += "    ROOT.RDF.RunGraphs(handles)\n"
        }
        out += "    results = [sample_result(sample, b) for sample, b in zip(SAMPLES, booked)]\n"
        out += "    print_cutflow(results)\n"
        out += "    if args.json:\n"
        out += "        write_json(args.json, results, \(PythonResultCode.quote(distributed.map { "rdataframe-\($0.rawValue)" } ?? "rdataframe")))\n"
        out += "\n\nif __name__ == \"__main__\":\n    main()\n"
        return out
    }

    private var csvToROOT: String {
        PythonResultCode.csvReader + """


        def csv_to_root(path, tree_name):
            \"\"\"Copies one of OpenKey's CSV files into a ROOT file (in a temporary folder), for RDataFrame.\"\"\"
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
        """
    }
}

extension Statement {
    /// The line the statement starts on.
    var sourceLine: Int {
        switch self {
        case .filter(_, _, let l), .define(_, _, let l), .report(_, _, _, let l): return l.line
        case .histogram(let h): return h.location.line
        }
    }
}
