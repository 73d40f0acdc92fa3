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
                details.append(GradingText.current("grader.cutflowNoStep", ["step": stepName(step, entry.name), "expected": String(entry.events)]))
                continue
            }
            var ok = abs(got.events[step] - entry.events) <= tolerance
            if ok, let weightsTolerance, let sumw = got.sumw?[step],
               !Tolerance.relative(weightsTolerance).accepts(sumw, expected: entry.sumw) {
                ok = false
                details.append(GradingText.current("grader.cutflowSumw", ["step": stepName(step, entry.name), "expected": NumberText.short(entry.sumw), "got": NumberText.short(sumw)]))
            } else if !ok {
                details.append(GradingText.current("grader.cutflowEvents", ["step": stepName(step, entry.name), "expected": String(entry.events), "got": String(got.events[step])]))
            }
            if ok { matching += 1 }
        }
        if got.events.count > expected.count {
            details.append(GradingText.current("grader.cutflowCount", ["yours": String(got.events.count - 1), "reference": String(expected.count - 1)]))
        }
        grade.details = details
        let steps = max(expected.count, got.events.count)
        if matching == steps { return subject.passed(grade) }
        let points = steps > 0 ? subject.check.points * matching / steps : 0
        var failed = subject.failed(grade, points: points)
        failed.details.append(GradingText.current("grader.cutflowMatching", ["n": String(matching), "m": String(steps)]))
        return failed
    }

    /// "all events" for step 0, "after filter 2 'opposite charge'" for the others.
    static func stepName(_ step: Int, _ name: String) -> String {
        step == 0 ? "all events" : "after filter \(step) '\(name)'"
    }
}
