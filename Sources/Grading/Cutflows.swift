/// Grades a cut-flow check: events after each filter, step by step, with partial credit.
enum Cutflows {
    static func grade(_ subject: Subject, tolerance: Int, weightsTolerance: Double?, into grade: Grade.CheckGrade) -> Grade.CheckGrade {
        var grade = grade
        let expected = subject.sample.cutflow
        guard let got = subject.submission.cutflow(sample: subject.sample.name, isDefault: subject.isDefault) else {
            return subject.missing(grade, "no cut flow for sample '\(subject.sample.name)'")
        }
        var matching = 0
        var details: [String] = []
        for (step, entry) in expected.enumerated() {
            guard step < got.events.count else {
                details.append("\(stepName(step, entry.name)): expected \(entry.events) events, your cut flow has no such step")
                continue
            }
            var ok = abs(got.events[step] - entry.events) <= tolerance
            if ok, let weightsTolerance, let sumw = got.sumw?[step],
               !Tolerance.relative(weightsTolerance).accepts(sumw, expected: entry.sumw) {
                ok = false
                details.append("\(stepName(step, entry.name)): expected a sum of weights of \(NumberText.short(entry.sumw)), got \(NumberText.short(sumw))")
            } else if !ok {
                details.append("\(stepName(step, entry.name)): expected \(entry.events) events, got \(got.events[step])")
            }
            if ok { matching += 1 }
        }
        if got.events.count > expected.count {
            details.append("your cut flow has \(got.events.count - 1) filters, the reference has \(expected.count - 1)")
        }
        grade.details = details
        let steps = max(expected.count, got.events.count)
        if matching == steps { return subject.passed(grade) }
        let points = steps > 0 ? subject.check.points * matching / steps : 0
        var failed = subject.failed(grade, points: points)
        failed.details.append("\(matching) of \(steps) steps match")
        return failed
    }

    /// "all events" for step 0, "after filter 2 'opposite charge'" for the others.
    static func stepName(_ step: Int, _ name: String) -> String {
        step == 0 ? "all events" : "after filter \(step) '\(name)'"
    }
}
