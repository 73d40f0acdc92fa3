import Diagnostics
import Foundation

/// Splits an `.ana` file into tokens. A statement ends at a line break unless the next line is indented,
/// so long statements continue on indented lines.
struct Lexer {
    static let maxSourceBytes = 1 << 20
    static let maxTokens = 200_000

    let bytes: [UInt8]
    let path: String
    var index = 0
    var line = 1
    var lineStart = 0
    var tokens: [Token] = []

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    static func tokenize(_ bytes: [UInt8], path: String) -> Result<[Token], Diagnostic> {
        guard bytes.count <= maxSourceBytes else {
            return .failure(.error("ana.too-large", "analysis file is \(bytes.count) bytes; the limit is \(maxSourceBytes)",
                                   at: .file(path), hint: "an analysis is a few dozen lines; is this the right file?"))
        }
        if let bad = Lexer.firstInvalidUTF8(bytes) {
            var line = 1, lineStart = 0
            for i in 0..<bad where bytes[i] == 10 { line += 1; lineStart = i + 1 }
            return .failure(.error("ana.encoding", "the file is not valid UTF-8", at: SourceLocation(path: path, line: line, column: bad - lineStart + 1),
                                   hint: "save the file as UTF-8"))
        }
        var lexer = Lexer(bytes: bytes, path: path)
        do {
            try lexer.run()
        } catch {
            return .failure(error)
        }
        return .success(lexer.tokens)
    }

    var location: SourceLocation { SourceLocation(path: path, line: line, column: index - lineStart + 1) }

    func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    mutating func emit(_ kind: Token.Kind, at location: SourceLocation) throws(Diagnostic) {
        guard tokens.count < Lexer.maxTokens else {
            throw .error("ana.too-many-tokens", "the analysis has more than \(Lexer.maxTokens) tokens", at: location)
        }
        tokens.append(Token(kind: kind, location: location))
    }

    mutating func run() throws(Diagnostic) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        while let c = peek() {
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "#"):
                while let d = peek(), d != 10 { index += 1 }
            case 10:
                try lineBreak()
            case UInt8(ascii: "\""):
                try string()
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            case UInt8(ascii: "."):
                if let d = peek(1), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(d) { try number() } else { try symbol() }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                let start = location, from = index
                while let d = peek(), Lexer.isIdentifierByte(d) { index += 1 }
                try emit(.identifier(String(decoding: bytes[from..<index], as: UTF8.self)), at: start)
            default:
                try symbol()
            }
        }
        if let last = tokens.last, last.kind != .newline { try emit(.newline, at: location) }
        try emit(.end, at: location)
    }

    static func isIdentifierByte(_ c: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(c) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(c)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || c == UInt8(ascii: "_")
    }

    /// A line break ends the statement unless the next code line is indented.
    mutating func lineBreak() throws(Diagnostic) {
        let at = location
        index += 1
        line += 1
        lineStart = index
        guard let last = tokens.last, last.kind != .newline else { return }
        // Look ahead past blank and comment-only lines.
        var probe = index
        while probe < bytes.count {
            var first = probe
            while first < bytes.count, bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t") || bytes[first] == 13 { first += 1 }
            if first < bytes.count, bytes[first] == 10 || bytes[first] == UInt8(ascii: "#") {
                while first < bytes.count, bytes[first] != 10 { first += 1 }
                probe = first + 1
                continue
            }
            if first > probe && first < bytes.count { return }   // indented: continuation
            break
        }
        // A line that starts at the margin always begins a new statement, even after an unclosed bracket:
        // the error is then reported on the line that has it.
        try emit(.newline, at: at)
    }

    mutating func string() throws(Diagnostic) {
        let start = location
        index += 1
        var out: [UInt8] = []
        while true {
            guard let c = peek(), c != 10 else {
                throw .error("ana.unterminated-string", "string has no closing quote", at: start,
                             hint: "close the string with \" on the same line")
            }
            index += 1
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                guard let e = peek() else { continue }
                index += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "n"): out.append(10)
                default:
                    throw .error("ana.bad-escape", "unknown escape '\\\(Character(Unicode.Scalar(e)))' in string",
                                 at: SourceLocation(path: path, line: line, column: index - lineStart - 1), hint: "use \\\" \\\\ or \\n")
                }
                continue
            }
            out.append(c)
        }
        try emit(.string(String(decoding: out, as: UTF8.self)), at: start)
    }

    mutating func number() throws(Diagnostic) {
        let start = location, from = index
        var isInteger = true
        while let c = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") {
            if c == UInt8(ascii: ".") { isInteger = false }
            index += 1
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if let s = peek(), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { index += 1 }
            while let c = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(c) { index += 1 }
        }
        let text = String(decoding: bytes[from..<index], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        guard let value = Double(text), value.isFinite else {
            throw .error("ana.bad-number", "'\(text)' is not a number", at: start)
        }
        if let c = peek(), Lexer.isIdentifierByte(c) {
            throw .error("ana.bad-number", "a number cannot run into a name here", at: location,
                         hint: "put an operator between them, e.g. 2 * x")
        }
        try emit(.number(value, isInteger: isInteger), at: start)
    }

    static let symbols = ["**", "==", "!=", "<=", ">=", "&&", "||", "+", "-", "*", "/", "%", "<", ">", "(", ")", "[", "]", ",", ":", "=", "!"]

    mutating func symbol() throws(Diagnostic) {
        let start = location
        for s in Lexer.symbols where bytes[index...].starts(with: Array(s.utf8)) {
            index += s.utf8.count
            try emit(.symbol(s == "&&" ? "and" : s == "||" ? "or" : s == "!" ? "not" : s), at: start)
            return
        }
        let scalarEnd = min(bytes.count, index + 4)
        let scalar = String(decoding: bytes[index..<scalarEnd], as: UTF8.self).unicodeScalars.first
        let text = scalar.map { $0.properties.generalCategory == .control || $0.value < 0x20
            ? String(format: "U+%04X", $0.value) : "'\(Character($0))'" } ?? "?"
        throw .error("ana.unexpected-character", "unexpected character \(text)", at: start,
                     hint: "names use letters, digits and _; strings go in double quotes")
    }

    /// The offset of the first byte that is not part of valid UTF-8, in one pass.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            if length == 3, b == 0xE0, bytes[i + 1] < 0xA0 { return i }
            if length == 3, b == 0xED, bytes[i + 1] > 0x9F { return i }
            if length == 4, b == 0xF0, bytes[i + 1] < 0x90 { return i }
            if length == 4, b == 0xF4, bytes[i + 1] > 0x8F { return i }
            i += length
        }
        return nil
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
