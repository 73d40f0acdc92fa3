import Diagnostics
import Foundation
import Grading
@testable import Publishing
import Testing

@Suite struct ThemeTests {
    /// The built-in theme must be exactly this repository's Site/ folder; `make theme` re-embeds it.
    @Test func builtinThemeMatchesSiteFolder() {
        let site = TestPaths.repository.appendingPathComponent("Site")
        let onDisk = Theme.listFiles(under: site)
        #expect(onDisk.sorted() == BuiltinTheme.files.keys.filter { !$0.hasPrefix("ui/") }.sorted(), "run 'make theme'")
        for path in onDisk {
            let data = FileManager.default.contents(atPath: site.appendingPathComponent(path).path)
            #expect(Data(base64Encoded: BuiltinTheme.files[path] ?? "") == data, "\(path) differs from the built-in copy; run 'make theme'")
        }
    }

    /// The built-in UI catalogue is Translations/en/ui.yml, the reference every translation is compared with.
    @Test func builtinCatalogueMatchesTheReferenceFile() throws {
        let data = FileManager.default.contents(atPath: TestPaths.repository.appendingPathComponent("Translations/en/ui.yml").path)
        #expect(Data(base64Encoded: BuiltinTheme.files["ui/en.yml"] ?? "") == data, "run 'make theme'")
        #expect(UIStrings.english["home"] == "Home")
        #expect(UIStrings.english.count > 80)
        // The grader's built-in English is the catalogue's grader.* keys.
        #expect(Dictionary(uniqueKeysWithValues: UIStrings.english.filter { $0.key.hasPrefix("grader.") }.map { ($0.key, $0.value) }) == GradingText.english)
    }

    @Test func builtinThemeIsUsedWhenACourseHasNoSiteFolder() {
        let log = DiagnosticLog()
        let theme = Theme.load(courseRoot: TestPaths.fixture("valid"), log: log)
        #expect(theme?.origin == "built-in")
        #expect(log.diagnostics.isEmpty)
    }

    @Test func brokenTemplateIsReportedWithItsPosition() {
        let log = DiagnosticLog()
        var files: [String: Data] = [:]
        for name in Theme.requiredTemplates { files["templates/\(name).mustache"] = Data("ok".utf8) }
        files["templates/page.mustache"] = Data("line one\n{{#page}}never closed".utf8)
        #expect(Theme.make(files: files, origin: "Site/", log: log) == nil)
        #expect(log.diagnostics.map { "\($0.location?.description ?? "") \($0.id)" } == ["Site/templates/page.mustache:2:1 theme.template"])
    }

    @Test func missingTemplateIsReported() {
        let log = DiagnosticLog()
        #expect(Theme.make(files: ["templates/layout.mustache": Data("{{{body}}}".utf8)], origin: "Site/", log: log) == nil)
        #expect(log.diagnostics.filter { $0.id == "theme.missing-template" }.count == Theme.requiredTemplates.count - 1)
    }
}
