import Analysis
import Diagnostics
import Foundation
import Grading

/// The fixture exercise (Fixtures/z-boson) and its data (Fixtures/data).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let data = folder.appendingPathComponent("data")
    static let exerciseFolder = folder.appendingPathComponent("z-boson")

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: exerciseFolder.appendingPathComponent(relative), encoding: .utf8)
    }

    static func exercise() throws -> Exercise {
        let (exercise, diagnostics) = ExerciseParser.parse(try text("exercise.yml"), sourcePath: "Exercises/z-boson/exercise.yml", id: "z-boson")
        guard let exercise else { throw Failure(DiagnosticFormatter.format(diagnostics)) }
        return exercise
    }

    static func run(_ relative: String) throws -> Submission {
        ExerciseRunner.submission(analysisText: try text(relative), path: relative, dataDirectory: data, budget: Budget(timeLimit: 20))
    }

    static func reference() throws -> AnalysisResult {
        switch ExerciseRunner.run(analysisText: try text("solution.ana"), path: "solution.ana", dataDirectory: data, budget: Budget(timeLimit: 20)) {
        case .success(let result): return result
        case .failure(let failure): throw Failure(DiagnosticFormatter.format(failure.diagnostics))
        }
    }

    /// Grades a submission file of Fixtures/z-boson/submissions.
    static func grade(_ submission: String, answers: AnswersFile? = nil) throws -> Grade {
        Grader.evaluate(exercise: try exercise(), reference: try reference(), submission: try run("submissions/" + submission), answers: answers)
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

extension Grade {
    subscript(id: String) -> CheckGrade? { checks.first { $0.id == id } }
}

/// Diagnostics as printed, without hint lines: "ex.yml:6:5: error: … [id]" and its notes.
func printed(_ diagnostics: [Diagnostic]) -> [String] {
    DiagnosticFormatter.format(diagnostics).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("    hint:") }
}
