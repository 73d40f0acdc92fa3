import Diagnostics

/// The YAML header of a Markdown page, split from the page's body.
public struct FrontMatter: Sendable {
    /// Nil when the file has no front matter; a null node when it is empty.
    public var node: YAMLNode?
    /// The Markdown after the closing `---`.
    public var body: String
    /// 1-based line number of the body's first line in the file, so Markdown diagnostics
    /// can point into the file.
    public var bodyFirstLine: Int

    /// Builds a split page, e.g. for tests.
    public init(node: YAMLNode?, body: String, bodyFirstLine: Int) {
        self.node = node
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// Splits `---\n...\n---\n` at the very start of the file. A UTF-8 BOM is skipped; CRLF line
    /// endings are accepted; the fences may carry trailing whitespace. An opening `---` with no
    /// closing one is an error `frontmatter.unterminated` at line 1 column 1; YAML errors carry
    /// their line in the file.
    public static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let (firstEnd, yamlStart) = lineBounds(bytes, from: 0)
        guard isFence(bytes[0..<firstEnd]) else {
            return .success(FrontMatter(node: nil, body: String(decoding: bytes, as: UTF8.self), bodyFirstLine: 1))
        }
        var lineStart = yamlStart
        var lineNumber = 2
        while lineStart < bytes.count {
            let (end, next) = lineBounds(bytes, from: lineStart)
            if isFence(bytes[lineStart..<end]) {
                let yaml = String(decoding: bytes[yamlStart..<lineStart], as: UTF8.self)
                let body = String(decoding: bytes[next...], as: UTF8.self)
                return YAMLParser.parse(yaml, path: path, firstLine: 2).map {
                    FrontMatter(node: $0, body: body, bodyFirstLine: lineNumber + 1)
                }
            }
            lineStart = next
            lineNumber += 1
        }
        return .failure(.error("frontmatter.unterminated", "front matter has no closing '---'",
                               at: SourceLocation(path: path, line: 1, column: 1),
                               hint: "end the front matter with a line holding only '---'"))
    }

    /// The end of the line starting at `start` (before `\r\n` or `\n`) and the start of the next.
    private static func lineBounds(_ bytes: [UInt8], from start: Int) -> (end: Int, next: Int) {
        var stop = start
        while stop < bytes.count, bytes[stop] != Byte.newline { stop += 1 }
        let end = stop > start && bytes[stop - 1] == Byte.carriageReturn ? stop - 1 : stop
        return (end, min(stop + 1, bytes.count))
    }

    /// `---` followed only by spaces or tabs.
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: [Byte.dash, Byte.dash, Byte.dash]) && line.dropFirst(3).allSatisfy(Byte.isBlank)
    }
}
