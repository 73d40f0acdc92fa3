/// A basket stored inside the TTree object itself (the tree was saved while the basket was being filled).
struct ROOTEmbeddedBasket: Sendable {
    var entries: Int
    /// The data bytes (without the key header).
    var data: [UInt8]
    /// Entry start offsets into `data`, plus the end; nil when entries have a fixed size.
    var offsets: ContiguousArray<Int32>?
}
