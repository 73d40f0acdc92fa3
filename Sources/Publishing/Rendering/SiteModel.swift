import Curriculum
import Foundation
import Templating

/// What the render and index stages need, computed once from the checked course: the pages of one edition,
/// their rendered Markdown, where each page sits in which paths, and which pages cover which objectives.
public struct SiteModel: Sendable {
    public struct Membership: Sendable, Hashable {
        public var pathID: String
        public var position: Int       // 0-based index in the path's flattened page sequence
        public var sequence: [String]  // the path's flattened page ids
    }

    public var course: Course
    public var edition: Edition
    public var rendered: [String: RenderedMarkdown]
    public var memberships: [String: [Membership]]
    /// "registry:code" → ids of the pages that name it (front matter or callout), sorted.
    public var coverage: [String: [String]]
    public var ui: [String: String] { didSet { uiContext = UIStrings.context(ui) } }
    /// `ui` as template data, built once.
    public private(set) var uiContext: TemplateValue
    private let pagesByID: [String: Page]
    private let pathsByID: [String: LearningPath]
    /// Shown in the footer only when `SOURCE_DATE_EPOCH` is set, so builds stay byte-identical.
    public var buildDate: String?
    /// The language of this tree of the site.
    public var language: SiteLanguage

    public init(course: Course, edition: Edition, rendered: [String: RenderedMarkdown],
                ui: [String: String] = UIStrings.english, buildDate: String? = nil, language: SiteLanguage? = nil) {
        self.language = language ?? .single(course.site.sourceLanguage)
        self.course = course
        self.edition = edition
        self.rendered = rendered
        self.ui = ui
        self.uiContext = UIStrings.context(ui)
        self.buildDate = buildDate
        pagesByID = Dictionary(course.pages.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        pathsByID = Dictionary(course.paths.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var memberships: [String: [Membership]] = [:]
        for path in course.paths.sorted(by: SiteModel.pathOrder) {
            let sequence = PathResolver.pageIDs(of: path, in: course).filter { rendered[$0] != nil }
            for (index, id) in sequence.enumerated() {
                memberships[id, default: []].append(Membership(pathID: path.id, position: index, sequence: sequence))
            }
        }
        self.memberships = memberships
        var coverage: [String: Set<String>] = [:]
        for page in course.pages {
            let refs = page.curriculum + (rendered[page.id]?.calloutObjectives ?? [])
            for ref in refs { coverage[ref.description, default: []].insert(page.id) }
        }
        self.coverage = coverage.mapValues { $0.sorted() }
    }

    /// A page of this edition by id (constant time: renderers ask for thousands).
    public func page(_ id: String) -> Page? { pagesByID[id] }
    public func path(_ id: String) -> LearningPath? { pathsByID[id] }

    /// Home-page order: declared `order` first, then title.
    public static func pathOrder(_ a: LearningPath, _ b: LearningPath) -> Bool {
        switch (a.order, b.order) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return (a.title, a.id) < (b.title, b.id)
        }
    }

    public var sortedPaths: [LearningPath] { course.paths.sorted(by: SiteModel.pathOrder) }

    /// The study time of a path: declared, or the sum of its pages' durations (nil if none is known).
    public func time(of path: LearningPath) -> Duration? {
        if let time = path.time { return time }
        let minutes = PathResolver.pageIDs(of: path, in: course).compactMap { pagesByID[$0]?.duration?.minutes }
        return minutes.isEmpty ? nil : Duration(minutes: minutes.reduce(0, +))
    }

    /// The SOURCE_DATE_EPOCH convention: a fixed build date for reproducible output, or none at all.
    public static func buildDate(environment: [String: String]) -> String? {
        guard let text = environment["SOURCE_DATE_EPOCH"], let seconds = TimeInterval(text) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
