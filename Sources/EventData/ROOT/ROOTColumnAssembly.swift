/// One chunk's column of one branch: which entries of which checked baskets it takes (validated when the chunk is
/// read), decoded into a column when the analysis first uses it, for all of the chunk's events or only those it
/// still needs.
struct ROOTColumnAssembly: Sendable {
    let kind: ColumnKind
    let isJagged: Bool
    /// The chunk's first entry.
    let first: Int
    let count: Int
    /// The part of each basket in the chunk, in entry order and without a gap: entries `from..<to` of the basket.
    let parts: [(basket: ROOTBasketEntries, from: Int, to: Int)]

    /// Checks that the baskets (in entry order) hold every entry of `range`, and that a list column of the chunk
    /// can be addressed with 32-bit offsets.
    init(_ plan: ROOTBranchPlan, _ baskets: [ROOTBasketEntries], _ range: Range<Int>,
         context: ROOTContext) throws(DataError) {
        kind = plan.layout.element?.kind ?? .float
        isJagged = plan.layout.isJagged
        first = range.lowerBound
        count = range.count
        var parts: [(basket: ROOTBasketEntries, from: Int, to: Int)] = []
        parts.reserveCapacity(baskets.count)
        var next = range.lowerBound, total = 0
        for basket in baskets {
            let lower = max(range.lowerBound, basket.firstEntry), upper = min(range.upperBound, basket.endEntry)
            guard lower < upper else { continue }
            guard lower == next else { break }
            let from = lower - basket.firstEntry, to = upper - basket.firstEntry
            parts.append((basket, from, to))
            total += basket.valueCount(from, to)
            next = upper
        }
        guard next == range.upperBound else {
            throw context.with(branch: plan.name).error("root.truncated",
                                                        "no basket holds entry \(next) (the branch has \(plan.coveredEntries) entries)")
        }
        guard !isJagged || total <= Int(Int32.max) else {
            throw context.with(branch: plan.name).error("root.chunk-too-large",
                                                        "a chunk holds more than 2^31 values; use a smaller chunk size")
        }
        self.parts = parts
    }

    /// The column, read when first used.
    var deferred: DeferredColumn {
        DeferredColumn(kind: kind, isJagged: isJagged) { [self] events in column(at: events) }
    }

    /// The column at the chunk's events `events` (ascending indices into the chunk), or at all of them.
    func column(at events: ContiguousArray<Int32>? = nil) -> Column {
        guard let events else { return whole() }
        // Each part's share of the selection is one run of it (the selection ascends).
        var runs: [Range<Int>] = []
        runs.reserveCapacity(parts.count)
        var total = 0
        events.withUnsafeBufferPointer { selected in
            var k = 0
            for part in parts {
                let shift = first - part.basket.firstEntry, end = part.to - shift
                let start = k
                while k < selected.count, Int(selected[k]) < end { k += 1 }
                runs.append(start..<k)
                total += part.basket.valueCount(selected: UnsafeBufferPointer(rebasing: selected[start..<k]), shift: shift)
            }
        }
        // A list column's offsets: ends[k + 1] is where selected event k's list ends (ends[0] = 0).
        var ends = ContiguousArray<Int32>(repeating: 0, count: isJagged ? events.count + 1 : 0)
        let values = ContiguousArray<Double>(unsafeUninitializedCapacity: total) { out, initialized in
            // No values at all: every selected list is empty, and the offsets are already all 0.
            guard let target = out.baseAddress else {
                initialized = 0
                return
            }
            events.withUnsafeBufferPointer { selected in
                ends.withUnsafeMutableBufferPointer { ends in
                    var position = 0
                    for (part, run) in zip(parts, runs) {
                        position += part.basket.decode(selected: UnsafeBufferPointer(rebasing: selected[run]),
                                                       shift: first - part.basket.firstEntry, into: target + position,
                                                       ends: isJagged ? ends.baseAddress! + run.lowerBound + 1 : nil,
                                                       base: position)
                    }
                }
            }
            initialized = total
        }
        return Column(kind: kind, values: values, offsets: isJagged ? ends : nil)
    }

    /// Every entry of the chunk.
    private func whole() -> Column {
        let total = parts.reduce(0) { $0 + $1.basket.valueCount($1.from, $1.to) }
        let values = ContiguousArray<Double>(unsafeUninitializedCapacity: total) { out, initialized in
            var position = 0
            if let target = out.baseAddress {
                for part in parts {
                    part.basket.decode(part.from, part.to, into: target + position)
                    position += part.basket.valueCount(part.from, part.to)
                }
            }
            initialized = total
        }
        guard isJagged else { return Column(kind: kind, values: values) }
        let offsets = ContiguousArray<Int32>(unsafeUninitializedCapacity: count + 1) { out, initialized in
            out[0] = 0
            var at = 1, base: Int32 = 0
            for part in parts {
                guard let source = part.basket.offsets else { continue }
                let shift = base &- source[part.from]
                for i in (part.from + 1)...part.to {
                    out[at] = source[i] &+ shift
                    at += 1
                }
                base = source[part.to] &+ shift
            }
            initialized = at
        }
        return Column(kind: kind, values: values, offsets: offsets)
    }
}
