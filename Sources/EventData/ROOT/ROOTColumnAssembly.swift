/// The last step of reading a chunk: its entries cut out of decoded baskets into one column.
enum ROOTColumnAssembly {
    /// Cuts the chunk's entries out of the decoded baskets (in entry order) into one column.
    static func assemble(_ plan: ROOTBranchPlan, _ baskets: [ROOTDecodedBasket], _ range: Range<Int>,
                         context: ROOTContext) throws(DataError) -> Column {
        let kind = plan.layout.element?.kind ?? .float
        var values = ContiguousArray<Double>()
        values.reserveCapacity(baskets.reduce(0) { total, basket in
            let lower = max(range.lowerBound, basket.firstEntry) - basket.firstEntry
            let upper = min(range.upperBound, basket.firstEntry + basket.entries) - basket.firstEntry
            guard lower < upper else { return total }
            guard let offsets = basket.offsets else { return total + (upper - lower) }
            return total + Int(offsets[upper] - offsets[lower])
        })
        var offsets: ContiguousArray<Int32>? = plan.layout.isJagged ? [0] : nil
        offsets?.reserveCapacity(range.count + 1)
        var next = range.lowerBound
        for basket in baskets {
            let lower = max(range.lowerBound, basket.firstEntry), upper = min(range.upperBound, basket.firstEntry + basket.entries)
            guard lower < upper else { continue }
            guard lower == next else { break }
            let from = lower - basket.firstEntry, to = upper - basket.firstEntry
            if let source = basket.offsets {
                let start = Int(source[from]), end = Int(source[to])
                guard values.count + (end - start) <= Int(Int32.max) else {
                    throw context.with(branch: plan.name).error("root.chunk-too-large",
                                                                "a chunk holds more than 2^31 values; use a smaller chunk size")
                }
                let base = Int32(values.count) - source[from]
                values.append(contentsOf: basket.values[start..<end])
                for i in (from + 1)...to { offsets?.append(source[i] + base) }
            } else {
                values.append(contentsOf: basket.values[from..<to])
            }
            next = upper
        }
        guard next == range.upperBound else {
            throw context.with(branch: plan.name).error("root.truncated",
                                                        "no basket holds entry \(next) (the branch has \(plan.coveredEntries) entries)")
        }
        return Column(kind: kind, values: values, offsets: offsets)
    }
}
