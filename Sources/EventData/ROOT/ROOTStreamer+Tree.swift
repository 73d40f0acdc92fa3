extension ROOTStreamer {
    // MARK: - TTree

    /// A TTree (class versions 16 to 20: ROOT 5.2x to 6.40), or a TNtuple/TNtupleD wrapping one.
    mutating func tree(className: String) throws(ROOTFormatError) -> ROOTTreeRecord {
        if className == "TNtuple" || className == "TNtupleD" {
            let (_, end) = try header("a \(className)")
            let tree = try tree(className: "TTree")
            try finish(end, "a \(className)")
            return tree
        }
        let (version, end) = try header("a TTree")
        guard (16...20).contains(version) else {
            throw ROOTFormatError("root.unsupported-version",
                                  "TTree class version \(version) is not supported (versions 16 to 20 are: ROOT 5.26 and later)",
                                  at: cursor.here,
                                  hint: "re-save the tree with a current ROOT (e.g. `hadd -f101 out.root in.root`)")
        }
        let (name, title) = try tnamed()
        try skipObject("a TTree's line attributes")
        try skipObject("a TTree's fill attributes")
        try skipObject("a TTree's marker attributes")
        let entries = try cursor.i64("a TTree's entry count")
        guard entries >= 0 else {
            throw ROOTFormatError("root.bad-key", "the tree claims \(entries) entries", at: cursor.here)
        }
        switch version {
        case 16: try cursor.skip(3 * 8 + 8 + 3 * 4 + 5 * 8, "a TTree")
        case 17: try cursor.skip(3 * 8 + 8 + 4 * 4 + 5 * 8, "a TTree")
        case 18: try cursor.skip(4 * 8 + 8 + 4 * 4 + 6 * 8, "a TTree")
        default:
            try cursor.skip(4 * 8 + 8 + 4 * 4, "a TTree")
            let clusterRanges = Int(try cursor.i32("a TTree's cluster ranges"))
            try cursor.skip(6 * 8, "a TTree")
            _ = try markedArray64(clusterRanges, "a TTree's cluster range ends")
            _ = try markedArray64(clusterRanges, "a TTree's cluster sizes")
            if version >= 20 { try skipObject("a TTree's I/O features") }
        }
        let branches = try objectArray("a TTree's branch list") { (s: inout ROOTStreamer, cls: String, _: Int) throws(ROOTFormatError) in
            try s.branch(className: cls)
        }
        // The rest (leaf list, aliases, indices, friends, user info) is not needed.
        try finish(end, "a TTree")
        return ROOTTreeRecord(name: name, title: title, entries: entries, branches: branches)
    }

    // MARK: - TBranch and TBranchElement

    /// A branch of any TBranch subclass: the TBranch part is read, subclass members OpenKey needs
    /// (TBranchElement's class and streamer type) too, the rest is skipped by byte count.
    mutating func branch(className: String) throws(ROOTFormatError) -> ROOTBranchRecord {
        let recordOffset = cursor.here
        guard className.hasPrefix("TBranch") else {
            throw ROOTFormatError("root.bad-key", "a branch list holds a '\(className)'", at: recordOffset)
        }
        if className == "TBranch" {
            return try branchBase(className: className, recordOffset: recordOffset)
        }
        let (version, end) = try header("a \(className)")
        var record = try branchBase(className: className, recordOffset: recordOffset)
        if className == "TBranchElement" {
            record.elementClassName = try cursor.string("a branch's class name")
            _ = try cursor.string("a branch's parent name")
            _ = try cursor.string("a branch's clones name")
            _ = try cursor.u32("a branch's checksum")
            if version >= 10 { _ = try cursor.i16("a branch's class version") } else { _ = try cursor.i32("a branch's class version") }
            _ = try cursor.i32("a branch's id")
            record.elementType = try cursor.i32("a branch's type")
            record.streamerType = try cursor.i32("a branch's streamer type")
        } else if className == "TBranchObject" {
            record.elementClassName = try cursor.string("a branch's class name")
        }
        try finish(end, "a \(className)")
        return record
    }

    /// The TBranch members (class versions 10 to 13).
    private mutating func branchBase(className: String, recordOffset: Int64) throws(ROOTFormatError) -> ROOTBranchRecord {
        let (version, end) = try header("a TBranch")
        guard (10...13).contains(version) else {
            throw ROOTFormatError("root.unsupported-version",
                                  "TBranch class version \(version) is not supported (versions 10 to 13 are)",
                                  at: cursor.here)
        }
        let (name, title) = try tnamed()
        try skipObject("a branch's fill attributes")
        let compress = try cursor.i32("a branch")
        _ = try cursor.i32("a branch")                            // fBasketSize
        let entryOffsetLength = try cursor.i32("a branch")
        let writeBasket = try cursor.i32("a branch")
        _ = try cursor.i64("a branch")                            // fEntryNumber
        if version >= 13 { try skipObject("a branch's I/O features") }
        _ = try cursor.i32("a branch")                            // fOffset
        let maxBaskets = try cursor.i32("a branch")
        _ = try cursor.i32("a branch")                            // fSplitLevel
        let entries = try cursor.i64("a branch")
        if version >= 11 { _ = try cursor.i64("a branch") }       // fFirstEntry
        _ = try cursor.i64("a branch")                            // fTotBytes
        _ = try cursor.i64("a branch")                            // fZipBytes
        guard maxBaskets >= 0, Int(maxBaskets) <= cursor.remaining / 8,
              writeBasket >= 0, writeBasket <= maxBaskets, entries >= 0 else {
            throw ROOTFormatError("root.bad-key",
                                  "branch '\(name)' is corrupt (\(maxBaskets) baskets, \(writeBasket) written, \(entries) entries)",
                                  at: cursor.here)
        }
        let branches = try objectArray("a branch's sub-branches") { (s: inout ROOTStreamer, cls: String, _: Int) throws(ROOTFormatError) in
            try s.branch(className: cls)
        }
        let leaves = try objectArray("a branch's leaves") { (s: inout ROOTStreamer, cls: String, tag: Int) throws(ROOTFormatError) in
            try s.leaf(className: cls, tag: tag)
        }
        let embedded = try objectArray("a branch's baskets") { (s: inout ROOTStreamer, cls: String, _: Int) throws(ROOTFormatError) -> ROOTEmbeddedBasket? in
            cls == "TBasket" ? try s.embeddedBasket() : nil
        }
        let count = Int(maxBaskets)
        let basketBytes = try markedArray32(count, "a branch's basket sizes")
        let basketEntry = try markedArray64(count, "a branch's basket entries")
        let basketSeek = try markedArray64(count, "a branch's basket positions")
        let fileName = try cursor.string("a branch's file name")
        try finish(end, "a TBranch")
        return ROOTBranchRecord(className: className, name: name, title: title, compress: compress,
                                entryOffsetLength: entryOffsetLength, entries: entries, leaves: leaves,
                                branches: branches, basketBytes: basketBytes, basketEntry: basketEntry,
                                basketSeek: basketSeek, basketCount: Int(writeBasket),
                                embeddedBaskets: embedded.compactMap { $0 }.filter { $0.entries > 0 },
                                elementClassName: nil, streamerType: nil, elementType: nil,
                                fileName: fileName, recordOffset: recordOffset)
    }

    // MARK: - TLeaf

    /// A TLeaf subclass: the TLeaf members (and TLeafElement's type); subclass minimum/maximum are skipped.
    mutating func leaf(className: String, tag: Int) throws(ROOTFormatError) -> ROOTLeafRecord {
        let (_, end) = try header("a \(className)")
        let (_, baseEnd) = try header("a TLeaf")
        let (name, title) = try tnamed()
        let length = try cursor.i32("a leaf")
        let lengthType = try cursor.i32("a leaf")
        _ = try cursor.i32("a leaf")                              // fOffset
        _ = try cursor.u8("a leaf")                               // fIsRange
        let isUnsigned = try cursor.u8("a leaf") != 0
        var countName: String?
        var hasCount = false
        switch try pointer("a leaf's count", { (s: inout ROOTStreamer, cls: String, tag: Int) throws(ROOTFormatError) in
            try s.leaf(className: cls, tag: tag)
        }) {
        case .null: break
        case .reference(let ref):
            hasCount = true
            countName = leaves[ref]?.name
        case .object(let counter):
            hasCount = true
            countName = counter.name
        }
        try finish(baseEnd, "a TLeaf")
        var elementType: Int32?
        if className == "TLeafElement" {
            _ = try cursor.i32("a leaf")                          // fID
            elementType = try cursor.i32("a leaf")
        }
        try finish(end, "a \(className)")
        guard length >= 0, lengthType >= 0 else {
            throw ROOTFormatError("root.bad-key", "leaf '\(name)' has length \(length) × \(lengthType) bytes", at: cursor.here)
        }
        let record = ROOTLeafRecord(className: className, name: name, title: title, length: Int(length),
                                    lengthType: Int(lengthType), isUnsigned: isUnsigned, countLeafName: countName,
                                    hasCount: hasCount, elementType: elementType)
        leaves[tag] = record
        return record
    }
}
