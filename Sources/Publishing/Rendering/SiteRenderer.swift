import Curriculum
import Foundation
import Templating

/// The render and index stages: turns the site model into output files through the theme's templates.
/// Each page is rendered independently, so pages render in parallel.
public struct SiteRenderer: Sendable {
    public let model: SiteModel
    public let theme: Theme

    /// Whether this tree has a `translations.html` page to link from the footer (teacher edition, several languages).
    public var showsTranslationStatus = false

    public init(model: SiteModel, theme: Theme) {
        self.model = model
        self.theme = theme
    }

    /// Wraps a body in `layout.mustache`.
    func layout(outputPath: String, title: String, description: String, body: String,
                breadcrumb: [(String, String?)], bodyAttributes: [String: TemplateValue] = [:]) -> OutputFile {
        let root = SitePaths.root(from: outputPath)
        let crumbs: [TemplateValue] = breadcrumb.enumerated().map { index, crumb in
            .object(["title": .string(crumb.0), "href": crumb.1.map { .string($0) } ?? .null,
                     "isLast": .bool(index == breadcrumb.count - 1)])
        }
        let curricula: [TemplateValue] = model.course.curricula.sorted { $0.id < $1.id }.map {
            .object(["title": .string($0.title), "href": .string(root + $0.outputPath)])
        }
        let language = model.language
        let languages: [TemplateValue] = language.alternates.map { alternate in
            .object(["code": .string(alternate.code), "name": .string(alternate.name), "dir": .string(alternate.direction),
                     "href": .string(language.href(from: outputPath, to: outputPath, in: alternate.code)),
                     "isCurrent": .bool(alternate.code == language.code)])
        }
        var context: [String: TemplateValue] = [
            "lang": .string(language.code),
            "dir": .string(language.direction),
            "assetsRoot": .string(language.siteRoot(from: outputPath)),
            "languages": .list(languages),
            "hasLanguages": .bool(languages.count > 1),
            "languagesHref": language.prefix.isEmpty ? .null : .string(language.siteRoot(from: outputPath) + "index.html"),
            "siteTitle": .string(model.course.site.title),
            "pageTitle": .string(title),
            "isHome": .bool(outputPath == "index.html"),
            "description": .string(description),
            "root": .string(root),
            "homeHref": .string(root + "index.html"),
            "translationsHref": showsTranslationStatus ? .string(root + "translations.html") : .null,
            "mapHref": .string(root + "map.html"),
            "curricula": .list(curricula),
            "breadcrumb": .list(crumbs),
            "hasBreadcrumb": .bool(breadcrumb.count > 1),
            "isTeacherEdition": .bool(model.edition == .teacher),
            "edition": .string(model.edition.rawValue),
            "buildDate": model.buildDate.map { .string($0) } ?? .null,
            "ui": model.uiContext,
            "body": .string(body),
        ]
        for (key, value) in bodyAttributes { context[key] = value }
        let html = theme.templates.render("layout", .object(context)) ?? body
        return OutputFile(path: outputPath, text: html)
    }

    func render(_ template: String, _ context: [String: TemplateValue], outputPath: String) -> String {
        var context = context
        context["root"] = .string(SitePaths.root(from: outputPath))
        context["ui"] = model.uiContext
        return theme.templates.render(template, .object(context)) ?? ""
    }

    func label(_ key: String) -> String { model.ui[key] ?? UIStrings.english[key] ?? key }

    /// A study time with the reader's unit abbreviations: "1 h 30 min".
    func format(_ duration: Duration) -> String {
        let h = duration.minutes / 60, m = duration.minutes % 60
        let hours = label("unit.hours"), minutes = label("unit.minutes")
        switch (h, m) {
        case (0, _): return "\(m) \(minutes)"
        case (_, 0): return "\(h) \(hours)"
        default: return "\(h) \(hours) \(m) \(minutes)"
        }
    }

    func link(_ page: Page, from outputPath: String) -> TemplateValue {
        .object(["title": .string(page.title), "href": .string(SitePaths.relative(from: outputPath, to: page.outputPath)),
                 "summary": .string(page.summary), "id": .string(page.id)])
    }

    /// Static files: the theme's assets under `assets/`, the course's own files at their place.
    public func staticFiles(courseRoot: URL) -> [OutputFile] {
        var out: [OutputFile] = theme.assets.map { OutputFile(path: "assets/" + $0.key, data: $0.value) }
        for asset in model.course.assets {
            if let data = FileManager.default.contents(atPath: courseRoot.appendingPathComponent("Content/" + asset).path) {
                out.append(OutputFile(path: asset, data: data))
            }
        }
        return out
    }
}
