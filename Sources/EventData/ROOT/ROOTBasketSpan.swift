/// One basket of a branch: which entries it holds and where its bytes are.
struct ROOTBasketSpan: Sendable, Equatable {
    enum Source: Sendable, Equatable {
        /// A TBasket key on disk: its position and total size (header plus stored data).
        case disk(seek: Int64, bytes: Int)
        /// The index of a basket stored inside the TTree object.
        case embedded(Int)
    }

    var firstEntry: Int
    var entries: Int
    var source: Source

    var endEntry: Int { firstEntry + entries }
}
