/// One tree of an open ROOT file: its listing, and what is needed to read its branches basket by basket.
///
/// A value that is cheap to copy and safe to share across threads (reads go through `pread`).
public struct ROOTTree: Sendable {
    /// Path, title, entries and every branch.
    public let info: ROOTTreeInfo
    let handle: ROOTFileHandle
    let context: ROOTContext
    let plans: [ROOTBranchPlan]
    private let byName: [String: Int]
    /// Scalar integer branches by leaf name, for counted arrays (`Muon_Px[NMuon]`).
    private let counters: [String: Int]

    init(path: String, record: ROOTTreeRecord, handle: ROOTFileHandle, fileCompression: Int32,
         context: ROOTContext) throws(ROOTFormatError) {
        self.handle = handle
        self.context = context
        var plans: [ROOTBranchPlan] = []
        for branch in record.branches {
            plans.append(try ROOTBranchPlan(record: branch, fileSize: handle.size))
        }
        var byName: [String: Int] = [:]
        var counters: [String: Int] = [:]
        for (index, plan) in plans.enumerated() {
            if byName[plan.name] == nil { byName[plan.name] = index }
            if case .scalar(let type) = plan.layout, type.kind == .int, let leaf = plan.record.leaves.first {
                counters[leaf.name] = index
                if counters[plan.name] == nil { counters[plan.name] = index }
            }
        }
        for index in plans.indices {
            if case .counted(_, let counter, _) = plans[index].layout, counters[counter] == nil {
                plans[index].layout = .unreadable(why: "a variable-length array whose counter '\(counter)' is not an integer branch of the tree")
            }
        }
        self.plans = plans
        self.byName = byName
        self.counters = counters
        let branches = plans.map { plan in
            let setting = plan.record.compress >= 0 ? plan.record.compress : fileCompression
            let (algorithm, level) = ROOTBranchInfo.compression(setting: setting)
            var whyNot: String?
            if case .unreadable(let why) = plan.layout { whyNot = why }
            return ROOTBranchInfo(name: plan.name, typeName: plan.typeName, compression: algorithm,
                                  compressionLevel: level, isReadable: whyNot == nil, whyNot: whyNot,
                                  kind: plan.layout.element?.kind ?? .float, isJagged: plan.layout.isJagged)
        }
        info = ROOTTreeInfo(path: path, title: record.title, entries: Int(record.entries), branches: branches)
    }

    func plan(named name: String) -> ROOTBranchPlan? {
        byName[name].map { plans[$0] }
    }

    /// Reads, decompresses and checks basket `index` of `plan` (safe to call from several threads at once).
    func loadBasket(_ plan: ROOTBranchPlan, _ index: Int) throws(ROOTFormatError) -> ROOTBasketEntries {
        let span = plan.spans[index]
        let data = try ROOTBasketData.load(span, of: plan.record, from: handle)
        var counts: [Int32]?
        if case .counted(_, let counter, _) = plan.layout, data.offsets == nil {
            counts = try counterValues(counter, entries: span.firstEntry..<span.endEntry)
        }
        return try ROOTBasketDecoder.check(data, layout: plan.layout, firstEntry: span.firstEntry, counts: counts)
    }

    /// The counter branch's values for `entries` (used when a counted array's offsets were not stored).
    private func counterValues(_ counter: String, entries: Range<Int>) throws(ROOTFormatError) -> [Int32] {
        guard let index = counters[counter] else {
            throw ROOTFormatError("root.unreadable-branch", "the counter branch '\(counter)' is missing")
        }
        let plan = plans[index]
        var result: [Int32] = []
        result.reserveCapacity(entries.count)
        for spanIndex in plan.spanIndices(overlapping: entries) {
            let basket = try loadBasket(plan, spanIndex)
            let lower = max(entries.lowerBound, basket.firstEntry) - basket.firstEntry
            let upper = min(entries.upperBound, basket.firstEntry + basket.entries) - basket.firstEntry
            guard lower < upper else { continue }
            for value in basket.values(lower, upper) {
                // Out-of-range counts become -1, which the decoder rejects.
                result.append(value >= 0 && value <= Double(Int32.max) ? Int32(value) : -1)
            }
        }
        guard result.count == entries.count else {
            throw ROOTFormatError("root.truncated", "the counter branch '\(counter)' does not cover entries \(entries)")
        }
        return result
    }
}
