import Diagnostics

/// A problem with input data, located in the file (CSV: path:line:col; ROOT: path with a byte offset in the message).
///
/// Readers throw it rather than logging, because a broken file stops that file's analysis;
/// the caller turns `diagnostic` into an entry of its `DiagnosticLog`.
public struct DataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The located problem, ready for a `DiagnosticLog`.
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// Shorthand for an error diagnostic.
    static func error(_ id: String, _ message: String, at location: SourceLocation?,
                      notes: [Diagnostic.Note] = [], hint: String? = nil) -> DataError {
        DataError(.error(id, message, at: location, notes: notes, hint: hint))
    }

    public var description: String { diagnostic.description }
}
