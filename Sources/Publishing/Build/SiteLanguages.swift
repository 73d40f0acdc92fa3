import Curriculum
import Localization

/// The languages a site is built in and how each sees the course: a multilingual site puts each language in its
/// own folder (`en/`, `es/`…); a single-language site stays at the root.
struct SiteLanguages: Sendable {
    let site: SiteConfig
    let translations: CourseTranslations

    init(site: SiteConfig, translations: CourseTranslations) {
        self.site = site
        self.translations = translations
    }

    /// The source language first, then the others in the order of `site.yml`.
    var codes: [String] { [site.sourceLanguage] + site.languages.filter { $0 != site.sourceLanguage } }
    var isMultilingual: Bool { site.languages.count > 1 }

    func language(_ code: String, states: [String: SiteLanguage.PageState]) -> SiteLanguage {
        guard isMultilingual else { return SiteLanguage(code: code, sourceLanguage: site.sourceLanguage, pageStates: states) }
        let alternates = site.languages.map {
            SiteLanguage.Alternate(code: $0, name: translations.name(of: $0), direction: LanguageInfo.direction($0))
        }
        return SiteLanguage(code: code, sourceLanguage: site.sourceLanguage, prefix: code + "/", alternates: alternates, pageStates: states)
    }

    /// The course with its text in `code` where translated: page titles and summaries, paths, curriculum statements.
    /// Structure (ids, steps, codes, editions) is the source's.
    func localize(_ course: Course, into code: String) -> Course {
        guard code != site.sourceLanguage, let pack = translations.packs[code] else { return course }
        var copy = course
        copy.pages = course.pages.map { page in
            guard let text = pack.pages[page.id] else { return page }
            var translated = page
            translated.title = text.title
            translated.summary = text.summary
            // A translated notebook brings its own output images (e.g. plots with translated labels).
            for (path, bytes) in text.attachments { translated.attachments[path] = bytes }
            return translated
        }
        copy.paths = course.paths.map { pack.paths[$0.id] ?? $0 }
        copy.curricula = curricula(of: course, in: code)
        return copy
    }

    /// The course's curricula with their statements in `code` where translated.
    func curricula(of course: Course, in code: String) -> [CurriculumRegistry] {
        guard code != site.sourceLanguage, let pack = translations.packs[code] else { return course.curricula }
        return course.curricula.map { pack.curricula[$0.id] ?? $0 }
    }
}
