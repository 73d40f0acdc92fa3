import Diagnostics

/// One physical line of YAML text, as byte offsets into `SourceText.bytes` (line break excluded).
struct SourceLine {
    /// Line number in the file, 1-based, already shifted by `firstLine`.
    let number: Int
    let start: Int
    let end: Int
    /// Number of leading spaces.
    let indent: Int
    /// Offset within the line of the first byte that is neither a space nor a tab (`length` if none).
    let firstText: Int
    /// True when the line holds nothing: empty, whitespace only, or only a comment.
    let isBlank: Bool

    var length: Int { end - start }
    /// True when the line is empty or holds only spaces and tabs.
    var isWhitespaceOnly: Bool { firstText == length }
}

/// The document as UTF-8 bytes split into lines, with the helpers every parsing stage needs:
/// byte access by (line, column), text slices and source locations.
/// Columns here are 0-based byte offsets within a line; `location` turns them into 1-based columns.
struct SourceText {
    let path: String
    let firstLine: Int
    let bytes: [UInt8]
    let lines: [SourceLine]
    /// False when the text's last line has no line break after it.
    let lastLineHasBreak: Bool

    init(_ text: String, path: String, firstLine: Int) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.path = path
        self.firstLine = firstLine
        self.bytes = bytes
        self.lines = SourceText.splitLines(bytes, firstLine: firstLine)
        self.lastLineHasBreak = bytes.last == Byte.newline
    }

    private static func splitLines(_ bytes: [UInt8], firstLine: Int) -> [SourceLine] {
        var lines: [SourceLine] = []
        var start = 0
        var index = 0
        while start < bytes.count {
            var stop = start
            while stop < bytes.count, bytes[stop] != Byte.newline { stop += 1 }
            let next = stop + 1
            var end = stop
            if end > start, bytes[end - 1] == Byte.carriageReturn { end -= 1 }
            lines.append(makeLine(bytes, number: firstLine + index, start: start, end: end))
            start = next
            index += 1
        }
        return lines
    }

    private static func makeLine(_ bytes: [UInt8], number: Int, start: Int, end: Int) -> SourceLine {
        var indent = 0
        while start + indent < end, bytes[start + indent] == Byte.space { indent += 1 }
        var first = indent
        while start + first < end, Byte.isBlank(bytes[start + first]) { first += 1 }
        let blank = start + first == end || bytes[start + first] == Byte.hash
        return SourceLine(number: number, start: start, end: end, indent: indent, firstText: first, isBlank: blank)
    }

    /// The byte at `column` of line `line`, or nil past the end of the line.
    func byte(_ line: Int, _ column: Int) -> UInt8? {
        guard line >= 0, line < lines.count, column >= 0 else { return nil }
        let l = lines[line]
        return column < l.length ? bytes[l.start + column] : nil
    }

    func location(_ line: Int, _ column: Int) -> SourceLocation {
        let number = line < lines.count ? lines[line].number : firstLine + line
        return SourceLocation(path: path, line: number, column: column + 1)
    }

    /// The text of line `line` from column `from` up to (not including) column `to`.
    func text(_ line: Int, from: Int, to: Int) -> String {
        let l = lines[line]
        let lower = l.start + max(0, min(from, l.length))
        let upper = l.start + max(0, min(to, l.length))
        return lower < upper ? String(decoding: bytes[lower..<upper], as: UTF8.self) : ""
    }

    /// The first column at or after `column` that is not a space or tab.
    func skipBlanks(_ line: Int, from column: Int) -> Int {
        var c = column
        while Byte.isBlank(byte(line, c)) { c += 1 }
        return c
    }

    /// True if a comment starts at `column`: a `#` at the start of the line or after whitespace.
    func isCommentStart(_ line: Int, _ column: Int) -> Bool {
        byte(line, column) == Byte.hash && (column == 0 || Byte.isBlank(byte(line, column - 1)))
    }

    /// True if nothing but whitespace and an optional comment follows `column`.
    func isRestEmpty(_ line: Int, from column: Int) -> Bool {
        let c = skipBlanks(line, from: column)
        return byte(line, c) == nil || isCommentStart(line, c)
    }

    /// `---` or `...` at the start of a line, alone or followed by whitespace.
    func isDocumentMarker(_ line: Int) -> Bool {
        guard let first = byte(line, 0), first == Byte.dash || first == Byte.dot else { return false }
        return byte(line, 1) == first && byte(line, 2) == first && Byte.isBlankOrEnd(byte(line, 3))
    }

    /// `-` followed by whitespace or the end of the line.
    func isListItem(_ line: Int, _ column: Int) -> Bool {
        byte(line, column) == Byte.dash && Byte.isBlankOrEnd(byte(line, column + 1))
    }

    /// True if the line contains `byte` anywhere.
    func lineContains(_ line: Int, _ byte: UInt8) -> Bool {
        let l = lines[line]
        return bytes[l.start..<l.end].contains(byte)
    }
}
