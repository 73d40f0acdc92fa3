import Diagnostics

/// One Markdown page of the course, as the author wrote it (front matter read, body not yet rendered).
public struct Page: Sendable, Hashable {
    /// Stable identity used by paths and links: the path under `Content/` without `.md`, unless set.
    public var id: String
    /// Path of the source file relative to the course root, e.g. `Content/foundations/leptons.md`.
    public var sourcePath: String
    public var title: String
    public var summary: String
    public var curriculum: [ObjectiveReference]
    public var level: String?
    public var duration: Duration?
    public var edition: Edition
    /// The Markdown after the front matter, and the file line it starts on.
    public var body: String
    public var bodyFirstLine: Int
    /// Where the id is declared (the `id:` value, or the file's first line) — for duplicate-id reports.
    public var idLocation: SourceLocation
    /// For a page made from another format (a notebook): where each line of `body` came from in the source file.
    public var lineMap: [SourceLocation]? = nil
    /// Files the page brings with it (a notebook's output images), by their path in the site tree.
    public var attachments: [String: [UInt8]] = [:]
    /// HTML the page's Markdown refers to by marker lines (a notebook's figures and tables), made safe when generated.
    public var generatedHTML: [String] = []
    public var isNotebook: Bool { sourcePath.hasSuffix(".ipynb") }

    public init(id: String, sourcePath: String, title: String, summary: String = "",
                curriculum: [ObjectiveReference] = [], level: String? = nil, duration: Duration? = nil,
                edition: Edition = .student, body: String, bodyFirstLine: Int = 1, idLocation: SourceLocation? = nil) {
        self.id = id
        self.sourcePath = sourcePath
        self.title = title
        self.summary = summary
        self.curriculum = curriculum
        self.level = level
        self.duration = duration
        self.edition = edition
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.idLocation = idLocation ?? .file(sourcePath)
    }

    /// Where the page is written in the site, relative to the site root: `<id>.html`.
    public var outputPath: String { id + ".html" }
}
