import Diagnostics

/// A JSON value that remembers where it was written, so a notebook's problems (and its Markdown's) can be
/// reported at `path:line:col`. A strict RFC 8259 reader over UTF-8 bytes; depth-limited, never crashes.
public indirect enum JSONValue: Sendable, Hashable {
    case object([(key: String, value: JSONValue)], SourceLocation)
    case array([JSONValue], SourceLocation)
    case string(String, SourceLocation)
    case number(Double, SourceLocation)
    case bool(Bool, SourceLocation)
    case null(SourceLocation)

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.location == b.location && a.kindName == b.kindName }
    public func hash(into hasher: inout Hasher) { hasher.combine(location.line); hasher.combine(location.column) }

    public var location: SourceLocation {
        switch self {
        case .object(_, let l), .array(_, let l), .string(_, let l), .number(_, let l), .bool(_, let l), .null(let l): return l
        }
    }

    public var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        }
    }

    public subscript(key: String) -> JSONValue? {
        guard case .object(let members, _) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var string: String? { if case .string(let s, _) = self { return s }; return nil }
    public var array: [JSONValue]? { if case .array(let a, _) = self { return a }; return nil }
    public var number: Double? { if case .number(let n, _) = self { return n }; return nil }
    public var isObject: Bool { if case .object = self { return true }; return false }

    public static func parse(_ bytes: [UInt8], path: String) -> Result<JSONValue, Diagnostic> {
        var reader = JSONReader(bytes: bytes, path: path)
        do {
            reader.skipSpace()
            let value = try reader.value(depth: 0)
            reader.skipSpace()
            guard reader.index == bytes.count else { throw reader.error("unexpected text after the end of the JSON document") }
            return .success(value)
        } catch let d as Diagnostic {
            return .failure(d)
        } catch {
            return .failure(.error("json.syntax", "\(error)", at: .file(path)))
        }
    }
}

struct JSONReader {
    let bytes: [UInt8]
    let path: String
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
    }

    var here: SourceLocation { SourceLocation(path: path, line: line, column: index - lineStart + 1) }

    func error(_ message: String, hint: String? = nil) -> Diagnostic {
        .error("json.syntax", message, at: here, hint: hint)
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A: index += 1; line += 1; lineStart = index
            default: return
            }
        }
    }

    mutating func value(depth: Int) throws -> JSONValue {
        guard depth < 200 else { throw error("the JSON is nested too deeply") }
        guard index < bytes.count else { throw error("the JSON document ends too early") }
        let at = here
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [(String, JSONValue)] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object([], at) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
                index += 1
                skipSpace()
                members.append((key, try value(depth: depth + 1)))
                skipSpace()
                guard index < bytes.count else { throw error("the object opened at line \(at.line) is never closed") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members.map { (key: $0.0, value: $0.1) }, at) }
                throw error("expected ',' or '}' in the object opened at line \(at.line)")
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array([], at) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw error("the list opened at line \(at.line) is never closed") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items, at) }
                throw error("expected ',' or ']' in the list opened at line \(at.line)")
            }
        case UInt8(ascii: "\""):
            return .string(try string(), at)
        case UInt8(ascii: "t"): try literal("true"); return .bool(true, at)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false, at)
        case UInt8(ascii: "n"): try literal("null"); return .null(at)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let number = Double(text) else { index = start; throw error("'\(text)' is not a number") }
            return .number(number, at)
        default:
            throw error("unexpected character '\(Character(UnicodeScalar(bytes[index])))'")
        }
    }

    mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard index + w.count <= bytes.count, Array(bytes[index..<(index + w.count)]) == w else { throw error("expected '\(word)'") }
        index += w.count
    }

    mutating func string() throws -> String {
        index += 1   // the opening quote
        var out = [UInt8]()
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { index += 1; return String(decoding: out, as: UTF8.self) }
            if b == 0x0A || b < 0x20 { throw error("a string is not closed on its line") }
            if b == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { break }
                let e = bytes[index + 1]
                index += 2
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { throw error("bad \\u escape") }
                    if (0xD800...0xDBFF).contains(scalar), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { throw error("bad surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out.append(contentsOf: Array(String(UnicodeScalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
                default: throw error("unknown escape '\\\(Character(UnicodeScalar(e)))'")
                }
                continue
            }
            out.append(b)
            index += 1
        }
        throw error("a string is never closed")
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else { return nil }
        index += 4
        return v
    }
}
