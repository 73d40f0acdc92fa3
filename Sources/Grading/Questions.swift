import Foundation

/// Grades a question from the answer as typed: a choice's text (any case and spacing) or its
/// 1-based number, or a number within the question's tolerance.
enum Questions {
    static func grade(_ question: Question, answer: String?, check: Check, into grade: Grade.CheckGrade) -> Grade.CheckGrade {
        var grade = grade
        guard let answer, !answer.isEmpty else {
            grade.status = .missing
            grade.message = GradingText.current("grader.unanswered")
            return grade
        }
        let correct: Bool
        var explanation: String?
        switch question.answer {
        case .choices(let choices):
            let chosen = Int(answer).flatMap { n in choices.indices.contains(n - 1) ? choices[n - 1] : nil }
                ?? choices.first { normalized($0.text) == normalized(answer) }
            guard let chosen else {
                grade.details = [GradingText.current("grader.notAChoiceDetails", ["answer": String(answer.prefix(80))])]
                grade.message = check.failMessage ?? GradingText.current("grader.notAChoice")
                return grade
            }
            correct = chosen.correct
            explanation = chosen.why
            grade.details = [GradingText.current("grader.yourAnswer", ["answer": chosen.text])]
        case .number(let expected, let tolerance):
            guard let got = Double(answer.trimmingCharacters(in: .whitespaces)), got.isFinite else {
                grade.details = [GradingText.current("grader.notANumberDetails", ["answer": String(answer.prefix(80))])]
                grade.message = check.failMessage ?? GradingText.current("grader.notANumber")
                return grade
            }
            correct = tolerance.accepts(got, expected: expected)
            grade.details = [GradingText.current("grader.yourAnswer", ["answer": NumberText.short(got)])]
        }
        grade.status = correct ? .passed : .failed
        grade.points = correct ? check.points : 0
        let base = correct ? (check.passMessage ?? GradingText.current("grader.correct")) : (check.failMessage ?? GradingText.current("grader.wrong"))
        grade.message = [base, explanation].compactMap { $0 }.joined(separator: " ")
        return grade
    }

    /// Lower case with runs of white space as one space, for comparing typed choice texts.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
