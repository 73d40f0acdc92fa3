import Diagnostics
import YAMLSubset

/// Reads the type-specific fields of one check (tolerances, mistakes, choices), collecting diagnostics.
struct KindReader {
    let map: YAMLMap
    /// The check's map, for "missing field" errors.
    let location: SourceLocation
    let context: String
    var diagnostics: [Diagnostic] = []

    mutating func cutflow() -> Check.Kind? {
        let tolerance = map.optionalInt("tolerance", context: context, diagnostics: &diagnostics) ?? 0
        if tolerance < 0, let node = map["tolerance"] {
            diagnostics.append(.error("exercise.tolerance", "'tolerance' must not be negative in \(context)", at: node.location))
        }
        let weights = number("weights-tolerance", nonNegative: true)
        return .cutflow(tolerance: tolerance, weightsTolerance: weights)
    }

    mutating func histogram() -> Check.Kind? {
        let name = map.requiredString("histogram", mapLocation: location, context: context, diagnostics: &diagnostics)
        let maxChi2 = number("max-chi2-ndf", nonNegative: true) ?? 2
        let mistakes = readMistakes(defaultTolerance: nil)
        guard let name else { return nil }
        return .histogram(name: name, maxChi2PerNDF: maxChi2, mistakes: mistakes)
    }

    mutating func value() -> Check.Kind? {
        let report = map.requiredString("report", mapLocation: location, context: context, diagnostics: &diagnostics)
        let tolerance = readTolerance(in: map) ?? .relative(1e-6)
        let mistakes = readMistakes(defaultTolerance: tolerance)
        guard let report else { return nil }
        return .value(report: report, tolerance: tolerance, mistakes: mistakes)
    }

    mutating func question() -> Check.Kind? {
        let prompt = map.requiredString("prompt", mapLocation: location, context: context, diagnostics: &diagnostics)
        let tolerance = readTolerance(in: map)
        let answer: Question.Answer?
        switch (map.entry("choices"), map.entry("answer")) {
        case (let choices?, nil):
            answer = readChoices(choices)
            if tolerance != nil, let entry = map.entries.first(where: { ExerciseParser.toleranceFields.contains($0.key) }) {
                diagnostics.append(.error("exercise.question", "'\(entry.key)' applies to numeric questions only, in \(context)",
                                          at: entry.keyLocation))
            }
        case (nil, let entry?):
            if let value = entry.value.double {
                answer = .number(value, tolerance: tolerance ?? .relative(1e-6))
            } else {
                diagnostics.append(.error("field.type", "'answer' must be a number in \(context), found \(entry.value.kindName)",
                                          at: entry.value.location, hint: "for a text answer, write 'choices:' instead"))
                answer = nil
            }
        case (_?, let entry?):
            diagnostics.append(.error("exercise.question", "a question has 'choices' or 'answer', not both, in \(context)", at: entry.keyLocation))
            answer = nil
        case (nil, nil):
            diagnostics.append(.error("field.missing", "\(context) needs 'choices' (multiple choice) or 'answer' (a number)", at: location))
            answer = nil
        }
        guard let prompt, let answer else { return nil }
        return .question(Question(prompt: prompt, answer: answer))
    }

    // MARK: - Parts

    mutating func readChoices(_ entry: YAMLMap.Entry) -> Question.Answer? {
        guard let items = entry.value.list, !items.isEmpty else {
            diagnostics.append(.error("field.type", "'choices' must be a non-empty list in \(context), found \(entry.value.kindName)",
                                      at: entry.value.location))
            return nil
        }
        var choices: [Question.Choice] = []
        var correctLocations: [SourceLocation] = []
        for item in items {
            guard let choice = item.map else {
                diagnostics.append(.error("field.type", "a choice must be a map with 'text' in \(context), found \(item.kindName)", at: item.location))
                continue
            }
            diagnostics += choice.unknownKeys(allowed: ["text", "correct", "why"], in: "choice of \(context)")
            let text = choice.requiredString("text", mapLocation: item.location, context: "choice of \(context)", diagnostics: &diagnostics)
            let correct = choice.optionalBool("correct", context: context, diagnostics: &diagnostics) ?? false
            let why = choice.optionalString("why", context: context, diagnostics: &diagnostics)
            if correct, let node = choice["correct"] { correctLocations.append(node.location) }
            if let text { choices.append(Question.Choice(text: text, correct: correct, why: why)) }
        }
        if correctLocations.isEmpty {
            diagnostics.append(.error("exercise.choices", "no choice is marked 'correct: true' in \(context)", at: entry.keyLocation,
                                      hint: "a multiple-choice question has exactly one correct choice"))
        }
        for extra in correctLocations.dropFirst() {
            diagnostics.append(.error("exercise.choices", "more than one choice is correct in \(context)", at: extra,
                                      notes: correctLocations.first.map { [.init("first correct choice here", at: $0)] } ?? [],
                                      hint: "a multiple-choice question has exactly one correct choice"))
        }
        return .choices(choices)
    }

