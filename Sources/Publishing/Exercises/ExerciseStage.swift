import Analysis
import Curriculum
import Diagnostics
import Foundation
import Grading

/// The "run exercises" stage: every exercise placed in a page runs its reference solution on the sample data
/// (in parallel), every value the page states is checked against it, and each slot in the page is filled in.
enum ExerciseStage {
    struct Output {
        var rendered: [String: RenderedMarkdown]
        var files: [OutputFile]
        var runs: [String: ExerciseRun] = [:]
    }

    /// The exercises of the course: the folders of `Exercises/` except `data/`.
    static func available(courseRoot: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: courseRoot.appendingPathComponent("Exercises").path)) ?? [])
            .filter { $0 != "data" && !$0.hasPrefix(".") }.sorted()
    }

    /// Part of the check stage: every exercise a page places exists.
    static func checkReferences(_ rendered: [String: RenderedMarkdown], courseRoot: URL, log: DiagnosticLog) {
        let known = available(courseRoot: courseRoot)
        for embed in rendered.values.flatMap(\.exercises) where !known.contains(embed.id) {
            log.emit(Diagnostic.error("exercise.unknown", "unknown exercise '\(embed.id)'", at: embed.location,
                                      hint: "exercises are the folders of Exercises/")
                .suggesting(embed.id, from: known))
        }
    }

    static func run(course: Course, rendered: [String: RenderedMarkdown], courseRoot: URL, edition: Edition,
                    ui: [String: String] = UIStrings.english, siteRoot: ((String) -> String)? = nil,
                    log: DiagnosticLog) -> Output {
        let ids = Array(Set(rendered.values.flatMap { $0.exercises.map(\.id) })).sorted()
        guard !ids.isEmpty else { return Output(rendered: rendered, files: []) }
        let available = available(courseRoot: courseRoot)
        let budget = Budget(timeLimit: 120)
        let results = ConcurrentMap.map(ids) { id -> (String, Result<ExerciseRun, ExerciseFailure>) in
            guard available.contains(id) else { return (id, .failure(ExerciseFailure([]))) }
            return (id, ExerciseRun.load(id: id, courseRoot: courseRoot, budget: budget))
        }
        var runs: [String: ExerciseRun] = [:]
        for (id, result) in results {
            switch result {
            case .success(let run):
                runs[id] = run
                log.emit(contentsOf: run.exportWarnings)
            case .failure(let failure): log.emit(contentsOf: failure.diagnostics)
            }
        }
        var updated = rendered
        let resolver = LinkResolver(course: course, edition: edition)
        for page in course.pages {
            guard let pageResult = rendered[page.id], !pageResult.exercises.isEmpty else { continue }
            updated[page.id] = fill(pageResult, outputPath: page.outputPath, runs: runs, edition: edition, resolver: resolver,
                                    ui: ui, siteRoot: siteRoot?(page.outputPath), log: log, verify: true)
        }
        var files: [OutputFile] = []
        for run in runs.values.sorted(by: { $0.id < $1.id }) {
            if let starter = run.starter { files.append(OutputFile(path: "exercises/\(run.id)/starter.ana", text: starter)) }
            for program in run.exports where edition == .teacher || program.analysis == "starter" {
                files.append(OutputFile(path: "exercises/\(run.id)/\(program.fileName)", text: program.text))
            }
            if edition == .teacher {
                files.append(OutputFile(path: "exercises/\(run.id)/solution.ana", text: run.solution))
                files.append(OutputFile(path: "exercises/\(run.id)/exercise.yml", text: run.exerciseYAML))
            } else {
                // Students self-check with `openkey check exercises/ID my.ana`: checks and reference, scrambled.
                files.append(OutputFile(path: "exercises/\(run.id)/check.bundle",
                                        data: ExerciseBundle.make(id: run.id, exerciseYAML: run.exerciseYAML, reference: run.result)))
            }
        }
        return Output(rendered: updated, files: files, runs: runs)
    }
}

extension ExerciseStage {
    /// Fills the exercise slots of one rendered page with exercise boxes in the reader's language.
    /// With `verify`, each value the page states is checked against the reference result (once per course:
    /// translations state the same values as their original).
    static func fill(_ page: RenderedMarkdown, outputPath: String, runs: [String: ExerciseRun], edition: Edition,
                     resolver: LinkResolver, ui: [String: String], siteRoot: String?, log: DiagnosticLog, verify: Bool) -> RenderedMarkdown {
        var pageResult = page
        for (index, embed) in pageResult.exercises.enumerated() {
            guard let run = runs[embed.id] else { continue }   // its problems are reported already
            var checks: [(StatedValue, Double)] = []
            for stated in embed.expectations {
                switch run.actual(stated) {
                case .failure(let failure):
                    if verify { log.emit(.error("exercise.expect", failure.message, at: stated.location)) }
                case .success(let value):
                    checks.append((stated, value))
                    if verify, !(abs(value - stated.value) <= stated.tolerance) {
                        log.emit(.error("exercise.drift", "the page states '\(stated.text.dropFirst("expect ".count))', but the data gives \(ResultText.format(value))",
                                        at: stated.location,
                                        hint: "update the text, or check what changed in Exercises/\(embed.id)/solution.ana or the sample data"))
                    }
                }
            }
            var notes: String?
            if edition == .teacher, let text = run.teacherNotes {
                // Teacher notes are Markdown like any page, with links resolved from the page that shows them.
                let rendered = MarkdownRenderer.render(text, sourcePath: "Exercises/\(run.id)/teacher-notes.md", firstLine: 1,
                                                       outputPath: outputPath, resolver: resolver,
                                                       options: MarkdownOptions(edition: edition))
                if verify { log.emit(contentsOf: rendered.diagnostics) }
                notes = rendered.html
            }
            let html = ExerciseHTML.render(run, checks: checks, outputPath: outputPath, edition: edition, slot: index,
                                           teacherNotesHTML: notes, ui: ui, siteRoot: siteRoot)
            pageResult.html = pageResult.html.replacingOccurrences(of: RenderedMarkdown.exerciseMarker(index), with: html)
        }
        return pageResult
    }
}

extension ExerciseStage {
    /// The exercises with their words in another language, where `texts` (from `Translations/<lang>/exercises/`)
    /// translate them. Answer keys and everything graded stay the original's.
    static func localize(_ runs: [String: ExerciseRun], texts: [String: (sourcePath: String, text: String)],
                         log: DiagnosticLog) -> [String: ExerciseRun] {
        var out = runs
        for (id, file) in texts.sorted(by: { $0.key < $1.key }) {
            guard var run = runs[id] else {
                log.emit(Diagnostic.error("translation.orphan", "translation of an unknown exercise '\(id)'", at: .file(file.sourcePath),
                                          hint: "its file name must be the name of a folder in Exercises/ that a page uses")
                    .suggesting(id, from: runs.keys))
                continue
            }
            let (exercise, diagnostics) = ExerciseTranslation.apply(file.text, sourcePath: file.sourcePath, to: run.exercise)
            log.emit(contentsOf: diagnostics)
            run.exercise = exercise
            run.title = exercise.title
            run.summary = exercise.summary
            out[id] = run
        }
        return out
    }
}
