import Diagnostics

/// A recursive-descent parser over the lines of one document; `YAMLParser.parse` is the entry point.
///
/// The grammar, by indentation:
/// - a node starts at some (line, column); it is a block list if it starts with `- `, a block
///   scalar if it starts with `|` or `>`, a block map if the line reads `key: ...`, and otherwise
///   a one-line value (plain or quoted scalar, or flow list) that must end on its line;
/// - a map's keys, and a list's dashes, all sit at the node's column; a nested block must be
///   indented more than its key, except that a list may sit at its key's column;
/// - after a one-line value, no line may be indented more than its parent (that would be a
///   continuation line, which the subset excludes).
///
/// Errors are thrown as `Diagnostic` values: the first problem ends the parse.
/// Every loop consumes at least one line per turn, and nesting depth is bounded, so any input ends.
struct DocumentParser {
    /// Deepest nesting of lists and maps accepted (keeps recursion far from the stack's limit).
    static let maxDepth = 100

    let source: SourceText
    /// Index of the first line not yet consumed.
    var nextLine = 0
    var depth = 0

    init(source: SourceText) {
        self.source = source
    }

    mutating func parseDocument() throws(Diagnostic) -> YAMLNode {
        guard let first = try peekContentLine() else {
            return YAMLNode(.null, location: SourceLocation(path: source.path, line: source.firstLine, column: 1))
        }
        let rootIndent = source.lines[first].indent
        let root = try parseNode(line: first, column: rootIndent, parentIndent: -1, afterKey: false)
        if let extra = try peekContentLine() {
            let indent = source.lines[extra].indent
            let at = loc(extra, indent)
            if indent < rootIndent {
                throw YAMLError.indentation(
                    "this line is less indented than the first line of the document (column \(rootIndent + 1))", at: at)
            }
            throw YAMLError.syntax("unexpected content after the end of the value", at: at)
        }
        return root
    }

    // MARK: - Lines

    func loc(_ line: Int, _ column: Int) -> SourceLocation {
        source.location(line, column)
    }

    /// Skips blank and comment lines from `nextLine` and returns the index of the next line with
    /// content, after checking it for tabs in its indentation and for document markers.
    mutating func peekContentLine() throws(Diagnostic) -> Int? {
        while nextLine < source.lines.count, source.lines[nextLine].isBlank { nextLine += 1 }
        guard nextLine < source.lines.count else { return nil }
        let line = source.lines[nextLine]
        if source.isDocumentMarker(nextLine) {
            throw YAMLError.documentMarker(at: loc(nextLine, 0))
        }
        if line.firstText > line.indent {
            throw YAMLError.tab(at: loc(nextLine, line.indent))
        }
        return nextLine
    }

    /// Counts one more level of nesting, failing past `maxDepth`. Pair with `leave()`.
    mutating func enter(_ line: Int, _ column: Int) throws(Diagnostic) {
        depth += 1
        if depth > Self.maxDepth {
            throw YAMLError.tooDeep(at: loc(line, column), limit: Self.maxDepth)
        }
    }

    mutating func leave() {
        depth -= 1
    }

    // MARK: - Nodes

    /// Parses the node starting at (`line`, `column`), whose parent sits at column `parentIndent`
    /// (-1 for the document). `afterKey` is true for a value on the same line as its key, where
    /// neither a block list nor a block map may start.
    mutating func parseNode(line: Int, column: Int, parentIndent: Int, afterKey: Bool) throws(Diagnostic) -> YAMLNode {
        if source.isListItem(line, column) {
            if afterKey {
                throw YAMLError.syntax("a list can't start on the same line as its key", at: loc(line, column),
                                       hint: "start the list on the next line, one '- item' per line")
            }
            return try parseList(line: line, indent: column, sameIndentAsKey: false)
        }
        if let b = source.byte(line, column), b == Byte.pipe || b == Byte.greaterThan {
            return try parseBlockScalar(line: line, column: column, parentIndent: parentIndent)
        }
        if !afterKey, scanKey(line: line, column: column) != nil {
            return try parseMap(line: line, indent: column)
        }
        let node = try parseOneLineValue(line: line, column: column, parentIndent: parentIndent)
        nextLine = line + 1
        try checkNoContinuation(of: node, on: line, parentIndent: parentIndent)
        return node
    }

    /// A plain or quoted scalar or a flow list, which must end on its line (a comment may follow).
    mutating func parseOneLineValue(line: Int, column: Int, parentIndent: Int) throws(Diagnostic) -> YAMLNode {
        switch source.byte(line, column) {
        case Byte.doubleQuote, Byte.singleQuote:
            let (text, end) = try scanQuoted(line: line, column: column, parentIndent: parentIndent)
            try expectLineEnd(line: line, column: end, after: "the closing quote")
            return YAMLNode(.string(text), location: loc(line, column), raw: text)
        case Byte.openBracket:
            let (node, end) = try parseFlowList(line: line, column: column, parentIndent: parentIndent)
            try expectLineEnd(line: line, column: end, after: "the list's closing ']'")
            return node
        default:
            try checkPlainStart(line: line, column: column, flow: false)
            let (text, _) = try scanPlain(line: line, column: column, flow: false)
            return YAMLNode(ScalarResolver.resolve(text), location: loc(line, column), raw: text)
        }
    }

    /// After a one-line value, a following line indented more than the parent would continue it.
    mutating func checkNoContinuation(of node: YAMLNode, on line: Int, parentIndent: Int) throws(Diagnostic) {
        guard let next = try peekContentLine() else { return }
        let indent = source.lines[next].indent
        guard indent > parentIndent else { return }
        let at = loc(next, indent)
        let number = source.lines[line].number
        let structural = node.list != nil || scanKey(line: next, column: indent) != nil
            || source.isListItem(next, indent)
        if structural {
            let message = "unexpected line: the value on line \(number) is already complete"
            if parentIndent < 0 { throw YAMLError.syntax(message, at: at) }
            throw YAMLError.indentation(message, at: at)
        }
        throw YAMLError.multiline("this line continues the value on line \(number); "
                                  + "a value can't span several lines", at: at)
    }

    /// Only whitespace and a comment may follow column `column`.
    func expectLineEnd(line: Int, column: Int, after what: String, hint: String? = nil) throws(Diagnostic) {
        let c = source.skipBlanks(line, from: column)
        guard source.byte(line, c) != nil, !source.isCommentStart(line, c) else { return }
        throw YAMLError.syntax("unexpected text after \(what)", at: loc(line, c), hint: hint)
    }
}
