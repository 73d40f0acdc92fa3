import Analysis
import Diagnostics
import EventData
import Foundation

/// The front door of exporting: an `.ana` file in, an equivalent program for researchers' tools out.
/// The analysis is parsed and checked against its samples' files (as `openkey run` does) so the export knows
/// which names are lists and how each branch is stored.
public enum Exporter {
    /// A checked analysis, ready to be written for any number of targets.
    public struct Prepared: Sendable {
        let checked: CheckedProgram
        let schemas: [String: [ColumnInfo]]
        let sourceText: String
        let analysisName: String

        /// The program for `target`; `programName` is the output file's name without extension, when known
        /// (a ROOT macro's function must match its file).
        public func program(for target: ExportTarget, programName: String? = nil) throws(Diagnostic) -> String {
            try Exporter.export(checked, schemas: schemas, sourceText: sourceText, analysisName: analysisName, target: target,
                                programName: programName)
        }
    }

    /// Parses and checks `source` (the text of the `.ana` file at `path`) with its samples opened in `dataDirectory`.
    /// Returns nil with the errors (warnings may come with a prepared analysis).
    public static func prepare(source: [UInt8], path: String, dataDirectory: URL) -> (Prepared?, [Diagnostic]) {
        let (program, syntax) = Analysis.parse(source, path: path)
        var diagnostics = syntax
        guard !syntax.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let (sources, openErrors) = Analysis.openSources(program, dataDirectory: dataDirectory)
        diagnostics += openErrors
        guard openErrors.isEmpty else { return (nil, diagnostics) }
        let schemas = sources.mapValues(\.schema)
        let (checked, checks) = Checker.check(program, schemas: schemas)
        diagnostics += checks
        guard let checked else { return (nil, diagnostics) }
        return (Prepared(checked: checked, schemas: schemas, sourceText: String(decoding: source, as: UTF8.self),
                         analysisName: (path as NSString).lastPathComponent), diagnostics)
    }

    /// Exports `source` for one `target`. Returns the program, or nil with the errors.
    public static func export(source: [UInt8], path: String, dataDirectory: URL, target: ExportTarget,
                              programName: String? = nil) -> (String?, [Diagnostic]) {
        let (prepared, diagnostics) = prepare(source: source, path: path, dataDirectory: dataDirectory)
        guard let prepared else { return (nil, diagnostics) }
        do {
            return (try prepared.program(for: target, programName: programName), diagnostics)
        } catch {
            return (nil, diagnostics + [error])
        }
    }

    /// Exports a checked program (its samples' schemas known).
    public static func export(_ checked: CheckedProgram, schemas: [String: [ColumnInfo]], sourceText: String, analysisName: String,
                              target: ExportTarget, programName: String? = nil) throws(Diagnostic) -> String {
        let model = ExportModel(checked: checked, schemas: schemas, analysisName: analysisName)
        let lines = sourceText.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
        switch target {
        case .rdataframe(let backend): return try RDataFrameScript(model: model, sourceLines: lines, distributed: backend).write()
        case .uproot(let dask): return try UprootScript(model: model, sourceLines: lines, dask: dask).write()
        case .cpp:
            let function = CppMacro.identifier(programName ?? analysisName)
            return try CppMacro(model: model, sourceLines: lines, functionName: function).write()
        }
    }
}
