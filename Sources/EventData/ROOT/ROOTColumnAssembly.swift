/// The last step of reading a chunk: its entries decoded out of the checked baskets into one column.
enum ROOTColumnAssembly {
    /// Decodes the chunk's entries from the baskets (in entry order) straight into one column.
    static func assemble(_ plan: ROOTBranchPlan, _ baskets: [ROOTBasketEntries], _ range: Range<Int>,
                         context: ROOTContext) throws(DataError) -> Column {
        let kind = plan.layout.element?.kind ?? .float
        // The part of each basket in the range, in order and without a gap.
        var parts: [(basket: Int, from: Int, to: Int)] = []
        parts.reserveCapacity(baskets.count)
        var next = range.lowerBound, total = 0
        for (index, basket) in baskets.enumerated() {
            let lower = max(range.lowerBound, basket.firstEntry), upper = min(range.upperBound, basket.endEntry)
            guard lower < upper else { continue }
            guard lower == next else { break }
            let from = lower - basket.firstEntry, to = upper - basket.firstEntry
            parts.append((index, from, to))
            total += basket.valueCount(from, to)
            next = upper
        }
        guard next == range.upperBound else {
            throw context.with(branch: plan.name).error("root.truncated",
                                                        "no basket holds entry \(next) (the branch has \(plan.coveredEntries) entries)")
        }
        guard !plan.layout.isJagged || total <= Int(Int32.max) else {
            throw context.with(branch: plan.name).error("root.chunk-too-large",
                                                        "a chunk holds more than 2^31 values; use a smaller chunk size")
        }
        let values = ContiguousArray<Double>(unsafeUninitializedCapacity: total) { out, initialized in
            guard let target = out.baseAddress else {
                initialized = 0
                return
            }
            var position = 0
            for part in parts {
                let basket = baskets[part.basket]
                basket.decode(part.from, part.to, into: target + position)
                position += basket.valueCount(part.from, part.to)
            }
            initialized = total
        }
        guard plan.layout.isJagged else { return Column(kind: kind, values: values) }
        let offsets = ContiguousArray<Int32>(unsafeUninitializedCapacity: range.count + 1) { out, initialized in
            out[0] = 0
            var at = 1, base: Int32 = 0
            for part in parts {
                guard let source = baskets[part.basket].offsets else { continue }
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
