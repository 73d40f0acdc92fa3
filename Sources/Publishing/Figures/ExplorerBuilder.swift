import Analysis
import Diagnostics
import EventData
import Foundation

/// Builds a cut explorer from its specification (an `.ana` text: samples, luminosity, preselection filters,
/// defines, and one `histogram` per variable to explore): the engine selects the events once, and each event's
/// variables are written as bin codes into a JavaScript data file (no `fetch()`: pages work from file://).
enum ExplorerBuilder {
    /// At most this many events over all samples: the page downloads them all.
    static let maxEvents = 200_000

    struct Built: Sendable {
        var id: String
        /// `explorer-data/<id>.js`, shared by every language.
        var dataFile: OutputFile
        var eventCount: Int
    }

    static func build(_ embed: FigureEmbed, dataDirectory: URL, budget: Budget) -> Result<Built, ExerciseFailure> {
        let path = embed.location.path
        let (program, syntax) = Analysis.parse(Array(embed.sourceAtItsLines.utf8), path: path)
        var problems = syntax.filter { $0.severity == .error }
        guard problems.isEmpty else { return .failure(ExerciseFailure(problems)) }
        let histograms = program.statements.compactMap { if case .histogram(let h) = $0 { return h } else { return nil } }
        if histograms.isEmpty {
            problems.append(.error("explorer.no-variable", "an explorer needs at least one variable: a histogram line", at: embed.location,
                                   hint: "e.g. histogram mll bins 40 from 50 to 130 title \"Dilepton mass\" xlabel \"m_ll [GeV]\""))
        }
        if histograms.count > 12 {
            problems.append(.error("explorer.too-many", "an explorer shows at most 12 variables, this one has \(histograms.count)", at: histograms[12].location))
        }
        for statement in program.statements {
            if case let .report(_, _, _, location) = statement {
                problems.append(.error("explorer.report", "an explorer shows histograms and a table; it has no reports", at: location,
                                       hint: "remove the report line"))
            }
        }
        for h in histograms where h.edges.count - 1 > 250 {
            problems.append(.error("explorer.bins", "an explorer variable has at most 250 bins, '\(h.name)' has \(h.edges.count - 1)", at: h.location))
        }
        guard problems.isEmpty else { return .failure(ExerciseFailure(problems)) }
        let (sources, openErrors) = Analysis.openSources(program, dataDirectory: dataDirectory)
        guard openErrors.isEmpty else { return .failure(ExerciseFailure(openErrors)) }
        let (checked, checks) = Checker.check(program, schemas: sources.mapValues(\.schema))
        guard let checked else { return .failure(ExerciseFailure(checks.filter { $0.severity == .error })) }
        for h in histograms where checked.type(of: h.expr)?.isJagged == true {
            problems.append(.error("explorer.shape", "an explorer variable needs one value per event, but '\(h.name)' gives a list per event",
                                   at: h.location, hint: "pick one element, e.g. lep_pt[0], or reduce the list, e.g. count(lep_pt)"))
        }
        guard problems.isEmpty else { return .failure(ExerciseFailure(problems)) }
        let samples: [EventCollector.Sample]
        switch EventCollector.collect(checked, sources: sources, budget: budget) {
        case .failure(let d): return .failure(ExerciseFailure([d]))
        case .success(let s): samples = s
        }
        let total = samples.reduce(0) { $0 + $1.entries.count }
        if total > maxEvents {
            return .failure(ExerciseFailure([.error("explorer.too-many-events", "the explorer would embed \(total) events (at most \(maxEvents))",
                                                    at: embed.location, hint: "add a preselection filter, e.g. filter lep_n == 2")]))
        }
        let lines = embed.sourceAtItsLines.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func line(_ location: SourceLocation) -> String {
            location.line >= 1 && location.line <= lines.count ? lines[location.line - 1].trimmingCharacters(in: .whitespaces) : ""
        }
        let preselection = program.statements.compactMap { s -> String? in if case let .filter(_, _, l) = s { return line(l) } else { return nil } }
        let defines = program.statements.compactMap { s -> String? in if case let .define(_, _, l) = s { return line(l) } else { return nil } }
        let js = dataScript(embed.id, program: program, checked: checked, histograms: histograms, samples: samples,
                            preselection: preselection, defines: defines)
        return .success(Built(id: embed.id, dataFile: OutputFile(path: "explorer-data/\(embed.id).js", text: js), eventCount: total))
    }

