import Diagnostics

/// Where a `key:` was found on a line: the key's first byte and its colon.
struct KeyScan {
    var column: Int
    var colon: Int
    var quoted: Bool
}

// MARK: - Block maps and lists

extension DocumentParser {
    /// A block map whose keys all sit at column `indent`; the first key is on `line`
    /// (possibly after a `- `).
    mutating func parseMap(line first: Int, indent: Int) throws(Diagnostic) -> YAMLNode {
        try enter(first, indent)
        defer { leave() }
        var entries: [YAMLMap.Entry] = []
        var seen: [String: SourceLocation] = [:]
        var line = first
        while true {
            let (key, colon) = try parseKey(line: line, column: indent)
            let keyLocation = loc(line, indent)
            if let firstLocation = seen[key] {
                throw YAMLError.duplicateKey(key, at: keyLocation, first: firstLocation)
            }
            seen[key] = keyLocation
            let value = try parseMapValue(line: line, indent: indent, colon: colon)
            entries.append(YAMLMap.Entry(key: key, keyLocation: keyLocation, value: value))
            guard let next = try peekContentLine() else { break }
            let nextIndent = source.lines[next].indent
            if nextIndent < indent { break }
            if nextIndent > indent {
                throw YAMLError.indentation(
                    "bad indentation: this line is at column \(nextIndent + 1), but the keys of the map "
                    + "it would belong to are at column \(indent + 1)", at: loc(next, nextIndent))
            }
            line = next
        }
        return YAMLNode(.map(YAMLMap(entries)), location: loc(first, indent))
    }

    /// Reads the key at (`line`, `column`), returning its text and the column of its colon.
    private func parseKey(line: Int, column: Int) throws(Diagnostic) -> (String, Int) {
        if source.isListItem(line, column) {
            throw YAMLError.syntax("expected 'key: value', found a list item", at: loc(line, column),
                                   hint: "a map's keys and a list's items can't be mixed at the same indentation")
        }
        guard let scan = scanKey(line: line, column: column) else {
            if let b = source.byte(line, column), b == Byte.doubleQuote || b == Byte.singleQuote {
                // Reports an unterminated string or a bad escape, if that is the problem.
                let (_, end) = try scanQuoted(line: line, column: column, parentIndent: column)
                try expectLineEnd(line: line, column: end, after: "the closing quote")
            }
            throw YAMLError.missingColon(at: loc(line, column), hasColon: lineHasColon(line, from: column))
        }
        if scan.quoted {
            return (try scanQuoted(line: line, column: column, parentIndent: column).0, scan.colon)
        }
        try checkPlainStart(line: line, column: column, flow: false)
        var end = scan.colon
        while end > column, Byte.isBlank(source.byte(line, end - 1)) { end -= 1 }
        return (source.text(line, from: column, to: end), scan.colon)
    }

    /// The value of the key whose colon is at column `colon`: on the same line, or a nested block
    /// on the following lines, or null.
    private mutating func parseMapValue(line: Int, indent: Int, colon: Int) throws(Diagnostic) -> YAMLNode {
        let start = source.skipBlanks(line, from: colon + 1)
        if !source.isRestEmpty(line, from: start) {
            return try parseNode(line: line, column: start, parentIndent: indent, afterKey: true)
        }
        nextLine = line + 1
        let empty = YAMLNode(.null, location: loc(line, colon + 1), raw: "")
        guard let next = try peekContentLine() else { return empty }
        let nextIndent = source.lines[next].indent
        if nextIndent > indent {
            return try parseNode(line: next, column: nextIndent, parentIndent: indent, afterKey: false)
        }
        if nextIndent == indent, source.isListItem(next, indent) {
            return try parseList(line: next, indent: indent, sameIndentAsKey: true)
        }
        return empty
    }

