/// A TTree found in a ROOT file, as `openkey inspect` lists it.
public struct ROOTTreeInfo: Sendable, Hashable {
    /// Path inside the file: `mini`, or `events/events` for a tree in a subdirectory.
    public var path: String
    /// The title given when the tree was made (often empty).
    public var title: String
    /// Number of entries (events).
    public var entries: Int
    /// Every top-level branch, readable or not, in the tree's order.
    public var branches: [ROOTBranchInfo]

    /// A tree description (the reader builds these; public for tests and tools).
    public init(path: String, title: String, entries: Int, branches: [ROOTBranchInfo]) {
        self.path = path
        self.title = title
        self.entries = entries
        self.branches = branches
    }
}