    /// The bin code of a value: 0 undefined (NaN), 1 underflow, 2 + i for bin i (edges[i] ≤ x < edges[i+1]),
    /// bins + 2 overflow — decided by comparisons, exactly as a filter `x >= edge` or `x < edge` would.
    static func code(_ x: Double, edges: [Double]) -> Int {
        if x.isNaN { return 0 }
        if x < edges[0] { return 1 }
        if x >= edges[edges.count - 1] { return edges.count + 1 }
        var lo = 0, hi = edges.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if x < edges[mid] { hi = mid } else { lo = mid }
        }
        return 2 + lo
    }

    static func dataScript(_ id: String, program: Program, checked: CheckedProgram, histograms: [HistogramDecl], samples: [EventCollector.Sample],
                           preselection: [String], defines: [String]) -> String {
        let q = ResultJSON.quoteString, n = ResultJSON.number
        var variables: [String] = []
        for h in histograms {
            let integer = checked.type(of: h.expr)?.kind != .float
            variables.append("{\"name\":\(q(h.name)),\"expr\":\(q(Analysis.text(of: h.expr))),\"title\":\(q(h.title)),\"xlabel\":\(q(h.xLabel)),"
                + "\"edges\":[\(h.edges.map(n).joined(separator: ","))],\"integer\":\(integer),\"log\":\(h.logY)}")
        }
        var sampleJSON: [String] = []
        for (decl, sample) in zip(program.samples, samples) {
            let unweighted = sample.weights.allSatisfy { $0 == 1 }
            var weights = "null"
            if !unweighted {
                var bytes = [UInt8]()
                bytes.reserveCapacity(sample.weights.count * 8)
                for w in sample.weights { withUnsafeBytes(of: w.bitPattern.littleEndian) { bytes += $0 } }
                weights = q(Data(bytes).base64EncodedString())
            }
            var bins: [String] = []
            for (k, h) in histograms.enumerated() {
                guard case .values(let values) = sample.columns[k] else { continue }
                let wide = h.edges.count + 2 > 256
                var bytes = [UInt8]()
                bytes.reserveCapacity(values.count * (wide ? 2 : 1))
                for x in values {
                    let c = code(x, edges: h.edges)
                    if wide { bytes.append(UInt8(c & 0xff)); bytes.append(UInt8(c >> 8)) } else { bytes.append(UInt8(c)) }
                }
                bins.append(q(Data(bytes).base64EncodedString()))
            }
            sampleJSON.append("{\"name\":\(q(decl.name)),\"label\":\(q(decl.label)),\"role\":\(q(decl.role.rawValue)),"
                + "\"color\":\(decl.color.map(q) ?? "null"),\"events\":\(sample.entries.count),\"weights\":\(weights),\n\"bins\":[\(bins.joined(separator: ",\n"))]}")
        }
        var out = "/* OpenKey cut explorer \(q(id)): generated from the sample data by `openkey build`; do not edit. */\n"
        out += "(window.OpenKeyExplorers = window.OpenKeyExplorers || {})[\(q(id))] = {\n"
        out += "\"id\":\(q(id)),\"luminosity\":\(program.luminosity.map(n) ?? "null"),\n"
        out += "\"preselection\":[\(preselection.map(q).joined(separator: ","))],\n"
        out += "\"defines\":[\(defines.map(q).joined(separator: ","))],\n"
        out += "\"variables\":[\n\(variables.joined(separator: ",\n"))],\n"
        out += "\"samples\":[\n\(sampleJSON.joined(separator: ",\n"))]\n};\n"
        return out
    }
}
