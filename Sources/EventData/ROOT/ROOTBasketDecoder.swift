/// Checks where a basket's entries lie before any value is read: every entry's extent against the basket's data,
/// and totals before allocating, so a corrupt basket ends in `root.bad-basket`, never an out-of-bounds read.
enum ROOTBasketDecoder {
    /// Bytes before the values of each std::vector entry: byte count (4), class version (2), size (4).
    static let vectorHeader = 10

    /// `counts`: the counter branch's values for the basket's entries, needed only for counted arrays
    /// whose offsets were not stored.
    static func check(_ basket: ROOTBasketData, layout: ROOTBranchLayout, firstEntry: Int,
                      counts: [Int32]?) throws(ROOTFormatError) -> ROOTBasketEntries {
        guard let element = layout.element else {
            throw ROOTFormatError("root.unreadable-branch", "the branch cannot be read as numbers")
        }
        guard basket.start >= 0, basket.dataLength >= 0, basket.dataLength <= Int(Int32.max),
              basket.start + basket.dataLength <= basket.bytes.count else {
            throw failure(basket, "a basket's data lies outside its bytes")
        }
        let extents = try entryExtents(basket, layout: layout, size: element.size, counts: counts)
        return ROOTBasketEntries(firstEntry: firstEntry, entries: basket.entries, element: element, bytes: basket.bytes,
                                 start: basket.start, starts: extents.starts, startShift: extents.startShift,
                                 offsets: layout.isJagged || extents.starts != nil ? extents.offsets : nil)
    }

    /// Where each entry's values are: a contiguous run (`start`, `count` values) or one run per entry.
    struct Extents {
        /// Byte position of each entry, relative to the data; nil when contiguous.
        var starts: ContiguousArray<Int32>?
        /// Bytes from an entry's position to its first value.
        var startShift = 0
        /// Cumulative value counts (entries + 1, from 0).
        var offsets: ContiguousArray<Int32>
        var total: Int
    }

    private static func failure(_ basket: ROOTBasketData, _ message: String) -> ROOTFormatError {
        ROOTFormatError("root.bad-basket", message, at: basket.fileOffset)
    }

    static func entryExtents(_ basket: ROOTBasketData, layout: ROOTBranchLayout, size: Int,
                             counts: [Int32]?) throws(ROOTFormatError) -> Extents {
        let n = basket.entries
        // Every fixed-size or std::vector entry takes bytes, so the data bounds the entry count before anything
        // is allocated (counted arrays are bounded by their offset table or the counter's values).
        let minimumBytes: Int
        switch layout {
        case .scalar: minimumBytes = size
        case .fixedArray(_, let count): minimumBytes = max(1, count) * size
        case .vector: minimumBytes = vectorHeader
        default: minimumBytes = 0
        }
        guard minimumBytes == 0 || n <= basket.dataLength / minimumBytes || basket.offsets?.count == n + 1 else {
            throw failure(basket, "a basket claims \(n) entries in \(basket.dataLength) bytes")
        }
        var perEntry = 1
        switch layout {
        case .scalar: perEntry = 1
        case .fixedArray(_, let count): perEntry = count
        case .counted(_, _, let inner):
            return try countedExtents(basket, size: size, inner: inner, counts: counts)
        case .vector:
            return try vectorExtents(basket, size: size)
        case .unreadable:
            throw failure(basket, "the branch cannot be read as numbers")
        }
        let (total, overflow) = n.multipliedReportingOverflow(by: perEntry)
        guard !overflow, total <= Int(Int32.max) else { throw failure(basket, "a basket claims too many values") }
        let offsets = ContiguousArray<Int32>(unsafeUninitializedCapacity: n + 1) { out, initialized in
            for i in 0...n { out[i] = Int32(truncatingIfNeeded: i &* perEntry) }
            initialized = n + 1
        }
        let entryBytes = perEntry * size
        if let stored = basket.offsets {
            guard stored.count == n + 1 else { throw failure(basket, "a basket's offset table has the wrong length") }
            for i in 0..<n {
                guard Int(stored[i + 1]) - Int(stored[i]) >= entryBytes else {
                    throw failure(basket, "entry \(basket.entries > 0 ? i : 0) of a basket is shorter than its type")
                }
            }
            return Extents(starts: stored, offsets: offsets, total: total)
        }
        guard total * size <= basket.dataLength else {
            throw failure(basket, "a basket holds \(basket.dataLength) bytes, too few for \(n) entries of \(entryBytes) bytes")
        }
        return Extents(starts: nil, offsets: offsets, total: total)
    }

