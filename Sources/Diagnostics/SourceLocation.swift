/// A position in a source file: path relative to the course root, 1-based line,
/// 1-based column counted in UTF-8 bytes (what editors and cmark report).
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// The start of a file, for diagnostics about a file as a whole.
    public static func file(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 1, column: 1)
    }

    /// This location moved down by `lines` (for text embedded after a header, e.g. Markdown after front matter).
    public func offset(lines: Int, columns: Int = 0) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column + columns)
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}
