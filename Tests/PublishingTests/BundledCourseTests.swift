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
        #expect(student.pages.count >= 8)
        #expect(student.pages.allSatisfy { $0.body.split(separator: " ").count > 300 }, "pages hold genuine teaching text")
        #expect(course.curricula.contains { $0.id == "ocr-a-physics" && $0.objective("6.4.2") != nil })
        #expect(student.pages.filter { !$0.curriculum.isEmpty }.count >= 6)
        #expect(course.paths.contains { !$0.deeper.isEmpty })
        #expect(course.paths.contains { $0.steps.contains { if case .path = $0 { return true } else { return false } } })
    }
}
