import Diagnostics

/// A cursor over the UTF-8 bytes of one line of an answers file, with columns for diagnostics.
struct LineScanner {
    let bytes: [UInt8]
    let path: String
    let line: Int
    /// Byte index of the next unread byte.
    var index = 0

    init(_ bytes: ArraySlice<UInt8>, path: String, line: Int) {
        self.bytes = Array(bytes)
        self.path = path
        self.line = line
    }

    var atEnd: Bool { index >= bytes.count }
    var location: SourceLocation { location(of: index) }
    func location(of byteIndex: Int) -> SourceLocation { SourceLocation(path: path, line: line, column: byteIndex + 1) }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    mutating func skipSpaces() {
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
    }

    /// The next run of bytes that are not spaces, ':' or '"' (after skipping spaces); nil when there is none.
    mutating func word() -> (text: String, start: Int)? {
        skipSpaces()
        let start = index
        while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != 0x3A, bytes[index] != 0x22 { index += 1 }
        guard index > start else { return nil }
        return (String(decoding: bytes[start..<index], as: UTF8.self), start)
    }

    /// A `"quoted"` name without escapes, or an error at the opening quote.
    mutating func quoted() throws(Diagnostic) -> (text: String, start: Int) {
        skipSpaces()
        let start = index
        guard index < bytes.count, bytes[index] == 0x22 else {
            throw .error("answers.syntax", "expected a quoted name such as \"mean mass\"", at: location)
        }
        index += 1
        while index < bytes.count, bytes[index] != 0x22 { index += 1 }
        guard index < bytes.count else {
            throw .error("answers.syntax", "unterminated quoted name", at: location(of: start), hint: "close the name with '\"'")
        }
        let text = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
        index += 1
        return (text, start)
    }

    /// Consumes the ':' that ends the head of an entry.
    mutating func colon(after what: String) throws(Diagnostic) {
        skipSpaces()
        guard index < bytes.count, bytes[index] == 0x3A else {
            throw .error("answers.syntax", "expected ':' after \(what)", at: location)
        }
        index += 1
    }

    /// The rest of the line without a trailing ` #` comment, trimmed, with where it starts.
    mutating func rest() -> (text: String, start: Int) {
        skipSpaces()
        let start = index
        var end = bytes.count
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x23, i == start || Self.isSpace(bytes[i - 1]) { end = i; break }
            i += 1
        }
        while end > start, Self.isSpace(bytes[end - 1]) { end -= 1 }
        index = bytes.count
        return (String(decoding: bytes[start..<end], as: UTF8.self), start)
    }

    /// Numbers separated by spaces up to the end of the line (or a ` #` comment). Only plain
    /// decimal notation is accepted: no hex, no `nan` or `inf`.
    mutating func numbers() throws(Diagnostic) -> [Double] {
        var values: [Double] = []
        while true {
            skipSpaces()
            guard index < bytes.count, bytes[index] != 0x23 else { break }
            let start = index
            while index < bytes.count, !Self.isSpace(bytes[index]) { index += 1 }
            let token = bytes[start..<index]
            let allowed = token.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x65 || $0 == 0x45 }
            let text = String(decoding: token, as: UTF8.self)
            guard allowed, let x = Double(text), x.isFinite else {
                throw .error("answers.number", "'\(text.prefix(40))' is not a number", at: location(of: start),
                             hint: "write numbers in decimal, separated by spaces (e.g. 1.5e3)")
            }
            values.append(x)
        }
        return values
    }
}
