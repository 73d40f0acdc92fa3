/// Where events come from. A `makeReader` cursor is used from one thread at a time (the engine reads chunks
/// sequentially and processes them in parallel); `makeParallelReader`'s chunks can be read from several threads.
public protocol ColumnSource: Sendable {
    /// Display name (file path relative to the course or data dir).
    var name: String { get }
    /// Every column the source offers, in the source's own order.
    var schema: [ColumnInfo] { get }
    /// Number of events if known without reading everything (nil for CSV until read).
    var eventCount: Int? { get }
    /// Starts reading only `columns` (in the engine's order); `limit` caps the number of events (nil: all).
    func makeReader(columns: [String], chunkSize: Int, limit: Int?) throws(DataError) -> any ChunkReader
    /// The same chunks, readable out of order from several threads (nil where the source cannot do that).
    func makeParallelReader(columns: [String], chunkSize: Int, limit: Int?) throws(DataError) -> (any ParallelChunkReader)?
}

/// A cursor over a source's events, one chunk at a time.
public protocol ChunkReader {
    /// The next chunk, or nil at the end. Memory stays bounded by chunkSize (never the whole file).
    mutating func next() throws(DataError) -> Chunk?
}
