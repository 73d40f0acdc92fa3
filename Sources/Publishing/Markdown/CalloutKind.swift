/// The boxes authors write as `> [!kind] rest of line`.
public enum CalloutKind: String, Sendable, CaseIterable {
    case note, tip, warning, teacher, curriculum

    /// Reads the marker at the start of a block quote's first line: `[!tip] Answers` → (.tip, "Answers").
    /// Returns nil when the text has no marker; `.failure` with the unknown name when it has one we don't know.
    public static func parse(firstLine text: String) -> Result<(CalloutKind, String), UnknownMarker>? {
        guard text.hasPrefix("[!"), let close = text.firstIndex(of: "]") else { return nil }
        let name = text[text.index(text.startIndex, offsetBy: 2)..<close].lowercased()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
        let rest = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        guard let kind = CalloutKind(rawValue: name) else { return .failure(UnknownMarker(name: name)) }
        return .success((kind, rest))
    }

    public struct UnknownMarker: Error, Sendable { public var name: String }
}
