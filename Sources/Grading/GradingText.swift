/// The words the grader writes into grades (messages and details), by key, with `{name}` placeholders.
/// English is built in and matches the `grader.*` keys of `Translations/en/ui.yml`; a feedback page in another
/// language grades with that language's strings: `GradingText.$current.withValue(text) { … }`.
public struct GradingText: Sendable {
    public var strings: [String: String]

    public init(_ strings: [String: String]) {
        var all = GradingText.english
        for (key, value) in strings where all[key] != nil { all[key] = value }
        self.strings = all
    }

    /// The strings grades are written with in the current task (English unless set).
    @TaskLocal public static var current = GradingText([:])

    /// The text of `key` with `{name}` replaced by `values[name]`.
    public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
        var text = strings[key] ?? GradingText.english[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    public static let english: [String: String] = [
        "grader.unusable": "Your submission could not be used.",
        "grader.unusableBecause": "Your submission could not be used: {reason}",
        "grader.expectedGot": "expected {expected}, got {got} ({tolerance})",
        "grader.cannotGrade": "This check cannot be graded: {reason}. Please tell your teacher.",
        "grader.matches": "Matches the reference.",
        "grader.doesNotMatch": "Does not match the reference.",
        "grader.missing": "Your submission has {what}.",
        "grader.binning": "Use the same binning as the instructions: {reference}.",
        "grader.binningDetails": "your binning: {yours}; the reference: {reference}",
        "grader.totalDetails": "your histogram holds {yours} in its range, the reference {reference}",
        "grader.overflowDetails": "most of your entries are above the last bin",
        "grader.units": "Most of your values are above the histogram's range: check your units (MeV or GeV).",
        "grader.cutflowNoStep": "{step}: expected {expected} events, your cut flow has no such step",
        "grader.cutflowSumw": "{step}: expected a sum of weights of {expected}, got {got}",
        "grader.cutflowEvents": "{step}: expected {expected} events, got {got}",
        "grader.cutflowCount": "your cut flow has {yours} filters, the reference has {reference}",
        "grader.cutflowMatching": "{n} of {m} steps match",
        "grader.unanswered": "You have not answered this question.",
        "grader.notAChoiceDetails": "your answer '{answer}' is not one of the choices",
        "grader.notAChoice": "Choose one of the answers offered.",
        "grader.yourAnswer": "your answer: {answer}",
        "grader.notANumberDetails": "your answer '{answer}' is not a number",
        "grader.notANumber": "Answer with a number.",
        "grader.correct": "Correct.",
        "grader.wrong": "Not quite.",
    ]
}
