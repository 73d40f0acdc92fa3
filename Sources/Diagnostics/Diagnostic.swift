/// How bad a diagnostic is. Warnings become errors under `--strict`.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A problem found in the user's input, as a value: stages return these rather than throwing,
/// so that every problem in a course is reported in one run.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// A secondary message attached to a diagnostic ("did you mean 'z-boson'?"), optionally at its own location.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation?
        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// A stable identifier such as `link.broken`, printed in brackets; tests and docs refer to it.
    public var id: String
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]
    public var hint: String?

    public init(_ severity: Severity, _ id: String, _ message: String, at location: SourceLocation?,
                notes: [Note] = [], hint: String? = nil) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.notes = notes
        self.hint = hint
    }

    public static func error(_ id: String, _ message: String, at location: SourceLocation?,
                             notes: [Note] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, id, message, at: location, notes: notes, hint: hint)
    }

    public static func warning(_ id: String, _ message: String, at location: SourceLocation?,
                               notes: [Note] = [], hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, id, message, at: location, notes: notes, hint: hint)
    }

    /// Adds a "did you mean" note when a close candidate exists.
    public func suggesting(_ name: String, from candidates: some Sequence<String>) -> Diagnostic {
        guard let best = Suggestion.closest(to: name, in: candidates) else { return self }
        var copy = self
        copy.notes.append(Note("did you mean '\(best)'?", at: location))
        return copy
    }

    public var description: String { DiagnosticFormatter.format(self) }
}
