import Foundation

/// Short, locale-independent number formatting for feedback ("91.19", "91187", "1.5e-07").
enum NumberText {
    /// Up to 6 significant figures, without trailing zeros; integers without a decimal point.
    static func short(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        if x == x.rounded(), Swift.abs(x) < 1e15 { return String(Int(x)) }
        let text = String(format: "%.6g", x)
        guard text.contains("."), !text.contains("e") else { return text }
        var trimmed = text
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        if trimmed.hasSuffix(".") { trimmed.removeLast() }
        return trimmed
    }

    /// A list of numbers separated by spaces.
    static func list(_ xs: [Double]) -> String { xs.map(short).joined(separator: " ") }
}
