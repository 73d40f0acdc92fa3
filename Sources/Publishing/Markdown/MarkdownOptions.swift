import Diagnostics
import Curriculum

/// How one page's Markdown is rendered.
public struct MarkdownOptions: Sendable {
    /// Raw HTML is kept in teachers' pages; translators' pages are untrusted, so there it is reported and dropped.
    public var allowRawHTML: Bool
    public var edition: Edition
    /// Box titles, in the reader's language.
    public var calloutTitles: [CalloutKind: String]
    public var curriculum: CurriculumLookup
    /// The file relative links are resolved from, when it differs from the file being rendered: a translation
    /// (`Translations/es/x.md`) links as if it were its original (`Content/x.md`).
    public var linkBase: String?
    /// Anchor ids for the page's headings in order, instead of slugs of their text: a translation keeps its
    /// original's anchors, so `page.md#anchor` links work in every language.
    public var headingAnchors: [String]?
    /// Where each line of the Markdown came from, when it was made from another file (a notebook): diagnostics,
    /// links and exercises are located in that file instead.
    public var lineMap: [SourceLocation]?
    /// The reader's UI strings (questions' buttons and messages).
    public var ui: [String: String] = [:]
    /// HTML put where the Markdown has `NotebookParser.marker(i)` lines.
    public var generatedHTML: [String] = []

    public init(allowRawHTML: Bool = true, edition: Edition = .student,
                calloutTitles: [CalloutKind: String] = MarkdownOptions.englishTitles,
                curriculum: CurriculumLookup = CurriculumLookup(registries: [])) {
        self.allowRawHTML = allowRawHTML
        self.edition = edition
        self.calloutTitles = calloutTitles
        self.curriculum = curriculum
    }

    public static let englishTitles: [CalloutKind: String] = [
        .note: "Note", .tip: "Tip", .warning: "Warning", .teacher: "For teachers", .curriculum: "Curriculum link",
    ]
}

/// Objective statements by reference, for the "Curriculum link" boxes.
public struct CurriculumLookup: Sendable {
    public struct Entry: Sendable, Hashable {
        public var registryTitle: String
        public var statement: String
    }
    private let entries: [String: Entry]

    public init(registries: [CurriculumRegistry]) {
        var entries: [String: Entry] = [:]
        for registry in registries {
            for (objective, _) in registry.flattened {
                entries["\(registry.id):\(objective.code)"] = Entry(registryTitle: registry.title, statement: objective.statement)
            }
        }
        self.entries = entries
    }

    public subscript(ref: ObjectiveReference) -> Entry? { entries[ref.description] }
}
