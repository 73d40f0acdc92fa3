import Diagnostics
import YAMLSubset

/// A question written straight into a page (a ```` ```question ```` block): the same fields as an exercise's
/// `question` check — `prompt`, then `choices` (each `text`, `correct: true` on one, `why`) or a numeric `answer`
/// with a tolerance — plus an optional `title`. Pure: no file I/O.
public enum PageQuestionParser {
    /// - Parameters:
    ///   - firstLine: the file line of the block's first content line, for diagnostics.
    public static func parse(_ text: String, path: String, firstLine: Int, id: String) -> (Check?, [Diagnostic]) {
        let node: YAMLNode
        switch YAMLParser.parse(text, path: path, firstLine: firstLine) {
        case .success(let n): node = n
        case .failure(let d): return (nil, [d])
        }
        let at = SourceLocation(path: path, line: firstLine, column: 1)
        guard let map = node.map else {
            return (nil, [.error("question.type", "a question block holds 'prompt:' and 'choices:' or 'answer:', found \(node.kindName)", at: node.location,
                                 hint: "see the authoring guide, \"Questions in pages\"")])
        }
        var diagnostics = map.unknownKeys(allowed: ["title", "prompt", "choices", "answer"] + ExerciseParser.toleranceFields, in: "question")
        let title = map.optionalString("title", context: "question", diagnostics: &diagnostics) ?? ""
        var reader = KindReader(map: map, location: at, context: "question")
        let kind = reader.question()
        diagnostics += reader.diagnostics
        guard let kind else { return (nil, diagnostics) }
        return (Check(id: id, title: title, kind: kind, points: 0, location: at), diagnostics)
    }
}