    /// At most one of `relative`, `absolute`, `significant-figures`; nil when none is written.
    mutating func readTolerance(in map: YAMLMap) -> Tolerance? {
        let written = map.entries.filter { ExerciseParser.toleranceFields.contains($0.key) }
        for extra in written.dropFirst() {
            diagnostics.append(.error("exercise.tolerance", "'\(extra.key)' conflicts with '\(written[0].key)': give one tolerance in \(context)",
                                      at: extra.keyLocation))
        }
        guard let entry = written.first else { return nil }
        if entry.key == "significant-figures" {
            guard let n = entry.value.int, n >= 1 else {
                diagnostics.append(.error("field.type", "'significant-figures' must be a whole number ≥ 1 in \(context)", at: entry.value.location))
                return nil
            }
            return .significantFigures(n)
        }
        guard let x = entry.value.double, x >= 0, x.isFinite else {
            diagnostics.append(.error("field.type", "'\(entry.key)' must be a number ≥ 0 in \(context), found \(entry.value.kindName)",
                                      at: entry.value.location))
            return nil
        }
        return entry.key == "relative" ? .relative(x) : .absolute(x)
    }

    mutating func readMistakes(defaultTolerance: Tolerance?) -> [Check.Mistake] {
        guard let items = map.optionalList("mistakes", context: context, diagnostics: &diagnostics) else { return [] }
        var mistakes: [Check.Mistake] = []
        for item in items {
            guard let m = item.map else {
                diagnostics.append(.error("field.type", "a mistake must be a map with a pattern and 'hint', found \(item.kindName)", at: item.location))
                continue
            }
            let mistakeContext = "mistake of \(context)"
            let pattern: Check.Mistake.Pattern?
            if let tolerance = defaultTolerance {
                diagnostics += m.unknownKeys(allowed: ["near", "hint"] + ExerciseParser.toleranceFields, in: mistakeContext)
                let own = readTolerance(in: m)
                pattern = m.entry("near").flatMap { entry in
                    guard let x = entry.value.double else {
                        diagnostics.append(.error("field.type", "'near' must be a number, found \(entry.value.kindName)", at: entry.value.location))
                        return nil
                    }
                    return .near(value: x, tolerance: own ?? tolerance)
                }
                if m["near"] == nil { diagnostics.append(missing("near", at: item.location, in: mistakeContext)) }
            } else {
                diagnostics += m.unknownKeys(allowed: ["peak-between", "hint"], in: mistakeContext)
                pattern = m.entry("peak-between").flatMap { entry in
                    let xs = entry.value.list?.compactMap(\.double) ?? []
                    guard xs.count == 2, entry.value.list?.count == 2, xs[0] <= xs[1] else {
                        diagnostics.append(.error("field.type", "'peak-between' must be a list of two numbers [low, high]", at: entry.value.location))
                        return nil
                    }
                    return .peakBetween(low: xs[0], high: xs[1])
                }
                if m["peak-between"] == nil { diagnostics.append(missing("peak-between", at: item.location, in: mistakeContext)) }
            }
            let hint = m.requiredString("hint", mapLocation: item.location, context: mistakeContext, diagnostics: &diagnostics)
            if let pattern, let hint { mistakes.append(.init(pattern: pattern, hint: hint)) }
        }
        return mistakes
    }

    mutating func number(_ key: String, nonNegative: Bool) -> Double? {
        guard let node = map[key], !node.isNull else { return nil }
        guard let x = node.double, x.isFinite, !nonNegative || x >= 0 else {
            diagnostics.append(.error("field.type", "'\(key)' must be a number\(nonNegative ? " ≥ 0" : "") in \(context), found \(node.kindName)",
                                      at: node.location))
            return nil
        }
        return x
    }

    func missing(_ key: String, at location: SourceLocation, in context: String) -> Diagnostic {
        .error("field.missing", "missing required field '\(key)' in \(context)", at: location)
    }
}
