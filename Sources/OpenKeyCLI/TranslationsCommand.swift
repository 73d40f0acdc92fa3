import Curriculum
import Diagnostics
import Foundation
import Localization
import Publishing

/// `openkey translations`: what is translated, stale or missing in each language (with what changed in the
/// original), and the two tools that write a translation's source fingerprint: `start` and `mark-current`.
enum TranslationsCommand {
    static let usage = """
    Usage:
      openkey translations [COURSE_DIR] [--lang L] [--fail-on stale|missing|any]
      openkey translations start L PAGE [--course DIR]
      openkey translations mark-current L PAGE [--course DIR]

    PAGE is a page id (getting-started/welcome) or its file (Content/getting-started/welcome.md).
    """

    static func run(_ args: Arguments, stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        switch args.positionals.first {
        case "start", "mark-current":
            guard args.positionals.count == 3 else {
                stderr("openkey: error: \(args.positionals[0]) needs a language and a page\n\n\(usage)")
                return 2
            }
            let root = URL(fileURLWithPath: args.options["--course"] ?? ".", relativeTo: cwd).standardizedFileURL
            return scaffold(args.positionals[0], language: args.positionals[1], page: args.positionals[2], root: root,
                            stdout: stdout, stderr: stderr)
        default:
            guard args.positionals.count <= 1 else {
                stderr("openkey: error: too many arguments: \(args.positionals.joined(separator: " "))\n\n\(usage)")
                return 2
            }
            let failOn = args.options["--fail-on"]
            if let failOn, !["stale", "missing", "any"].contains(failOn) {
                stderr("openkey: error: --fail-on takes stale, missing or any, not '\(failOn)'")
                return 2
            }
            let root = URL(fileURLWithPath: args.positionals.first ?? args.options["--course"] ?? ".", relativeTo: cwd).standardizedFileURL
            return report(root: root, language: args.options["--lang"], failOn: failOn, stdout: stdout, stderr: stderr)
        }
    }

