import Diagnostics

// MARK: - Flow lists

extension DocumentParser {
    /// A flow list `[a, "b, c", [d]]` starting at `column`, which must close on the same line.
    /// A trailing comma is allowed; empty items and `{...}` maps are not.
    /// Returns the list and the column just after its `]`.
    mutating func parseFlowList(line: Int, column: Int, parentIndent: Int) throws(Diagnostic) -> (YAMLNode, Int) {
        try enter(line, column)
        defer { leave() }
        var items: [YAMLNode] = []
        var c = column + 1
        while true {
            c = source.skipBlanks(line, from: c)
            try checkListContinues(line: line, at: c, open: column, parentIndent: parentIndent)
            if source.byte(line, c) == Byte.closeBracket {
                return (YAMLNode(.list(items), location: loc(line, column)), c + 1)
            }
            let (item, end) = try parseFlowItem(line: line, column: c, parentIndent: parentIndent)
            items.append(item)
            c = source.skipBlanks(line, from: end)
            try checkListContinues(line: line, at: c, open: column, parentIndent: parentIndent)
            switch source.byte(line, c) {
            case Byte.comma:
                c += 1
            case Byte.closeBracket:
                return (YAMLNode(.list(items), location: loc(line, column)), c + 1)
            default:
                throw YAMLError.syntax("expected ',' or ']' in the list", at: loc(line, c),
                                       hint: "separate items with ', ', or \(YAMLError.quoteHint) if it contains brackets")
            }
        }
    }

    private mutating func parseFlowItem(line: Int, column: Int, parentIndent: Int) throws(Diagnostic) -> (YAMLNode, Int) {
        switch source.byte(line, column) {
        case Byte.openBracket:
            return try parseFlowList(line: line, column: column, parentIndent: parentIndent)
        case Byte.doubleQuote, Byte.singleQuote:
            let (text, end) = try scanQuoted(line: line, column: column, parentIndent: parentIndent)
            return (YAMLNode(.string(text), location: loc(line, column), raw: text), end)
        default:
            try checkPlainStart(line: line, column: column, flow: true)
            let (text, end) = try scanPlain(line: line, column: column, flow: true)
            return (YAMLNode(ScalarResolver.resolve(text), location: loc(line, column), raw: text), end)
        }
    }

    /// Fails if the line ends (or a comment starts) at `column` before the list opened at `open` closes.
    private func checkListContinues(line: Int, at column: Int, open: Int, parentIndent: Int) throws(Diagnostic) {
        guard source.byte(line, column) == nil || source.isCommentStart(line, column) else { return }
        if continuationContains(Byte.closeBracket, after: line, parentIndent: parentIndent) {
            throw YAMLError.multiline("a list in '[ ]' must end on the line where it starts", at: loc(line, open))
        }
        throw YAMLError.unterminatedList(at: loc(line, open))
    }
}
