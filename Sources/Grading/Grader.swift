import Analysis
import Diagnostics

/// Grades a submission against the reference result of the exercise's solution. Pure and deterministic.
///
/// Scoring: a check earns all its points when it passes and none otherwise, except a cut flow, which
/// earns `points × matching steps ÷ steps`, rounded down (steps are "all events" and each filter;
/// a missing or extra step counts as not matching).
public enum Grader {
    /// `answers` supplies question answers when the submission itself is an analysis (or failed);
    /// with an `.answers` submission, its own question lines are used.
    public static func evaluate(exercise: Exercise, reference: AnalysisResult, submission: Submission,
                                answers: AnswersFile? = nil) -> Grade {
        let checks = exercise.checks.map { check in
            var grade = evaluate(check, reference: reference, submission: submission, answers: answers)
            if grade.status != .passed, grade.points >= check.points, check.points > 0 { grade.status = .passed }
            return grade
        }
        return Grade(exercise: exercise.id, checks: checks)
    }

    static func evaluate(_ check: Check, reference: AnalysisResult, submission: Submission, answers: AnswersFile?) -> Grade.CheckGrade {
        var grade = Grade.CheckGrade(id: check.id, title: check.title, type: check.typeName, status: .failed, points: 0,
                                     maxPoints: check.points, message: "")
        if case .question(let question) = check.kind {
            let typed = submission.answer(check.id) ?? answers?.questions.first { $0.id == check.id }?.answer
            return Questions.grade(question, answer: typed, check: check, into: grade)
        }
        if case .failed(let diagnostics) = submission {
            let errors = diagnostics.filter { $0.severity == .error }
            grade.status = .error
            grade.message = errors.first.map { GradingText.current("grader.unusableBecause", ["reason": located($0)]) } ?? GradingText.current("grader.unusable")
            grade.details = errors.dropFirst().prefix(5).map(located)
            return grade
        }
        let sampleName = check.sample ?? reference.samples.first?.name ?? ""
        guard let sample = reference.samples.first(where: { $0.name == sampleName }) else {
            return referenceError(grade, "the reference result has no sample '\(sampleName)'")
        }
        let isDefault = sampleName == reference.samples.first?.name
        let subject = Subject(check: check, sample: sample, isDefault: isDefault, submission: submission)
        switch check.kind {
        case .cutflow(let tolerance, let weights):
            return Cutflows.grade(subject, tolerance: tolerance, weightsTolerance: weights, into: grade)
        case .histogram(let name, let maxChi2, let mistakes):
            guard let info = reference.histograms.first(where: { $0.name == name }),
                  let expected = sample.histograms.first(where: { $0.name == name }) else {
                return referenceError(grade, "the reference result has no histogram '\(name)'")
            }
            return Histograms.grade(subject, expected: expected, info: info, maxChi2PerNDF: maxChi2, mistakes: mistakes, into: grade)
        case .value(let report, let tolerance, let mistakes):
            guard let expected = sample.reports.first(where: { $0.name == report }) else {
                return referenceError(grade, "the reference result has no report \"\(report)\"")
            }
            return gradeValue(subject, name: report, expected: expected.value, tolerance: tolerance, mistakes: mistakes, into: grade)
        case .question:
            return grade
        }
    }

    /// A value check: within tolerance passes; otherwise the first matching mistake's hint is added.
    static func gradeValue(_ subject: Subject, name: String, expected: Double, tolerance: Tolerance, mistakes: [Check.Mistake],
                           into grade: Grade.CheckGrade) -> Grade.CheckGrade {
        var grade = grade
        guard let got = subject.submission.value(name, sample: subject.sample.name, isDefault: subject.isDefault) else {
            return subject.missing(grade, "no value \"\(name)\" for sample '\(subject.sample.name)' in your results")
        }
        grade.details = [GradingText.current("grader.expectedGot", ["expected": NumberText.short(expected), "got": NumberText.short(got), "tolerance": tolerance.text])]
        if tolerance.accepts(got, expected: expected) { return subject.passed(grade) }
        let hint = mistakes.first { mistake in
            if case .near(let value, let t) = mistake.pattern { return t.accepts(got, expected: value) }
            return false
        }?.hint
        return subject.failed(grade, hint: hint)
    }

    static func referenceError(_ grade: Grade.CheckGrade, _ message: String) -> Grade.CheckGrade {
        var grade = grade
        grade.status = .error
        grade.message = GradingText.current("grader.cannotGrade", ["reason": message])
        return grade
    }

    static func located(_ d: Diagnostic) -> String {
        (d.location.map { "\($0): " } ?? "") + d.message
    }
}

/// What one analysis check compares: the reference sample and the submission.
struct Subject {
    let check: Check
    let sample: AnalysisResult.Sample
    let isDefault: Bool
    let submission: Submission

    func passed(_ grade: Grade.CheckGrade) -> Grade.CheckGrade {
        var grade = grade
        grade.status = .passed
        grade.points = check.points
        grade.message = check.passMessage ?? GradingText.current("grader.matches")
        return grade
    }

    /// Zero points (or `points` for partial credit), the fail text and a mistake's hint.
    func failed(_ grade: Grade.CheckGrade, hint: String? = nil, points: Int = 0) -> Grade.CheckGrade {
        var grade = grade
        grade.points = max(0, min(points, check.points))
        grade.status = grade.points > 0 ? .partial : .failed
        grade.message = [check.failMessage ?? GradingText.current("grader.doesNotMatch"), hint].compactMap { $0 }.joined(separator: " ")
        return grade
    }

    func missing(_ grade: Grade.CheckGrade, _ what: String) -> Grade.CheckGrade {
        var grade = grade
        grade.status = .missing
        grade.message = GradingText.current("grader.missing", ["what": what])
        return grade
    }
}
