import Foundation

/// How close a number must be to an expected one.
public enum Tolerance: Sendable, Hashable {
    /// |got − expected| ≤ amount.
    case absolute(Double)
    /// |got − expected| ≤ fraction × |expected|.
    case relative(Double)
    /// |got − expected| ≤ half a unit in the last of `n` significant figures of `expected`
    /// (91.187 to 3 figures is 91.2, so 91.137 … 91.237 are accepted).
    case significantFigures(Int)

    /// True when `got` is close enough to `expected`. NaN and infinities never match finite values.
    public func accepts(_ got: Double, expected: Double) -> Bool {
        guard got.isFinite, expected.isFinite else { return got == expected }
        return Swift.abs(got - expected) <= allowance(for: expected) * (1 + 1e-12)
    }

    /// The largest accepted difference for `expected`.
    public func allowance(for expected: Double) -> Double {
        switch self {
        case .absolute(let a): return Swift.abs(a)
        case .relative(let r): return Swift.abs(r * expected)
        case .significantFigures(let n):
            guard expected != 0 else { return 0 }
            let exponent = floor(log10(Swift.abs(expected))) - Double(n) + 1
            return 0.5 * pow(10, exponent)
        }
    }

    /// "±1%", "±0.5", "3 significant figures": for details lines.
    public var text: String {
        switch self {
        case .absolute(let a): return "±\(NumberText.short(a))"
        case .relative(let r): return "±\(NumberText.short(r * 100))%"
        case .significantFigures(let n): return "\(n) significant figures"
        }
    }
}
