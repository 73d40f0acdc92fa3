import Diagnostics
import YAMLSubset

/// Reads `Exercises/<id>/exercise.yml` into an `Exercise`. Pure: text in, values and located
/// diagnostics out. Every problem of a file is reported in one run; the exercise is returned only
/// when there are no errors, so a grader never runs on a half-read answer key.
public enum ExerciseParser {
    static let fields = ["title", "summary", "datasets", "time", "curriculum", "checks"]
    static let commonCheckFields = ["id", "title", "type", "points", "sample", "pass", "fail"]
    static let toleranceFields = ["relative", "absolute", "significant-figures"]
    /// Keys allowed in a check besides the common ones, by `type:`.
    static let kindFields: [String: [String]] = [
        "cutflow": ["tolerance", "weights-tolerance"],
        "histogram": ["histogram", "max-chi2-ndf", "mistakes"],
        "value": ["report", "mistakes"] + toleranceFields,
        "question": ["prompt", "choices", "answer"] + toleranceFields,
    ]
    static let kindNames = ["cutflow", "histogram", "value", "question"]

    /// Parses one exercise file. `id` is the exercise folder's name; `sourcePath` is used in locations.
    public static func parse(_ text: String, sourcePath: String, id: String) -> (Exercise?, [Diagnostic]) {
        let node: YAMLNode
        switch YAMLParser.parse(text, path: sourcePath) {
        case .success(let n): node = n
        case .failure(let d): return (nil, [d])
        }
        guard let map = node.map else {
            return (nil, [.error("exercise.type", "an exercise file must be a map of fields, found \(node.kindName)", at: node.location)])
        }
        var diagnostics: [Diagnostic] = []
        let context = "exercise '\(id)'"
        diagnostics += map.unknownKeys(allowed: fields, in: context)
        let title = map.requiredString("title", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let summary = map.requiredString("summary", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let datasets = map.optionalStringList("datasets", context: context, diagnostics: &diagnostics)?.map(\.0) ?? []
        let time = map.optionalString("time", context: context, diagnostics: &diagnostics)
        let curriculum = map.optionalStringList("curriculum", context: context, diagnostics: &diagnostics)?.map(\.0) ?? []
        var checks: [Check] = []
        if let entry = map.entry("checks") {
            checks = readChecks(entry.value, diagnostics: &diagnostics)
        } else {
            diagnostics.append(.error("field.missing", "missing required field 'checks' in \(context)", at: node.location,
                                      hint: "add a list 'checks:' with at least one check"))
        }
        guard let title, let summary, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let exercise = Exercise(id: id, title: title, summary: summary, datasets: datasets, time: time, curriculum: curriculum,
                                checks: checks, location: map.entry("title")?.keyLocation ?? node.location)
        return (exercise, diagnostics)
    }

    // MARK: - Checks

    static func readChecks(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> [Check] {
        guard let items = node.list, !items.isEmpty else {
            let found = node.list == nil ? "found \(node.kindName)" : "found an empty list"
            diagnostics.append(.error("field.type", "'checks' must be a list of checks, \(found)", at: node.location))
            return []
        }
        var checks: [Check] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let check = readCheck(item, diagnostics: &diagnostics) else { continue }
            if let first = seen[check.id] {
                diagnostics.append(.error("exercise.duplicate-check", "duplicate check id '\(check.id)'", at: check.location,
                                          notes: [.init("first used here", at: first)]))
                continue
            }
            seen[check.id] = check.location
            checks.append(check)
        }
        return checks
    }

    static func readCheck(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> Check? {
        guard let map = node.map else {
            diagnostics.append(.error("field.type", "a check must be a map with 'id' and 'type', found \(node.kindName)", at: node.location))
            return nil
        }
        let before = diagnostics.count
        let id = map.requiredString("id", mapLocation: node.location, context: "check", diagnostics: &diagnostics)
        let context = id.map { "check '\($0)'" } ?? "check"
        let typeName = map.requiredString("type", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        if let typeName, kindFields[typeName] == nil, let value = map["type"] {
            diagnostics.append(Diagnostic.error("exercise.check-type", "unknown check type '\(typeName)' in \(context)", at: value.location,
                                                hint: "use one of: \(kindNames.joined(separator: ", "))")
                .suggesting(typeName, from: kindNames))
        }
        let extra = typeName.flatMap { kindFields[$0] } ?? kindFields.values.flatMap { $0 }
        diagnostics += map.unknownKeys(allowed: commonCheckFields + extra, in: context)
        let title = map.optionalString("title", context: context, diagnostics: &diagnostics)
        let points = map.optionalInt("points", context: context, diagnostics: &diagnostics) ?? 1
        if points < 0, let value = map["points"] {
            diagnostics.append(.error("exercise.points", "points must not be negative in \(context)", at: value.location))
        }
        let sample = map.optionalString("sample", context: context, diagnostics: &diagnostics)
        let pass = map.optionalString("pass", context: context, diagnostics: &diagnostics)
        let fail = map.optionalString("fail", context: context, diagnostics: &diagnostics)
        var reader = KindReader(map: map, location: node.location, context: context)
        let kind: Check.Kind?
        switch typeName {
        case "cutflow": kind = reader.cutflow()
        case "histogram": kind = reader.histogram()
        case "value": kind = reader.value()
        case "question": kind = reader.question()
        default: kind = nil
        }
        diagnostics += reader.diagnostics
        guard let id, let kind, diagnostics.count == before, let idEntry = map.entry("id") else { return nil }
        return Check(id: id, title: title ?? id, kind: kind, points: points, sample: sample,
                     passMessage: pass, failMessage: fail, location: idEntry.value.location)
    }
}
