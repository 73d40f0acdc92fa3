import Diagnostics
import Testing

@Suite struct DiagnosticFormatterTests {
    @Test func formatsLocationSeverityMessageAndID() {
        let d = Diagnostic.error("path.unknown-page", "unknown page 'z-mass' in path 'start'",
                                 at: SourceLocation(path: "Content/paths/start.yml", line: 14, column: 9),
                                 hint: "page ids are file paths under Content/ without .md")
            .suggesting("z-mass", from: ["z-boson-mass", "w-mass", "quarks"])
        #expect(DiagnosticFormatter.format(d) == """
            Content/paths/start.yml:14:9: error: unknown page 'z-mass' in path 'start' [path.unknown-page]
            Content/paths/start.yml:14:9: note: did you mean 'w-mass'?
                hint: page ids are file paths under Content/ without .md
            """)
    }

    @Test func noSuggestionWhenNothingIsClose() {
        let d = Diagnostic.error("x", "m", at: .file("a.md")).suggesting("leptons", from: ["higgs", "accelerators"])
        #expect(d.notes.isEmpty)
    }

    @Test func diagnosticWithoutLocationIsPrefixedByTool() {
        #expect(DiagnosticFormatter.format(.error("site.missing", "Content/site.yml is missing", at: nil))
                == "openkey: error: Content/site.yml is missing [site.missing]")
    }

    @Test func logSortsByFileLineColumnAndDeduplicates() {
        let log = DiagnosticLog()
        let b = Diagnostic.error("b", "second", at: SourceLocation(path: "a.md", line: 3, column: 1))
        let a = Diagnostic.warning("a", "first", at: SourceLocation(path: "a.md", line: 1, column: 7))
        let c = Diagnostic.error("c", "other file", at: SourceLocation(path: "b.md", line: 1, column: 1))
        log.emit(contentsOf: [c, b, a, b])
        #expect(log.diagnostics.map(\.id) == ["a", "b", "c"])
        #expect(log.errorCount == 2 && log.warningCount == 1)
        log.promoteWarnings()
        #expect(log.errorCount == 3)
    }

    @Test func summaryPluralises() {
        #expect(DiagnosticFormatter.summary(errors: 1, warnings: 2) == "1 error, 2 warnings")
    }

    @Test func editDistance() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.closest(to: "standard-modle", in: ["standard-model", "higgs-boson"]) == "standard-model")
    }
}
