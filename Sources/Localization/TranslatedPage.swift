import Diagnostics
import YAMLSubset

/// A translator's version of one source page (`Translations/<lang>/<same path as under Content/>`).
/// Only text: the title, the summary and the body. Everything else (id, curriculum links, level, duration,
/// edition) comes from the source page.
public struct TranslatedPage: Sendable, Hashable {
    public var language: String
    /// `Translations/es/getting-started/welcome.md`
    public var sourcePath: String
    /// `Content/getting-started/welcome.md`: the page this translates.
    public var originalPath: String
    public var title: String
    public var summary: String
    public var body: String
    public var bodyFirstLine: Int
    /// The fingerprint of the source text this translates (`translation-of:`), written by `openkey translations`.
    public var translationOf: String?
    public var translationOfLocation: SourceLocation
    /// Fingerprints of the source's sections at that time (`source-sections:`), to name what changed since.
    public var sourceSections: [(hash: String, heading: String)]
    /// For a translated notebook: where each line of `body` came from, its output images and generated HTML.
    public var lineMap: [SourceLocation]? = nil
    public var attachments: [String: [UInt8]] = [:]
    public var generatedHTML: [String] = []

    public init(language: String, sourcePath: String, originalPath: String, title: String, summary: String, body: String,
                bodyFirstLine: Int, translationOf: String?, translationOfLocation: SourceLocation, sourceSections: [(hash: String, heading: String)]) {
        self.language = language
        self.sourcePath = sourcePath
        self.originalPath = originalPath
        self.title = title
        self.summary = summary
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.translationOf = translationOf
        self.translationOfLocation = translationOfLocation
        self.sourceSections = sourceSections
    }

    public static func == (a: TranslatedPage, b: TranslatedPage) -> Bool {
        a.sourcePath == b.sourcePath && a.title == b.title && a.summary == b.summary && a.body == b.body
            && a.translationOf == b.translationOf
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(sourcePath) }
}

/// Reads a translated page. Pure: no file I/O.
public enum TranslatedPageParser {
    static let textFields = ["title", "summary", "translation-of", "source-sections"]
    /// Front-matter fields of source pages that a translation may not set.
    static let sourceFields = ["id", "curriculum", "level", "duration", "edition"]

    public static func parse(_ text: String, language: String, sourcePath: String, originalPath: String) -> (TranslatedPage?, [Diagnostic]) {
        let front: FrontMatter
        switch FrontMatter.split(text, path: sourcePath) {
        case .success(let f): front = f
        case .failure(let d): return (nil, [d])
        }
        guard let node = front.node, let map = node.map else {
            return (nil, [.error("frontmatter.missing", "translated page has no front matter", at: .file(sourcePath),
                                 hint: "start it with ---, 'title: …', 'summary: …' and ---, or scaffold it with: openkey translations start \(language) \(originalPath)")])
        }
        var diagnostics: [Diagnostic] = []
        let context = "translated page front matter"
        for entry in map.entries where sourceFields.contains(entry.key) {
            diagnostics.append(.error("translation.source-field",
                                      "'\(entry.key)' comes from the original page (\(originalPath)); a translation only translates text",
                                      at: entry.keyLocation, hint: "remove this line; change it in \(originalPath) if it is wrong"))
        }
        diagnostics += map.unknownKeys(allowed: textFields + sourceFields, in: context)
        let title = map.requiredString("title", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let summary = map.requiredString("summary", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let hash = map.optionalString("translation-of", context: context, diagnostics: &diagnostics)
        if let hash, let entry = map.entry("translation-of"),
           hash.count != 16 || !hash.allSatisfy({ $0.isHexDigit }) {
            diagnostics.append(.error("translation.hash", "'\(hash)' is not a source fingerprint (16 hex digits)", at: entry.value.location,
                                      hint: "let the tool write it: openkey translations mark-current \(language) \(originalPath)"))
        }
        var sections: [(String, String)] = []
        for (item, location) in map.optionalStringList("source-sections", context: context, diagnostics: &diagnostics) ?? [] {
            let parts = item.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].count == 8, parts[0].allSatisfy(\.isHexDigit) {
                sections.append((String(parts[0]), String(parts[1])))
            } else {
                diagnostics.append(.warning("translation.sections", "'\(item)' is not '<8 hex digits> <heading>'", at: location,
                                            hint: "let the tool write it: openkey translations mark-current \(language) \(originalPath)"))
            }
        }
        guard let title, let summary else { return (nil, diagnostics) }
        let page = TranslatedPage(language: language, sourcePath: sourcePath, originalPath: originalPath, title: title,
                                  summary: summary, body: front.body, bodyFirstLine: front.bodyFirstLine, translationOf: hash,
                                  translationOfLocation: map.entry("translation-of")?.value.location ?? node.location,
                                  sourceSections: sections)
        return (page, diagnostics)
    }
}
