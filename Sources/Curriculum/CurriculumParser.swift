import Diagnostics
import YAMLSubset

/// Reads `Content/curricula/<id>.yml` (a syllabus and its nested objectives). Pure: no file I/O.
public enum CurriculumParser {
    static let fields = ["id", "title", "issuer", "level", "url", "objectives"]

    public static func parse(_ text: String, sourcePath: String, defaultID: String) -> (CurriculumRegistry?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let map: YAMLMap, node: YAMLNode
        switch YAMLParser.parseMap(text, path: sourcePath, what: "a curriculum file", id: "curriculum.type") {
        case .success(let parsed): (map, node) = parsed
        case .failure(let d): return (nil, [d])
        }
        let context = "curriculum"
        diagnostics += map.unknownKeys(allowed: fields, in: context)
        let id = map.optionalString("id", context: context, diagnostics: &diagnostics) ?? defaultID
        if id.contains(":") || IDRules.problem(with: id) != nil {
            diagnostics.append(.error("curriculum.bad-id", "curriculum id '\(id)' must use letters, digits, '-' and '_' only",
                                      at: map["id"]?.location ?? node.location))
        }
        let title = map.requiredString("title", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let issuer = map.requiredString("issuer", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let level = map.requiredString("level", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let url = map.optionalString("url", context: context, diagnostics: &diagnostics)
        var objectives: [CurriculumRegistry.Objective] = []
        if let entry = map.entry("objectives") {
            objectives = readObjectives(entry.value, diagnostics: &diagnostics)
        } else {
            diagnostics.append(.error("field.missing", "curriculum is missing required field 'objectives'", at: node.location))
        }
        // Codes must be unique across the registry: references name them.
        var seen: [String: SourceLocation] = [:]
        let registry = CurriculumRegistry(id: id, sourcePath: sourcePath, title: title ?? id, issuer: issuer ?? "",
                                          level: level ?? "", url: url, objectives: objectives)
        for (objective, _) in registry.flattened {
            if let first = seen[objective.code] {
                diagnostics.append(.error("curriculum.duplicate-code", "objective code '\(objective.code)' appears twice",
                                          at: objective.location, notes: [.init("first defined here", at: first)]))
            } else {
                seen[objective.code] = objective.location
            }
        }
        return (registry, diagnostics)
    }

    static func readObjectives(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> [CurriculumRegistry.Objective] {
        guard let list = node.list else {
            diagnostics.append(.error("field.type", "'objectives' must be a list, found \(node.kindName)", at: node.location))
            return []
        }
        var out: [CurriculumRegistry.Objective] = []
        for item in list {
            guard let map = item.map else {
                diagnostics.append(.error("field.type", "an objective must be a map with 'code' and 'statement'", at: item.location))
                continue
            }
            let context = "objective"
            diagnostics += map.unknownKeys(allowed: ["code", "statement", "objectives"], in: context)
            let code = map.requiredString("code", mapLocation: item.location, context: context, diagnostics: &diagnostics)
            let statement = map.requiredString("statement", mapLocation: item.location, context: context, diagnostics: &diagnostics)
            if let codeNode = map["code"], codeNode.double != nil, codeNode.int == nil, let raw = codeNode.raw {
                diagnostics.append(.warning("curriculum.numeric-code", "code \(raw) is written as a number", at: codeNode.location,
                                            hint: "quote it (\"\(raw)\") so that it is read exactly as written"))
            }
            let children = map.entry("objectives").map { readObjectives($0.value, diagnostics: &diagnostics) } ?? []
            if let code, let statement, let codeNode = map["code"] {
                out.append(.init(code: code, statement: statement, children: children, location: codeNode.location))
            }
        }
        return out
    }
}
