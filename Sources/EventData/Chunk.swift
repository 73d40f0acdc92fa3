/// A block of consecutive events with the requested columns.
public struct Chunk: Sendable {
    /// Index of the chunk's first event in the source.
    public var firstEvent: Int
    public var eventCount: Int
    /// The requested columns by name, each with `eventCount` events.
    public var columns: [String: Column]

    public init(firstEvent: Int, eventCount: Int, columns: [String: Column]) {
        self.firstEvent = firstEvent
        self.eventCount = eventCount
        self.columns = columns
    }
}
