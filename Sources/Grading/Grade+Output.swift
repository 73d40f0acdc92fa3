import Foundation

/// The grade as JSON (schema `openkey-grade`, version 1) and as a plain-text report.
extension Grade {
    /// Bumped whenever the JSON layout changes incompatibly.
    public static let schemaVersion = 1

    private struct Document: Encodable {
        struct Check: Encodable {
            var id: String, title: String, type: String, status: Status
            var points: Int, maxPoints: Int, message: String, details: [String]
        }
        var schema = "openkey-grade"
        var version = Grade.schemaVersion
        var exercise: String
        var score: Int
        var maxScore: Int
        var checks: [Check]
    }

    /// Deterministic bytes: sorted keys, two-space indentation, a final newline. Only integers and
    /// strings are written, so the output never depends on floating-point formatting.
    public var json: Data {
        let document = Document(exercise: exercise, score: score, maxScore: maxScore, checks: checks.map {
            .init(id: $0.id, title: $0.title, type: $0.type, status: $0.status, points: $0.points, maxPoints: $0.maxPoints,
                  message: $0.message, details: $0.details)
        })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings, integers and arrays always encode; an empty object is the fallback that cannot happen.
        var data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    /// A report for the terminal or a text file:
    ///
    ///     Grade for z-boson: 7/10
    ///     ✓ Event selection  2/2  Your selection keeps the same events as the reference.
    ///     ✗ mass  0/4  ...
    ///         χ²/ndf = 12.3 (ndf 8)
    public var text: String {
        var lines = ["Grade for \(exercise): \(score)/\(maxScore)"]
        for check in checks {
            let mark = check.status == .passed ? "✓" : check.status == .partial ? "~" : "✗"
            var line = "\(mark) \(check.title)  \(check.points)/\(check.maxPoints)"
            if check.status != .passed && check.status != .failed { line += "  (\(check.status.rawValue))" }
            if !check.message.isEmpty { line += "  \(check.message)" }
            lines.append(line)
            lines += check.details.map { "    \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
