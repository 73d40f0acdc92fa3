/// Accumulates one column's values for the chunk being read, then hands them over as a `Column`.
struct ColumnBuilder {
    let kind: ColumnKind
    let isJagged: Bool
    var values = ContiguousArray<Double>()
    var offsets = ContiguousArray<Int32>()

    init(kind: ColumnKind, isJagged: Bool) {
        self.kind = kind
        self.isJagged = isJagged
    }

    /// Prepares for a chunk of up to `events` events; `expectedValues` sizes a jagged column's storage.
    mutating func start(events: Int, expectedValues: Int) {
        values = ContiguousArray()
        values.reserveCapacity(isJagged ? expectedValues : events)
        if isJagged {
            offsets = ContiguousArray()
            offsets.reserveCapacity(events + 1)
            offsets.append(0)
        }
    }

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
        values = ContiguousArray()
        offsets = ContiguousArray()
        return column
    }
}
