import Curriculum
import Diagnostics
import Foundation
import Localization
@testable import Publishing
import Testing

/// The multilingual fixture: English original, Spanish (one current, one deliberately stale translation, one page
/// missing, a `<script>` in a translation, a partial UI catalogue) and Arabic (right to left, one page).
@Suite struct MultilingualBuildTests {
    static let built: (site: URL, result: BuildPipeline.Result) = {
        let out = TestPaths.temporaryDirectory("openkey-multilingual").appendingPathComponent("site")
        let result = BuildPipeline.run(BuildOptions(courseRoot: TestPaths.fixture("multilingual"), output: out, environment: [:]))
        return (out, result)
    }()

    func page(_ path: String) throws -> String {
        try String(contentsOf: Self.built.site.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func everyLanguageGetsACompleteSiteUnderItsFolder() throws {
        #expect(Self.built.result.succeeded, "\(Self.built.result.diagnostics.map(\.message))")
        let files = Set(SiteCrawler.files(in: Self.built.site))
        for language in ["en", "es", "ar"] {
            for path in ["index.html", "map.html", "basics/intro.html", "basics/units.html", "deep/er/notes.html",
                         "paths/start.html", "curricula/board.html"] {
                #expect(files.contains("\(language)/\(path)"), "\(language)/\(path)")
            }
        }
        #expect(files.contains("assets/openkey.css"))
        #expect(!files.contains("es/assets/openkey.css"), "assets are shared by every language")
        let root = try page("index.html")
        #expect(root.contains("<a href=\"es/index.html\" hreflang=\"es\" lang=\"es\" dir=\"ltr\">Español</a>"))
        #expect(root.contains("<a href=\"ar/index.html\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">العربية</a>"))
        #expect(SiteCrawler.brokenLinks(in: Self.built.site).isEmpty, "\(SiteCrawler.brokenLinks(in: Self.built.site))")
    }

    @Test func translatedPagesShowTheTranslationWithTheOriginalsAnchors() throws {
        let intro = try page("es/basics/intro.html")
        #expect(intro.contains("<html lang=\"es\" dir=\"ltr\">"))
        #expect(intro.contains("<h1>Introducción</h1>"))
        #expect(intro.contains("href=\"units.html#electronvolts\""))
        #expect(!intro.contains("translation-banner"))
        let units = try page("es/basics/units.html")
        #expect(units.contains("<h2 id=\"electronvolts\">Electronvoltios</h2>"))
        let path = try page("es/paths/start.html")
        #expect(path.contains("Empieza aquí"))
        #expect(path.contains("Las unidades aparecen en todas partes."))
        #expect(path.contains("Introducción"), "step titles come from the translated pages")
        // Curriculum codes come from the source; box titles are in the reader's language.
        #expect(intro.contains("Vínculo con el programa"))
    }

    @Test func aMissingPageIsTheOriginalWithABannerInTheReadersLanguage() throws {
        let notes = try page("es/deep/er/notes.html")
        #expect(notes.contains("<p class=\"translation-banner untranslated\" role=\"note\" lang=\"es\" dir=\"ltr\">Esta página aún no se ha traducido."))
        #expect(notes.contains("<article class=\"content\" data-page-id=\"deep/er/notes\" lang=\"en\" dir=\"ltr\">"))
        #expect(notes.contains("<h1>Deep notes</h1>"))
        #expect(notes.contains("href=\"../../../en/deep/er/notes.html\" hreflang=\"en\">Leer el original</a>"))
    }

    @Test func aStaleTranslationIsShownWithABannerLinkingToTheOriginal() throws {
        let units = try page("es/basics/units.html")
        #expect(units.contains("<p class=\"translation-banner stale\" role=\"note\" lang=\"es\" dir=\"ltr\">El original ha cambiado desde esta traducción"))
        #expect(units.contains("<a href=\"../../en/basics/units.html\" hreflang=\"en\">Leer el original</a>"))
        #expect(units.contains("Las masas se dan en GeV."), "the stale translation is still shown")

        let log = DiagnosticLog()
        let root = TestPaths.fixture("multilingual")
        let course = try #require(CourseLoader.load(root: root, log: log))
        let translations = TranslationLoader.load(root: root, course: course, builtinUI: UIStrings.reference, log: log)
        let status = TranslationStatus.compute(course: course, translations: translations)
        let spanish = try #require(status.languages.first { $0.language == "es" })
        #expect(spanish.pages.map(\.state) == [.translated, .stale(changes: ["changed: Masses"]), .missing])
        #expect(spanish.missingUIKeys.contains("contents"))
    }

    @Test func switcherLinksPointAtTheSamePageInEveryLanguageFromAnyDepth() throws {
        let cases = [("es/index.html", ""), ("es/basics/intro.html", "../"), ("es/deep/er/notes.html", "../../")]
        for (path, up) in cases {
            let html = try page(path)
            let target = path.dropFirst(3)
            for language in ["en", "ar"] {
                #expect(html.contains("<a href=\"\(up)../\(language)/\(target)\" hreflang=\"\(language)\" lang=\"\(language)\""), "\(path) → \(language)")
                #expect(html.contains("<link rel=\"alternate\" hreflang=\"\(language)\" href=\"\(up)../\(language)/\(target)\">"))
            }
            #expect(html.contains("hreflang=\"es\" lang=\"es\" dir=\"ltr\" aria-current=\"true\">Español</a>"))
            #expect(html.contains("href=\"\(up)../assets/openkey.css\""))
        }
    }

    @Test func arabicIsRightToLeftWithFallbackStrings() throws {
        let intro = try page("ar/basics/intro.html")
        #expect(intro.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(intro.contains("<h1>مقدمة</h1>"))
        #expect(intro.contains(">الرئيسية</a>"), "translated UI string")
        #expect(intro.contains(">Learning paths</a>"), "a key the Arabic catalogue lacks falls back to the source")
        #expect(intro.contains("hreflang=\"en\" lang=\"en\" dir=\"ltr\">English</a>"), "each language is named in its own direction")
    }

    @Test func missingUIKeysAreReported() {
        let warnings = Self.built.result.diagnostics.filter { $0.id == "ui.missing-keys" }
        #expect(Set(warnings.compactMap(\.location?.path)) == ["Translations/es/ui.yml", "Translations/ar/ui.yml"])
        #expect(warnings.contains { $0.message.hasPrefix("\(UIStrings.english.count - 7) UI strings not translated into 'es' (shown in 'en'): audience,") })
    }

    @Test func rawHTMLInATranslationNeverReachesTheSite() throws {
        let intro = try page("es/basics/intro.html")
        #expect(!intro.contains("alert("))
        #expect(!intro.contains("<script>a"))
        let warning = Self.built.result.diagnostics.first { $0.id == "markdown.raw-html" }
        #expect(warning?.location == SourceLocation(path: "Translations/es/basics/intro.md", line: 13, column: 1))
    }

    @Test func unsafeLinksInATranslationAreErrors() {
        let resolver = LinkResolver(course: Course(site: SiteConfig(title: "t"), pages: [], paths: [], curricula: []), edition: .student)
        var options = MarkdownOptions(allowRawHTML: false)
        options.linkBase = "Content/x.md"
        let result = MarkdownRenderer.render("[click](javascript:alert(1)) ![x](data:image/svg+xml;base64,PHN2Zz4=) <img src=x onerror=alert(1)>",
                                             sourcePath: "Translations/es/x.md", firstLine: 1, outputPath: "x.html",
                                             resolver: resolver, options: options)
        #expect(!result.html.contains("javascript:"))
        #expect(!result.html.contains("data:"))
        #expect(!result.html.contains("onerror"))
        #expect(result.links.map(\.target).allSatisfy { if case .invalid = $0 { true } else { false } })
    }

    /// Copies the fixture, lets `edit` change it, and builds it.
    func buildEdited(_ edit: (URL) throws -> Void) throws -> BuildPipeline.Result {
        let dir = TestPaths.temporaryDirectory("openkey-multilingual-edit")
        let course = dir.appendingPathComponent("course")
        try FileManager.default.copyItem(at: TestPaths.fixture("multilingual"), to: course)
        try edit(course)
        return BuildPipeline.run(BuildOptions(courseRoot: course, output: dir.appendingPathComponent("site"), environment: [:]))
    }

    func replace(_ file: String, in course: URL, _ old: String, with new: String) throws {
        let url = course.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "fixture changed: \(file) lacks \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }

    @Test func aTranslationCannotDropAStepOrChangeStructure() throws {
        let result = try buildEdited { course in
            try replace("Translations/es/paths/start.yml", in: course, "  - deep/er/notes\n", with: "")
            try replace("Translations/es/basics/intro.md", in: course, "> [!curriculum] board:1.1", with: "Sin vínculo.")
            try replace("Translations/es/basics/units.md", in: course, "## Masas\n", with: "### Masas\n")
            try replace("Translations/ar/basics/intro.md", in: course, "title: مقدمة", with: "title: مقدمة\nlevel: advanced")
        }
        #expect(!result.succeeded)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(Set(errors.map(\.id)) == ["translation.steps", "translation.curriculum", "translation.headings", "translation.source-field"])
        #expect(errors.first { $0.id == "translation.steps" }?.location?.path == "Translations/es/paths/start.yml")
        #expect(errors.first { $0.id == "translation.steps" }?.message.contains("drops steps") == true)
        #expect(errors.first { $0.id == "translation.source-field" }?.location == SourceLocation(path: "Translations/ar/basics/intro.md", line: 3, column: 1))
        #expect(errors.first { $0.id == "translation.headings" }?.message.contains("level 3") == true)
    }

    @Test func aTranslationOfAMissingPageIsAnErrorWithASuggestion() throws {
        let result = try buildEdited { course in
            try Data("---\ntitle: x\nsummary: y\n---\nz\n".utf8).write(to: course.appendingPathComponent("Translations/es/basics/unit.md"))
        }
        let error = result.diagnostics.first { $0.id == "translation.orphan" }
        #expect(error?.location?.path == "Translations/es/basics/unit.md")
        #expect(error?.notes.first?.message == "did you mean 'Content/basics/units.md'?")
    }

    /// Teachers get the translation status as a page, in their own language, linked from every footer.
    @Test func teacherEditionHasATranslationStatusPage() throws {
        let out = TestPaths.temporaryDirectory("openkey-multilingual-teacher").appendingPathComponent("site")
        let result = BuildPipeline.run(BuildOptions(courseRoot: TestPaths.fixture("multilingual"), output: out, edition: .teacher, environment: [:]))
        #expect(result.succeeded)
        let status = try String(contentsOf: out.appendingPathComponent("es/translations.html"), encoding: .utf8)
        #expect(status.contains("<td class=\"stale\">"))
        #expect(status.contains("<li>changed: Masses</li>"))
        #expect(status.contains("<code>Translations/es/basics/units.md</code>"))
        let page = try String(contentsOf: out.appendingPathComponent("es/deep/er/notes.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"../../translations.html\">"))
        let student = try String(contentsOf: Self.built.site.appendingPathComponent("es/deep/er/notes.html"), encoding: .utf8)
        #expect(!student.contains("translations.html"))
    }
}
