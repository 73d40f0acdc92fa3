import Curriculum
@testable import Localization
import Testing

@Suite struct ScaffoldAndDiffTests {
    let page = Page(id: "u", sourcePath: "Content/u.md", title: "Units: \"eV\"", summary: "S", body: "Intro\n\n## A\nText\n")

    @Test func startWritesTheSourceTextAndItsStamp() {
        let text = TranslationScaffold.start(from: page)
        let (parsed, diagnostics) = TranslatedPageParser.parse(text, language: "es", sourcePath: "Translations/es/u.md", originalPath: "Content/u.md")
        #expect(diagnostics.isEmpty)
        #expect(parsed?.title == "Units: \"eV\"")
        #expect(parsed?.body == page.body)
        #expect(parsed?.translationOf == SourceHash.of(page))
        #expect(parsed?.sourceSections.map(\.heading) == [SourceHash.titleSection, SourceHash.introSection, "A"])
    }

    @Test func markCurrentReplacesOnlyTheStamp() throws {
        let old = "---\ntitle: Unidades\ntranslation-of: 0000000000000000\nsource-sections:\n  - \"00000000 A\"\nsummary: Resumen\n---\nTexto traducido\n"
        let updated = try TranslationScaffold.markCurrent(old, source: page).get()
        #expect(updated.hasSuffix("---\nTexto traducido\n"))
        #expect(updated.contains("title: Unidades\nsummary: Resumen\ntranslation-of: \(SourceHash.of(page))\n"))
        #expect(!updated.contains("0000000000000000"))
        let (parsed, _) = TranslatedPageParser.parse(updated, language: "es", sourcePath: "x", originalPath: "Content/u.md")
        #expect(parsed.map { TranslationStatus.state(of: $0, source: page) } == .translated)
        #expect(TranslationScaffold.markCurrent("no front matter", source: page) == .failure(.noFrontMatter))
    }

    @Test func unifiedDiffShowsTheChange() throws {
        let diff = try #require(LineDiff.unified(old: "a\nb\nc\nd\n", new: "a\nB\nc\nd\n", oldName: "old", newName: "new"))
        #expect(diff == "--- old\n+++ new\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n \n")
        #expect(LineDiff.unified(old: "same", new: "same", oldName: "a", newName: "b") == "")
    }
}
