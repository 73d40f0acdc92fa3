/// What a ROOT chunk reader reads (sequential or parallel): the requested branches of one tree, found and checked
/// readable, the number of entries to read (the tree's, or fewer with a limit), and the chunk size.
struct ROOTRead: Sendable {
    let tree: ROOTTree
    /// The column names, in the order of `plans`.
    let columns: [String]
    let plans: [ROOTBranchPlan]
    let total: Int
    /// Entries per chunk: at least 1.
    let chunkSize: Int
    let context: ROOTContext

    /// The entries of chunk `index`.
    func range(ofChunk index: Int) -> Range<Int> { index * chunkSize..<min(total, (index + 1) * chunkSize) }
}
