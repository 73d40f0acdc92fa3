import Curriculum
import Diagnostics
import Testing

@Suite struct PageParserTests {
    func parse(_ text: String) -> (Page?, [Diagnostic]) {
        PageParser.parse(text, sourcePath: "Content/a/b.md", defaultID: "a/b")
    }

    @Test func readsEveryField() throws {
        let (page, diagnostics) = parse("""
        ---
        title: Quarks
        summary: "Up, down: strange"
        curriculum: [ocr:6.4.2(a), aqa:3.2.1.6]
        level: intermediate
        duration: 1 h 30 min
        edition: teacher
        ---
        Body line.
        """)
        #expect(diagnostics.isEmpty)
        let p = try #require(page)
        #expect(p.id == "a/b" && p.title == "Quarks" && p.summary == "Up, down: strange")
        #expect(p.curriculum.map(\.description) == ["ocr:6.4.2(a)", "aqa:3.2.1.6"])
        #expect(p.curriculum[1].location == Diagnostics.SourceLocation(path: "Content/a/b.md", line: 4, column: 28))
        #expect(p.level == "intermediate" && p.duration?.minutes == 90 && p.edition == .teacher)
        #expect(p.body == "Body line." && p.bodyFirstLine == 9)
        #expect(p.outputPath == "a/b.html")
    }

    @Test func customIDAndItsLocation() throws {
        let (page, diagnostics) = parse("---\ntitle: T\nsummary: S\nid: particles/quarks\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(page?.id == "particles/quarks")
        #expect(page?.idLocation == Diagnostics.SourceLocation(path: "Content/a/b.md", line: 4, column: 5))
    }

    @Test func unsafeIDsAreRejected() {
        let (page, diagnostics) = parse("---\ntitle: T\nsummary: S\nid: ../../etc/passwd\n---\n")
        #expect(diagnostics.map(\.id) == ["page.bad-id"])
        #expect(page?.id == "a/b")
    }

    @Test func missingFieldsAndUnknownKeysAreReportedButThePageIsKept() {
        let (page, diagnostics) = parse("---\ntitel: T\n---\nText\n")
        #expect(diagnostics.map(\.id).sorted() == ["field.missing", "field.missing", "yaml.unknown-key"])
        #expect(diagnostics.first { $0.id == "yaml.unknown-key" }?.notes.first?.message == "did you mean 'title'?")
        #expect(page?.title == "b")
    }

    @Test func badYAMLKeepsThePageBodyForLaterChecks() {
        let (page, diagnostics) = parse("---\ntitle: T\nlevel: [x\n---\n## Heading\n")
        #expect(diagnostics.map(\.id) == ["yaml.unterminated-list"])
        #expect(page?.body == "## Heading\n" && page?.bodyFirstLine == 5)
    }

    @Test func noFrontMatterIsAnError() {
        let (page, diagnostics) = parse("# Just markdown\n")
        #expect(page == nil)
        #expect(diagnostics.map(\.id) == ["frontmatter.missing"])
    }

    @Test func badValuesAreErrorsWithHints() {
        let (_, unsorted) = parse("---\ntitle: T\nsummary: S\nlevel: expert\nduration: soon\nedition: teachers\ncurriculum: [nocode]\n---\n")
        let diagnostics = unsorted.sorted { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
        #expect(diagnostics.map(\.id) == ["page.bad-level", "field.duration", "field.edition", "curriculum.bad-reference"])
        #expect(diagnostics.map(\.location?.line) == [4, 5, 6, 7])
        #expect(diagnostics[2].notes.first?.message == "did you mean 'teacher'?")
    }

    @Test func durations() {
        #expect(Duration(parsing: "25 min")?.minutes == 25)
        #expect(Duration(parsing: "1h30")?.minutes == nil)
        #expect(Duration(parsing: "1 h 30 min")?.minutes == 90)
        #expect(Duration(parsing: "1.5 h")?.minutes == 90)
        #expect(Duration(parsing: "90")?.minutes == 90)
        #expect(Duration(parsing: "soon") == nil)
        #expect(Duration(minutes: 95).description == "1 h 35 min")
        #expect(Duration(minutes: 120).description == "2 h")
    }
}
