import Curriculum
import Localization
import Templating

extension SiteRenderer {
    /// The root `index.html` of a multilingual site: one link per language, each named in its own language.
    /// `model` is the source language's, placed at the site root.
    public func renderLanguageChooser(translations: CourseTranslations) -> OutputFile {
        let out = "index.html"
        let e = HTML.escape
        var body = "<section class=\"hero\">\n<h1>\(e(model.course.site.title))</h1>\n"
        var prompts: [(String, String)] = []
        for code in model.course.site.languages {
            let prompt = translations.ui(for: code)["chooseLanguage"] ?? label("chooseLanguage")
            if !prompts.contains(where: { $0.1 == prompt }) { prompts.append((code, prompt)) }
        }
        body += "<p>" + prompts.map { "<span lang=\"\(e($0.0))\" dir=\"\(LanguageInfo.direction($0.0))\">\(e($0.1))</span>" }.joined(separator: " · ")
        body += "</p>\n</section>\n"
        body += "<ul class=\"language-choice\">\n"
        for code in model.course.site.languages {
            body += "<li><a href=\"\(e(code))/index.html\" hreflang=\"\(e(code))\" lang=\"\(e(code))\" dir=\"\(LanguageInfo.direction(code))\">"
            body += "\(e(translations.name(of: code)))</a></li>\n"
        }
        body += "</ul>\n"
        // Above the language folders there are no paths, map or curricula to link to.
        return layout(outputPath: out, title: model.course.site.title, description: model.course.site.title, body: body, breadcrumb: [],
                      bodyAttributes: ["isLanguageChooser": true])
    }

    /// `translations.html` (teacher edition): how complete each language is, page by page.
    public func renderTranslationStatus(_ status: TranslationStatus) -> OutputFile {
        let out = "translations.html"
        let e = HTML.escape
        let title = label("translations.title")
        var body = "<div class=\"content\">\n<h1>\(e(title))</h1>\n<p class=\"summary\">\(e(label("translations.intro")))</p>\n"
        body += "<div class=\"table-scroll\"><table class=\"translation-status\">\n<thead><tr><th scope=\"col\">\(e(label("translations.language")))</th>"
        for key in ["translations.translated", "translations.stale", "translations.missing", "translations.missingKeys"] {
            body += "<th scope=\"col\">\(e(label(key)))</th>"
        }
        body += "</tr></thead>\n<tbody>\n"
        for language in status.languages {
            body += "<tr><th scope=\"row\"><a href=\"#lang-\(e(language.language))\">\(e(language.name))</a> (\(e(language.language)))</th>"
            body += "<td>\(language.count("translated"))</td><td>\(language.count("stale"))</td><td>\(language.count("missing"))</td>"
            body += "<td>\(language.missingUIKeys.count)</td></tr>\n"
        }
        body += "</tbody>\n</table></div>\n"
        for language in status.languages {
            body += "<h2 id=\"lang-\(e(language.language))\" lang=\"\(e(language.language))\" dir=\"\(LanguageInfo.direction(language.language))\">\(e(language.name))</h2>\n"
            body += "<div class=\"table-scroll\"><table class=\"translation-status\">\n<thead><tr><th scope=\"col\">\(e(label("translations.page")))</th>"
            body += "<th scope=\"col\">\(e(label("translations.language")))</th></tr></thead>\n<tbody>\n"
            for page in language.pages {
                let href = model.language.href(from: out, to: page.pageID + ".html", in: language.language)
                let stateLabel: String
                var details = ""
                switch page.state {
                case .translated: stateLabel = label("translations.translated")
                case .missing: stateLabel = label("translations.missing")
                case .stale(let changes):
                    stateLabel = label("translations.stale")
                    if !changes.isEmpty { details = "<ul>" + changes.map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
                }
                let link = model.page(page.pageID) != nil ? "<a href=\"\(e(href))\" hreflang=\"\(e(language.language))\">\(e(page.title))</a>" : e(page.title)
                body += "<tr><th scope=\"row\">\(link)<br><code>\(e(page.translationPath ?? page.originalPath))</code></th>"
                body += "<td class=\"\(page.state.name)\">\(e(stateLabel))\(details)</td></tr>\n"
            }
            body += "</tbody>\n</table></div>\n"
            if !language.missingUIKeys.isEmpty {
                body += "<p><strong>\(e(label("translations.missingKeys")))</strong>: "
                body += language.missingUIKeys.map { "<code>\(e($0))</code>" }.joined(separator: ", ") + "</p>\n"
            }
        }
        body += "</div>\n"
        let crumbs: [(String, String?)] = [(label("home"), SitePaths.relative(from: out, to: "index.html")), (title, nil)]
        return layout(outputPath: out, title: title, description: label("translations.intro"), body: body, breadcrumb: crumbs)
    }
}
