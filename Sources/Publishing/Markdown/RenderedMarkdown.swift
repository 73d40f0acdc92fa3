import Curriculum
import Diagnostics
import Grading

/// A heading of a page: what the table of contents and anchor checks need.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String
}

/// A link found in a page, classified, with where it was written.
public struct LinkReference: Sendable, Hashable {
    public enum Target: Sendable, Hashable {
        case page(id: String, anchor: String?)
        case anchor(String)
        case path(id: String)
        case curriculum(ObjectiveReference)
        case asset(String)
        case external
        /// A link the resolver could not make sense of; the message says why.
        case invalid(message: String, hint: String?)
        /// A relative link to a Markdown file that is not a page of the course.
        case missingPage(sourcePath: String, anchor: String?)
        /// A link to a file under Content/ that does not exist.
        case missingAsset(String)
    }
    public var target: Target
    public var raw: String
    public var location: SourceLocation
}

/// A page's Markdown rendered to HTML, plus what later stages check and index.
public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var links: [LinkReference]
    /// Objectives named in `[!curriculum]` callouts: they count as coverage like front matter.
    public var calloutObjectives: [ObjectiveReference]
    /// Problems found while rendering (e.g. raw HTML in an untrusted page).
    public var diagnostics: [Diagnostic]
    /// Exercises placed with ```` ```exercise ID ```` blocks, in page order; `html` holds `exerciseMarker(i)` for each.
    public var exercises: [ExerciseEmbed] = []
    /// Questions written in the page (```question blocks), in page order: translations must keep their answers.
    public var questions: [Question] = []
    /// Cut explorers and event displays (```explorer / ```event-display blocks), in page order; `html` holds
    /// `figureMarker(i)` for each until the figure stage fills it in.
    public var figures: [FigureEmbed] = []

    public static func figureMarker(_ index: Int) -> String { "\u{1}FIGURE \(index)\u{1}" }

    /// Where exercise `index` of the page goes in `html`, until the exercise stage fills it in.
    public static func exerciseMarker(_ index: Int) -> String { "\u{1}EXERCISE \(index)\u{1}" }
}

extension RenderedMarkdown {
    /// Moves every location from the generated Markdown (line `firstLine + k`) to where line k came from.
    mutating func relocate(_ map: [SourceLocation], firstLine: Int) {
        func move(_ location: SourceLocation?) -> SourceLocation? {
            guard let location else { return nil }
            let index = location.line - firstLine
            guard map.indices.contains(index) else { return location }
            let origin = map[index]
            return SourceLocation(path: origin.path, line: origin.line, column: origin.column + max(0, location.column - 1))
        }
        diagnostics = diagnostics.map { d in
            var copy = d
            copy.location = move(d.location)
            copy.notes = d.notes.map { note in var n = note; n.location = move(note.location); return n }
            return copy
        }
        links = links.map { link in var copy = link; copy.location = move(link.location) ?? link.location; return copy }
        figures = figures.map { embed in var copy = embed; copy.location = move(embed.location) ?? embed.location; return copy }
        exercises = exercises.map { embed in
            var copy = embed
            copy.location = move(embed.location) ?? embed.location
            copy.expectations = embed.expectations.map { e in var c = e; c.location = move(e.location) ?? e.location; return c }
            return copy
        }
    }
}
