import Curriculum

/// How far each language's translation of the course has come: per page translated, stale or missing, and the
/// UI strings still missing. Computed from values only (no git), so the build can show it and stay reproducible.
public struct TranslationStatus: Sendable {
    public enum State: Sendable, Hashable {
        case translated
        /// The source changed since the translation (or the translation never recorded its source):
        /// which sections changed, as "changed: Heading", "new: Heading", "removed: Heading".
        case stale(changes: [String])
        case missing

        public var name: String {
            switch self {
            case .translated: return "translated"
            case .stale: return "stale"
            case .missing: return "missing"
            }
        }
    }

    public struct PageStatus: Sendable, Hashable {
        public var pageID: String
        public var title: String
        public var originalPath: String
        public var translationPath: String?
        public var state: State
        /// The fingerprint recorded by the translation, if any (to find the old source in git).
        public var recordedHash: String?

        public init(pageID: String, title: String, originalPath: String, translationPath: String?, state: State, recordedHash: String?) {
            self.pageID = pageID
            self.title = title
            self.originalPath = originalPath
            self.translationPath = translationPath
            self.state = state
            self.recordedHash = recordedHash
        }
    }

    public struct LanguageStatus: Sendable {
        public var language: String
        public var name: String
        public var pages: [PageStatus]
        public var missingUIKeys: [String]
        public func count(_ name: String) -> Int { pages.filter { $0.state.name == name }.count }

        public init(language: String, name: String, pages: [PageStatus], missingUIKeys: [String]) {
            self.language = language
            self.name = name
            self.pages = pages
            self.missingUIKeys = missingUIKeys
        }
    }

    public var languages: [LanguageStatus]

    public init(languages: [LanguageStatus]) { self.languages = languages }

    public static func compute(course: Course, translations: CourseTranslations) -> TranslationStatus {
        var out: [LanguageStatus] = []
        for language in course.site.languages where language != translations.sourceLanguage {
            let pack = translations.packs[language] ?? LanguagePack(language: language)
            let pages = course.pages.sorted { $0.sourcePath < $1.sourcePath }.map { status(of: $0, in: pack) }
            let missing = pack.ui.map { $0.missingKeys(comparedTo: translations.reference) } ?? translations.reference.strings.keys.sorted()
            out.append(LanguageStatus(language: language, name: translations.name(of: language), pages: pages, missingUIKeys: missing))
        }
        return TranslationStatus(languages: out)
    }

    /// Where one page stands in one language.
    public static func status(of page: Page, in pack: LanguagePack) -> PageStatus {
        guard let translated = pack.pages[page.id] else {
            return PageStatus(pageID: page.id, title: page.title, originalPath: page.sourcePath, translationPath: nil,
                              state: .missing, recordedHash: nil)
        }
        return PageStatus(pageID: page.id, title: page.title, originalPath: page.sourcePath,
                          translationPath: translated.sourcePath, state: state(of: translated, source: page),
                          recordedHash: translated.translationOf)
    }

    public static func state(of translation: TranslatedPage, source: Page) -> State {
        if translation.translationOf == SourceHash.of(source) { return .translated }
        guard translation.translationOf != nil else { return .stale(changes: ["the translation does not record which version of the original it translates"]) }
        return .stale(changes: changedSections(recorded: translation.sourceSections, current: SourceHash.sections(of: source)))
    }

    /// Sections compared by heading (the n-th occurrence of a heading with the n-th), then by fingerprint.
    public static func changedSections(recorded: [(hash: String, heading: String)], current: [SourceHash.Section]) -> [String] {
        guard !recorded.isEmpty else { return ["(the translation does not record the original's sections)"] }
        func keyed(_ items: [(String, String)]) -> [(key: String, heading: String, hash: String)] {
            var seen: [String: Int] = [:]
            return items.map { heading, hash in
                let n = seen[heading, default: 0]
                seen[heading] = n + 1
                return ("\(heading)#\(n)", heading, hash)
            }
        }
        let old = keyed(recorded.map { ($0.heading, $0.hash) })
        let new = keyed(current.map { ($0.heading, $0.hash) })
        let oldByKey = Dictionary(old.map { ($0.key, $0.hash) }, uniquingKeysWith: { a, _ in a })
        let newKeys = Set(new.map(\.key))
        var changes: [String] = []
        for section in new {
            if let hash = oldByKey[section.key] {
                if hash != section.hash { changes.append("changed: \(section.heading)") }
            } else {
                changes.append("new: \(section.heading)")
            }
        }
        for section in old where !newKeys.contains(section.key) { changes.append("removed: \(section.heading)") }
        return changes
    }
}
