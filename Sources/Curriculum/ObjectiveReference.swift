import Diagnostics

/// A reference to a curriculum objective, `registry:code` (e.g. `ocr-a-physics:6.4.2(d)`),
/// or to a whole registry when `code` is nil.
public struct ObjectiveReference: Sendable, Hashable, CustomStringConvertible {
    public var registry: String
    public var code: String?
    public var location: SourceLocation

    public init(registry: String, code: String?, location: SourceLocation) {
        self.registry = registry
        self.code = code
        self.location = location
    }

    /// Splits at the first colon; nil when there is no registry part.
    public init?(parsing text: String, at location: SourceLocation) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let colon = trimmed.firstIndex(of: ":") else {
            guard !trimmed.isEmpty else { return nil }
            self.init(registry: trimmed, code: nil, location: location)
            return
        }
        let registry = String(trimmed[..<colon])
        let code = String(trimmed[trimmed.index(after: colon)...])
        guard !registry.isEmpty, !code.isEmpty else { return nil }
        self.init(registry: registry, code: code, location: location)
    }

    public var description: String { code.map { "\(registry):\($0)" } ?? registry }
}
