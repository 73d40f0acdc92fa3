import Analysis

/// Python shared by the exported scripts: turning the sums into OpenKey's numbers, printing the cut flow and
/// writing the result as JSON in OpenKey's schema (`openkey run --json`), so the two can be compared.
enum PythonResultCode {
    static let text = """
    def report_value(aggregate, s):
        \"\"\"A reported number from the sums over the events where the value is defined (NaN when there are none).\"\"\"
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
        \"\"\"JSON has no NaN or infinity: OpenKey writes them as the strings "nan", "inf" and "-inf".\"\"\"
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
        \"\"\"The cut flow of every sample: events, and the expected (weighted) events of simulated samples.\"\"\"
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
            out.write("\\n")
    """

    /// The histogram specifications as a Python list.
    static func histogramSpecs(_ histograms: [(name: String, title: String, xLabel: String, yLabel: String?, logY: Bool, edges: [Double], regular: Bool)]) -> String {
        var out = "HISTOGRAMS = [\n"
        for h in histograms {
            let edges: String
            if h.regular, let first = h.edges.first, let last = h.edges.last {
                edges = "\"bins\": (\(h.edges.count - 1), \(PythonExpression.literal(first)), \(PythonExpression.literal(last))), \"edges\": regular_edges(\(h.edges.count - 1), \(PythonExpression.literal(first)), \(PythonExpression.literal(last)))"
            } else {
                edges = "\"bins\": None, \"edges\": [\(h.edges.map(PythonExpression.literal).joined(separator: ", "))]"
            }
            out += "    {\"name\": \(quote(h.name)), \"title\": \(quote(h.title)), \"xlabel\": \(quote(h.xLabel)), "
            out += "\"ylabel\": \(h.yLabel.map(quote) ?? "None"), \"log\": \(h.logY ? "True" : "False"),\n     \(edges)},\n"
        }
        return out + "]"
    }

    /// A Python string literal (JSON's string syntax is valid Python).
    static func quote(_ s: String) -> String { ResultJSON.quoteString(s) }

    /// OpenKey's CSV files in Python: comment lines start with #, the header names the columns (`name[]` for a list,
    /// `:int`/`:bool` for the kind), list values are separated by `;`.
    static let csvReader = """
    def read_openkey_csv(path):
        \"\"\"Columns of one of OpenKey's CSV files: {name: (kind, is_list, values)}; every number in double precision.\"\"\"
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
    """
}
