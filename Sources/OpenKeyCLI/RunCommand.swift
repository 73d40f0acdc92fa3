import Analysis
import Diagnostics
import EventData
import Foundation
import Plotting
import Publishing

/// `openkey run FILE.ana`: check and run an analysis, print the cut flow and histograms (or JSON), write plots.
enum RunCommand {
    static let usage = """
    Usage: openkey run FILE.ana [--data DIR] [--json] [--plot DIR] [--max-events N] [--threads N] [--timeout SECONDS]

      --data DIR        folder the samples' files are relative to (default: the folder of FILE.ana)
      --json            print the result as JSON (schema "openkey-analysis-result", version \(AnalysisResult.schemaVersion))
      --plot DIR        write one SVG plot per histogram into DIR
      --plot-label TEXT the experiment label of the plots (default "ATLAS Open Data"; "" for none)
      --max-events N    read at most N events per sample
      --threads N       worker threads (default: all cores); results do not depend on it
      --timeout S       stop with an error after S seconds
    """

    static func run(_ args: Arguments, stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        guard args.positionals.count == 1, let file = args.positionals.first else {
            stderr("openkey: error: run needs exactly one analysis file\n\n\(usage)")
            return 2
        }
        func positive(_ name: String) -> Int?? {
            guard let text = args.options[name] else { return .some(nil) }
            guard let n = Int(text), n > 0 else { return nil }
            return .some(n)
        }
        guard let maxEvents = positive("--max-events"), let threads = positive("--threads") else {
            stderr("openkey: error: --max-events and --threads take a positive whole number")
            return 2
        }
        var timeout: Double?
        if let text = args.options["--timeout"] {
            guard let t = Double(text), t > 0 else { stderr("openkey: error: --timeout takes a positive number of seconds"); return 2 }
            timeout = t
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let input = AnalysisFile.read(file, args: args, stderr: stderr) else { return 1 }
        let (program, syntax) = Analysis.parse(input.bytes, path: file)
        var diagnostics = syntax
        guard !syntax.contains(where: { $0.severity == .error }) else { return fail(diagnostics, stderr) }
        let (sources, openErrors) = Analysis.openSources(program, dataDirectory: input.dataDirectory)
        diagnostics += openErrors
        guard openErrors.isEmpty else { return fail(diagnostics, stderr) }
        let (checked, checks) = Checker.check(program, schemas: sources.mapValues(\.schema))
        diagnostics += checks
        guard let checked else { return fail(diagnostics, stderr) }
        if !diagnostics.isEmpty { stderr(DiagnosticFormatter.format(diagnostics)) }
        let options = AnalysisRunner.Options(budget: Budget(maxEvents: maxEvents, timeLimit: timeout),
                                             threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        switch AnalysisRunner.run(checked, sources: sources, options: options) {
        case .failure(let d):
            return fail(diagnostics + [d], stderr)
        case .success(let result):
            stdout(args.flags.contains("--json") ? String(ResultJSON.encode(result).dropLast()) : ResultText.render(result))
            if let plotDir = args.options["--plot"] {
                let dir = URL(fileURLWithPath: plotDir, relativeTo: cwd).standardizedFileURL
                do {
                    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                    let label = args.options["--plot-label"] ?? "ATLAS Open Data"
                    for (name, svg) in ResultPlots.svgs(result, experimentLabel: label.isEmpty ? nil : label) {
                        try Data(svg.utf8).write(to: dir.appendingPathComponent(name + ".svg"), options: .atomic)
                    }
                } catch {
                    stderr("openkey: error: cannot write plots to \(dir.path): \(error.localizedDescription)")
                    return 1
                }
            }
            return 0
        }
    }

    static func fail(_ diagnostics: [Diagnostic], _ stderr: (String) -> Void) -> Int32 {
        stderr(DiagnosticFormatter.format(diagnostics))
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        stderr("openkey: analysis failed: \(DiagnosticFormatter.summary(errors: errors, warnings: warnings))")
        return 1
    }
}
