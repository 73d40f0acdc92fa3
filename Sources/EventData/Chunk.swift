/// A block of consecutive events with the requested columns.
public struct Chunk: Sendable {
    /// Index of the chunk's first event in the source.
    public var firstEvent: Int
    public var eventCount: Int
    /// Columns already in memory, by name, each with `eventCount` events.
    public var ready: [String: Column]
    /// Columns read on first use, by name (a column is in `ready` or here, not both).
    public var deferred: [String: DeferredColumn]

    public init(firstEvent: Int, eventCount: Int, columns: [String: Column], deferred: [String: DeferredColumn] = [:]) {
        self.firstEvent = firstEvent
        self.eventCount = eventCount
        ready = columns
        self.deferred = deferred
    }

    /// Every requested column at every event of the chunk (deferred ones are read here).
    public var columns: [String: Column] {
        var all = ready
        for (name, column) in deferred { all[name] = column.column() }
        return all
    }
}
