/// Chunks that can be read out of order and from several threads at once: the engine's workers each take the
/// next chunk index, read it and process it, with no thread waiting for a reader in between.
///
/// Chunk `i` holds events `i * chunkSize ..< min(total, (i + 1) * chunkSize)`, exactly as `ChunkReader` would
/// return them one after another, so results merged in chunk order do not depend on the number of threads.
public protocol ParallelChunkReader: Sendable {
    var chunkCount: Int { get }
    /// Reads chunk `index` (safe to call from several threads at once, each index once).
    func chunk(_ index: Int) throws(DataError) -> Chunk
}

extension ColumnSource {
    /// Sources that cannot be read out of order (CSV, read line by line) have none; the engine then reads with
    /// `makeReader` and processes chunks in parallel behind it.
    public func makeParallelReader(columns: [String], chunkSize: Int, limit: Int?) throws(DataError) -> (any ParallelChunkReader)? {
        nil
    }
}
