import Foundation
import OpenKeyCLI
import Testing

/// `openkey translations`: the report, its CI exit status, and the tools that write fingerprints.
@Suite struct TranslationsCommandTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("PublishingTests/Fixtures/multilingual")

    func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = OpenKeyCommand.run(args, stdout: { out += $0 + "\n" }, stderr: { err += $0 + "\n" }, environment: [:], interactive: false)
        return (code, out, err)
    }

    func copy() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-translations-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: dir)
        return dir
    }

    @Test func reportListsTranslatedStaleAndMissingPerLanguage() {
        let result = run(["translations", Self.fixture.path])
        #expect(result.code == 0, "\(result.err)")
        #expect(result.out.contains("es (Español)           1      1        1                 1"), "\(result.out)")
        #expect(result.out.contains("es: stale: Translations/es/basics/units.md (original Content/basics/units.md)\n    changed: Masses\n"))
        #expect(result.out.contains("es: not translated (1): deep/er/notes"))
        #expect(result.out.contains("ar: UI strings missing from Translations/ar/ui.yml ("))
        #expect(result.out.contains("): audience, audience.everyone,"))
    }

    @Test func failOnMakesCIFail() {
        #expect(run(["translations", Self.fixture.path, "--fail-on", "stale"]).code == 1)
        #expect(run(["translations", Self.fixture.path, "--lang", "ar", "--fail-on", "stale"]).code == 0)
        #expect(run(["translations", Self.fixture.path, "--lang", "ar", "--fail-on", "missing"]).code == 1)
        #expect(run(["translations", Self.fixture.path, "--fail-on", "sometimes"]).code == 2)
        #expect(run(["translations", Self.fixture.path, "--lang", "de"]).code == 2)
    }

    @Test func startThenMarkCurrentAfterTheOriginalChanges() throws {
        let course = try copy()
        defer { try? FileManager.default.removeItem(at: course) }
        let started = run(["translations", "start", "es", "deep/er/notes", "--course", course.path])
        #expect(started.code == 0, "\(started.err)")
        let file = course.appendingPathComponent("Translations/es/deep/er/notes.md")
        let scaffold = try String(contentsOf: file, encoding: .utf8)
        #expect(scaffold.hasPrefix("---\ntitle: \"Deep notes\"\nsummary: \"A page two folders down.\"\ntranslation-of: "))
        #expect(run(["translations", "start", "es", "deep/er/notes", "--course", course.path]).code == 1, "never overwrites")
        #expect(run(["translations", course.path, "--lang", "es"]).out.contains("es (Español)           2      1        0"))

        // The stale page becomes current once a reviewer marks it; the translator's text is untouched.
        let stale = course.appendingPathComponent("Translations/es/basics/units.md")
        let before = try String(contentsOf: stale, encoding: .utf8)
        let marked = run(["translations", "mark-current", "es", "Content/basics/units.md", "--course", course.path])
        #expect(marked.code == 0, "\(marked.err)")
        let after = try String(contentsOf: stale, encoding: .utf8)
        #expect(after.components(separatedBy: "---\n").last == before.components(separatedBy: "---\n").last)
        #expect(after != before)
        #expect(run(["translations", course.path, "--fail-on", "stale"]).code == 0)
    }

    @Test func scaffoldErrorsAreClear() {
        let unknown = run(["translations", "start", "es", "basics/unit", "--course", Self.fixture.path])
        #expect(unknown.code == 1)
        #expect(unknown.err.contains("no page 'basics/unit'. Did you mean 'basics/units'?"))
        let language = run(["translations", "start", "de", "basics/units", "--course", Self.fixture.path])
        #expect(language.code == 1)
        #expect(language.err.contains("add it to 'languages' in Content/site.yml"))
        #expect(run(["translations", "start", "es"]).code == 2)
    }

    func git(_ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory.path, "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// With the course in git, the report shows the translator exactly what changed in the original since.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
    func staleReportShowsAUnifiedDiffFromGitHistory() throws {
        let course = try copy()
        defer { try? FileManager.default.removeItem(at: course) }
        let units = course.appendingPathComponent("Content/basics/units.md")
        let current = try String(contentsOf: units, encoding: .utf8)
        // The version the Spanish translation was made from, then the change, as two commits.
        let old = current.replacingOccurrences(of: "Masses are given in GeV, or in MeV for light particles.", with: "Masses are given in GeV.")
        try Data(old.utf8).write(to: units)
        #expect(try git(["init", "-q"], in: course) == 0)
        #expect(try git(["add", "-A"], in: course) == 0)
        #expect(try git(["commit", "-q", "-m", "v1"], in: course) == 0)
        try Data(current.utf8).write(to: units)
        #expect(try git(["commit", "-q", "-am", "v2"], in: course) == 0)
        let report = run(["translations", course.path, "--lang", "es"])
        #expect(report.out.contains("    --- Content/basics/units.md (translated version)\n    +++ Content/basics/units.md (now)\n"), "\(report.out)")
        #expect(report.out.contains("    -Masses are given in GeV.\n    +Masses are given in GeV, or in MeV for light particles.\n"))
    }

    /// Notebooks are translated like pages: start copies the notebook with its stamp, mark-current restamps it.
    @Test func notebooksAreStartedAndMarkedLikePages() throws {
        let course = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-nb-translations-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: course) }
        try FileManager.default.copyItem(at: Self.fixture.deletingLastPathComponent().appendingPathComponent("notebook"), to: course)
        try Data("title: Notebook course\nlanguages: [en, fr]\n".utf8).write(to: course.appendingPathComponent("Content/site.yml"))
        #expect(run(["translations", "start", "fr", "nb/demo", "--course", course.path]).code == 0)
        let file = course.appendingPathComponent("Translations/fr/nb/demo.ipynb")
        let started = try String(contentsOf: file, encoding: .utf8)
        #expect(started.contains("\"openkey-translation\": {\"translation-of\": \""))
        #expect(run(["translations", course.path, "--fail-on", "stale"]).code == 0)
        // The original changes: the translation is stale until marked again.
        let original = course.appendingPathComponent("Content/nb/demo.ipynb")
        try Data(try String(contentsOf: original, encoding: .utf8).replacingOccurrences(of: "Below, the plot", with: "Here, the plot").utf8).write(to: original)
        let report = run(["translations", course.path])
        #expect(report.out.contains("fr: stale: Translations/fr/nb/demo.ipynb"), "\(report.out)")
        #expect(report.out.contains("changed: The plot"))
        #expect(run(["translations", "mark-current", "fr", "nb/demo", "--course", course.path]).code == 0)
        #expect(run(["translations", course.path, "--fail-on", "stale"]).code == 0)
        let marked = try String(contentsOf: file, encoding: .utf8)
        #expect(marked.components(separatedBy: "openkey-translation").count == 2)
    }
}
