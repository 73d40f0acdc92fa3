/// Accumulates one column's values for the chunk being read, then hands them over as a `Column`.
struct ColumnBuilder {
    let kind: ColumnKind
    let isJagged: Bool
    var values = ContiguousArray<Double>()
    var offsets = ContiguousArray<Int32>()
    /// How many values the previous chunk held: the best guess for a jagged column's next chunk.
    private(set) var previousValueCount = 0

    init(kind: ColumnKind, isJagged: Bool) {
        self.kind = kind
        self.isJagged = isJagged
    }

    /// Prepares for a chunk of up to `events` events. Reservations are capped, so a huge chunk size
    /// (say `Int.max` for "everything") costs memory only as events arrive.
    mutating func start(events: Int) {
        let reserved = min(events, Self.maxReservation)
        values = ContiguousArray()
        values.reserveCapacity(isJagged ? min(max(reserved, previousValueCount), Self.maxReservation) : reserved)
        if isJagged {
            offsets = ContiguousArray()
            offsets.reserveCapacity(reserved + 1)
            offsets.append(0)
        }
    }

    private static let maxReservation = 1 << 20

    /// Closes the current event's list; false if the chunk holds more values than `Int32` offsets can address.
    @inline(__always)
    mutating func endList() -> Bool {
        guard values.count <= Int(Int32.max) else { return false }
        offsets.append(Int32(truncatingIfNeeded: values.count))
        return true
    }

    /// The finished column; the builder must be `start`ed again before reuse.
    mutating func take() -> Column {
        let column = Column(kind: kind, values: values, offsets: isJagged ? offsets : nil)
        previousValueCount = values.count
        values = ContiguousArray()
        offsets = ContiguousArray()
        return column
    }
}
