/// A column of a chunk that is read only when an analysis first uses it, and then only for the events it still
/// needs: after filters, a ROOT branch is decoded for the kept events alone, straight from its baskets, instead of
/// being decoded for every event and copied again for the kept ones.
public struct DeferredColumn: Sendable {
    public let kind: ColumnKind
    public let isJagged: Bool
    private let read: @Sendable (ContiguousArray<Int32>?) -> Column

    /// `read(events)` gives the column at the chunk's events `events` (ascending indices into the chunk), or at
    /// every event of the chunk for nil.
    public init(kind: ColumnKind, isJagged: Bool, read: @escaping @Sendable (ContiguousArray<Int32>?) -> Column) {
        self.kind = kind
        self.isJagged = isJagged
        self.read = read
    }

    /// The column at the chunk's events `events` (ascending), or at all of them for nil.
    public func column(at events: ContiguousArray<Int32>? = nil) -> Column { read(events) }
}
