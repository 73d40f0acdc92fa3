import Analysis
import Diagnostics
import EventData
import Foundation
import Grading

/// One exercise of `Exercises/<id>/`, with its reference solution run on the sample data.
public struct ExerciseRun: Sendable {
    public var id: String
    public var title: String
    public var summary: String
    public var starter: String?
    public var solution: String
    public var result: AnalysisResult
    /// The checks that grade submissions against `result`.
    public var exercise: Exercise
    /// `teacher-notes.md`, for the teacher edition only.
    public var teacherNotes: String? = nil
    /// The text of `exercise.yml`, for the student edition's self-check bundle.
    public var exerciseYAML: String = ""
    /// The starter and the solution as RDataFrame and uproot programs (students get the starter's, teachers both).
    public var exports: [ExportedProgram] = []
    /// Analyses (or lines) that have no export.
    public var exportWarnings: [Diagnostic] = []

    /// Loads and runs one exercise: `exercise.yml` read by the grader's parser (so the checks are validated at every
    /// build), `solution.ana` run on `Exercises/data/`. File I/O happens here, at the edge of the build.
    static func load(id: String, courseRoot: URL, budget: Budget) -> Result<ExerciseRun, ExerciseFailure> {
        let folder = courseRoot.appendingPathComponent("Exercises/\(id)")
        let relative = "Exercises/\(id)"
        func read(_ name: String) -> String? {
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).flatMap { String(data: $0, encoding: .utf8) }
        }
        guard let yaml = read("exercise.yml") else {
            return .failure(ExerciseFailure([.error("exercise.missing-file", "exercise '\(id)' has no exercise.yml", at: .file("\(relative)/exercise.yml"))]))
        }
        let (exercise, problems) = ExerciseParser.parse(yaml, sourcePath: "\(relative)/exercise.yml", id: id)
        guard let exercise else { return .failure(ExerciseFailure(problems)) }
        guard let solution = read("solution.ana") else {
            return .failure(ExerciseFailure(problems + [.error("exercise.missing-file", "exercise '\(id)' has no solution.ana",
                                                                at: .file("\(relative)/solution.ana"),
                                                                hint: "the reference solution is run on the sample data at every build")]))
        }
        let dataDirectory = courseRoot.appendingPathComponent("Exercises/data")
        let cache = ExerciseCache(courseRoot: courseRoot)
        let (program, _) = Analysis.parse(Array(solution.utf8), path: "\(relative)/solution.ana")
        // Only paths the engine itself would open are hashed (relative, no '..'); anything else is not cached.
        let safe = program.samples.allSatisfy { !$0.path.hasPrefix("/") && !$0.path.split(separator: "/").contains("..") }
        let key = safe ? ExerciseCache.key(solution: solution, dataFiles: program.samples.map { dataDirectory.appendingPathComponent($0.path) }) : nil
        let starter = read("starter.ana")
        let (exports, exportWarnings) = ExerciseExports.make(starter: starter, solution: solution, folder: relative, dataDirectory: dataDirectory)
        if let key, let cached = cache.load(id: id, key: key) {
            return .success(ExerciseRun(id: id, title: exercise.title, summary: exercise.summary, starter: starter,
                                        solution: solution, result: cached, exercise: exercise, teacherNotes: read("teacher-notes.md"),
                                        exerciseYAML: yaml, exports: exports, exportWarnings: exportWarnings))
        }
        switch ExerciseRunner.run(analysisText: solution, path: "\(relative)/solution.ana",
                                  dataDirectory: dataDirectory, budget: budget) {
        case .failure(let failure): return .failure(ExerciseFailure(problems + failure.diagnostics))
        case .success(let result):
            if let key { cache.store(result, id: id, key: key) }
            return .success(ExerciseRun(id: id, title: exercise.title, summary: exercise.summary, starter: starter,
                                        solution: solution, result: result, exercise: exercise,
                                        teacherNotes: read("teacher-notes.md"), exerciseYAML: yaml,
                                        exports: exports, exportWarnings: exportWarnings))
        }
    }

    /// What the data gives for a stated quantity, or a message saying why there is nothing to compare.
    func actual(_ stated: StatedValue) -> Result<Double, ExerciseFailure> {
        let sample: AnalysisResult.Sample
        if let name = stated.sample {
            guard let s = result.samples.first(where: { $0.name == name }) else {
                return .failure(ExerciseFailure(message: "no sample '\(name)' in exercise '\(id)' (samples: \(result.samples.map(\.name).joined(separator: ", ")))"))
            }
            sample = s
        } else {
            guard let s = result.samples.first else { return .failure(ExerciseFailure(message: "exercise '\(id)' has no sample")) }
            sample = s
        }
        switch stated.quantity {
        case .report(let name):
            guard let r = sample.reports.first(where: { $0.name == name }) else {
                return .failure(ExerciseFailure(message: "no report '\(name)' in exercise '\(id)' (reports: \(sample.reports.map(\.name).joined(separator: ", ")))"))
            }
            return .success(r.value)
        case .cutflow(let name):
            guard let c = sample.cutflow.first(where: { $0.name == name }) else {
                return .failure(ExerciseFailure(message: "no filter '\(name)' in exercise '\(id)' (filters: \(sample.cutflow.map(\.name).joined(separator: ", ")))"))
            }
            return .success(Double(c.events))
        case .peak(let name):
            guard let index = result.histograms.firstIndex(where: { $0.name == name }) else {
                return .failure(ExerciseFailure(message: "no histogram '\(name)' in exercise '\(id)'"))
            }
            let h = sample.histograms[index], edges = result.histograms[index].edges
            guard let top = h.sumw.indices.max(by: { h.sumw[$0] < h.sumw[$1] }), h.sumw[top] > 0 else {
                return .failure(ExerciseFailure(message: "histogram '\(name)' is empty in sample '\(sample.name)'"))
            }
            return .success((edges[top] + edges[top + 1]) / 2)
        }
    }
}

/// Why an exercise could not be run or a stated value not compared.
struct ExerciseFailure: Error, Sendable {
    var diagnostics: [Diagnostic] = []
    var message = ""
    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    init(message: String) { self.message = message }
}
