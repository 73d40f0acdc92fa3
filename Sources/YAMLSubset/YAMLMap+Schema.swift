import Diagnostics

/// Typed reading of a map for the content loader: each helper returns the value when it has the
/// expected shape and otherwise appends a located diagnostic, so a loader reports every schema
/// problem of a file in one run. `context` names the thing being read ("page 'z-boson-mass'",
/// "site.yml") and appears in the messages.
extension YAMLMap {
    /// Diagnostics for keys not in `allowed` (`yaml.unknown-key`, at the key, with "did you mean").
    public func unknownKeys(allowed: [String], in context: String) -> [Diagnostic] {
        let listed = allowed.map { "'\($0)'" }.joined(separator: ", ")
        return entries.filter { !allowed.contains($0.key) }.map { entry in
            Diagnostic.error("yaml.unknown-key", "unknown key '\(entry.key)' in \(context)", at: entry.keyLocation,
                             hint: allowed.isEmpty ? nil : "allowed keys: \(listed)")
                .suggesting(entry.key, from: allowed)
        }
    }

    /// A required string field (numbers and booleans are read as their source text). Appends
    /// `field.missing` (at `mapLocation` when the key is absent, at the value when it is empty)
    /// or `field.type` to `diagnostics` and returns nil when the field is unusable.
    public func requiredString(_ key: String, mapLocation: SourceLocation, context: String,
                               diagnostics: inout [Diagnostic]) -> String? {
        guard let node = self[key] else {
            diagnostics.append(.error("field.missing", "missing required field '\(key)' in \(context)",
                                      at: mapLocation, hint: "add a line '\(key): ...'"))
            return nil
        }
        if node.isNull {
            diagnostics.append(.error("field.missing", "required field '\(key)' in \(context) is empty",
                                      at: node.location))
            return nil
        }
        return string(key, node, context: context, diagnostics: &diagnostics)
    }

    /// An optional string field: nil without a diagnostic when absent or empty.
    public func optionalString(_ key: String, context: String, diagnostics: inout [Diagnostic]) -> String? {
        guard let node = self[key], !node.isNull else { return nil }
        return string(key, node, context: context, diagnostics: &diagnostics)
    }

    /// An optional list of strings, with each item's location. A single scalar counts as a list of
    /// one (`tags: physics` reads like `tags: [physics]`). Items that are not scalars are reported
    /// and skipped. Nil when absent or empty.
    public func optionalStringList(_ key: String, context: String,
                                   diagnostics: inout [Diagnostic]) -> [(String, SourceLocation)]? {
        guard let node = self[key], !node.isNull else { return nil }
        if let text = node.string { return [(text, node.location)] }
        guard let items = node.list else {
            diagnostics.append(typeError(key, expected: "a list of strings", found: node, context: context))
            return nil
        }
        var result: [(String, SourceLocation)] = []
        for item in items {
            if let text = item.string {
                result.append((text, item.location))
            } else {
                diagnostics.append(.error("field.type",
                                          "expected a string in list '\(key)' in \(context), found \(item.kindName)",
                                          at: item.location))
            }
        }
        return result
    }

    /// An optional boolean (`true`/`false`): nil when absent or empty.
    public func optionalBool(_ key: String, context: String, diagnostics: inout [Diagnostic]) -> Bool? {
        guard let node = self[key], !node.isNull else { return nil }
        if let b = node.bool { return b }
        diagnostics.append(typeError(key, expected: "true or false", found: node, context: context))
        return nil
    }

    /// An optional integer: nil when absent or empty.
    public func optionalInt(_ key: String, context: String, diagnostics: inout [Diagnostic]) -> Int? {
        guard let node = self[key], !node.isNull else { return nil }
        if let i = node.int { return i }
        diagnostics.append(typeError(key, expected: "an integer", found: node, context: context))
        return nil
    }

    /// An optional nested map: nil when absent or empty.
    public func optionalMap(_ key: String, context: String, diagnostics: inout [Diagnostic]) -> YAMLMap? {
        guard let node = self[key], !node.isNull else { return nil }
        if let map = node.map { return map }
        diagnostics.append(typeError(key, expected: "a map", found: node, context: context))
        return nil
    }

    /// An optional list of any items: nil when absent or empty.
    public func optionalList(_ key: String, context: String, diagnostics: inout [Diagnostic]) -> [YAMLNode]? {
        guard let node = self[key], !node.isNull else { return nil }
        if let items = node.list { return items }
        diagnostics.append(typeError(key, expected: "a list", found: node, context: context))
        return nil
    }

    // MARK: - Helpers

    private func string(_ key: String, _ node: YAMLNode, context: String, diagnostics: inout [Diagnostic]) -> String? {
        if let text = node.string { return text }
        diagnostics.append(typeError(key, expected: "a string", found: node, context: context))
        return nil
    }

    private func typeError(_ key: String, expected: String, found node: YAMLNode, context: String) -> Diagnostic {
        .error("field.type", "expected \(expected) for '\(key)' in \(context), found \(node.kindName)",
               at: node.location)
    }
}
