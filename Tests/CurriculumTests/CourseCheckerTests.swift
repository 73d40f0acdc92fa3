import Curriculum
import Diagnostics
import Testing

@Suite struct CourseCheckerTests {
    static func page(_ id: String, edition: Edition = .student, curriculum: [String] = []) -> Page {
        Page(id: id, sourcePath: "Content/\(id).md", title: id, summary: "",
             curriculum: curriculum.map { ObjectiveReference(parsing: $0, at: .file("Content/\(id).md"))! },
             edition: edition, body: "")
    }

    static func path(_ id: String, _ steps: [PathStep], edition: Edition = .student, deeper: [Connection] = []) -> LearningPath {
        LearningPath(id: id, sourcePath: "Content/paths/\(id).yml", title: id, audience: .students, summary: "",
                     edition: edition, steps: steps, deeper: deeper)
    }

    static func at(_ line: Int) -> Diagnostics.SourceLocation { Diagnostics.SourceLocation(path: "p.yml", line: line, column: 5) }

    static let registry = CurriculumRegistry(id: "ocr", sourcePath: "Content/curricula/ocr.yml", title: "OCR", issuer: "OCR",
                                             level: "A", objectives: [.init(code: "6.4", statement: "Particles", children: [
                                                 .init(code: "6.4.2(a)", statement: "quarks", location: at(3))], location: at(2))])

    func check(_ course: Course) -> [Diagnostic] {
        let log = DiagnosticLog()
        CourseChecker.check(course, log: log)
        return log.diagnostics
    }

    @Test func cleanCourseHasNoDiagnostics() {
        let course = Course(site: SiteConfig(title: "T"), pages: [Self.page("a", curriculum: ["ocr:6.4.2(a)"]), Self.page("b")],
                            paths: [Self.path("p", [.page(id: "a", note: nil, location: Self.at(1)),
                                                    .module(title: "M", steps: [.page(id: "b", note: nil, location: Self.at(2))], location: Self.at(2))])],
                            curricula: [Self.registry])
        #expect(check(course).isEmpty)
    }

    @Test func cyclesAreReportedOnce() {
        let course = Course(site: SiteConfig(title: "T"), pages: [Self.page("a")],
                            paths: [Self.path("x", [.page(id: "a", note: nil, location: Self.at(1)), .path(id: "y", location: Self.at(2))]),
                                    Self.path("y", [.path(id: "z", location: Self.at(3))]),
                                    Self.path("z", [.path(id: "x", location: Self.at(4))])],
                            curricula: [])
        let cycles = check(course).filter { $0.id == "path.cycle" }
        #expect(cycles.count == 1)
        #expect(cycles.first?.message == "paths include each other in a cycle: x → y → z → x")
        // Flattening still terminates.
        #expect(PathResolver.pageIDs(of: course.paths[0], in: course) == ["a"])
    }

    @Test func unknownObjectivesAndRegistries() {
        let course = Course(site: SiteConfig(title: "T"), pages: [Self.page("a", curriculum: ["ocr:6.4.2(b)", "ocf:6.4"])],
                            paths: [Self.path("p", [.page(id: "a", note: nil, location: Self.at(1))])], curricula: [Self.registry])
        let ids = check(course).map(\.id)
        #expect(ids == ["curriculum.unknown-code", "curriculum.unknown-registry"])
    }

    @Test func editionsMustNotLeakIntoStudentPaths() {
        let course = Course(site: SiteConfig(title: "T"), pages: [Self.page("plan", edition: .teacher)],
                            paths: [Self.path("p", [.page(id: "plan", note: nil, location: Self.at(1))])], curricula: [])
        #expect(check(course).map(\.id) == ["path.edition"])
        #expect(course.filtered(for: .student).pages.isEmpty)
        #expect(course.filtered(for: .teacher).pages.count == 1)
    }

    @Test func connectionsMustStartInTheirPath() {
        let course = Course(site: SiteConfig(title: "T"), pages: [Self.page("a"), Self.page("b")],
                            paths: [Self.path("p", [.page(id: "a", note: nil, location: Self.at(1))],
                                              deeper: [Connection(from: "b", fromLocation: Self.at(5), to: "a", toLocation: Self.at(6))]),
                                    Self.path("q", [.page(id: "b", note: nil, location: Self.at(1))])], curricula: [])
        #expect(check(course).map(\.id) == ["path.connection-from"])
    }

    @Test func reservedAndDuplicateIDs() {
        let course = Course(site: SiteConfig(title: "T"), pages: [Self.page("index"), Self.page("paths/x")],
                            paths: [Self.path("p", [.page(id: "index", note: nil, location: Self.at(1)),
                                                    .page(id: "paths/x", note: nil, location: Self.at(2))]),
                                    Self.path("p", [.page(id: "index", note: nil, location: Self.at(1))])], curricula: [])
        #expect(check(course).map(\.id).sorted() == ["page.reserved-id", "page.reserved-id", "path.duplicate-id"])
    }
}