    private static func countedExtents(_ basket: ROOTBasketData, size: Int, inner: Int,
                                       counts: [Int32]?) throws(ROOTFormatError) -> Extents {
        let n = basket.entries
        var offsets = ContiguousArray<Int32>(repeating: 0, count: n + 1)
        var total = 0
        if let stored = basket.offsets, stored.count == n + 1 {
            for i in 0..<n {
                let bytes = Int(stored[i + 1]) - Int(stored[i])
                guard bytes % (size * inner) == 0 else {
                    throw failure(basket, "entry \(i) of a basket is not a whole number of values")
                }
                total += bytes / size
                offsets[i + 1] = Int32(clamping: total)
            }
            guard total <= Int(Int32.max) else { throw failure(basket, "a basket claims too many values") }
            return Extents(starts: stored, offsets: offsets, total: total)
        }
        guard let counts, counts.count == n else {
            throw failure(basket, "a basket without entry offsets needs its counter branch's values")
        }
        var starts = ContiguousArray<Int32>(repeating: 0, count: n)
        var position = 0
        for i in 0..<n {
            let count = Int(counts[i])
            guard count >= 0, count <= basket.dataLength / max(1, size * inner) else {
                throw failure(basket, "entry \(i) has a counter value of \(count)")
            }
            starts[i] = Int32(position)
            position += count * inner * size
            total += count * inner
            guard position <= basket.dataLength else {
                throw failure(basket, "the counter values need more bytes than the basket holds")
            }
            offsets[i + 1] = Int32(clamping: total)
        }
        guard total <= Int(Int32.max) else { throw failure(basket, "a basket claims too many values") }
        return Extents(starts: starts, offsets: offsets, total: total)
    }

    private static func vectorExtents(_ basket: ROOTBasketData, size: Int) throws(ROOTFormatError) -> Extents {
        guard let table = basket.offsets, table.count == basket.entries + 1 else {
            return try vectorExtentsByByteCounts(basket, size: size)
        }
        // The stored table (checked ascending and inside the data when it was read) gives each entry's bytes:
        // one pass reads each entry's size and checks that its values fit. No value count can overflow Int32:
        // each takes at least one byte of a basket shorter than 2^31 bytes.
        let n = basket.entries
        var bad: (entry: Int, count: Int)?
        var total = 0
        let offsets = ContiguousArray<Int32>(unsafeUninitializedCapacity: n + 1) { offsets, initialized in
            basket.bytes.withUnsafeBytes { raw in
                table.withUnsafeBufferPointer { table in
                    guard let base = raw.baseAddress else {
                        bad = (0, -1)
                        return
                    }
                    let data = base + basket.start
                    offsets[0] = 0
                    for i in 0..<n {
                        let begin = Int(table[i]), bytes = Int(table[i &+ 1]) &- begin &- vectorHeader
                        // A value count below 2^31 times a size of at most 8 cannot overflow.
                        let count = bytes < 0 ? -1 : Int(Int32(bigEndian: (data + begin + 6).loadUnaligned(as: Int32.self)))
                        guard count >= 0, count &* size <= bytes else {
                            bad = (i, bytes < 0 ? -1 : count)
                            break
                        }
                        total &+= count
                        offsets[i &+ 1] = Int32(truncatingIfNeeded: total)
                    }
                }
            }
            initialized = bad == nil ? n + 1 : 0
        }
        if let bad {
            let bytes = Int(table[bad.entry + 1]) - Int(table[bad.entry])
            guard bad.count >= 0 else {
                throw failure(basket, "entry \(bad.entry) of a basket is too short for a std::vector")
            }
            throw failure(basket, "entry \(bad.entry) of a basket claims \(bad.count) values in \(bytes) bytes")
        }
        // Each entry's values follow its header: the stored table itself says where, shifted.
        return Extents(starts: table, startShift: vectorHeader, offsets: offsets, total: total)
    }

    /// A std::vector basket without an offset table: each entry's byte count says where the next begins.
    private static func vectorExtentsByByteCounts(_ basket: ROOTBasketData, size: Int) throws(ROOTFormatError) -> Extents {
        let n = basket.entries
        var offsets = ContiguousArray<Int32>(repeating: 0, count: n + 1)
        var starts = ContiguousArray<Int32>(repeating: 0, count: n)
        var total = 0
        try basket.bytes.withRawBytes { (raw: UnsafeRawBufferPointer) throws(ROOTFormatError) in
            let base = basket.start, length = basket.dataLength
            func u32(_ at: Int) -> UInt32 { UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: base + at, as: UInt32.self)) }
            var position = 0
            for i in 0..<n {
                guard position + 4 <= length, u32(position) & ROOTStreamer.byteCountMask != 0 else {
                    throw failure(basket, "entry \(i) of a basket has no object header")
                }
                let begin = position
                let end = position + Int(u32(position) & ~ROOTStreamer.byteCountMask) + 4
                guard end - begin >= vectorHeader, end <= length else {
                    throw failure(basket, "entry \(i) of a basket is too short for a std::vector")
                }
                let count = Int(Int32(bitPattern: u32(begin + 6)))
                guard count >= 0, count <= (end - begin - vectorHeader) / size else {
                    throw failure(basket, "entry \(i) of a basket claims \(count) values in \(end - begin) bytes")
                }
                starts[i] = Int32(truncatingIfNeeded: begin + vectorHeader)
                total += count
                guard total <= Int(Int32.max) else { throw failure(basket, "a basket claims too many values") }
                offsets[i + 1] = Int32(truncatingIfNeeded: total)
                position = end
            }
        }
        return Extents(starts: starts, offsets: offsets, total: total)
    }
}