    /// A block list whose dashes all sit at column `indent`. When the list is the value of a key at
    /// the same column (`key:` then `- a`), a following line at that column ends the list and
    /// continues the map; otherwise it must be another item.
    mutating func parseList(line first: Int, indent: Int, sameIndentAsKey: Bool) throws(Diagnostic) -> YAMLNode {
        try enter(first, indent)
        defer { leave() }
        var items: [YAMLNode] = []
        var line = first
        while true {
            items.append(try parseListItem(line: line, indent: indent))
            guard let next = try peekContentLine() else { break }
            let nextIndent = source.lines[next].indent
            if nextIndent < indent { break }
            if nextIndent > indent {
                throw YAMLError.indentation(
                    "bad indentation: this line is at column \(nextIndent + 1), but the items of the list "
                    + "it would belong to are at column \(indent + 1)", at: loc(next, nextIndent))
            }
            if !source.isListItem(next, indent) {
                if sameIndentAsKey { break }
                throw YAMLError.syntax("expected a list item ('- ') at this indentation", at: loc(next, indent),
                                       hint: YAMLError.indentationHint)
            }
            line = next
        }
        return YAMLNode(.list(items), location: loc(first, indent))
    }

    /// One `- item`: its value follows the dash on the same line, or is a nested block below, or is null.
    private mutating func parseListItem(line: Int, indent: Int) throws(Diagnostic) -> YAMLNode {
        var column = indent + 1
        while source.byte(line, column) == Byte.space { column += 1 }
        if source.byte(line, column) == Byte.tab {
            throw YAMLError.tab(at: loc(line, column))
        }
        if !source.isRestEmpty(line, from: column) {
            return try parseNode(line: line, column: column, parentIndent: indent, afterKey: false)
        }
        nextLine = line + 1
        if let next = try peekContentLine(), source.lines[next].indent > indent {
            return try parseNode(line: next, column: source.lines[next].indent, parentIndent: indent, afterKey: false)
        }
        return YAMLNode(.null, location: loc(line, indent + 1), raw: "")
    }

    // MARK: - Keys

    /// Finds `key:` (colon followed by whitespace or the end of the line) starting at `column`,
    /// without judging the key; nil if the line is not a map entry.
    func scanKey(line: Int, column: Int) -> KeyScan? {
        guard let first = source.byte(line, column) else { return nil }
        if first == Byte.doubleQuote || first == Byte.singleQuote {
            guard let end = quotedEnd(line: line, column: column) else { return nil }
            let colon = source.skipBlanks(line, from: end)
            guard source.byte(line, colon) == Byte.colon, Byte.isBlankOrEnd(source.byte(line, colon + 1)) else {
                return nil
            }
            return KeyScan(column: column, colon: colon, quoted: true)
        }
        if first == Byte.openBracket || first == Byte.openBrace { return nil }
        var c = column
        while let b = source.byte(line, c) {
            if b == Byte.hash, c > column, Byte.isBlank(source.byte(line, c - 1)) { return nil }
            if b == Byte.colon, Byte.isBlankOrEnd(source.byte(line, c + 1)) {
                return KeyScan(column: column, colon: c, quoted: false)
            }
            c += 1
        }
        return nil
    }

    /// The column just after the closing quote of the quoted scalar at `column`, or nil if unclosed.
    func quotedEnd(line: Int, column: Int) -> Int? {
        guard let quote = source.byte(line, column) else { return nil }
        var c = column + 1
        while let b = source.byte(line, c) {
            if quote == Byte.doubleQuote, b == Byte.backslash {
                c += 2
            } else if b == quote {
                if quote == Byte.singleQuote, source.byte(line, c + 1) == Byte.singleQuote {
                    c += 2
                } else {
                    return c + 1
                }
            } else {
                c += 1
            }
        }
        return nil
    }

    /// True if a `:` appears on the line before any comment (used to hint at a missing space).
    private func lineHasColon(_ line: Int, from column: Int) -> Bool {
        var c = column
        while let b = source.byte(line, c), !source.isCommentStart(line, c) {
            if b == Byte.colon { return true }
            c += 1
        }
        return false
    }
}
