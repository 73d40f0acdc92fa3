import Diagnostics
@testable import Localization
import Testing

@Suite struct UICatalogTests {
    let reference = UICatalog(language: "en", strings: ["home": "Home", "progress": "{n} of {m} steps visited", "banner.stale": "Old"])

    @Test func nestedMapsFlattenToDottedKeys() {
        let (catalogue, diagnostics) = UICatalog.parse("home: Inicio\nbanner:\n  stale: Antigua\n", language: "es", sourcePath: "Translations/es/ui.yml")
        #expect(diagnostics.isEmpty)
        #expect(catalogue.strings == ["home": "Inicio", "banner.stale": "Antigua"])
        #expect(catalogue.locations["banner.stale"]?.line == 3)
    }

    @Test func missingKeysFallBackToTheReferenceAndAreListed() {
        let spanish = UICatalog(language: "es", strings: ["home": "Inicio"])
        #expect(spanish.resolved(over: reference) == ["home": "Inicio", "progress": "{n} of {m} steps visited", "banner.stale": "Old"])
        #expect(spanish.missingKeys(comparedTo: reference) == ["banner.stale", "progress"])
    }

    @Test func unknownKeysAreNotShownAndAreReported() {
        let typo = UICatalog(language: "es", strings: ["hom": "Inicio", "home": "Casa"])
        #expect(typo.unknownKeys(comparedTo: reference) == ["hom"])
        #expect(typo.resolved(over: reference)["hom"] == nil)
    }

    @Test func droppedPlaceholdersAreFound() {
        let broken = UICatalog(language: "es", strings: ["progress": "{n} pasos visitados"])
        let problems = broken.placeholderProblems(comparedTo: reference)
        #expect(problems.count == 1)
        #expect(problems.first?.expected == ["m", "n"])
        #expect(problems.first?.found == ["n"])
    }

    @Test func nonStringValueIsAnErrorWithPosition() {
        let (_, diagnostics) = UICatalog.parse("home:\n  - a\n  - b\n", language: "es", sourcePath: "Translations/es/ui.yml")
        #expect(diagnostics.map(\.id) == ["ui.value"])
        #expect(diagnostics.first?.location?.line == 2)
    }

    @Test func rightToLeftLanguagesAreKnown() {
        #expect(LanguageInfo.direction("ar") == "rtl")
        #expect(LanguageInfo.direction("he-IL") == "rtl")
        #expect(LanguageInfo.direction("es") == "ltr")
        #expect(LanguageInfo.problem(with: "pt-BR") == nil)
        #expect(LanguageInfo.problem(with: "../x") != nil)
        #expect(LanguageInfo.problem(with: "ES") != nil)
    }
}
