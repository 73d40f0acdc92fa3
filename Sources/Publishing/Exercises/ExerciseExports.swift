import Diagnostics
import Export
import Foundation

/// An exercise's analysis exported for researchers' tools, shown on its page and offered for download.
public struct ExportedProgram: Sendable, Hashable {
    /// `starter` or `solution`: students see the starter, teachers the reference solution.
    public var analysis: String
    public var target: ExportTarget
    /// The download's name, e.g. `starter_rdataframe.py`.
    public var fileName: String
    public var text: String
}

/// Exports the starter and the solution of an exercise to RDataFrame and to uproot (the targets a page shows).
enum ExerciseExports {
    static let targets: [ExportTarget] = [.rdataframe(distributed: nil), .uproot(dask: false)]

    /// The programs, and warnings for analyses or lines that have no export (the page then leaves that one out).
    static func make(starter: String?, solution: String, folder relative: String, dataDirectory: URL) -> ([ExportedProgram], [Diagnostic]) {
        var programs: [ExportedProgram] = []
        var warnings: [Diagnostic] = []
        for (name, text) in [("starter", starter), ("solution", solution)] {
            guard let text else { continue }
            // Checked once (samples opened once), then written for each target.
            let (prepared, diagnostics) = Exporter.prepare(source: Array(text.utf8), path: "\(relative)/\(name).ana", dataDirectory: dataDirectory)
            for target in targets {
                var errors = diagnostics.filter { $0.severity == .error }
                if let prepared {
                    do {
                        programs.append(ExportedProgram(analysis: name, target: target, fileName: name + target.fileSuffix,
                                                        text: try prepared.program(for: target)))
                        continue
                    } catch {
                        errors.append(error)
                    }
                }
                warnings += errors.map { d in
                    var w = Diagnostic.warning("exercise.no-export", "\(name).ana is not offered in \(target.displayName): \(d.message)",
                                               at: d.location ?? .file("\(relative)/\(name).ana"), hint: d.hint)
                    w.notes = d.notes
                    return w
                }
            }
        }
        return (programs, warnings)
    }
}
