import Curriculum
import Diagnostics
import Foundation
@testable import Publishing
import Testing

/// The course shipped in this repository's Content/ must build cleanly, strictly, in both editions.
@Suite struct BundledCourseTests {
    @Test(arguments: [Edition.student, .teacher])
    func buildsStrictlyWithNoDiagnosticsAndNoBrokenLinks(edition: Edition) throws {
        let out = TestPaths.temporaryDirectory().appendingPathComponent("site")
        let result = BuildPipeline.run(BuildOptions(courseRoot: TestPaths.repository, output: out, edition: edition,
                                                    strict: true, environment: [:]))
        #expect(result.succeeded, "\(DiagnosticFormatter.format(result.diagnostics))")
        #expect(result.diagnostics.isEmpty)
        #expect(SiteCrawler.brokenLinks(in: out).isEmpty, "\(SiteCrawler.brokenLinks(in: out))")
    }

    @Test func isARealStartingCourse() throws {
        let log = DiagnosticLog()
        let course = try #require(CourseLoader.load(root: TestPaths.repository, log: log))
        #expect(log.diagnostics.isEmpty)
        let student = course.filtered(for: .student)
        #expect(student.paths.count >= 2)
        #expect(course.pages.count >= 30, "at least 30 pages of teaching text (\(course.pages.count))")
        let paths = Set(course.paths.map(\.title))
        for title in ["Getting started", "Foundations of particle physics", "Experimental particle physics", "Analyse ATLAS-style data"] {
            #expect(paths.contains(title), "path '\(title)'")
        }
        #expect(course.paths.contains { $0.edition == .teacher && $0.audience == .teachers }, "a classroom toolkit for teachers")
        let exercises = try FileManager.default.contentsOfDirectory(atPath: TestPaths.repository.appendingPathComponent("Exercises").path)
            .filter { $0 != "data" && !$0.hasPrefix(".") && !$0.hasSuffix(".md") }
        #expect(exercises.count >= 8, "at least 8 exercises: \(exercises.sorted())")
        #expect(Set(course.site.languages).isSuperset(of: ["en", "es", "it", "fr", "ar"]))
        #expect(student.pages.allSatisfy { $0.body.split(separator: " ").count > 300 }, "pages hold genuine teaching text")
        #expect(course.curricula.contains { $0.id == "ocr-a-physics" && $0.objective("6.4.2") != nil })
        #expect(student.pages.filter { !$0.curriculum.isEmpty }.count >= 6)
        #expect(course.paths.contains { !$0.deeper.isEmpty })
        #expect(course.paths.contains { $0.steps.contains { if case .path = $0 { return true } else { return false } } })
    }

    /// Every page loads the theme's one stylesheet and one script, together under 60 KB; nothing else. Pages with a cut
    /// explorer also load its script and stylesheet (no library), together under 45 KB.
    @Test func stylesheetAndScriptStayUnderTheBudget() throws {
        let assets = TestPaths.repository.appendingPathComponent("Site/assets")
        let files = try FileManager.default.contentsOfDirectory(atPath: assets.path).filter { $0.hasSuffix(".css") || $0.hasSuffix(".js") }
        #expect(Set(files) == ["openkey.css", "openkey.js", "explorer.css", "explorer.js"])
        func size(_ names: [String]) throws -> Int { try names.reduce(0) { $0 + (try Data(contentsOf: assets.appendingPathComponent($1)).count) } }
        let total = try size(["openkey.css", "openkey.js"])
        #expect(total < 60_000, "CSS + JS is \(total) bytes")
        let explorer = try size(["explorer.css", "explorer.js"])
        #expect(explorer < 45_000, "the explorer's CSS + JS is \(explorer) bytes")
        let layout = try String(contentsOf: TestPaths.repository.appendingPathComponent("Site/templates/layout.mustache"), encoding: .utf8)
        #expect(layout.components(separatedBy: "<script").count == 2, "one script per page")
        #expect(layout.components(separatedBy: "rel=\"stylesheet\"").count == 2, "one stylesheet per page")
    }
}