    static func load(root: URL, stderr: (String) -> Void) -> (Course, CourseTranslations)? {
        let log = DiagnosticLog()
        guard let course = CourseLoader.load(root: root, log: log) else {
            stderr(DiagnosticFormatter.format(log.diagnostics))
            return nil
        }
        let translations = TranslationLoader.load(root: root, course: course, builtinUI: UIStrings.reference, log: log)
        let errors = log.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            stderr(DiagnosticFormatter.format(errors))
            return nil
        }
        return (course, translations)
    }

    static func report(root: URL, language: String?, failOn: String?, stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        guard let (course, translations) = load(root: root, stderr: stderr) else { return 1 }
        if let language, !course.site.languages.contains(language) || language == course.site.sourceLanguage {
            stderr("openkey: error: '\(language)' is not a translated language of this course (languages: \(course.site.languages.joined(separator: ", ")))")
            return 2
        }
        let status = TranslationStatus.compute(course: course, translations: translations)
        let languages = status.languages.filter { language == nil || $0.language == language }
        if languages.isEmpty {
            stdout("\(course.site.title): only '\(course.site.sourceLanguage)' is configured; add languages to Content/site.yml to translate the course.")
            return 0
        }
        var lines = ["Translations of \(course.site.title) (original: \(course.site.sourceLanguage), \(course.pages.count) pages)", ""]
        let header = ["language", "translated", "stale", "missing", "UI strings missing"]
        var rows = [header]
        for l in languages {
            rows.append(["\(l.language) (\(l.name))", String(l.count("translated")), String(l.count("stale")), String(l.count("missing")),
                         String(l.missingUIKeys.count)])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            lines.append(row.enumerated().map { index, cell in
                index == 0 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  "))
        }
        for l in languages {
            for page in l.pages {
                guard case .stale(let changes) = page.state else { continue }
                lines.append("")
                lines.append("\(l.language): stale: \(page.translationPath ?? page.pageID) (original \(page.originalPath))")
                let current = (try? String(contentsOf: root.appendingPathComponent(page.originalPath), encoding: .utf8)) ?? ""
                if let hash = page.recordedHash, let old = SourceHistory.text(of: page.originalPath, withHash: hash, root: root),
                   let diff = LineDiff.unified(old: old, new: current, oldName: "\(page.originalPath) (translated version)",
                                               newName: "\(page.originalPath) (now)") {
                    lines.append(contentsOf: diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "    " + $0 })
                } else {
                    lines.append(contentsOf: changes.map { "    " + $0 })
                }
                lines.append("    when updated: openkey translations mark-current \(l.language) \(page.pageID)")
            }
            let missing = l.pages.filter { $0.state == .missing }.map(\.pageID)
            if !missing.isEmpty {
                lines.append("")
                lines.append("\(l.language): not translated (\(missing.count)): \(missing.joined(separator: ", "))")
                lines.append("    start one: openkey translations start \(l.language) \(missing[0])")
            }
            if !l.missingUIKeys.isEmpty {
                lines.append("")
                lines.append("\(l.language): UI strings missing from Translations/\(l.language)/ui.yml (\(l.missingUIKeys.count)): \(l.missingUIKeys.joined(separator: ", "))")
            }
        }
        stdout(lines.joined(separator: "\n"))
        let stale = languages.contains { $0.count("stale") > 0 }
        let missing = languages.contains { $0.count("missing") > 0 || !$0.missingUIKeys.isEmpty }
        switch failOn {
        case "stale": return stale ? 1 : 0
        case "missing": return missing ? 1 : 0
        case "any": return stale || missing ? 1 : 0
        default: return 0
        }
    }

    static func scaffold(_ action: String, language: String, page name: String, root: URL,
                         stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        guard let (course, _) = load(root: root, stderr: stderr) else { return 1 }
        guard course.site.languages.contains(language), language != course.site.sourceLanguage else {
            stderr("openkey: error: '\(language)' is not a translated language of this course (languages: \(course.site.languages.joined(separator: ", ")))\n"
                   + "    hint: add it to 'languages' in Content/site.yml first")
            return 1
        }
        var id = name
        if id.hasSuffix(".md") { id = String(id.dropLast(3)) }
        if id.hasPrefix("Content/") { id = String(id.dropFirst("Content/".count)) }
        guard let page = course.page(id: id) ?? course.pages.first(where: { $0.sourcePath == "Content/\(id).md" }) else {
            var message = "openkey: error: no page '\(name)'"
            if let best = Suggestion.closest(to: id, in: course.pages.map(\.id)) { message += ". Did you mean '\(best)'?" }
            stderr(message)
            return 1
        }
        let relative = "Translations/\(language)/" + page.sourcePath.dropFirst("Content/".count)
        let url = root.appendingPathComponent(relative)
        let exists = FileManager.default.fileExists(atPath: url.path)
        let text: String
        if page.isNotebook {
            // A notebook's stamp is one line of its metadata; the cells are the translator's.
            let sections = SourceHash.sections(of: page).map { (hash: $0.hash, heading: $0.heading) }
            let base: String?
            if action == "start" {
                guard !exists else {
                    stderr("openkey: error: \(relative) exists already\n    hint: after updating it, run: openkey translations mark-current \(language) \(page.id)")
                    return 1
                }
                base = try? String(contentsOf: root.appendingPathComponent(page.sourcePath), encoding: .utf8)
            } else {
                guard exists else {
                    stderr("openkey: error: \(relative) does not exist\n    hint: openkey translations start \(language) \(page.id)")
                    return 1
                }
                base = try? String(contentsOf: url, encoding: .utf8)
            }
            guard let base, let stamped = NotebookParser.restamp(base, hash: SourceHash.of(page), sections: sections) else {
                stderr("\(relative):1:1: error: the notebook is not valid JSON with a top-level \"metadata\" object")
                return 1
            }
            text = stamped
        } else if action == "start" {
            guard !exists else {
                stderr("openkey: error: \(relative) exists already\n    hint: after updating it, run: openkey translations mark-current \(language) \(page.id)")
                return 1
            }
            text = TranslationScaffold.start(from: page)
        } else {
            guard exists, let old = try? String(contentsOf: url, encoding: .utf8) else {
                stderr("openkey: error: \(relative) does not exist\n    hint: openkey translations start \(language) \(page.id)")
                return 1
            }
            switch TranslationScaffold.markCurrent(old, source: page) {
            case .success(let updated): text = updated
            case .failure:
                stderr("\(relative):1:1: error: the translation has no front matter to record its original's version in")
                return 1
            }
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            stderr("openkey: error: cannot write \(relative): \(error.localizedDescription)")
            return 1
        }
        stdout(action == "start" ? "openkey: wrote \(relative) from \(page.sourcePath): translate its title, summary and text"
               : "openkey: \(relative) marked as a translation of the current \(page.sourcePath)")
        return 0
    }
}
