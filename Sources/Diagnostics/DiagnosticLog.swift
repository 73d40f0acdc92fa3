import Foundation

/// Collects diagnostics from every stage (thread-safe, so parallel stages can report),
/// then hands them out in a stable order: by file, line, column, then message.
public final class DiagnosticLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []

    public init() {}

    public func emit(_ diagnostic: Diagnostic) {
        lock.lock(); defer { lock.unlock() }
        items.append(diagnostic)
    }

    public func emit(contentsOf diagnostics: some Sequence<Diagnostic>) {
        lock.lock(); defer { lock.unlock() }
        items.append(contentsOf: diagnostics)
    }

    /// All diagnostics, sorted and deduplicated.
    public var diagnostics: [Diagnostic] {
        lock.lock(); defer { lock.unlock() }
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }.sorted(by: DiagnosticLog.order)
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { errorCount > 0 }

    /// Turns every warning into an error (`--strict`).
    public func promoteWarnings() {
        lock.lock(); defer { lock.unlock() }
        items = items.map { d in
            var d = d
            if d.severity == .warning { d.severity = .error }
            return d
        }
    }

    static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (l?, r?) where l != r: return l < r
        case (nil, _?): return false
        case (_?, nil): return true
        default:
            if a.severity != b.severity { return a.severity < b.severity }
            return (a.id, a.message) < (b.id, b.message)
        }
    }
}
