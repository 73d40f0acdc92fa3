import Diagnostics

/// Columns held in memory (tests, generated samples). Splits into chunks by chunkSize.
///
/// Kinds and shapes come from the columns themselves. All columns should have the same number of events;
/// if they do not, the source offers the shortest length so no chunk ever reads past a column's end.
public struct InMemorySource: ColumnSource {
    public let name: String
    /// The columns' names, kinds and shapes, sorted by name.
    public let schema: [ColumnInfo]
    /// The data, as given.
    public let columns: [String: Column]
    private let events: Int

    /// Holds `columns` under the display name `name`.
    public init(name: String, columns: [String: Column]) {
        self.name = name
        self.columns = columns
        self.events = columns.values.map(\.eventCount).min() ?? 0
        self.schema = columns.keys.sorted().compactMap { key in
            guard let column = columns[key] else { return nil }
            let type = column.kind.rawValue + (column.isJagged ? "[]" : "")
            return ColumnInfo(name: key, kind: column.kind, isJagged: column.isJagged, typeName: type)
        }
    }

    public var eventCount: Int? { events }

    public func makeReader(columns requested: [String], chunkSize: Int, limit: Int?) throws(DataError) -> any ChunkReader {
        var selected: [String: Column] = [:]
        for name in requested {
            guard let column = columns[name] else {
                throw DataError(Diagnostic.error("data.unknown-column", "no column '\(name)' in '\(self.name)'", at: nil)
                    .suggesting(name, from: columns.keys))
            }
            selected[name] = column
        }
        let total = min(events, max(0, limit ?? events))
        return Reader(columns: selected, total: total, chunkSize: max(1, chunkSize))
    }

    /// Cuts consecutive slices out of the held columns.
    struct Reader: ChunkReader {
        let columns: [String: Column]
        let total: Int
        let chunkSize: Int
        var position = 0

        mutating func next() throws(DataError) -> Chunk? {
            guard position < total else { return nil }
            let range = position..<min(total, position + chunkSize)
            position = range.upperBound
            return Chunk(firstEvent: range.lowerBound, eventCount: range.count,
                         columns: columns.mapValues { $0.slice(events: range) })
        }
    }
}
