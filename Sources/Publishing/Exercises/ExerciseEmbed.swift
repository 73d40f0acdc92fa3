import Diagnostics

/// An exercise placed in a page with a fenced block:
///
///     ```exercise z-boson-mass
///     expect report "mean mass" = 91 ± 2
///     expect cutflow "two leptons" = 3537
///     expect peak mll = 91 ± 3
///     ```
///
/// At build time the reference solution runs on the sample data; its plots and cut flow go into the page,
/// and every `expect` line must agree with what the data gives, or the build fails at that line.
public struct ExerciseEmbed: Sendable, Hashable {
    public var id: String
    public var expectations: [StatedValue]
    public var location: SourceLocation
}

/// A result the page states, checked against the reference run.
public struct StatedValue: Sendable, Hashable {
    public enum Quantity: Sendable, Hashable {
        /// A `report` of the analysis, by name.
        case report(String)
        /// Events after the filter of that name.
        case cutflow(String)
        /// The centre of the fullest bin of a histogram.
        case peak(String)
    }
    public var quantity: Quantity
    /// The sample it is about; nil: the first sample of the analysis.
    public var sample: String?
    public var value: Double
    public var tolerance: Double
    public var text: String
    public var location: SourceLocation

    /// Parses `expect report "mean mass" [in SAMPLE] = 91 ± 2` (also `+-`); without a tolerance, the stated
    /// precision: `91` means 91 ± 0.5, `91.2` means 91.2 ± 0.05 (counts are exact).
    public static func parse(_ line: String, at location: SourceLocation) -> Result<StatedValue, Diagnostic> {
        let hint = "write e.g. expect report \"mean mass\" = 91 ± 2, expect cutflow \"two leptons\" = 3537, expect peak mll = 91 ± 3"
        func fail(_ message: String) -> Result<StatedValue, Diagnostic> {
            .failure(.error("exercise.expect", message, at: location, hint: hint))
        }
        var rest = Substring(line.trimmingCharacters(in: .whitespaces))
        guard rest.hasPrefix("expect ") else { return fail("lines in an exercise block start with 'expect'") }
        rest = rest.dropFirst("expect ".count).drop { $0 == " " }
        guard let kindEnd = rest.firstIndex(of: " ") else { return fail("incomplete 'expect' line") }
        let kind = String(rest[..<kindEnd])
        rest = rest[kindEnd...].drop { $0 == " " }
        // The name: quoted, or one word.
        var name: String
        if rest.hasPrefix("\"") {
            guard let close = rest.dropFirst().firstIndex(of: "\"") else { return fail("the name has no closing quote") }
            name = String(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
        } else {
            let end = rest.firstIndex(where: { $0 == " " || $0 == "=" }) ?? rest.endIndex
            name = String(rest[..<end])
            rest = rest[end...]
        }
        rest = rest.drop { $0 == " " }
        var sample: String?
        if rest.hasPrefix("in ") {
            rest = rest.dropFirst(3).drop { $0 == " " }
            let end = rest.firstIndex(where: { $0 == " " || $0 == "=" }) ?? rest.endIndex
            sample = String(rest[..<end])
            rest = rest[end...].drop { $0 == " " }
        }
        guard rest.hasPrefix("=") else { return fail("expected '=' and the value") }
        rest = rest.dropFirst().drop { $0 == " " }
        let parts = rest.replacingOccurrences(of: "+-", with: "±").split(separator: "±", maxSplits: 1)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let valueText = parts.first, let value = Double(valueText.split(separator: " ").first.map(String.init) ?? "") else {
            return fail("'\(rest)' does not start with a number")
        }
        var tolerance: Double
        if parts.count == 2 {
            guard let t = Double(parts[1].split(separator: " ").first.map(String.init) ?? ""), t >= 0 else {
                return fail("the tolerance after ± must be a number")
            }
            tolerance = t
        } else if let dot = valueText.split(separator: " ").first?.firstIndex(of: ".") {
            let digits = valueText.split(separator: " ").first?[dot...].count ?? 1
            tolerance = 0.5 * pow10(-(digits - 1))
        } else {
            tolerance = 0.5
        }
        let quantity: Quantity
        switch kind {
        case "report": quantity = .report(name)
        case "cutflow":
            quantity = .cutflow(name)
            if parts.count == 1 { tolerance = 0 }
        case "peak": quantity = .peak(name)
        default: return fail("unknown quantity '\(kind)': use report, cutflow or peak")
        }
        guard !name.isEmpty else { return fail("the \(kind) needs a name") }
        return .success(StatedValue(quantity: quantity, sample: sample, value: value, tolerance: tolerance,
                                    text: line.trimmingCharacters(in: .whitespaces), location: location))
    }

    static func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<abs(n) { r *= 10 }
        return n < 0 ? 1 / r : r
    }
}
