import Analysis
import Diagnostics
import EventData
import Foundation
import Testing

/// Every `.ana` script in Scripts/ runs through the whole engine; its `# expect` comments say what must come out:
///
///     # expect: LINE:COL: error: message [id]          every diagnostic (errors, warnings, notes), in order
///     # expect cutflow SAMPLE: 40 20 11 8               events after each filter
///     # expect sumw SAMPLE: 52.482 30.538 …             sum of weights after each filter
///     # expect histogram NAME SAMPLE: 1 2 2 …           sum of weights per bin
///     # expect report SAMPLE "name": 55.947796          a reported value (relative tolerance 1e-6)
@Suite struct ScriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
    static let scripts: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".ana") }.sorted()

    @Test func thereAreScripts() { #expect(Self.scripts.count >= 4) }

    @Test(arguments: scripts)
    func script(_ name: String) throws {
        let url = Self.folder.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let outcome = Runner.run(text: text, name: name, dataDirectory: Self.folder)
        let expectedDiagnostics = text.split(separator: "\n").compactMap { line -> String? in
            line.hasPrefix("# expect: ") ? String(line.dropFirst("# expect: ".count)) : nil
        }
        #expect(outcome.diagnosticLines == expectedDiagnostics, "\(outcome.diagnosticLines.joined(separator: "\n"))")
        for line in text.split(separator: "\n") where line.hasPrefix("# expect ") && !line.hasPrefix("# expect: ") {
            try check(String(line.dropFirst("# expect ".count)), against: outcome.result)
        }
    }

    func check(_ expectation: String, against result: AnalysisResult?) throws {
        let result = try #require(result, "the script failed, but expects: \(expectation)")
        let (head, valuesText) = try #require(expectation.split(separator: ":", maxSplits: 1).map(String.init).pairs)
        let words = head.split(separator: " ").map(String.init)
        func sample(_ name: String) throws -> AnalysisResult.Sample { try #require(result.samples.first { $0.name == name }, "no sample \(name)") }
        let expected = valuesText.split(separator: " ").map { Double($0) ?? .nan }
        func close(_ a: [Double], _ b: [Double]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { x, y in x == y || Swift.abs(x - y) <= 1e-6 * Swift.max(1, Swift.abs(y)) }
        }
        switch words.first {
        case "cutflow":
            let got = try sample(words[1]).cutflow.map { Double($0.events) }
            #expect(close(got, expected), "cutflow \(words[1]): \(got)")
        case "sumw":
            let got = try sample(words[1]).cutflow.map(\.sumw)
            #expect(close(got, expected), "sumw \(words[1]): \(got)")
        case "histogram":
            let h = try #require(try sample(words[2]).histograms.first { $0.name == words[1] })
            #expect(close(h.sumw, expected), "histogram \(words[1]) \(words[2]): \(h.sumw)")
        case "report":
            let name = head.split(separator: "\"").dropFirst().first.map(String.init) ?? ""
            let report = try #require(try sample(words[1]).reports.first { $0.name == name }, "no report \(name)")
            let value = valuesText.trimmingCharacters(in: .whitespaces)
            if value == "inf" || value == "nan" {
                #expect(ResultText.format(report.value) == value)
            } else {
                #expect(close([report.value], expected), "report \(name): \(report.value)")
            }
        default:
            Issue.record("unknown expectation: \(expectation)")
        }
    }
}

/// Parse, open, check and run one script, the way `openkey run` does.
enum Runner {
    struct Outcome {
        var diagnostics: [Diagnostic]
        var result: AnalysisResult?
        /// Diagnostics as printed, without the file name: "2:8: error: … [id]".
        var diagnosticLines: [String] {
            DiagnosticFormatter.format(diagnostics).split(separator: "\n").filter { !$0.hasPrefix("    hint:") }.map { line in
                let parts = line.split(separator: ":", maxSplits: 1)
                return parts.count == 2 && !line.hasPrefix("openkey:") ? String(parts[1]) : String(line)
            }
        }
    }

    static func run(text: String, name: String, dataDirectory: URL, threads: Int = 2, chunkSize: Int = 7,
                    budget: Budget = Budget(timeLimit: 10)) -> Outcome {
        let (program, syntax) = Analysis.parse(Array(text.utf8), path: name)
        if syntax.contains(where: { $0.severity == .error }) { return Outcome(diagnostics: syntax, result: nil) }
        let (sources, openErrors) = Analysis.openSources(program, dataDirectory: dataDirectory)
        if !openErrors.isEmpty { return Outcome(diagnostics: syntax + openErrors, result: nil) }
        let (checked, checks) = Checker.check(program, schemas: sources.mapValues(\.schema))
        guard let checked else { return Outcome(diagnostics: syntax + checks, result: nil) }
        switch AnalysisRunner.run(checked, sources: sources, options: .init(budget: budget, chunkSize: chunkSize, threads: threads)) {
        case .success(let result): return Outcome(diagnostics: syntax + checks, result: result)
        case .failure(let d): return Outcome(diagnostics: syntax + checks + [d], result: nil)
        }
    }
}

extension Array where Element == String {
    var pairs: (String, String)? { count == 2 ? (self[0], self[1]) : nil }
}
