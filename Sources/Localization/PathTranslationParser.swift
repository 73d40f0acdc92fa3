import Curriculum
import Diagnostics
import YAMLSubset

/// Reads `Translations/<lang>/paths/<id>.yml` against its source path: the title, the summary, module titles and
/// notes are translated; the steps and connections, if written, must be the source's, in the same order.
/// A translation cannot drop, add or reorder a step. Pure: no file I/O.
public enum PathTranslationParser {
    /// Fields of the source that a translation may repeat unchanged (translators often copy the whole file).
    static let sourceFields = ["id", "audience", "time", "order", "edition"]

    /// - Returns: the source path with its text translated, or nil when the file cannot be read.
    public static func parse(_ text: String, sourcePath: String, original: LearningPath) -> (LearningPath?, [Diagnostic]) {
        let map: YAMLMap, node: YAMLNode
        switch YAMLParser.parseMap(text, path: sourcePath, what: "a path translation", id: "path.type") {
        case .success(let parsed): (map, node) = parsed
        case .failure(let d): return (nil, [d])
        }
        var diagnostics: [Diagnostic] = []
        let context = "path translation"
        diagnostics += map.unknownKeys(allowed: ["title", "summary", "steps", "deeper"] + sourceFields, in: context)
        for key in sourceFields {
            guard let entry = map.entry(key), let value = entry.value.string else { continue }
            let expected: String?
            switch key {
            case "id": expected = original.id
            case "audience": expected = original.audience.rawValue
            case "order": expected = original.order.map(String.init)
            case "edition": expected = original.edition.rawValue
            default: expected = nil   // time: compared as written would be fragile (`1 h` vs `60`); it is ignored
            }
            if let expected, value != expected {
                diagnostics.append(.error("translation.source-field",
                                          "'\(key)' is '\(expected)' in the original (\(original.sourcePath)); a translation only translates text",
                                          at: entry.value.location, hint: "remove this line, or change it in the original"))
            }
        }
        var path = original
        path.sourcePath = sourcePath
        if let title = map.optionalString("title", context: context, diagnostics: &diagnostics) { path.title = title }
        if let summary = map.optionalString("summary", context: context, diagnostics: &diagnostics) { path.summary = summary }
        if let steps = map.entry("steps") {
            path.steps = translateSteps(steps.value, original: original.steps, in: original, diagnostics: &diagnostics)
        }
        if let deeper = map.entry("deeper") {
            path.deeper = translateConnections(deeper.value, original: original.deeper, in: original, diagnostics: &diagnostics)
        }
        _ = node
        return (path, diagnostics)
    }

    static func describe(_ step: PathStep) -> String {
        switch step {
        case .page(let id, _, _): return "page '\(id)'"
        case .module(let title, _, _): return "module '\(title)'"
        case .path(let id, _): return "path '\(id)'"
        }
    }

    static func translateSteps(_ node: YAMLNode, original: [PathStep], in path: LearningPath,
                               diagnostics: inout [Diagnostic]) -> [PathStep] {
        guard let items = node.list else {
            diagnostics.append(.error("field.type", "'steps' must be a list, found \(node.kindName)", at: node.location))
            return original
        }
        if items.count != original.count {
            let verb = items.count < original.count ? "drops" : "adds"
            diagnostics.append(.error("translation.steps",
                                      "the translation \(verb) steps: it has \(items.count), the original (\(path.sourcePath)) has \(original.count)",
                                      at: node.location,
                                      hint: "a translation keeps every step of the original, in order; translate only titles and notes"))
            return original
        }
        var out: [PathStep] = []
        for (item, step) in zip(items, original) {
            out.append(translateStep(item, original: step, in: path, diagnostics: &diagnostics))
        }
        return out
    }

    static func translateStep(_ item: YAMLNode, original: PathStep, in path: LearningPath,
                              diagnostics: inout [Diagnostic]) -> PathStep {
        func mismatch(_ found: String) -> PathStep {
            diagnostics.append(.error("translation.steps",
                                      "this step is \(found) but the original has \(describe(original)) here",
                                      at: item.location, hint: "a translation keeps every step of the original, in order"))
            return original
        }
        let map = item.map
        switch original {
        case let .page(id, note, location):
            if let text = item.string { return text == id ? original : mismatch("page '\(text)'") }
            guard let map, let page = map["page"]?.string else { return mismatch(item.kindName) }
            guard page == id else { return mismatch("page '\(page)'") }
            diagnostics += map.unknownKeys(allowed: ["page", "note"], in: "path step")
            return .page(id: id, note: map["note"]?.string ?? note, location: location)
        case let .path(id, location):
            guard let map, let other = map["path"]?.string else { return mismatch(item.string.map { "page '\($0)'" } ?? item.kindName) }
            return other == id ? .path(id: id, location: location) : mismatch("path '\(other)'")
        case let .module(title, steps, location):
            guard let map, let translated = map["module"]?.string else { return mismatch(item.string.map { "page '\($0)'" } ?? item.kindName) }
            diagnostics += map.unknownKeys(allowed: ["module", "steps"], in: "path step")
            guard let inner = map["steps"] else {
                diagnostics.append(.error("translation.steps", "module '\(translated)' has no 'steps'; the original's module '\(title)' has \(steps.count)",
                                          at: item.location))
                return original
            }
            return .module(title: translated, steps: translateSteps(inner, original: steps, in: path, diagnostics: &diagnostics),
                           location: location)
        }
    }

    static func translateConnections(_ node: YAMLNode, original: [Connection], in path: LearningPath,
                                     diagnostics: inout [Diagnostic]) -> [Connection] {
        guard let items = node.list, items.count == original.count else {
            diagnostics.append(.error("translation.deeper",
                                      "the translation's 'deeper' connections differ from the original's (\(original.count))",
                                      at: node.location, hint: "keep every connection, in order; translate only the notes"))
            return original
        }
        var out: [Connection] = []
        for (item, connection) in zip(items, original) {
            guard let map = item.map, map["from"]?.string == connection.from, map["to"]?.string == connection.to else {
                diagnostics.append(.error("translation.deeper",
                                          "this connection is not the original's '\(connection.from)' → '\(connection.to)'",
                                          at: item.location, hint: "keep every connection, in order; translate only the notes"))
                out.append(connection)
                continue
            }
            var translated = connection
            if let note = map["note"]?.string { translated.note = note }
            out.append(translated)
        }
        return out
    }
}
