import Diagnostics
import YAMLSubset

/// `Translations/<lang>/exercises/<id>.yml`: an exercise's words in another language — its title and summary, and
/// per check (by id) the title, pass and fail messages, the hints of known mistakes (in order), and a question's
/// prompt, choices and justifications (in order). Answer keys, points, tolerances and binnings come from the
/// original: a translation that tries to set them is an error. Pure: no file I/O.
public enum ExerciseTranslation {
    static let answerKeyFields = ["type", "points", "correct", "answer", "tolerance", "absolute", "relative", "sig-figs",
                                  "histogram", "report", "max-chi2-ndf", "sample", "peak-between", "near", "id"]

    /// - Returns: `original` with its text replaced where the translation gives some.
    public static func apply(_ text: String, sourcePath: String, to original: Exercise) -> (Exercise, [Diagnostic]) {
        let map: YAMLMap
        switch YAMLParser.parseMap(text, path: sourcePath, what: "an exercise translation", id: "exercise.type") {
        case .success(let parsed): map = parsed.0
        case .failure(let d): return (original, [d])
        }
        var diagnostics: [Diagnostic] = []
        var exercise = original
        diagnostics += map.unknownKeys(allowed: ["title", "summary", "checks"], in: "exercise translation")
        if let title = map.optionalString("title", context: "exercise translation", diagnostics: &diagnostics) { exercise.title = title }
        if let summary = map.optionalString("summary", context: "exercise translation", diagnostics: &diagnostics) { exercise.summary = summary }
        guard let checks = map.optionalMap("checks", context: "exercise translation", diagnostics: &diagnostics) else {
            return (exercise, diagnostics)
        }
        let ids = original.checks.map(\.id)
        for entry in checks.entries {
            guard let index = ids.firstIndex(of: entry.key) else {
                diagnostics.append(Diagnostic.error("translation.check", "the original exercise has no check '\(entry.key)'", at: entry.keyLocation,
                                                    hint: "checks are named by the ids in Exercises/\(original.id)/exercise.yml")
                    .suggesting(entry.key, from: ids))
                continue
            }
            guard let fields = entry.value.map else {
                diagnostics.append(.error("field.type", "check '\(entry.key)' must be a map of texts, found \(entry.value.kindName)", at: entry.value.location))
                continue
            }
            exercise.checks[index] = translate(original.checks[index], with: fields, diagnostics: &diagnostics)
        }
        return (exercise, diagnostics)
    }

    static func translate(_ check: Check, with map: YAMLMap, diagnostics: inout [Diagnostic]) -> Check {
        var check = check
        let context = "check '\(check.id)'"
        for entry in map.entries where answerKeyFields.contains(entry.key) {
            diagnostics.append(.error("translation.answer-key", "'\(entry.key)' comes from the original exercise; a translation only translates text",
                                      at: entry.keyLocation, hint: "remove this line: answer keys are defined once, in Exercises/…/exercise.yml"))
        }
        diagnostics += map.unknownKeys(allowed: ["title", "pass", "fail", "hints", "prompt", "choices"] + answerKeyFields, in: context)
        if let title = map.optionalString("title", context: context, diagnostics: &diagnostics) { check.title = title }
        if let pass = map.optionalString("pass", context: context, diagnostics: &diagnostics) { check.passMessage = pass }
        if let fail = map.optionalString("fail", context: context, diagnostics: &diagnostics) { check.failMessage = fail }
        if let hints = map.optionalStringList("hints", context: context, diagnostics: &diagnostics) {
            switch check.kind {
            case .histogram(let name, let chi2, let mistakes) where hints.count == mistakes.count:
                check.kind = .histogram(name: name, maxChi2PerNDF: chi2, mistakes: zip(mistakes, hints).map { Check.Mistake(pattern: $0.pattern, hint: $1.0) })
            case .value(let report, let tolerance, let mistakes) where hints.count == mistakes.count:
                check.kind = .value(report: report, tolerance: tolerance, mistakes: zip(mistakes, hints).map { Check.Mistake(pattern: $0.pattern, hint: $1.0) })
            default:
                diagnostics.append(.error("translation.hints", "\(context) has \(mistakeCount(check)) known mistake(s); give one hint for each, in order",
                                          at: map.entry("hints")?.value.location ?? .file("")))
            }
        }
        if case .question(var question) = check.kind {
            if let prompt = map.optionalString("prompt", context: context, diagnostics: &diagnostics) { question.prompt = prompt }
            if let items = map.optionalList("choices", context: context, diagnostics: &diagnostics) {
                if case .choices(let choices) = question.answer, items.count == choices.count {
                    var translated = choices
                    for (i, item) in items.enumerated() {
                        guard let fields = item.map else {
                            if let text = item.string { translated[i].text = text }
                            continue
                        }
                        for entry in fields.entries where entry.key == "correct" {
                            diagnostics.append(.error("translation.answer-key", "a translation cannot change which answer is correct",
                                                      at: entry.keyLocation, hint: "remove this line: the correct choice is the original's, in the same place"))
                        }
                        if let text = fields["text"]?.string { translated[i].text = text }
                        if let why = fields["why"]?.string { translated[i].why = why }
                    }
                    question.answer = .choices(translated)
                } else {
                    diagnostics.append(.error("translation.choices", "\(context): translate every choice of the original, in the same order",
                                              at: map.entry("choices")?.value.location ?? .file("")))
                }
            }
            check.kind = .question(question)
        }
        return check
    }

    static func mistakeCount(_ check: Check) -> Int {
        switch check.kind {
        case .histogram(_, _, let mistakes), .value(_, _, let mistakes): return mistakes.count
        default: return 0
        }
    }
}
