import Analysis
import Diagnostics
import Foundation

/// Runs an analysis the way every grader, the CLI and the site do: parse → open samples → check → run.
public enum ExerciseRunner {
    /// The diagnostics of a run that failed (`Result` needs an `Error`, which an array is not).
    public struct Failure: Error, Sendable, Hashable {
        public var diagnostics: [Diagnostic]
        public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    }

    /// All errors of the first stage that fails (syntax errors together, then missing files together, …).
    /// Warnings are dropped on success.
    public static func run(analysisText: String, path: String, dataDirectory: URL, budget: Budget,
                           threads: Int = 1) -> Result<AnalysisResult, Failure> {
        let (program, syntax) = Analysis.parse(Array(analysisText.utf8), path: path)
        if syntax.contains(where: { $0.severity == .error }) { return .failure(Failure(syntax)) }
        let (sources, openErrors) = Analysis.openSources(program, dataDirectory: dataDirectory)
        if !openErrors.isEmpty { return .failure(Failure(syntax + openErrors)) }
        let (checked, checks) = Checker.check(program, schemas: sources.mapValues(\.schema))
        guard let checked else { return .failure(Failure(syntax + checks)) }
        switch AnalysisRunner.run(checked, sources: sources, options: .init(budget: budget, threads: threads)) {
        case .success(let result): return .success(result)
        case .failure(let d): return .failure(Failure(syntax + checks + [d]))
        }
    }

    /// The submission for grading: the result, or `.failed` with the errors.
    public static func submission(analysisText: String, path: String, dataDirectory: URL, budget: Budget) -> Submission {
        switch run(analysisText: analysisText, path: path, dataDirectory: dataDirectory, budget: budget) {
        case .success(let result): return .analysis(result)
        case .failure(let failure): return .failed(failure.diagnostics)
        }
    }
}
