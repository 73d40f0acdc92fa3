import Analysis
import Curriculum
import Diagnostics
import Dispatch
import Foundation
import Grading
import Publishing

/// `openkey grade EXERCISE SUBMISSIONS_DIR --out DIR`: grades every student's submission in parallel.
/// Each student's result is written atomically, so a killed run can simply be run again; outputs are byte-identical.
enum GradeCommand {
    struct Entry: Sendable {
        var student: String
        var file: URL?
        var problem: String?
        /// An answers file next to an analysis in a student's folder: it answers the questions.
        var answers: URL? = nil
        /// False when the folder entry's name was not a usable student id.
        var identified = true
    }

    static func run(_ args: Arguments, stdout: (String) -> Void, stderr: (String) -> Void, interactive: Bool) -> Int32 {
        guard args.positionals.count == 2, let outPath = args.options["--out"] else {
            stderr("openkey: error: usage: openkey grade EXERCISE SUBMISSIONS_DIR --out DIR [--data DIR] [--roster FILE.csv] [--course DIR]")
            return 2
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let folder = URL(fileURLWithPath: args.positionals[0], relativeTo: cwd).standardizedFileURL
        let submissions = URL(fileURLWithPath: args.positionals[1], relativeTo: cwd).standardizedFileURL
        let out = URL(fileURLWithPath: outPath, relativeTo: cwd).standardizedFileURL
        let data = args.options["--data"].map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
        let opened: ExerciseFolder
        switch ExerciseFolder.open(folder, displayPath: args.positionals[0], data: data) {
        case .failure(let failure):
            stderr(DiagnosticFormatter.format(failure.diagnostics))
            return 1
        case .success(let value): opened = value
        }
        // The roster says which language each student reads; the course's catalogues give the words.
        var roster = Roster()
        var languages = FeedbackLanguages(course: nil)
        if let rosterPath = args.options["--roster"] {
            guard let text = try? String(contentsOf: URL(fileURLWithPath: rosterPath, relativeTo: cwd), encoding: .utf8) else {
                stderr("openkey: error: cannot read the roster \(rosterPath)")
                return 1
            }
            let (parsed, diagnostics) = Roster.parse(text, path: rosterPath)
            if !diagnostics.isEmpty {
                stderr(DiagnosticFormatter.format(diagnostics))
                return 1
            }
            roster = parsed
            let courseRoot = args.options["--course"].map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
                ?? folder.deletingLastPathComponent().deletingLastPathComponent()
            languages = FeedbackLanguages(course: courseRoot)
            for language in Set(roster.students.values.compactMap(\.language)).sorted() where !languages.knows(language) {
                stderr("openkey: warning: no UI strings for '\(language)' in \(courseRoot.path)/Translations: those students' feedback is in '\(languages.source)'")
            }
        }
        // Each language's version of the exercise: the same checks and answer keys, the words in that language.
        var versions: [String: ExerciseFolder] = [:]
        for language in Set(roster.students.values.compactMap(\.language)) where languages.knows(language) {
            let (exercise, diagnostics) = languages.exercise(opened.exercise, in: language)
            if diagnostics.contains(where: { $0.severity == .error }) {
                stderr(DiagnosticFormatter.format(diagnostics))
                return 1
            }
            var version = opened
            version.exercise = exercise
            versions[language] = version
        }
        let classList = roster, feedbackLanguages = languages, localized = versions
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: submissions.path) else {
            stderr("openkey: error: cannot read the folder \(args.positionals[1])")
            return 1
        }
        var entries = names.filter { !$0.hasPrefix(".") }.sorted().map { entry(named: $0, in: submissions) }
        // Two entries for one student (bob.ana and bob/) would overwrite each other: refuse both, once.
        let counts = Dictionary(grouping: entries, by: { $0.student.lowercased() }).mapValues(\.count)
        var reported = Set<String>()
        entries = entries.compactMap { e in
            guard counts[e.student.lowercased()] ?? 0 > 1 else { return e }
            guard reported.insert(e.student.lowercased()).inserted else { return nil }
            return Entry(student: e.student, file: nil, problem: "several submissions for student '\(e.student)'; keep one", identified: e.identified)
        }
        entries.sort { $0.student < $1.student }
        let studentsDir = out.appendingPathComponent("students")
        do {
            try FileManager.default.createDirectory(at: studentsDir, withIntermediateDirectories: true)
        } catch {
            stderr("openkey: error: cannot create \(outPath): \(error.localizedDescription)")
            return 1
        }
        let progress = Progress(enabled: interactive)
        progress.begin(1, of: 1, "Grade", total: entries.count, unit: "submissions")
        let budget = Budget(timeLimit: 60)
        let graded = ConcurrentMap.map(entries) { entry -> GradebookExports.Row in
            defer { progress.advance() }
            let person = classList.student(entry.student)
            let language = person?.language.flatMap { feedbackLanguages.knows($0) ? $0 : nil } ?? feedbackLanguages.source
            // Scores do not depend on the language: every version has the original's checks and answer keys.
            let version = localized[language] ?? opened
            // The grader's own words in the student's language too.
            return GradingText.$current.withValue(GradingText(feedbackLanguages.ui(for: language))) { () -> GradebookExports.Row in
            let grade: Grade
            if let file = entry.file {
                // Messages name the file as it sits in the submissions folder: `alice.ana` or `alice/analysis.ana`.
                let inFolder = file.deletingLastPathComponent().standardizedFileURL != submissions
                let shown = inFolder ? "\(file.deletingLastPathComponent().lastPathComponent)/\(file.lastPathComponent)" : file.lastPathComponent
                grade = version.grade(file, displayPath: shown, budget: budget, answers: entry.answers)
            } else {
                let d = Diagnostic.error("grade.no-submission", entry.problem ?? "no submission found", at: .file(entry.student))
                grade = Grader.evaluate(exercise: version.exercise, reference: version.reference, submission: .failed([d]))
            }
            write(grade.json, to: studentsDir.appendingPathComponent("\(entry.student).json"))
            write(Data(grade.text.utf8), to: studentsDir.appendingPathComponent("\(entry.student).txt"))
            let page = FeedbackPage.html(student: entry.student, name: person?.name, grade: grade, exercise: version.exercise,
                                         ui: feedbackLanguages.ui(for: language), language: language)
            write(Data(page.utf8), to: studentsDir.appendingPathComponent("\(entry.student).html"))
            return GradebookExports.Row(student: entry.student, grade: grade, identified: entry.identified)
            }
        }
        progress.finish()
        let rows = graded.map { row in
            let percent = row.grade.maxScore == 0 ? 0 : row.grade.score * 100 / row.grade.maxScore
            return [row.student, "\(row.grade.score)", "\(row.grade.maxScore)", "\(percent)"].map(csv).joined(separator: ",")
        }
        let gradebook = (["student,score,max_score,percent"] + rows).joined(separator: "\n") + "\n"
        write(Data(gradebook.utf8), to: out.appendingPathComponent("gradebook.csv"))
        write(Data(GradebookExports.moodle(graded).utf8), to: out.appendingPathComponent("moodle.csv"))
        write(Data(GradebookExports.canvas(graded, exercise: opened.exercise).utf8), to: out.appendingPathComponent("canvas.csv"))
        write(Data(GradebookExports.summary(graded, exercise: opened.exercise).utf8), to: out.appendingPathComponent("summary.html"))
        stdout("openkey: graded \(entries.count) submissions into \(out.path)")
        return 0
    }

