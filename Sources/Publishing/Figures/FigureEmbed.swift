import Diagnostics

/// A figure a page builds from the sample data: a ```` ```explorer ID ```` block (the cut explorer) or an
/// ```` ```event-display ID ```` block. Its text is an `.ana`-style specification, run at build time.
public struct FigureEmbed: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case explorer, eventDisplay = "event-display" }
    public var kind: Kind
    /// Names the figure across the course (and its data file): translations of the page reuse it.
    public var id: String
    /// The block's text.
    public var source: String
    /// The fence line; the text starts on the next line.
    public var location: SourceLocation

    /// The text with blank lines in front, so line numbers of the `.ana` parser are the Markdown file's.
    var sourceAtItsLines: String { String(repeating: "\n", count: max(0, location.line)) + source }
}
