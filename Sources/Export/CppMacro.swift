import Analysis
import Diagnostics

/// Writes an analysis as a ROOT C++ macro on RDataFrame: one function books and runs one sample, printing its cut
/// flow and reported values and saving its histograms into `<macro>_histograms.root`.
struct CppMacro {
    let model: ExportModel
    let sourceLines: [String]
    /// ROOT runs the function named like the macro's file.
    let functionName: String

    func write() throws(Diagnostic) -> String {
        if let csv = model.program.samples.first(where: ExportModel.isCSV) {
            throw .error("export.unsupported", "the C++ macro reads ROOT files only, and sample '\(csv.name)' is a CSV file", at: csv.location,
                         hint: "export to Python instead (--to rdataframe), which converts OpenKey's CSV files for RDataFrame")
        }
        var cpp = CppExpression(model: model)
        let weight = model.weightColumn
        let function = functionName
        var body: [String] = []
        func line(_ s: String = "") { body.append(s.isEmpty ? "" : "    " + s) }
        func q(_ s: String) -> String { CppMacro.quote(s) }

        var weights: [String: String] = [:]
        for sample in model.program.samples {
            weights[sample.name] = try sample.weight.map { w throws(Diagnostic) in try cpp.translate(w).text } ?? "1.0"
        }
        line("ROOT::RDataFrame frame(tree, data + \"/\" + file);")
        if cpp.usesLuminosity {
            line("ROOT::RDF::RNode df = frame.Define(\"lumi\", \(q(CppExpression.literal(model.program.luminosity ?? 0, asDouble: true))))  // the luminosity, in fb^-1")
            line("                         .Define(\(q(weight)), weight);")
        } else {
            line("ROOT::RDF::RNode df = frame.Define(\(q(weight)), weight);")
        }
        line("std::vector<Step> cutflow{{\"all events\", df.Count(), df.Sum<double>(\(q(weight)))}};")
        line("std::vector<ROOT::RDF::RResultPtr<TH1D>> histograms;")
        line("std::vector<Report> reports;")
        var histogramIndex = 0, reportIndex = 0
        for statement in model.program.statements {
            line()
            line(comment(statement))
            switch statement {
            case let .filter(condition, name, _):
                line("df = df.Filter(\(q(cpp.truth(try cpp.translate(condition)).text)), \(q(name)));")
                line("cutflow.push_back({\(q(name)), df.Count(), df.Sum<double>(\(q(weight)))});")
            case let .define(name, expr, _):
                let code = try cpp.translate(expr)
                cpp.define(name, as: code)
                line("df = df.Define(\(q(name)), \(q(code.text)));")
            case let .histogram(decl):
                histogramIndex += 1
                let column = "histogram_\(histogramIndex)"
                var values = "df.Define(\(q(column)), \(q(try cpp.translate(decl.expr).text)))"
                var filled = column
                if model.mayBeNaN(decl.expr) {
                    // Undefined values (NaN) are left out, as in OpenKey.
                    if model.isList(decl.expr) {
                        filled = column + "_defined"
                        values += ".Define(\(q(filled)), \(q("\(column)[\(column) == \(column)]")))"
                    } else {
                        values += ".Filter(\(q("!std::isnan(\(column))")))"
                    }
                }
                let title = "\(decl.title);\(decl.xLabel);\(decl.yLabel ?? "Events")"
                let binning: String
                if ExportModel.isRegular(decl.edges), let lo = decl.edges.first, let hi = decl.edges.last {
                    binning = "\(decl.edges.count - 1), \(CppExpression.literal(lo, asDouble: true)), \(CppExpression.literal(hi, asDouble: true))"
                } else {
                    line("static const double edges_\(histogramIndex)[] = {\(decl.edges.map { CppExpression.literal($0, asDouble: true) }.joined(separator: ", "))};")
                    binning = "\(decl.edges.count - 1), edges_\(histogramIndex)"
                }
                line("histograms.push_back(\(values)")
                line("                         .Histo1D({(\(q(decl.name + "_")) + sample).c_str(), \(q(title)), \(binning)}, \(q(filled)), \(q(weight))));")
            case let .report(aggregate, argument, name, _):
                reportIndex += 1
                let column = "report_\(reportIndex)"
                let code = try argument.map { a throws(Diagnostic) in try cpp.translate(a).text } ?? "0.0"
                let nanFilter = argument.map(model.mayBeNaN) ?? false ? ".Filter(\(q("!std::isnan(\(column))")))" : ""
                line("{")
                line("    auto values = df.Define(\(q(column)), \(q("double(\(code))")))\(nanFilter)")
                line("                    .Define(\"wx\", \(q("\(weight) * \(column)"))).Define(\"wx2\", \(q("\(weight) * \(column) * \(column)")));")
                line("    reports.push_back({\(q(name)), \(q(aggregate.rawValue)), values.Count(), values.Sum<double>(\(q(weight))), values.Sum<double>(\"wx\"),")
                line("                       values.Sum<double>(\"wx2\"), values.Min<double>(\(q(column))), values.Max<double>(\(q(column)))});")
                line("}")
            }
        }
        line()
        line("std::printf(\"%s (%s)\\n\", label.c_str(), sample.c_str());")
        line("for (auto& step : cutflow)")
        line("    std::printf(\"  %-32s %10llu  %.10g\\n\", step.name.c_str(), (unsigned long long)*step.events, *step.sumw);")
        line("for (auto& r : reports) std::printf(\"  %s: %.10g\\n\", r.name.c_str(), r.value());")
        line("out.cd();")
        line("for (auto& h : histograms) h->Write();")

        var out = "// \(model.analysisName) as a ROOT C++ macro (RDataFrame).\n//\n"
        out += "// Exported by OpenKey (openkey export --to cpp). Each filter is a Filter (counted for the cut flow), each define\n"
        out += "// a Define, each histogram a Histo1D filled with the sample's event weight; undefined values (the third lepton\n"
        out += "// of a two-lepton event) are NaN, as in OpenKey, and fail every cut.\n"
        if sourceLines.contains(where: { $0.contains("/ 1000") || $0.contains("/1000") }) {
            out += "// Units: the ATLAS Open Data files store energies and momenta in MeV; dividing by 1000 gives GeV.\n"
        }
        out += "//\n// Run:  root -l -b -q '\(function).C(\"DATA_FOLDER\")'   (writes \(function)_histograms.root)\n\n"
        out += "#include <ROOT/RDataFrame.hxx>\n#include <Math/Vector4D.h>\n#include <TFile.h>\n#include <TH1D.h>\n"
        out += "#include <algorithm>\n#include <cmath>\n#include <cstdio>\n#include <limits>\n#include <string>\n#include <vector>\n\n"
        for helper in cpp.helpers.sorted() { out += helper.source + "\n" }
        out += """

        struct Step {
            std::string name;
            ROOT::RDF::RResultPtr<ULong64_t> events;
            ROOT::RDF::RResultPtr<double> sumw;
        };

        // A reported number, from sums over the events where its value is defined (not NaN).
        struct Report {
            std::string name, aggregate;
            ROOT::RDF::RResultPtr<ULong64_t> events;
            ROOT::RDF::RResultPtr<double> sumw, sumwx, sumwx2, min, max;
            double value() {
                const double nan = std::numeric_limits<double>::quiet_NaN();
                if (aggregate == "count") return double(*events);
                if (aggregate == "sum") return *sumwx;
                if (*events == 0) return nan;
                if (aggregate == "min") return *min;
                if (aggregate == "max") return *max;
                if (*sumw == 0) return nan;
                const double mean = *sumwx / *sumw;
                return aggregate == "mean" ? mean : std::sqrt(std::max(0.0, *sumwx2 / *sumw - mean * mean));
            }
        };

        // Books and runs the analysis on one sample.
        void analyse(const std::string& data, const std::string& sample, const std::string& label, const std::string& file,
                     const std::string& tree, const std::string& weight, TFile& out) {

        """
        out += body.joined(separator: "\n") + "\n}\n\n"
        out += "void \(function)(const char* data = \".\") {\n"
        out += "    TFile out(\"\(function)_histograms.root\", \"RECREATE\");\n"
        for s in model.program.samples {
            out += "    analyse(data, \(q(s.name)), \(q(s.label)), \(q(s.path)), \(q(s.tree ?? "mini")), \(q(weights[s.name] ?? "1.0")), out);\n"
        }
        out += "}\n"
        return out
    }

    private func comment(_ statement: Statement) -> String { ExportModel.comment(statement, lines: sourceLines, marker: "//") }

    /// The macro's function name (ROOT calls the function named like the file): letters, digits and underscores.
    static func identifier(_ fileName: String) -> String {
        let stem = fileName.hasSuffix(".ana") ? String(fileName.dropLast(4)) : fileName
        var out = String(stem.unicodeScalars.map { ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) ? Character($0) : "_" })
        if out.first.map({ $0.isNumber }) ?? true { out = "analysis_" + out }
        return out
    }

    /// A C++ string literal (JSON's escapes are valid C++ escapes).
    static func quote(_ s: String) -> String { ResultJSON.quoteString(s) }
}
