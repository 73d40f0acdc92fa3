import Diagnostics

// MARK: - Plain and quoted scalars

extension DocumentParser {
    /// Rejects a plain scalar (or key) that starts with an indicator the subset excludes.
    func checkPlainStart(line: Int, column: Int, flow: Bool) throws(Diagnostic) {
        guard let b = source.byte(line, column) else { return }
        let at = loc(line, column)
        let next = source.byte(line, column + 1)
        let separated = Byte.isBlankOrEnd(next) || (flow && (next == Byte.comma || next == Byte.closeBracket))
        switch b {
        case Byte.ampersand: throw YAMLError.anchor(at: at)
        case Byte.asterisk: throw YAMLError.alias(at: at)
        case Byte.exclamation: throw YAMLError.tag(at: at)
        case Byte.openBrace: throw YAMLError.flowMap(at: at)
        case Byte.percent, Byte.at, Byte.backtick: throw YAMLError.reserved(b, at: at)
        case Byte.closeBrace, Byte.closeBracket:
            throw YAMLError.syntax("unexpected \(Byte.describe(b))", at: at, hint: YAMLError.quoteHint)
        case Byte.comma:
            throw YAMLError.syntax(flow ? "missing list item before ','" : "a value can't start with ','", at: at,
                                   hint: flow ? "remove the extra ','" : YAMLError.quoteHint)
        case Byte.hash:
            throw YAMLError.syntax("a value can't start with '#'", at: at,
                                   hint: "\(YAMLError.quoteHint); a comment needs a space before its '#'")
        case Byte.pipe, Byte.greaterThan:
            throw YAMLError.syntax("\(Byte.describe(b)) can't start a value here", at: at, hint: YAMLError.quoteHint)
        case Byte.dash where separated:
            throw YAMLError.syntax("a block list item ('- ') can't appear here", at: at,
                                   hint: "inside '[ ]' separate items with commas; otherwise start the list on its own line")
        case Byte.question where separated:
            throw YAMLError.complexKey(at: at)
        case Byte.colon where separated:
            if flow { throw YAMLError.flowMap(at: at) }
            throw YAMLError.syntax("missing key before ':'", at: at, hint: "write 'key: value'")
        default:
            return
        }
    }

    /// A plain scalar from `column` to the end of the line, a comment, or (in a flow list) a flow
    /// indicator; trailing whitespace is not part of it. Returns the text and its end column.
    func scanPlain(line: Int, column: Int, flow: Bool) throws(Diagnostic) -> (String, Int) {
        var c = column
        var end = column
        while let b = source.byte(line, c) {
            if Byte.isBlank(b) {
                c += 1
                continue
            }
            if b == Byte.hash, c > column, Byte.isBlank(source.byte(line, c - 1)) { break }
            if flow, b == Byte.comma || b == Byte.openBracket || b == Byte.closeBracket
                || b == Byte.openBrace || b == Byte.closeBrace {
                break
            }
            if b == Byte.colon {
                let next = source.byte(line, c + 1)
                if flow, Byte.isBlankOrEnd(next) || next == Byte.comma || next == Byte.closeBracket {
                    throw YAMLError.flowMap(at: loc(line, c))
                }
                if !flow, Byte.isBlankOrEnd(next) {
                    throw YAMLError.syntax("unexpected ': ' inside a value", at: loc(line, c),
                                           hint: "\(YAMLError.quoteHint) when it contains ': '")
                }
            }
            c += 1
            end = c
        }
        return (source.text(line, from: column, to: end), end)
    }

    /// A single- or double-quoted scalar at `column`, which must close on the same line.
    /// Returns the decoded content and the column just after the closing quote.
    func scanQuoted(line: Int, column: Int, parentIndent: Int) throws(Diagnostic) -> (String, Int) {
        guard let quote = source.byte(line, column) else { return ("", column) }
        var content: [UInt8] = []
        var c = column + 1
        while let b = source.byte(line, c) {
            if b == quote {
                if quote == Byte.singleQuote, source.byte(line, c + 1) == Byte.singleQuote {
                    content.append(quote)
                    c += 2
                    continue
                }
                return (String(decoding: content, as: UTF8.self), c + 1)
            }
            if quote == Byte.doubleQuote, b == Byte.backslash {
                guard source.byte(line, c + 1) != nil else { break }
                c = try decodeEscape(line: line, column: c, into: &content)
                continue
            }
            content.append(b)
            c += 1
        }
        if continuationContains(quote, after: line, parentIndent: parentIndent) {
            throw YAMLError.multiline("a quoted value must end on the line where it starts", at: loc(line, column))
        }
        throw YAMLError.unterminatedString(quote, at: loc(line, column))
    }

    /// Decodes the escape whose backslash is at `column`, returning the column after it.
    private func decodeEscape(line: Int, column: Int, into content: inout [UInt8]) throws(Diagnostic) -> Int {
        let at = loc(line, column)
        switch source.byte(line, column + 1) {
        case Byte.doubleQuote: content.append(Byte.doubleQuote)
        case Byte.backslash: content.append(Byte.backslash)
        case UInt8(ascii: "n"): content.append(Byte.newline)
        case UInt8(ascii: "t"): content.append(Byte.tab)
        case UInt8(ascii: "u"):
            guard let high = hexQuad(line: line, column: column + 2) else {
                throw YAMLError.badEscape("'\\u' must be followed by four hex digits", at: at)
            }
            var value = high
            var end = column + 6
            if (0xD800...0xDBFF).contains(high) {
                guard source.byte(line, end) == Byte.backslash, source.byte(line, end + 1) == UInt8(ascii: "u"),
                      let low = hexQuad(line: line, column: end + 2), (0xDC00...0xDFFF).contains(low) else {
                    throw YAMLError.badEscape("'\\u\(hex(high))' must be followed by a low surrogate '\\uDC00'…'\\uDFFF'", at: at)
                }
                value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                end += 6
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw YAMLError.badEscape("'\\u\(hex(value))' is not a Unicode character", at: at)
            }
            content.append(contentsOf: Array(String(Character(scalar)).utf8))
            return end
        default:
            let shown = source.text(line, from: column, to: column + 2)
            throw YAMLError.badEscape("unknown escape '\(shown)' in a double-quoted string", at: at)
        }
        return column + 2
    }

    private func hexQuad(line: Int, column: Int) -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let b = source.byte(line, column + offset),
                  let digit = Character(Unicode.Scalar(b)).hexDigitValue else { return nil }
            value = value * 16 + UInt32(digit)
        }
        return value
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// True if the next non-blank line would continue a value (it is indented more than the
    /// parent) and contains `byte`: then an unclosed quote or bracket is a multi-line value.
    func continuationContains(_ byte: UInt8, after line: Int, parentIndent: Int) -> Bool {
        var next = line + 1
        while next < source.lines.count, source.lines[next].isWhitespaceOnly { next += 1 }
        guard next < source.lines.count else { return false }
        return source.lines[next].indent > parentIndent && source.lineContains(next, byte)
    }
}
