/// What a ROOT chunk reader reads (sequential or parallel): the requested branches of one tree, found and checked
/// readable, the number of entries to read (the tree's, or fewer with a limit), and how they are cut into chunks.
struct ROOTRead: Sendable {
    let tree: ROOTTree
    /// The column names, in the order of `plans`.
    let columns: [String]
    let plans: [ROOTBranchPlan]
    let total: Int
    let context: ROOTContext
    /// The chunks' entries, in order, each at most the requested chunk size (and at least one entry).
    let chunks: [Range<Int>]

    init(tree: ROOTTree, columns: [String], plans: [ROOTBranchPlan], total: Int, chunkSize: Int, context: ROOTContext) {
        self.tree = tree
        self.columns = columns
        self.plans = plans
        self.total = total
        self.context = context
        chunks = Self.chunks(plans, total: total, chunkSize: max(1, chunkSize))
    }

    /// Chunks of at most `chunkSize` entries that do not cross a cluster boundary (an entry where every read
    /// branch starts a basket: ROOT flushes all branches' baskets at the same entries when it ends a cluster),
    /// except where a cluster is larger than a chunk. Consecutive small clusters share a chunk; a large cluster is cut
    /// into equal chunks. So a chunk needs only its own cluster's baskets, and they are dropped before the next
    /// cluster's are read: with large baskets, two clusters held at once were most of the reader's memory.
    static func chunks(_ plans: [ROOTBranchPlan], total: Int, chunkSize: Int) -> [Range<Int>] {
        guard total > 0 else { return [] }
        var boundaries = Set(plans.first?.spans.map(\.firstEntry) ?? [])
        for plan in plans.dropFirst() { boundaries.formIntersection(plan.spans.map(\.firstEntry)) }
        var chunks: [Range<Int>] = []
        var cut = 0, last = 0       // the chunk being gathered starts at `cut`; its clusters end at `last`
        for end in boundaries.filter({ $0 > 0 && $0 < total }).sorted() + [total] {
            if end - cut > chunkSize {
                if last > cut {
                    chunks.append(cut..<last)
                    cut = last
                }
                if end - cut > chunkSize {
                    let length = end - cut, parts = (length + chunkSize - 1) / chunkSize
                    for k in 0..<parts { chunks.append((cut + length * k / parts)..<(cut + length * (k + 1) / parts)) }
                    cut = end
                }
            }
            last = end
        }
        if cut < total { chunks.append(cut..<total) }
        return chunks
    }
}
