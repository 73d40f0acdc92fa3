import Curriculum
import Diagnostics
import Testing

@Suite struct PathParserTests {
    @Test func readsStepsModulesIncludesAndConnections() throws {
        let (path, diagnostics) = PathParser.parse("""
        title: Foundations
        audience: students
        summary: >
          From atoms
          to the Higgs.
        time: 4 h
        order: 2
        steps:
          - foundations/atoms
          - page: foundations/leptons
            note: Short note.
          - module: The zoo
            steps:
              - foundations/quarks
          - path: getting-started
        deeper:
          - from: foundations/atoms
            to: getting-started/units
            note: Why GeV.
        """, sourcePath: "Content/paths/foundations.yml", defaultID: "foundations")
        #expect(diagnostics.isEmpty)
        let p = try #require(path)
        #expect(p.id == "foundations" && p.summary == "From atoms to the Higgs.\n" && p.time?.minutes == 240 && p.order == 2)
        #expect(p.steps.count == 4)
        guard case let .page(id, note, location) = p.steps[1] else { Issue.record("expected a page step"); return }
        #expect(id == "foundations/leptons" && note == "Short note.")
        #expect(location == Diagnostics.SourceLocation(path: "Content/paths/foundations.yml", line: 10, column: 11))
        guard case let .module(title, inner, _) = p.steps[2], case .path("getting-started", _) = p.steps[3] else {
            Issue.record("expected a module then an included path"); return
        }
        #expect(title == "The zoo" && inner.count == 1)
        #expect(p.deeper.first?.to == "getting-started/units" && p.deeper.first?.note == "Why GeV.")
    }

    @Test func stepErrors() {
        let (_, diagnostics) = PathParser.parse("""
        title: T
        audience: students
        summary: S
        steps:
          - page: a
            path: b
          - [x]
          - module: M
        """, sourcePath: "p.yml", defaultID: "p")
        #expect(diagnostics.map(\.id) == ["path.bad-step", "path.bad-step", "field.missing"])
        #expect(diagnostics.map(\.location?.line) == [5, 7, 8])
    }

    @Test func curriculumRegistryNestsAndRejectsDuplicateCodes() {
        let (registry, diagnostics) = CurriculumParser.parse("""
        title: OCR
        issuer: OCR
        level: A level
        objectives:
          - code: "6.4"
            statement: Particles
            objectives:
              - code: "6.4.1"
                statement: Atoms
              - code: "6.4.1"
                statement: Again
          - code: 6.5
            statement: Unquoted
        """, sourcePath: "c.yml", defaultID: "ocr")
        #expect(registry?.flattened.map(\.depth) == [0, 1, 1, 0])
        #expect(diagnostics.map(\.id) == ["curriculum.numeric-code", "curriculum.duplicate-code"])
    }

    @Test func siteConfig() {
        let (config, diagnostics) = SiteConfigParser.parse("title: T\nsource-language: fr\nlanguages: [en]\ndefault-edition: teacher\n",
                                                          sourcePath: "Content/site.yml")
        #expect(config?.defaultEdition == .teacher)
        #expect(diagnostics.map(\.id) == ["site.source-language"])
    }
}
