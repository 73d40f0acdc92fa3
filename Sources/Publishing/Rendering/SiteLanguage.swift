import Localization

/// The language one tree of the site is written in, and what the renderers need to say about translations:
/// where the tree sits, the other languages to switch to, and which pages are shown untranslated or stale.
public struct SiteLanguage: Sendable {
    public enum PageState: Sendable, Hashable {
        /// In the source language, or a current translation.
        case current
        /// No translation: the original is shown, with a banner.
        case untranslated
        /// A translation of an older version of the original, with a banner.
        case stale
    }

    public struct Alternate: Sendable, Hashable {
        public var code: String
        public var name: String
        public var direction: String
    }

    public var code: String
    public var sourceLanguage: String
    /// `es/` when the site has several languages (each in its folder), `""` for a single-language site.
    public var prefix: String
    /// Every language of the site, in the order of `site.yml` (empty for a single-language site).
    public var alternates: [Alternate]
    public var pageStates: [String: PageState]

    public init(code: String, sourceLanguage: String, prefix: String = "", alternates: [Alternate] = [], pageStates: [String: PageState] = [:]) {
        self.code = code
        self.sourceLanguage = sourceLanguage
        self.prefix = prefix
        self.alternates = alternates
        self.pageStates = pageStates
    }

    public var direction: String { LanguageInfo.direction(code) }
    public var isSource: Bool { code == sourceLanguage }

    /// The single tree of a one-language site.
    public static func single(_ code: String) -> SiteLanguage { SiteLanguage(code: code, sourceLanguage: code) }

    /// The relative URL from `outputPath` (in this language's tree) to `target` in `language`'s tree.
    public func href(from outputPath: String, to target: String, in language: String) -> String {
        guard !prefix.isEmpty else { return SitePaths.relative(from: outputPath, to: target) }
        return SitePaths.relative(from: prefix + outputPath, to: language + "/" + target)
    }

    /// The relative URL from `outputPath` to a file shared by all languages at the site root (`assets/…`).
    public func sharedHref(from outputPath: String, to target: String) -> String {
        SitePaths.relative(from: prefix + outputPath, to: target)
    }

    /// The prefix that leads from `outputPath` to the site root (above the language folders).
    public func siteRoot(from outputPath: String) -> String { SitePaths.root(from: prefix + outputPath) }
}
