/// One column of a chunk: a value per event, or (jagged) a list per event.
///
/// Storage is flat and contiguous so the engine's inner loops run over plain buffers:
/// a jagged column keeps all lists back to back in `values` and marks where each starts in `offsets`
/// (the layout of Arrow and awkward-array).
public struct Column: Sendable, Equatable {
    /// What the values mean (all are stored as Double).
    public var kind: ColumnKind
    /// All values, contiguous. For a jagged column, event i's list is values[offsets[i]..<offsets[i+1]].
    public var values: ContiguousArray<Double>
    /// nil for a scalar column; eventCount + 1 ascending offsets starting at 0 for a jagged column.
    public var offsets: ContiguousArray<Int32>?

    /// A column from ready-made storage; `offsets` (if any) must start at 0, ascend, and end at `values.count`.
    public init(kind: ColumnKind, values: ContiguousArray<Double>, offsets: ContiguousArray<Int32>? = nil) {
        self.kind = kind
        self.values = values
        self.offsets = offsets
    }

    /// A scalar column with one value per event.
    public static func scalar(_ values: [Double], kind: ColumnKind = .float) -> Column {
        Column(kind: kind, values: ContiguousArray(values))
    }

    /// A jagged column with one list per event.
    public static func jagged(_ lists: [[Double]], kind: ColumnKind = .float) -> Column {
        var values = ContiguousArray<Double>()
        values.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var offsets = ContiguousArray<Int32>()
        offsets.reserveCapacity(lists.count + 1)
        offsets.append(0)
        for list in lists {
            values.append(contentsOf: list)
            offsets.append(Int32(clamping: values.count))
        }
        return Column(kind: kind, values: values, offsets: offsets)
    }

    /// Whether each event holds a list rather than one value.
    public var isJagged: Bool { offsets != nil }

    /// values.count for a scalar column, offsets.count - 1 for a jagged one.
    public var eventCount: Int {
        guard let offsets else { return values.count }
        return max(0, offsets.count - 1)
    }

    /// Event i's list (jagged) or one-element slice (scalar) — for tests and slow paths only.
    public func list(at event: Int) -> ArraySlice<Double> {
        let range: Range<Int>
        if let offsets {
            range = Int(offsets[event])..<Int(offsets[event + 1])
        } else {
            range = event..<(event + 1)
        }
        return ArraySlice(values[range])
    }

    /// The events at `indices`, in that order (used to compact a chunk after a filter).
    ///
    /// Indices come from the engine, not from input data, so an index outside `0..<eventCount` is a programming error and traps.
    public func gather(_ indices: ContiguousArray<Int32>) -> Column {
        let count = eventCount
        guard let offsets else {
            var out = ContiguousArray<Double>()
            out.reserveCapacity(indices.count)
            values.withUnsafeBufferPointer { src in
                indices.withUnsafeBufferPointer { idx in
                    for i in idx {
                        precondition(i >= 0 && Int(i) < count, "gather index out of range")
                        out.append(src[Int(i)])
                    }
                }
            }
            return Column(kind: kind, values: out)
        }
        var outOffsets = ContiguousArray<Int32>()
        outOffsets.reserveCapacity(indices.count + 1)
        outOffsets.append(0)
        var outValues = ContiguousArray<Double>()
        values.withUnsafeBufferPointer { src in
            offsets.withUnsafeBufferPointer { off in
                indices.withUnsafeBufferPointer { idx in
                    var total = 0
                    for i in idx {
                        precondition(i >= 0 && Int(i) < count, "gather index out of range")
                        total += Int(off[Int(i) + 1] - off[Int(i)])
                    }
                    outValues.reserveCapacity(total)
                    for i in idx {
                        let start = Int(off[Int(i)]), end = Int(off[Int(i) + 1])
                        outValues.append(contentsOf: UnsafeBufferPointer(rebasing: src[start..<end]))
                        outOffsets.append(Int32(truncatingIfNeeded: outValues.count))
                    }
                }
            }
        }
        return Column(kind: kind, values: outValues, offsets: outOffsets)
    }

    /// The consecutive events in `events` (used to cut chunks out of columns held in memory).
    public func slice(events: Range<Int>) -> Column {
        guard let offsets else {
            return Column(kind: kind, values: ContiguousArray(values[events]))
        }
        let base = offsets[events.lowerBound]
        let sliced = offsets[events.lowerBound...events.upperBound].map { $0 - base }
        let valueRange = Int(base)..<Int(offsets[events.upperBound])
        return Column(kind: kind, values: ContiguousArray(values[valueRange]), offsets: ContiguousArray(sliced))
    }
}
