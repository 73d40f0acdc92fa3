/// Gives plain scalars their types. Deliberately narrow, so that `yes`, `6.4.2` or `20 min`
/// stay strings: `true`/`false`; optionally signed decimal integers; decimals with a `.` or
/// an exponent; `null`, `~` and the empty value.
enum ScalarResolver {
    static func resolve(_ text: String) -> YAMLNode.Value {
        switch text {
        case "", "null", "~": return .null
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: break
        }
        let bytes = Array(text.utf8)
        if isInteger(bytes) {
            if let i = Int(text) { return .int(i) }
            if let d = Double(text), d.isFinite { return .double(d) }
            return .string(text)
        }
        if isDecimal(bytes), let d = Double(text), d.isFinite {
            return .double(d)
        }
        return .string(text)
    }

    /// `[-+]?[0-9]+`
    static func isInteger(_ bytes: [UInt8]) -> Bool {
        var i = skipSign(bytes, 0)
        let digitsStart = i
        while i < bytes.count, Byte.isDigit(bytes[i]) { i += 1 }
        return i > digitsStart && i == bytes.count
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` with a `.` or an exponent.
    static func isDecimal(_ bytes: [UInt8]) -> Bool {
        var i = skipSign(bytes, 0)
        var mantissaDigits = 0
        while i < bytes.count, Byte.isDigit(bytes[i]) { i += 1; mantissaDigits += 1 }
        var sawDotOrExponent = false
        if i < bytes.count, bytes[i] == Byte.dot {
            sawDotOrExponent = true
            i += 1
            while i < bytes.count, Byte.isDigit(bytes[i]) { i += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return false }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            sawDotOrExponent = true
            i = skipSign(bytes, i + 1)
            let exponentStart = i
            while i < bytes.count, Byte.isDigit(bytes[i]) { i += 1 }
            guard i > exponentStart else { return false }
        }
        return sawDotOrExponent && i == bytes.count
    }

    private static func skipSign(_ bytes: [UInt8], _ i: Int) -> Int {
        i < bytes.count && (bytes[i] == Byte.dash || bytes[i] == Byte.plus) ? i + 1 : i
    }
}
