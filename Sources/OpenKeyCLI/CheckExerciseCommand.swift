import Analysis
import Diagnostics
import Foundation
import Grading

/// `openkey check EXERCISE SUBMISSION`: a student's self-check. Prints every check with pass/fail, points,
/// feedback and hints.
enum CheckExerciseCommand {
    static func run(_ args: Arguments, stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folderPath = args.positionals[0], submissionPath = args.positionals[1]
        let folder = URL(fileURLWithPath: folderPath, relativeTo: cwd).standardizedFileURL
        let data = args.options["--data"].map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        let opened: ExerciseFolder
        switch ExerciseFolder.open(folder, displayPath: folderPath, data: data) {
        case .failure(let failure):
            stderr(DiagnosticFormatter.format(failure.diagnostics))
            stderr("openkey: cannot check against this exercise")
            return 1
        case .success(let value): opened = value
        }
        let submission = URL(fileURLWithPath: submissionPath, relativeTo: cwd).standardizedFileURL
        guard FileManager.default.fileExists(atPath: submission.path) else {
            stderr("openkey: error: no file \(submissionPath)")
            return 1
        }
        let grade = opened.grade(submission, displayPath: submissionPath, budget: Budget(timeLimit: 120))
        stdout(grade.text)
        return 0
    }
}
