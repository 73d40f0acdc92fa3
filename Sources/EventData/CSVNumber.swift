/// Parses CSV cell bytes into values without creating a String per cell.
///
/// Plain decimals with at most 19 significant digits and a small exponent take Clinger's fast path:
/// the digits fit an integer exactly and one multiplication or division by an exact power of ten rounds
/// correctly. Anything else that is still syntactically a number (17-digit doubles, huge exponents)
/// falls back to the standard library's correctly rounded, locale-independent parser.
enum CSVNumber {
    /// The value of `count` bytes at `p`, or nil if they are not a number.
    /// Accepts `12`, `-3.5`, `.5`, `1e-3`, `+2E+08`, and `nan`, `inf`, `infinity` (any case, optional sign).
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        var i = 0
        var negative = false
        if count == 0 { return nil }
        if p[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        } else if p[0] == UInt8(ascii: "+") {
            i = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        while i < count, case let d = p[i] &- 0x30, d < 10 {
            if mantissa != 0 || d != 0 {
                significant += 1
                if significant <= 19 { mantissa = mantissa &* 10 &+ UInt64(d) } else { exponent += 1 }
            }
            sawDigit = true
            i += 1
        }
        if i < count && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < count, case let d = p[i] &- 0x30, d < 10 {
                if mantissa != 0 || d != 0 {
                    significant += 1
                    if significant <= 19 {
                        mantissa = mantissa &* 10 &+ UInt64(d)
                        exponent -= 1
                    }
                } else {
                    exponent -= 1
                }
                sawDigit = true
                i += 1
            }
        }
        guard sawDigit else { return special(p + i, count - i, negative: negative) }
        if i < count && p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < count && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var sawExponentDigit = false
            while i < count, case let d = p[i] &- 0x30, d < 10 {
                if written < 100_000 { written = written * 10 + Int(d) }
                sawExponentDigit = true
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == count else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if significant <= 19 && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent < 0 ? m / powerOfTen(-exponent) : m * powerOfTen(exponent)
            return negative ? -value : value
        }
        return slowPath(p, count)
    }

    /// `0`, `1`, `true`, `false` (any case).
    @inline(__always)
    static func parseBool(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        if count == 1 {
            if p[0] == UInt8(ascii: "0") { return 0 }
            if p[0] == UInt8(ascii: "1") { return 1 }
            return nil
        }
        if matches(p, count, "true") { return 1 }
        if matches(p, count, "false") { return 0 }
        return nil
    }

    /// Whether `value` is a whole number that a Double holds exactly (|value| ≤ 2^53).
    @inline(__always)
    static func isExactInteger(_ value: Double) -> Bool {
        value.rounded(.towardZero) == value && abs(value) <= 9_007_199_254_740_992
    }

    // MARK: - Slow paths

    private static func special(_ p: UnsafePointer<UInt8>, _ count: Int, negative: Bool) -> Double? {
        if matches(p, count, "nan") { return .nan }
        if matches(p, count, "inf") || matches(p, count, "infinity") {
            return negative ? -.infinity : .infinity
        }
        return nil
    }

    /// Long mantissas and large exponents; the syntax was already checked, so only digits, signs,
    /// `.` and `e` reach the standard library parser (no hex floats, no whitespace).
    @inline(never)
    private static func slowPath(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double? {
        Double(String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self))
    }

    /// Case-insensitive comparison with an ASCII lowercase word.
    @inline(__always)
    private static func matches(_ p: UnsafePointer<UInt8>, _ count: Int, _ word: StaticString) -> Bool {
        guard count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        for i in 0..<count where p[i] | 0x20 != w[i] {
            return false
        }
        return true
    }

    /// 10^e for 0 ≤ e ≤ 22, all exactly representable.
    @inline(__always)
    private static func powerOfTen(_ e: Int) -> Double {
        switch e {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }
}
