import Diagnostics
import YAMLSubset

/// Reads `Content/paths/<id>.yml` into a `LearningPath`. Pure: no file I/O.
public enum PathParser {
    static let fields = ["id", "title", "audience", "summary", "time", "order", "edition", "steps", "deeper"]

    public static func parse(_ text: String, sourcePath: String, defaultID: String) -> (LearningPath?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let map: YAMLMap, node: YAMLNode
        switch YAMLParser.parseMap(text, path: sourcePath, what: "a path file", id: "path.type") {
        case .success(let parsed): (map, node) = parsed
        case .failure(let d): return (nil, [d])
        }
        let context = "path"
        diagnostics += map.unknownKeys(allowed: fields, in: context)
        var id = defaultID
        if let custom = map.optionalString("id", context: context, diagnostics: &diagnostics), let entry = map.entry("id") {
            if let problem = IDRules.problem(with: custom) {
                diagnostics.append(.error("path.bad-id", "path id '\(custom)' \(problem)", at: entry.value.location))
            } else {
                id = custom
            }
        }
        let title = map.requiredString("title", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let summary = map.requiredString("summary", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        var audience: LearningPath.Audience?
        if let text = map.requiredString("audience", mapLocation: node.location, context: context, diagnostics: &diagnostics),
           let entry = map.entry("audience") {
            audience = LearningPath.Audience(rawValue: text)
            if audience == nil {
                let names = LearningPath.Audience.allCases.map(\.rawValue)
                diagnostics.append(Diagnostic.error("path.audience", "unknown audience '\(text)'", at: entry.value.location,
                                                    hint: "use one of: \(names.joined(separator: ", "))")
                    .suggesting(text, from: names))
            }
        }
        var time: Duration?
        if let entry = map.entry("time"), !entry.value.isNull {
            time = PageParser.readDuration(entry.value, diagnostics: &diagnostics)
        }
        var order: Int?
        if let entry = map.entry("order"), !entry.value.isNull {
            order = entry.value.int
            if order == nil {
                diagnostics.append(.error("field.type", "'order' must be a whole number, found \(entry.value.kindName)", at: entry.value.location))
            }
        }
        let edition = PageParser.readEdition(map, context: context, diagnostics: &diagnostics)
        var steps: [PathStep] = []
        if let entry = map.entry("steps") {
            steps = readSteps(entry.value, diagnostics: &diagnostics)
            if entry.value.list?.isEmpty == true {
                diagnostics.append(.error("path.no-steps", "path '\(id)' has no steps", at: entry.value.location))
            }
        } else {
            diagnostics.append(.error("field.missing", "path is missing required field 'steps'", at: node.location))
        }
        let deeper = map.entry("deeper").map { readConnections($0.value, diagnostics: &diagnostics) } ?? []
        // Missing or wrong fields are reported above; the path is still returned so that its steps are checked
        // and pages and paths it includes are not reported a second time as orphans or unknown.
        let path = LearningPath(id: id, sourcePath: sourcePath, title: title ?? id, audience: audience ?? .everyone, summary: summary ?? "",
                                time: time, order: order, edition: edition ?? .student, steps: steps, deeper: deeper,
                                location: map.entry("title")?.keyLocation ?? node.location)
        return (path, diagnostics)
    }

    static func readSteps(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> [PathStep] {
        guard let list = node.list else {
            diagnostics.append(.error("field.type", "'steps' must be a list, found \(node.kindName)", at: node.location))
            return []
        }
        return list.compactMap { readStep($0, diagnostics: &diagnostics) }
    }

    static func readStep(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> PathStep? {
        if let text = node.string, !node.isNull {
            return .page(id: text, note: nil, location: node.location)
        }
        guard let map = node.map else {
            diagnostics.append(.error("path.bad-step", "a step must be a page id or a map with 'page', 'module' or 'path', found \(node.kindName)",
                                      at: node.location))
            return nil
        }
        let context = "path step"
        let kinds = ["page", "module", "path"].filter { map[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let entry = map.entry(kind) else {
            diagnostics.append(.error("path.bad-step", "a step needs exactly one of 'page', 'module' or 'path'", at: node.location))
            return nil
        }
        switch kind {
        case "page":
            diagnostics += map.unknownKeys(allowed: ["page", "note"], in: context)
            let note = map.optionalString("note", context: context, diagnostics: &diagnostics)
            guard let id = map.optionalString("page", context: context, diagnostics: &diagnostics) else { return nil }
            return .page(id: id, note: note, location: entry.value.location)
        case "path":
            diagnostics += map.unknownKeys(allowed: ["path"], in: context)
            guard let id = map.optionalString("path", context: context, diagnostics: &diagnostics) else { return nil }
            return .path(id: id, location: entry.value.location)
        default:
            diagnostics += map.unknownKeys(allowed: ["module", "steps"], in: context)
            guard let title = map.optionalString("module", context: context, diagnostics: &diagnostics) else { return nil }
            guard let stepsEntry = map.entry("steps") else {
                diagnostics.append(.error("field.missing", "module '\(title)' is missing 'steps'", at: entry.keyLocation))
                return nil
            }
            let inner = readSteps(stepsEntry.value, diagnostics: &diagnostics)
            return .module(title: title, steps: inner, location: entry.value.location)
        }
    }

    static func readConnections(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> [Connection] {
        guard let list = node.list else {
            if !node.isNull {
                diagnostics.append(.error("field.type", "'deeper' must be a list, found \(node.kindName)", at: node.location))
            }
            return []
        }
        var out: [Connection] = []
        for item in list {
            guard let map = item.map else {
                diagnostics.append(.error("field.type", "a connection must be a map with 'from' and 'to'", at: item.location))
                continue
            }
            let context = "connection"
            diagnostics += map.unknownKeys(allowed: ["from", "to", "note"], in: context)
            let from = map.requiredString("from", mapLocation: item.location, context: context, diagnostics: &diagnostics)
            let to = map.requiredString("to", mapLocation: item.location, context: context, diagnostics: &diagnostics)
            let note = map.optionalString("note", context: context, diagnostics: &diagnostics)
            if let from, let to, let f = map["from"], let t = map["to"] {
                out.append(Connection(from: from, fromLocation: f.location, to: to, toLocation: t.location, note: note))
            }
        }
        return out
    }
}
