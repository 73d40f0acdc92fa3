/// Prints diagnostics the way compilers do, so editors can jump to them:
///
///     Content/paths/start.yml:14:9: error: unknown page 'z-mass' in path 'start' [path.unknown-page]
///     Content/paths/start.yml:14:9: note: did you mean 'z-boson-mass'?
///         hint: page ids are file paths under Content/ without the extension
public enum DiagnosticFormatter {
    public static func format(_ d: Diagnostic) -> String {
        var lines = ["\(prefix(d.location))\(d.severity.rawValue): \(d.message) [\(d.id)]"]
        for note in d.notes {
            lines.append("\(prefix(note.location ?? d.location))note: \(note.message)")
        }
        if let hint = d.hint {
            lines.append("    hint: \(hint)")
        }
        return lines.joined(separator: "\n")
    }

    public static func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    /// "2 errors, 1 warning" — the closing line of a failed build.
    public static func summary(errors: Int, warnings: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    private static func prefix(_ location: SourceLocation?) -> String {
        guard let l = location else { return "openkey: " }
        return "\(l.path):\(l.line):\(l.column): "
    }
}
