import Diagnostics
import EventData
import Foundation

/// The front door of the engine: read an `.ana` file, open its samples, check, run.
public enum Analysis {
    /// Parses source text into a program, collecting every syntax error.
    public static func parse(_ bytes: [UInt8], path: String) -> (Program, [Diagnostic]) {
        switch Lexer.tokenize(bytes, path: path) {
        case .failure(let d): return (Program(path: path), [d])
        case .success(let tokens): return Parser.parse(tokens, path: path)
        }
    }

    /// An expression written back as `.ana` text (e.g. to show a cut as a filter line).
    public static func text(of expr: Expr) -> String { Parser.text(of: expr) }

    /// Where sample files are looked up, and how they may be named: relative paths inside that folder only.
    public static func openSources(_ program: Program, dataDirectory: URL) -> ([String: any ColumnSource], [Diagnostic]) {
        var sources: [String: any ColumnSource] = [:]
        var diagnostics: [Diagnostic] = []
        for sample in program.samples {
            do {
                sources[sample.name] = try open(sample, dataDirectory: dataDirectory)
            } catch {
                diagnostics.append(error)
            }
        }
        return (sources, diagnostics)
    }

    static func open(_ sample: SampleDecl, dataDirectory: URL) throws(Diagnostic) -> any ColumnSource {
        let path = sample.path
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\\"),
              !path.split(separator: "/").contains("..") else {
            throw .error("ana.sample-path", "sample file '\(path)' must be a relative path inside the data folder", at: sample.location,
                         hint: "write it relative to the data folder (--data), without '..'")
        }
        let lower = path.lowercased()
        let isROOT = lower.hasSuffix(".root")
        guard isROOT || lower.hasSuffix(".csv") || lower.hasSuffix(".csv.gz") else {
            throw .error("ana.sample-format", "unknown file type for sample '\(sample.name)': \(path)", at: sample.location,
                         hint: "samples are ROOT files (.root) or CSV files (.csv, .csv.gz)")
        }
        let url = dataDirectory.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let here = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
            throw Diagnostic.error("ana.sample-missing", "no file '\(path)' for sample '\(sample.name)' in the data folder",
                                   at: sample.location, hint: "the data folder is \(dataDirectory.path); choose another with --data")
                .suggesting((path as NSString).lastPathComponent, from: here)
        }
        do {
            if isROOT {
                return try ROOTSource(file: try ROOTFile(url: url, displayPath: path), tree: sample.tree, displayPath: path)
            }
            return try CSVSource(url: url, displayPath: path)
        } catch {
            // Data errors point into the data file; say which sample of the analysis it was.
            var d = error.diagnostic
            d.notes.append(.init("while opening sample '\(sample.name)'", at: sample.location))
            throw d
        }
    }
}
