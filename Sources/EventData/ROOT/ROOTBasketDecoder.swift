/// A basket's entries decoded into Doubles: the unit the chunk reader caches and slices.
struct ROOTDecodedBasket: Sendable {
    var firstEntry: Int
    var entries: Int
    var values: ContiguousArray<Double>
    /// entries + 1 ascending offsets from 0 for list layouts; nil for scalars.
    var offsets: ContiguousArray<Int32>?
}

/// Decodes a basket's big-endian bytes into Doubles, in tight loops over raw memory.
///
/// Every entry's extent is checked against the basket's data before anything is read, and totals are checked
/// before allocating, so a corrupt basket ends in `root.bad-basket`, never an out-of-bounds read.
enum ROOTBasketDecoder {
    /// Bytes before the values of each std::vector entry: byte count (4), class version (2), size (4).
    static let vectorHeader = 10

    /// `counts`: the counter branch's values for the basket's entries, needed only for counted arrays
    /// whose offsets were not stored.
    static func decode(_ basket: ROOTBasketData, layout: ROOTBranchLayout, firstEntry: Int,
                       counts: [Int32]?) throws(ROOTFormatError) -> ROOTDecodedBasket {
        guard let element = layout.element else {
            throw ROOTFormatError("root.unreadable-branch", "the branch cannot be read as numbers")
        }
        let extents = try entryExtents(basket, layout: layout, size: element.size, counts: counts)
        let values = basket.bytes.withUnsafeBytes { raw in
            decodeValues(element, raw: raw, base: basket.start, extents: extents)
        }
        return ROOTDecodedBasket(firstEntry: firstEntry, entries: basket.entries, values: values,
                                 offsets: layout.isJagged ? extents.offsets : nil)
    }

    /// Where each entry's values are: a contiguous run (`start`, `count` values) or one run per entry.
    struct Extents {
        /// Byte position of the first value of each entry, relative to the data; nil when contiguous.
        var starts: [Int]?
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
        var offsets = ContiguousArray<Int32>(repeating: 0, count: n + 1)
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
        for i in 0...n { offsets[i] = Int32(i * perEntry) }
        let entryBytes = perEntry * size
        if let stored = basket.offsets {
            guard stored.count == n + 1 else { throw failure(basket, "a basket's offset table has the wrong length") }
            var starts = [Int](repeating: 0, count: n)
            for i in 0..<n {
                guard Int(stored[i + 1]) - Int(stored[i]) >= entryBytes else {
                    throw failure(basket, "entry \(basket.entries > 0 ? i : 0) of a basket is shorter than its type")
                }
                starts[i] = Int(stored[i])
            }
            return Extents(starts: starts, offsets: offsets, total: total)
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
        var starts = [Int](repeating: 0, count: n)
        var total = 0
        if let stored = basket.offsets, stored.count == n + 1 {
            for i in 0..<n {
                let bytes = Int(stored[i + 1]) - Int(stored[i])
                guard bytes % (size * inner) == 0 else {
                    throw failure(basket, "entry \(i) of a basket is not a whole number of values")
                }
                starts[i] = Int(stored[i])
                total += bytes / size
                offsets[i + 1] = Int32(clamping: total)
            }
        } else {
            guard let counts, counts.count == n else {
                throw failure(basket, "a basket without entry offsets needs its counter branch's values")
            }
            var position = 0
            for i in 0..<n {
                let count = Int(counts[i])
                guard count >= 0, count <= basket.dataLength / max(1, size * inner) else {
                    throw failure(basket, "entry \(i) has a counter value of \(count)")
                }
                starts[i] = position
                position += count * inner * size
                total += count * inner
                guard position <= basket.dataLength else {
                    throw failure(basket, "the counter values need more bytes than the basket holds")
                }
                offsets[i + 1] = Int32(clamping: total)
            }
        }
        guard total <= Int(Int32.max) else { throw failure(basket, "a basket claims too many values") }
        return Extents(starts: starts, offsets: offsets, total: total)
    }

    private static func vectorExtents(_ basket: ROOTBasketData, size: Int) throws(ROOTFormatError) -> Extents {
        let n = basket.entries
        var offsets = ContiguousArray<Int32>(repeating: 0, count: n + 1)
        var starts = [Int](repeating: 0, count: n)
        var total = 0
        try basket.bytes.withRawBytes { (raw: UnsafeRawBufferPointer) throws(ROOTFormatError) in
            let base = basket.start, length = basket.dataLength
            func u32(_ at: Int) -> UInt32 { UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: base + at, as: UInt32.self)) }
            var position = 0
            for i in 0..<n {
                let begin: Int, end: Int
                if let stored = basket.offsets, stored.count == n + 1 {
                    begin = Int(stored[i])
                    end = Int(stored[i + 1])
                } else {
                    // No table: each entry's byte count says where the next begins.
                    guard position + 4 <= length, u32(position) & ROOTStreamer.byteCountMask != 0 else {
                        throw failure(basket, "entry \(i) of a basket has no object header")
                    }
                    begin = position
                    end = position + Int(u32(position) & ~ROOTStreamer.byteCountMask) + 4
                }
                guard end - begin >= vectorHeader, end <= length else {
                    throw failure(basket, "entry \(i) of a basket is too short for a std::vector")
                }
                let count = Int(Int32(bitPattern: u32(begin + 6)))
                guard count >= 0, count <= (end - begin - vectorHeader) / size else {
                    throw failure(basket, "entry \(i) of a basket claims \(count) values in \(end - begin) bytes")
                }
                starts[i] = begin + vectorHeader
                total += count
                guard total <= Int(Int32.max) else { throw failure(basket, "a basket claims too many values") }
                offsets[i + 1] = Int32(total)
                position = end
            }
        }
        return Extents(starts: starts, offsets: offsets, total: total)
    }
}
