/// A TBranch or TBranchElement as stored: its leaves, sub-branches, and where its baskets are.
struct ROOTBranchRecord: Sendable {
    var className: String
    var name: String
    var title: String
    /// Compression setting (algorithm × 100 + level).
    var compress: Int32
    var entryOffsetLength: Int32
    var entries: Int64
    var leaves: [ROOTLeafRecord]
    var branches: [ROOTBranchRecord]
    /// Per basket on disk: stored size, first entry, file offset (only the first `basketCount` are used).
    var basketBytes: [Int32]
    var basketEntry: [Int64]
    var basketSeek: [Int64]
    /// Number of baskets written to disk.
    var basketCount: Int
    var embeddedBaskets: [ROOTEmbeddedBasket]
    /// TBranchElement only: the class of the branch's object (`vector<float>`), its streamer type, and type.
    var elementClassName: String?
    var streamerType: Int32?
    var elementType: Int32?
    /// The file holding the baskets when not this one (rare; such branches are not read).
    var fileName: String
    /// Where the branch was read from the file, for messages.
    var recordOffset: Int64
}
