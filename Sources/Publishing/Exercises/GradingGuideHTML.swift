import Analysis
import Grading

/// The teacher edition's grading guide for an exercise: every check with its points, what passes, and the
/// known mistakes with the hints students get — so a teacher can mark by hand or explain a grade.
enum GradingGuideHTML {
    /// Headings come from `ui`; the criteria themselves are generated in the source language.
    static func render(_ exercise: Exercise, teacherNotes: String?, ui: [String: String] = UIStrings.english) -> String {
        let e = HTML.escape
        func t(_ key: String) -> String { e(ui[key] ?? UIStrings.english[key] ?? key) }
        var out = "<details class=\"exercise-guide\"><summary>\(t("exercise.gradingGuide")) — \(exercise.maxScore) \(t("exercise.points"))</summary>\n"
        out += "<table class=\"grading-guide\">\n<thead><tr><th scope=\"col\">\(t("exercise.check"))</th><th scope=\"col\">\(t("exercise.points"))</th>"
        out += "<th scope=\"col\">\(t("exercise.passesWhen"))</th><th scope=\"col\">\(t("exercise.knownMistakes"))</th></tr></thead>\n<tbody>\n"
        for check in exercise.checks {
            out += "<tr><th scope=\"row\">\(e(check.title))</th><td>\(check.points)</td><td>\(e(criterion(check)))</td><td>"
            let hints = mistakes(check)
            out += hints.isEmpty ? "—" : "<ul>" + hints.map { "<li>\(e($0))</li>" }.joined() + "</ul>"
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if let teacherNotes { out += "<div class=\"teacher-notes\">\n\(teacherNotes)</div>\n" }
        return out + "</details>\n"
    }

    static func criterion(_ check: Check) -> String {
        switch check.kind {
        case let .cutflow(tolerance, weights):
            var text = "the events after every filter equal the reference" + (tolerance > 0 ? " (±\(tolerance))" : "")
            if let weights { text += "; sums of weights agree to \(ResultText.format(weights * 100))%" }
            return text + "; partial credit per matching step"
        case let .histogram(name, maxChi2, _):
            return "histogram '\(name)' has the reference binning, its total agrees within 5σ and χ²/ndf ≤ \(ResultText.format(maxChi2))"
        case let .value(report, tolerance, _):
            return "the report '\(report)' matches the reference (\(tolerance.text))"
        case .question(let question):
            switch question.answer {
            case .choices(let choices): return "answer: \(choices.first(where: \.correct)?.text ?? "?")"
            case let .number(value, tolerance): return "answer: \(ResultText.format(value)) (\(tolerance.text))"
            }
        }
    }

    static func mistakes(_ check: Check) -> [String] {
        let list: [Check.Mistake]
        switch check.kind {
        case .histogram(_, _, let m), .value(_, _, let m): list = m
        default: list = []
        }
        return list.map { mistake in
            switch mistake.pattern {
            case let .peakBetween(low, high): return "peak between \(ResultText.format(low)) and \(ResultText.format(high)) → \(mistake.hint)"
            case let .near(value, tolerance): return "near \(ResultText.format(value)) (\(tolerance.text)) → \(mistake.hint)"
            }
        }
    }
}
