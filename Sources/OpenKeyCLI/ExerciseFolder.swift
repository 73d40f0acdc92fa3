import Analysis
import Diagnostics
import Foundation
import Grading

/// An exercise folder (`Exercises/<id>/`) opened for checking or grading: its checks and the reference result.
struct ExerciseFolder {
    var exercise: Exercise
    let reference: AnalysisResult
    let dataDirectory: URL

    /// Reads `exercise.yml`, runs `solution.ana` on the data folder (default: the exercise's `../data`).
    static func open(_ folder: URL, displayPath: String, data: URL?) -> Result<ExerciseFolder, ExerciseRunner.Failure> {
        let id = folder.lastPathComponent
        func read(_ name: String) -> String? {
            FileManager.default.contents(atPath: folder.appendingPathComponent(name).path).flatMap { String(data: $0, encoding: .utf8) }
        }
        // The student edition ships check.bundle (checks and reference, scrambled) instead of the solution.
        if read("solution.ana") == nil, let bundle = FileManager.default.contents(atPath: folder.appendingPathComponent("check.bundle").path) {
            guard let (yaml, reference) = ExerciseBundle.open(bundle, id: id) else {
                return .failure(.init([.error("exercise.bundle", "\(displayPath)/check.bundle is damaged or belongs to another exercise", at: nil)]))
            }
            let (parsed, problems) = ExerciseParser.parse(yaml, sourcePath: "\(displayPath)/exercise.yml", id: id)
            guard let exercise = parsed else { return .failure(.init(problems)) }
            let dataDirectory = data ?? folder.deletingLastPathComponent().appendingPathComponent("data")
            return .success(ExerciseFolder(exercise: exercise, reference: reference, dataDirectory: dataDirectory))
        }
        guard let yaml = read("exercise.yml") else {
            return .failure(.init([.error("exercise.missing-file", "no exercise.yml in \(displayPath)", at: nil,
                                          hint: "give the folder of one exercise, e.g. Exercises/z-boson-mass")]))
        }
        let (parsed, problems) = ExerciseParser.parse(yaml, sourcePath: "\(displayPath)/exercise.yml", id: id)
        guard let exercise = parsed else { return .failure(.init(problems)) }
        guard let solution = read("solution.ana") else {
            return .failure(.init([.error("exercise.missing-file", "no solution.ana in \(displayPath)", at: nil,
                                          hint: "checking compares with the reference solution; use the teacher edition of the exercise")]))
        }
        let dataDirectory = data ?? folder.deletingLastPathComponent().appendingPathComponent("data")
        switch ExerciseRunner.run(analysisText: solution, path: "\(displayPath)/solution.ana", dataDirectory: dataDirectory,
                                  budget: Budget(timeLimit: 300), threads: ProcessInfo.processInfo.activeProcessorCount) {
        case .failure(let failure): return .failure(failure)
        case .success(let reference): return .success(ExerciseFolder(exercise: exercise, reference: reference, dataDirectory: dataDirectory))
        }
    }

    /// Grades one submission file: an `.ana` analysis (run with a budget) or an answers file.
    /// An answers file beside an analysis (`answers`) supplies the answers to the questions.
    func grade(_ file: URL, displayPath: String, budget: Budget, answers answersFile: URL? = nil) -> Grade {
        var extra: AnswersFile?
        if let answersFile, let data = FileManager.default.contents(atPath: answersFile.path), data.count <= 1 << 20 {
            extra = AnswersFileParser.parse(Array(data), path: answersFile.lastPathComponent).0
        }
        let maxBytes = 1 << 20
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes, let data = FileManager.default.contents(atPath: file.path) else {
            let d = Diagnostic.error("grade.unreadable", size > maxBytes ? "submission is larger than 1 MiB" : "cannot read the submission",
                                     at: .file(displayPath))
            return Grader.evaluate(exercise: exercise, reference: reference, submission: .failed([d]))
        }
        if file.pathExtension.lowercased() == "ana" {
            guard let text = String(data: data, encoding: .utf8) else {
                let (_, diagnostics) = Analysis.parse(Array(data), path: displayPath)
                return Grader.evaluate(exercise: exercise, reference: reference, submission: .failed(diagnostics))
            }
            let submission = ExerciseRunner.submission(analysisText: text, path: displayPath, dataDirectory: dataDirectory, budget: budget)
            return Grader.evaluate(exercise: exercise, reference: reference, submission: submission, answers: extra)
        }
        let (answers, diagnostics) = AnswersFileParser.parse(Array(data), path: displayPath)
        guard let answers else { return Grader.evaluate(exercise: exercise, reference: reference, submission: .failed(diagnostics)) }
        return Grader.evaluate(exercise: exercise, reference: reference, submission: .answers(answers), answers: answers)
    }
}
