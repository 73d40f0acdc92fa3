import Diagnostics
import Dispatch

/// Limits for running untrusted analyses: events, wall-clock time, memory of intermediate columns.
public struct Budget: Sendable {
    public var maxEvents: Int?
    /// Seconds from the start of the run.
    public var timeLimit: Double?
    /// Bytes of columns one chunk may hold at once.
    public var memoryPerChunk: Int
    let deadline: DispatchTime?

    public init(maxEvents: Int? = nil, timeLimit: Double? = nil, memoryPerChunk: Int = 512 << 20) {
        self.maxEvents = maxEvents
        self.timeLimit = timeLimit
        self.memoryPerChunk = memoryPerChunk
        deadline = timeLimit.map { DispatchTime.now() + .nanoseconds(Int(max(0, $0) * 1e9)) }
    }

    func checkTime(at location: SourceLocation) throws(Diagnostic) {
        if let deadline, DispatchTime.now() > deadline {
            let limit = timeLimit ?? 0
            let shown = limit == limit.rounded() ? String(Int(limit)) : String(format: "%.3g", limit)
            throw .error("ana.timeout", "the analysis ran longer than its limit of \(shown) s", at: location,
                         hint: "run on fewer events (--max-events) or simplify the analysis")
        }
    }

    func checkMemory(_ bytes: Int, at location: SourceLocation) throws(Diagnostic) {
        if bytes > memoryPerChunk {
            throw .error("ana.memory", "intermediate columns need \(bytes >> 20) MiB, over the limit of \(memoryPerChunk >> 20) MiB",
                         at: location, hint: "the lists here are very long; filter events earlier or reduce the lists")
        }
    }
}
