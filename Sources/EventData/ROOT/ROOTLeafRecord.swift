/// A TLeaf as stored: what one branch's values are (type, fixed length, count leaf).
struct ROOTLeafRecord: Sendable {
    /// e.g. `TLeafF`, `TLeafI`, `TLeafElement`.
    var className: String
    var name: String
    /// e.g. `Muon_Px[NMuon]` or `x[3][4]`: the dimensions as written.
    var title: String
    /// Fixed number of values per entry (per counted element for counted arrays).
    var length: Int
    /// Bytes per value.
    var lengthType: Int
    var isUnsigned: Bool
    /// The counter leaf's name for variable-length arrays (`Muon_Px[NMuon]`).
    var countLeafName: String?
    /// Whether the leaf has a counter at all (even one that could not be resolved).
    var hasCount: Bool
    /// TLeafElement's streamer type code.
    var elementType: Int32?
}
