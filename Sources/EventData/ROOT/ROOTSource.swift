import Diagnostics

/// The events of one TTree as columns, read basket by basket (see `ROOTChunkReader`).
///
/// Readable branches: scalars of every numeric type and bool; fixed arrays (`x[10]/F`, as lists of constant
/// length); counted arrays (`Muon_Px[NMuon]/F`); `std::vector<T>` and `ROOT::VecOps::RVec<T>` of numbers and
/// bool. Strings, nested containers and objects are listed by `ROOTFile.trees` with the reason they cannot
/// be read, and left out of `schema`. Values are Doubles: 64-bit integers beyond 2^53 lose precision.
public struct ROOTSource: ColumnSource {
    /// The `displayPath` given at opening; used in every diagnostic.
    public let name: String
    /// The readable branches, in the tree's order.
    public let schema: [ColumnInfo]
    /// The tree read, with every branch (readable or not) in `tree.info`.
    public let tree: ROOTTree

    /// Reads tree `tree` of `file` (nil: the file's only tree).
    public init(file: ROOTFile, tree: String?, displayPath: String) throws(DataError) {
        self.name = displayPath
        self.tree = try file.tree(tree)
        schema = self.tree.info.branches.filter(\.isReadable).map {
            ColumnInfo(name: $0.name, kind: $0.kind, isJagged: $0.isJagged, typeName: $0.typeName)
        }
    }

    /// The tree's entry count, known from its metadata.
    public var eventCount: Int? { tree.info.entries }

    /// Reads `columns` chunk by chunk; unknown branches (`root.unknown-branch`, with "did you mean") and
    /// unreadable ones (`root.unreadable-branch`, saying why) are refused here, before any data is read.
    public func makeReader(columns: [String], chunkSize: Int, limit: Int?) throws(DataError) -> any ChunkReader {
        ROOTChunkReader(try prepare(columns, chunkSize: chunkSize, limit: limit))
    }

    /// The same chunks for several workers at once (see `ROOTParallelChunks`).
    public func makeParallelReader(columns: [String], chunkSize: Int, limit: Int?) throws(DataError) -> (any ParallelChunkReader)? {
        ROOTParallelChunks(try prepare(columns, chunkSize: chunkSize, limit: limit))
    }

    private func prepare(_ columns: [String], chunkSize: Int, limit: Int?) throws(DataError) -> ROOTRead {
        let context = ROOTContext(displayPath: name, tree: tree.info.path)
        var plans: [ROOTBranchPlan] = []
        for column in columns {
            guard let plan = tree.plan(named: column) else {
                throw DataError(Diagnostic.error("root.unknown-branch",
                                                 "'\(name)': tree '\(tree.info.path)' has no branch '\(column)'",
                                                 at: .file(name))
                    .suggesting(column, from: tree.info.branches.map(\.name)))
            }
            if case .unreadable(let why) = plan.layout {
                let reason = why == ROOTBranchLayout.text ? "it holds text (\(plan.typeName)), not numbers" : "it is \(why)"
                throw context.with(branch: column).error("root.unreadable-branch",
                                                         "branch '\(column)' cannot be used as a column: \(reason)")
            }
            plans.append(plan)
        }
        return ROOTRead(tree: tree, columns: columns, plans: plans, total: min(tree.info.entries, max(0, limit ?? tree.info.entries)),
                        chunkSize: max(1, chunkSize), context: context)
    }
}
