/// Splits template source into tokens, following set-delimiter tags as it goes.
/// Works on UTF-8 bytes so that columns come out in bytes, as diagnostics report them.
struct Scanner {
    private let bytes: [UInt8]
    private let templateName: String
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var openDelimiter = Array("{{".utf8)
    private var closeDelimiter = Array("}}".utf8)
    private var tokens: [Token] = []

    init(_ source: String, templateName: String) {
        self.bytes = Array(source.utf8)
        self.templateName = templateName
    }

    /// All tokens of the source, in order.
    static func tokens(of source: String, templateName: String) throws(TemplateError) -> [Token] {
        var scanner = Scanner(source, templateName: templateName)
        return try scanner.run()
    }

    // MARK: - Main loop

    private mutating func run() throws(TemplateError) -> [Token] {
        var textStart = 0
        var textColumn = 1
        var textLine = 1
        func flushText(upTo end: Int, into scanner: inout Scanner) {
            guard end > textStart else { return }
            scanner.tokens.append(Token(kind: .text, text: scanner.string(textStart..<end),
                                        line: textLine, column: textColumn))
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && byteAt(position + 1) == UInt8(ascii: "\n")) {
                flushText(upTo: position, into: &self)
                let length = byte == UInt8(ascii: "\n") ? 1 : 2
                tokens.append(Token(kind: .newline, text: string(position..<position + length),
                                    line: line, column: position - lineStart + 1))
                position += length
                line += 1
                lineStart = position
            } else if matches(openDelimiter, at: position) {
                flushText(upTo: position, into: &self)
                try scanTag()
            } else {
                position += 1
                continue
            }
            textStart = position
            textLine = line
            textColumn = position - lineStart + 1
        }
        flushText(upTo: bytes.count, into: &self)
        return tokens
    }

    // MARK: - Tags

    private mutating func scanTag() throws(TemplateError) {
        let tagLine = line
        let tagColumn = position - lineStart + 1
        let contentStart = position + openDelimiter.count
        let templateName = self.templateName
        func fail(_ message: String) -> TemplateError {
            TemplateError(message: message, line: tagLine, column: tagColumn, templateName: templateName)
        }

        var kind: Token.Kind
        var content: Range<Int>
        var end: Int
        switch byteAt(contentStart) {
        case UInt8(ascii: "{"):
            guard let found = find([UInt8(ascii: "}")] + closeDelimiter, from: contentStart + 1) else {
                throw fail("unclosed tag: expected '}\(closeText)' to end this triple mustache")
            }
            (kind, content, end) = (.variable(escaped: false), contentStart + 1..<found, found + 1 + closeDelimiter.count)
        case UInt8(ascii: "="):
            guard let found = find([UInt8(ascii: "=")] + closeDelimiter, from: contentStart + 1) else {
                throw fail("unclosed set-delimiter tag: expected '=\(closeText)'")
            }
            (kind, content, end) = (.setDelimiters, contentStart + 1..<found, found + 1 + closeDelimiter.count)
        default:
            guard let found = find(closeDelimiter, from: contentStart) else {
                throw fail("unclosed tag: expected '\(closeText)'")
            }
            (kind, content, end) = (.variable(escaped: true), contentStart..<found, found + closeDelimiter.count)
        }

        var name = trimmed(content)
        if kind == .variable(escaped: true), let sigil = name.first {
            let sigils: [Character: Token.Kind] = [
                "&": .variable(escaped: false), "#": .section, "^": .invertedSection, "/": .close,
                ">": .partial, "<": .parent, "$": .block, "!": .comment,
            ]
            if let found = sigils[sigil] {
                kind = found
                name = String(name.dropFirst()).trimmingBlanks()
            }
        }

        consume(upTo: end)
        switch kind {
        case .comment:
            break
        case .setDelimiters:
            try setDelimiters(from: name, error: fail)
        default:
            try validate(name: name, kind: kind, error: fail)
        }
        tokens.append(Token(kind: kind, text: name, line: tagLine, column: tagColumn))
    }

    private mutating func setDelimiters(from content: String, error: (String) -> TemplateError) throws(TemplateError) {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("a set-delimiter tag needs two delimiters separated by whitespace, like {{=<% %>=}}")
        }
        openDelimiter = Array(parts[0].utf8)
        closeDelimiter = Array(parts[1].utf8)
    }

    private func validate(name: String, kind: Token.Kind, error: (String) -> TemplateError) throws(TemplateError) {
        guard !name.isEmpty else { throw error("empty tag: expected a name") }
        guard !name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
            throw error("tag name '\(name)' must not contain whitespace")
        }
        let namesData = kind != .partial && kind != .parent && kind != .block && kind != .close
        if namesData, name != ".", name.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            throw error("malformed dotted name '\(name)'")
        }
    }

    // MARK: - Byte helpers

    private var closeText: String { String(decoding: closeDelimiter, as: UTF8.self) }

    private func byteAt(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private func trimmed(_ range: Range<Int>) -> String { string(range).trimmingBlanks() }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        guard !pattern.isEmpty, index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count <= bytes.count {
            if matches(pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Moves past a tag, keeping line numbers right when the tag spans lines (multi-line comments).
    private mutating func consume(upTo end: Int) {
        while position < end {
            if bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line endings.
    func trimmingBlanks() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
