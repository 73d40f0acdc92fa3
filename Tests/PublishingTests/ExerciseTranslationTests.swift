import Diagnostics
import Foundation
@testable import Publishing
import Testing

/// Exercises in translated pages: the words in the reader's language, the answer key the original's.
@Suite struct ExerciseTranslationTests {
    static let spanish = """
        title: Reconstruye la masa de dos leptones
        summary: Selecciona pares de leptones y representa su masa invariante.
        checks:
          which-boson:
            title: ¿Qué bosón?
            prompt: ¿Qué bosón produce el pico cerca de 91 GeV?
            choices:
              - text: El bosón Z
                why: El bosón Z tiene una masa de 91.2 GeV.
              - text: El fotón
                why: Un fotón real no tiene masa.
          mass:
            hints: ["Tus masas son mil veces demasiado grandes: ¿olvidaste pasar de MeV a GeV?"]

        """

    func build(_ translation: String) throws -> (URL, BuildPipeline.Result) {
        let dir = TestPaths.temporaryDirectory("openkey-exercise-translation")
        let course = dir.appendingPathComponent("course")
        try FileManager.default.copyItem(at: TestPaths.fixture("exercise"), to: course)
        try Data("title: Exercise course\nlanguages: [en, es]\n".utf8).write(to: course.appendingPathComponent("Content/site.yml"))
        let page = try String(contentsOf: course.appendingPathComponent("Content/topics/z.md"), encoding: .utf8)
            .replacingOccurrences(of: "title: The Z boson", with: "title: El bosón Z")
            .replacingOccurrences(of: "summary: Find its mass.", with: "summary: Encuentra su masa.")
        try FileManager.default.createDirectory(at: course.appendingPathComponent("Translations/es/topics"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: course.appendingPathComponent("Translations/es/exercises"), withIntermediateDirectories: true)
        try Data(page.utf8).write(to: course.appendingPathComponent("Translations/es/topics/z.md"))
        try Data(translation.utf8).write(to: course.appendingPathComponent("Translations/es/exercises/zmass.yml"))
        let out = dir.appendingPathComponent("site")
        return (out, BuildPipeline.run(BuildOptions(courseRoot: course, output: out, environment: [:])))
    }

    @Test func translatedPagesShowTheExerciseInTheirLanguageWithTheSameKey() throws {
        let (site, result) = try build(Self.spanish)
        #expect(result.succeeded, "\(result.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" })")
        let spanish = try String(contentsOf: site.appendingPathComponent("es/topics/z.html"), encoding: .utf8)
        #expect(spanish.contains("<p class=\"exercise-title\">Reconstruye la masa de dos leptones</p>"))
        #expect(spanish.contains("¿Qué bosón produce el pico cerca de 91 GeV?"))
        #expect(spanish.contains("value=\"El bosón Z\""))
        #expect(spanish.contains("href=\"../../exercises/zmass/starter.ana\""))
        // The accepted digest is the Spanish text of the original's correct choice.
        let salt = QuestionHTML.hex(QuestionHTML.fnv1a("openkey|zmass|which-boson"))
        #expect(spanish.contains("data-accept=\"\(QuestionHTML.digest(salt, "El bosón Z"))\""))
        let english = try String(contentsOf: site.appendingPathComponent("en/topics/z.html"), encoding: .utf8)
        #expect(english.contains("data-accept=\"\(QuestionHTML.digest(salt, "The Z boson"))\""))
        #expect(english.contains("Which boson makes the peak"))
    }

    @Test func aTranslationCannotChangeAnAnswerKey() throws {
        let changed = Self.spanish
            .replacingOccurrences(of: "      - text: El fotón\n", with: "      - text: El fotón\n        correct: true\n")
            .replacingOccurrences(of: "  mass:\n", with: "  mass:\n    points: 10\n")
            .replacingOccurrences(of: "  which-boson:\n", with: "  which-bosn:\n    title: x\n  which-boson:\n")
        let (_, result) = try build(changed)
        #expect(!result.succeeded)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.id).sorted() == ["translation.answer-key", "translation.answer-key", "translation.check"])
        #expect(errors.allSatisfy { $0.location?.path == "Translations/es/exercises/zmass.yml" })
        #expect(errors.first { $0.id == "translation.check" }?.notes.first?.message == "did you mean 'which-boson'?")
    }
}
