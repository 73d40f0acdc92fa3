import Analysis
import Diagnostics
import EventData
import Foundation

/// The front door of exporting: an `.ana` file in, an equivalent program for researchers' tools out.
/// The analysis is parsed and checked against its samples' files (as `openkey run` does) so the export knows
/// which names are lists and how each branch is stored.
public enum Exporter {
    /// Exports `source` (the text of the `.ana` file at `path`) for `target`; the samples are opened in `dataDirectory`.
    /// Returns the program, or nil with the errors (warnings may come with a program).
    ///   - programName: the output file's name without extension, when known (a ROOT macro's function must match its file).
    public static func export(source: [UInt8], path: String, dataDirectory: URL, target: ExportTarget,
                              programName: String? = nil) -> (String?, [Diagnostic]) {
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
        let text = String(decoding: source, as: UTF8.self)
        let name = (path as NSString).lastPathComponent
        do {
            return (try export(checked, schemas: schemas, sourceText: text, analysisName: name, target: target, programName: programName), diagnostics)
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
        case .cpp: return try CppMacro(model: model, sourceLines: lines, functionName: CppMacro.identifier(programName ?? analysisName)).write()
        }
    }
}
