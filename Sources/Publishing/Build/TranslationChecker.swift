import Curriculum
import Diagnostics
import Grading
import Localization

/// The check stage for translations: a translation changes text only. It keeps its original's headings
/// (so anchors work in every language), its exercises and the values they state, and its curriculum links;
/// a translation that tries to change any of them is an error at the translator's line.
enum TranslationChecker {
    static func check(_ translated: TranslatedPage, rendered: RenderedMarkdown, original: Page, originalRendered: RenderedMarkdown,
                      log: DiagnosticLog) {
        let file = SourceLocation(path: translated.sourcePath, line: translated.bodyFirstLine, column: 1)
        let levels = rendered.headings.map(\.level), originalLevels = originalRendered.headings.map(\.level)
        if levels != originalLevels {
            let index = Array(zip(levels, originalLevels)).firstIndex { $0 != $1 } ?? min(levels.count, originalLevels.count)
            let detail: String
            if index < levels.count, index < originalLevels.count {
                detail = "heading \(index + 1) ('\(rendered.headings[index].text)') is level \(levels[index]); the original's ('\(originalRendered.headings[index].text)') is level \(originalLevels[index])"
            } else if levels.count < originalLevels.count {
                detail = "the original's heading \(index + 1) ('\(originalRendered.headings[index].text)') has no translation"
            } else {
                detail = "heading \(index + 1) ('\(rendered.headings[index].text)') is not in the original"
            }
            log.emit(.error("translation.headings", "the translation's headings differ from the original's (\(original.sourcePath)): \(detail)",
                            at: file, hint: "translate every heading of the original, at the same level and in the same order: links to them use the original's anchors"))
        }
        let exercises = rendered.exercises.map { [$0.id] + $0.expectations.map(\.text) }
        let originalExercises = originalRendered.exercises.map { [$0.id] + $0.expectations.map(\.text) }
        if exercises != originalExercises {
            let at = rendered.exercises.first(where: { embed in !originalExercises.contains([embed.id] + embed.expectations.map(\.text)) })?.location ?? file
            log.emit(.error("translation.exercise",
                            "a translation cannot change an exercise or the values it states: the original (\(original.sourcePath)) has \(describe(originalRendered.exercises)), the translation has \(describe(rendered.exercises))",
                            at: at, hint: "copy the original's ```exercise blocks unchanged"))
        }
        let objectives = Set(rendered.calloutObjectives.map(\.description)), originalObjectives = Set(originalRendered.calloutObjectives.map(\.description))
        if objectives != originalObjectives {
            let added = objectives.subtracting(originalObjectives).sorted(), dropped = originalObjectives.subtracting(objectives).sorted()
            var parts: [String] = []
            if !added.isEmpty { parts.append("adds \(added.joined(separator: ", "))") }
            if !dropped.isEmpty { parts.append("drops \(dropped.joined(separator: ", "))") }
            log.emit(.error("translation.curriculum", "a translation cannot change curriculum links: it \(parts.joined(separator: " and "))",
                            at: file, hint: "copy the original's [!curriculum] lines unchanged; curriculum codes come from \(original.sourcePath)"))
        }
        // Questions in the page: the same questions, the same answer key (only their words are translated).
        if rendered.questions.count != originalRendered.questions.count {
            log.emit(.error("translation.question", "the translation has \(rendered.questions.count) question(s), the original (\(original.sourcePath)) has \(originalRendered.questions.count)",
                            at: file, hint: "translate every ```question block of the original, in order"))
        } else {
            for (index, (mine, theirs)) in zip(rendered.questions, originalRendered.questions).enumerated() where !sameKey(mine.answer, theirs.answer) {
                log.emit(.error("translation.question", "question \(index + 1) has a different answer key from the original's (\(original.sourcePath))",
                                at: file, hint: "keep the choices in the same order, 'correct: true' on the same one, and the same numeric answer"))
            }
        }
        if translated.translationOf == nil {
            log.emit(.warning("translation.unmarked", "the translation does not record which version of \(original.sourcePath) it translates, so it is shown as out of date",
                              at: SourceLocation(path: translated.sourcePath, line: 1, column: 1),
                              hint: "after checking it against the original: openkey translations mark-current \(translated.language) \(original.id)"))
        }
    }

    static func sameKey(_ a: Question.Answer, _ b: Question.Answer) -> Bool {
        switch (a, b) {
        case let (.choices(x), .choices(y)): return x.map(\.correct) == y.map(\.correct)
        case let (.number(v, t), .number(w, u)): return v == w && t == u
        default: return false
        }
    }

    static func describe(_ embeds: [ExerciseEmbed]) -> String {
        embeds.isEmpty ? "no exercise" : embeds.map { "'\($0.id)' (\($0.expectations.count) stated value\($0.expectations.count == 1 ? "" : "s"))" }.joined(separator: ", ")
    }
}