    /// A student's entry: a file named by the student id (extension dropped) or a folder holding the submission.
    /// Ids that could escape the output folder or clash on case-insensitive disks are refused per student.
    static func entry(named name: String, in folder: URL) -> Entry {
        let url = folder.appendingPathComponent(name)
        var isDir: ObjCBool = false
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
        let student = isDir.boolValue ? name : (name as NSString).deletingPathExtension
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@-")
        guard !student.isEmpty, student.count <= 100, !student.hasPrefix("."), student.allSatisfy(allowed.contains) else {
            let safe = String(student.map { allowed.contains($0) ? $0 : "_" }.prefix(100)).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            return Entry(student: "invalid-id-" + (safe.isEmpty ? "unnamed" : safe), file: nil,
                         problem: "the name '\(name)' is not a usable student id (letters, digits, . _ @ - only)", identified: false)
        }
        guard isDir.boolValue else { return Entry(student: student, file: url, problem: nil) }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        let answers = files.first(where: { $0.lowercased().hasSuffix(".answers") || $0.lowercased() == "answers.txt" })
            .map { url.appendingPathComponent($0) }
        if let ana = files.first(where: { $0.lowercased().hasSuffix(".ana") }) {
            return Entry(student: student, file: url.appendingPathComponent(ana), problem: nil, answers: answers)
        }
        if let answers {
            return Entry(student: student, file: answers, problem: nil)
        }
        return Entry(student: student, file: nil, problem: "the folder holds no .ana file and no answers file")
    }

    /// Writes through a temporary file and a rename, so a reader never sees half a file.
    static func write(_ data: Data, to url: URL) {
        try? data.write(to: url, options: .atomic)
    }

    static func csv(_ field: String) -> String { GradebookExports.csv(field) }
}

