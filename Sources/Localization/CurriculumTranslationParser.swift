import Curriculum
import Diagnostics
import YAMLSubset

/// Reads `Translations/<lang>/curricula/<id>.yml`: the registry's title and objective statements in another
/// language, by code. Codes come from the source registry; a code it does not have is an error. Statements a
/// translation leaves out stay in the source language. Pure: no file I/O.
public enum CurriculumTranslationParser {
    public static func parse(_ text: String, sourcePath: String, original: CurriculumRegistry) -> (CurriculumRegistry?, [Diagnostic]) {
        let map: YAMLMap
        switch YAMLParser.parseMap(text, path: sourcePath, what: "a curriculum translation", id: "curriculum.type") {
        case .success(let parsed): map = parsed.0
        case .failure(let d): return (nil, [d])
        }
        var diagnostics: [Diagnostic] = []
        let context = "curriculum translation"
        diagnostics += map.unknownKeys(allowed: ["id", "title", "issuer", "level", "url", "objectives"], in: context)
        var registry = original
        registry.sourcePath = sourcePath
        if let title = map.optionalString("title", context: context, diagnostics: &diagnostics) { registry.title = title }
        if let level = map.optionalString("level", context: context, diagnostics: &diagnostics) { registry.level = level }
        var statements: [String: String] = [:]
        let known = Set(original.flattened.map(\.objective.code))
        func walk(_ node: YAMLNode) {
            guard let items = node.list else {
                diagnostics.append(.error("field.type", "'objectives' must be a list, found \(node.kindName)", at: node.location))
                return
            }
            for item in items {
                guard let entry = item.map, let code = entry["code"]?.string else {
                    diagnostics.append(.error("field.type", "an objective needs a 'code'", at: item.location))
                    continue
                }
                if !known.contains(code) {
                    diagnostics.append(Diagnostic.error("translation.objective",
                                                        "objective '\(code)' is not in the original (\(original.sourcePath))",
                                                        at: entry["code"]?.location ?? item.location,
                                                        hint: "codes come from the original; translate only the statements")
                        .suggesting(code, from: known))
                } else if let statement = entry["statement"]?.string {
                    statements[code] = statement
                }
                if let children = entry["objectives"] { walk(children) }
            }
        }
        if let objectives = map["objectives"] { walk(objectives) }
        func apply(_ objectives: [CurriculumRegistry.Objective]) -> [CurriculumRegistry.Objective] {
            objectives.map { objective in
                var copy = objective
                if let statement = statements[objective.code] { copy.statement = statement }
                copy.children = apply(objective.children)
                return copy
            }
        }
        registry.objectives = apply(original.objectives)
        return (registry, diagnostics)
    }
}
