import Foundation

/// Locale-free number formatting built from integer digits, so the same value always gives the same
/// bytes on every machine and never shows binary noise such as "0.30000000000000004".
enum NumberText {
    /// 10 to the power `exponent`, rounded exactly as the decimal literal would be.
    static func power10(_ exponent: Int) -> Double {
        Double("1e\(exponent)") ?? (exponent < 0 ? 0 : .infinity)
    }

    /// `value` rounded to `decimals` places ("3.50"), optionally without trailing zeros ("3.5").
    static func fixed(_ value: Double, decimals: Int, trimZeros: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        let places = max(0, min(decimals, 15))
        let scaled = (abs(value) * power10(places)).rounded()
        // Beyond 2^53 the integer digits are no longer exact; scientific notation says so honestly.
        guard scaled < 9.0e15 else { return scientific(value, significant: 6) }
        var digits = String(UInt64(scaled))
        if places > 0 {
            if digits.count <= places {
                digits = String(repeating: "0", count: places - digits.count + 1) + digits
            }
            let split = digits.index(digits.endIndex, offsetBy: -places)
            let whole = digits[..<split]
            var fraction = String(digits[split...])
            if trimZeros {
                while fraction.hasSuffix("0") { fraction.removeLast() }
            }
            digits = fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
        }
        return (value < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// "1.23e15": a mantissa with `significant` digits (trailing zeros dropped) and a decimal exponent.
    static func scientific(_ value: Double, significant: Int) -> String {
        guard value.isFinite else { return fixed(value, decimals: 0) }
        guard value != 0 else { return "0" }
        var exponent = decimalExponent(value)
        for _ in 0..<2 {
            let leading = mantissa(value, exponent: exponent)
            let text = fixed(leading, decimals: max(0, significant - 1), trimZeros: true)
            // Rounding 9.9996 up to "10" moves the value into the next decade.
            if abs(leading).rounded(toPlaces: significant - 1) >= 10 { exponent += 1; continue }
            return "\(text)e\(exponent)"
        }
        return "\(fixed(mantissa(value, exponent: exponent), decimals: max(0, significant - 1), trimZeros: true))e\(exponent)"
    }

    /// Short text for a value of any size: `significant` digits (more when the integer part is
    /// longer), scientific notation only below 1e-4 or from 1e15.
    static func compact(_ value: Double, significant: Int = 4) -> String {
        guard value.isFinite else { return fixed(value, decimals: 0) }
        guard value != 0 else { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e15 || magnitude < 1e-4 { return scientific(value, significant: significant) }
        return fixed(value, decimals: max(0, significant - 1 - decimalExponent(value)), trimZeros: true)
    }

    /// "12.3 ± 1.4": the error to two significant digits and the value to the same decimal place.
    static func measurement(_ value: Double, error: Double) -> String {
        guard value.isFinite, error.isFinite, error >= 1e-6, abs(value) < 1e15, error < 1e15 else {
            return "\(compact(value)) ± \(compact(error.isFinite ? max(0, error) : error))"
        }
        let decimals = max(0, min(8, 1 - decimalExponent(error)))
        return "\(fixed(value, decimals: decimals)) ± \(fixed(error, decimals: decimals))"
    }

    /// An SVG coordinate or length: two decimals at most, no trailing zeros, clamped to a sane range.
    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return fixed(min(max(value, -1e6), 1e6), decimals: 2, trimZeros: true)
    }

    /// ⌊log₁₀ |value|⌋ for a finite, non-zero value.
    static func decimalExponent(_ value: Double) -> Int {
        let exponent = log10(abs(value)).rounded(.down)
        return exponent.isFinite ? Int(exponent) : 0
    }

    /// value / 10^exponent, computed in two steps where 10^exponent itself would underflow.
    private static func mantissa(_ value: Double, exponent: Int) -> Double {
        exponent < -300 ? (value * 1e300) / power10(exponent + 300) : value / power10(exponent)
    }
}

extension Double {
    /// Rounded to a number of decimal places (used only to detect carries, never for output).
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let factor = NumberText.power10(max(0, places))
        return (self * factor).rounded() / factor
    }
}
