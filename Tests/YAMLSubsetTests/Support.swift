import Diagnostics
import Testing
@testable import YAMLSubset

/// Parses `text` as `f.yml`, recording an issue (with the diagnostic) if it fails.
func parse(_ text: String, firstLine: Int = 1, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> YAMLNode? {
    switch YAMLParser.parse(text, path: "f.yml", firstLine: firstLine) {
    case .success(let node):
        return node
    case .failure(let diagnostic):
        Issue.record("unexpected error: \(DiagnosticFormatter.format(diagnostic))", sourceLocation: sourceLocation)
        return nil
    }
}

/// Parses `text` and renders the result compactly (see `render`), or "error" on failure.
func shape(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    parse(text, sourceLocation: sourceLocation).map(render) ?? "error"
}

/// The diagnostic for `text`, or nil (with an issue recorded) if it parses.
func failure(_ text: String, firstLine: Int = 1, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostic? {
    switch YAMLParser.parse(text, path: "f.yml", firstLine: firstLine) {
    case .success(let node):
        Issue.record("expected an error, parsed \(render(node))", sourceLocation: sourceLocation)
        return nil
    case .failure(let diagnostic):
        return diagnostic
    }
}

/// "line:column id" of the error for `text`, the compact form most error tests compare against.
func errorAt(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    guard let d = failure(text, sourceLocation: sourceLocation) else { return "no error" }
    guard let l = d.location else { return "no location \(d.id)" }
    return "\(l.line):\(l.column) \(d.id)"
}

/// A compact, typed rendering: strings quoted, ints bare, doubles as `d(1.5)`, booleans bare,
/// null as `null`, lists `[a, b]`, maps `{k: v}`.
func render(_ node: YAMLNode) -> String {
    switch node.value {
    case .null: return "null"
    case .bool(let b): return String(b)
    case .int(let i): return String(i)
    case .double(let d): return "d(\(d))"
    case .string(let s):
        let escaped = s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return "\"\(escaped)\""
    case .list(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
    case .map(let map): return "{" + map.entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
    }
}

/// "line:column" of a location.
func at(_ location: Diagnostics.SourceLocation?) -> String {
    location.map { "\($0.line):\($0.column)" } ?? "none"
}
