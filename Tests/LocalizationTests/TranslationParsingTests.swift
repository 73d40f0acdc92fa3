import Curriculum
import Diagnostics
@testable import Localization
import Testing

@Suite struct TranslationParsingTests {
    @Test func translatedPageTakesTextOnly() {
        let text = "---\ntitle: Unidades\nsummary: Resumen\nduration: 10 min\ncurriculum: [aqa-physics:3.2]\ntranslation-of: 0123456789abcdef\n---\nCuerpo\n"
        let (page, diagnostics) = TranslatedPageParser.parse(text, language: "es", sourcePath: "Translations/es/u.md", originalPath: "Content/u.md")
        #expect(page?.title == "Unidades")
        #expect(page?.translationOf == "0123456789abcdef")
        #expect(page?.body == "Cuerpo\n")
        #expect(diagnostics.map(\.id) == ["translation.source-field", "translation.source-field"])
        #expect(diagnostics.first?.location?.line == 4)
        #expect(diagnostics.first?.message.contains("comes from the original page (Content/u.md)") == true)
    }

    @Test func aHandWrittenHashIsRejected() {
        let text = "---\ntitle: T\nsummary: S\ntranslation-of: latest\n---\nx\n"
        let (_, diagnostics) = TranslatedPageParser.parse(text, language: "es", sourcePath: "Translations/es/u.md", originalPath: "Content/u.md")
        #expect(diagnostics.map(\.id) == ["translation.hash"])
        #expect(diagnostics.first?.hint?.contains("mark-current") == true)
    }

    let path = LearningPath(id: "start", sourcePath: "Content/paths/start.yml", title: "Start", audience: .students, summary: "S",
                            order: 1, steps: [
                                .page(id: "a", note: "Note A", location: .file("x")),
                                .module(title: "More", steps: [.page(id: "b", note: nil, location: .file("x"))], location: .file("x")),
                            ])

    @Test func pathTranslationKeepsStepsAndTranslatesText() {
        let text = "title: Inicio\nsummary: R\naudience: students\nsteps:\n  - page: a\n    note: Nota A\n  - module: Más\n    steps:\n      - b\n"
        let (translated, diagnostics) = PathTranslationParser.parse(text, sourcePath: "Translations/es/paths/start.yml", original: path)
        #expect(diagnostics.isEmpty)
        #expect(translated?.title == "Inicio")
        if case .page(_, let note, _) = translated?.steps[0] { #expect(note == "Nota A") } else { Issue.record("not a page") }
        if case .module(let title, _, _) = translated?.steps[1] { #expect(title == "Más") } else { Issue.record("not a module") }
    }

    @Test func pathTranslationCannotDropOrReorderSteps() {
        let dropped = "title: Inicio\nsteps:\n  - a\n"
        let (kept, d1) = PathTranslationParser.parse(dropped, sourcePath: "Translations/es/paths/start.yml", original: path)
        #expect(d1.map(\.id) == ["translation.steps"])
        #expect(d1.first?.message.contains("drops steps") == true)
        #expect(kept?.steps == path.steps)
        let reordered = "title: Inicio\nsteps:\n  - b\n  - module: Más\n    steps:\n      - a\n"
        let (_, d2) = PathTranslationParser.parse(reordered, sourcePath: "Translations/es/paths/start.yml", original: path)
        #expect(d2.map(\.id) == ["translation.steps", "translation.steps"])
        #expect(d2.first?.location?.line == 3)
        let audience = "title: Inicio\naudience: teachers\n"
        let (_, d3) = PathTranslationParser.parse(audience, sourcePath: "Translations/es/paths/start.yml", original: path)
        #expect(d3.map(\.id) == ["translation.source-field"])
    }

    @Test func curriculumTranslationCannotInventCodes() {
        let registry = CurriculumRegistry(id: "aqa", sourcePath: "Content/curricula/aqa.yml", title: "AQA", issuer: "AQA", level: "A",
                                          objectives: [.init(code: "3.2", statement: "Particles", location: .file("x"))])
        let text = "title: AQA (es)\nobjectives:\n  - code: \"3.2\"\n    statement: Partículas\n  - code: \"3.3\"\n    statement: Ondas\n"
        let (translated, diagnostics) = CurriculumTranslationParser.parse(text, sourcePath: "Translations/es/curricula/aqa.yml", original: registry)
        #expect(translated?.objectives.first?.statement == "Partículas")
        #expect(diagnostics.map(\.id) == ["translation.objective"])
        #expect(diagnostics.first?.location?.line == 5)
    }
}
