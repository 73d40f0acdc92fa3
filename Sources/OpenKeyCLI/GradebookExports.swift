import Foundation
import Grading
import Publishing

/// The class-level files of `openkey grade`: imports for Moodle and Canvas and a summary page.
/// Pure functions of the graded rows (already sorted by student id), so the bytes depend only on the grades.
enum GradebookExports {
    /// One graded entry of the submissions folder.
    struct Row: Sendable, Hashable {
        var student: String
        var grade: Grade
        /// False when the folder entry's name was not a usable student id (`invalid-id-…`): such rows
        /// match no account in a learning platform, so the imports leave them out and the summary names them.
        var identified: Bool = true
    }

    // MARK: - Moodle

    /// Moodle's "Import grades: CSV file": map `ID number` to the user's ID number, `Grade` to the
    /// exercise's grade item and `Feedback` to its feedback.
    static func moodle(_ rows: [Row]) -> String {
        let lines = rows.filter(\.identified).map { row in
            [row.student, "\(row.grade.score)", feedback(row.grade)].map(csv).joined(separator: ",")
        }
        return (["ID number,Grade,Feedback"] + lines).map { $0 + "\n" }.joined()
    }

    /// One line naming every check without full points: `Dilepton mass histogram 0/3 (failed); …`.
    static func feedback(_ grade: Grade) -> String {
        let missed = grade.checks.filter { $0.status != .passed }
        guard !missed.isEmpty else { return "All checks passed." }
        let parts = missed.map { "\(oneLine($0.title)) \($0.points)/\($0.maxPoints) (\($0.status.rawValue))" }
        return "Not passed: " + parts.joined(separator: "; ")
    }

    // MARK: - Canvas

    /// Canvas's gradebook import: the identity columns, one assignment column, a `Points Possible` row.
    /// Canvas matches students by SIS id, so the student id fills both SIS columns.
    static func canvas(_ rows: [Row], exercise: Exercise) -> String {
        let header = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "\(oneLine(exercise.title)) (\(exercise.id))"]
        var lines = [header.map(csv).joined(separator: ",")]
        lines.append(["Points Possible", "", "", "", "", "\(exercise.maxScore)"].map(csv).joined(separator: ","))
        for row in rows where row.identified {
            lines.append(["", "", row.student, row.student, "", "\(row.grade.score)"].map(csv).joined(separator: ","))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    // MARK: - Summary

    /// How the class did: the score distribution, the mean, and the checks most students missed.
    static func summary(_ rows: [Row], exercise: Exercise) -> String {
        let max = exercise.maxScore
        var counts = [Int](repeating: 0, count: max + 1)
        for row in rows { counts[Swift.min(Swift.max(row.grade.score, 0), max)] += 1 }
        let busiest = counts.max() ?? 0
        var body = ["<h1>\(HTML.escape(exercise.title))</h1>",
                    "<p class=\"score\">\(rows.count) submissions · mean score \(mean(rows.map(\.grade.score))) / \(max)</p>",
                    "<h2>Score distribution</h2>",
                    "<table><thead><tr><th>Score</th><th>Students</th><th></th></tr></thead><tbody>"]
        for (score, count) in counts.enumerated() {
            let width = busiest == 0 ? 0 : count * 200 / busiest
            body.append("<tr><td>\(score)</td><td>\(count)</td><td><svg width=\"200\" height=\"12\" role=\"img\" aria-label=\"\(count)\">"
                        + "<rect width=\"\(width)\" height=\"12\" fill=\"#3b6ea5\"/></svg></td></tr>")
        }
        body.append("</tbody></table>")
        body.append("<h2>Most-failed checks</h2>")
        let failed = mostFailed(rows, exercise: exercise)
        if failed.isEmpty {
            body.append("<p>Every student passed every check.</p>")
        } else {
            body.append("<table><thead><tr><th>Check</th><th>Students without full points</th></tr></thead><tbody>")
            body += failed.map { "<tr><td>\(HTML.escape($0.title))</td><td>\($0.count)</td></tr>" }
            body.append("</tbody></table>")
        }
        let unnamed = rows.filter { !$0.identified }.map(\.student)
        if !unnamed.isEmpty {
            body.append("<h2>Not in the Moodle and Canvas imports</h2>")
            body.append("<p>These entries have no usable student id; rename them and grade again:</p>")
            body.append("<ul>" + unnamed.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>")
        }
        return FeedbackPage.document(title: "Summary: \(exercise.title)", body: body)
    }

    /// Checks by how many students did not get full points, most first; ties keep the exercise's order.
    static func mostFailed(_ rows: [Row], exercise: Exercise) -> [(title: String, count: Int)] {
        var tallies: [(order: Int, title: String, count: Int)] = []
        for (order, check) in exercise.checks.enumerated() {
            let count = rows.filter { row in row.grade.checks.first(where: { $0.id == check.id })?.status != .passed }.count
            if count > 0 { tallies.append((order, check.title, count)) }
        }
        tallies.sort { $0.count != $1.count ? $0.count > $1.count : $0.order < $1.order }
        return tallies.map { (title: $0.title, count: $0.count) }
    }

    /// The mean with two decimals, by integer arithmetic so the text never depends on the locale or floating point.
    static func mean(_ scores: [Int]) -> String {
        guard !scores.isEmpty else { return "0.00" }
        let hundredths = (scores.reduce(0, +) * 200 + scores.count) / (2 * scores.count)
        return "\(hundredths / 100).\(String(format: "%02d", hundredths % 100))"
    }

    // MARK: - CSV

    /// RFC 4180 quoting: a field with a comma, quote or line break is quoted, its quotes doubled.
    static func csv(_ field: String) -> String {
        let special = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        return special ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    private static func oneLine(_ text: String) -> String {
        text.components(separatedBy: .newlines).filter { !$0.isEmpty }.joined(separator: " ")
    }
}
