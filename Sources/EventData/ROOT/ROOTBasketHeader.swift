/// The header of a TBasket: its key, then how many entries it holds, where its data ends (`last`),
/// and flags saying whether an entry-offset table follows the data.
struct ROOTBasketHeader: Sendable {
    var key: ROOTKey
    var version: Int16
    var entries: Int
    /// End of the data, counted from the start of the key (so data length is `last - keylen`).
    var last: Int
    var ioBits: UInt8
    /// `flag` with the "generate offsets" marker (80) removed.
    var flag: Int
    /// The entry offsets are not stored; they follow from the counter branch.
    var mustGenerateOffsets: Bool

    /// ROOT's `kGenerateOffsetMap` I/O bit: stored offset tables hold sizes, not offsets.
    static let generateOffsetMapBit: UInt8 = 1

    /// Reads the basket header at the cursor (a basket key on disk, or one embedded in a TBranch).
    static func parse(_ s: inout ROOTStreamer, embedded: Bool = false) throws(ROOTFormatError) -> ROOTBasketHeader {
        let at = s.cursor.here
        let key = try ROOTKey.parse(&s.cursor, embedded: embedded)
        let (version, _) = try s.header("a basket header")
        _ = try s.cursor.i32("a basket header")                   // fBufferSize
        var nevBufSize = try s.cursor.i32("a basket header")
        var ioBits: UInt8 = 0
        if nevBufSize < 0 {
            nevBufSize = nevBufSize == Int32.min ? 0 : -nevBufSize
            ioBits = try s.cursor.u8("a basket header")
        }
        let entries = try s.cursor.i32("a basket header")
        let last = try s.cursor.i32("a basket header")
        var flag = Int(try s.cursor.i8("a basket header"))
        let mustGenerate = flag >= 80
        if mustGenerate { flag -= 80 }
        guard entries >= 0, last >= Int32(key.keylen), flag >= 0 else {
            throw ROOTFormatError("root.bad-key",
                                  "corrupt basket header (\(entries) entries, data end \(last), header \(key.keylen) bytes)",
                                  at: at)
        }
        return ROOTBasketHeader(key: key, version: version, entries: Int(entries), last: Int(last), ioBits: ioBits,
                                flag: flag, mustGenerateOffsets: mustGenerate)
    }

    /// Length of the data part (without the key header and any offset table).
    var dataLength: Int { last - Int(key.keylen) }

    /// Turns a stored table (`count` values from `cursor`) into entry start offsets relative to the data,
    /// plus the data end. Tables written with `kGenerateOffsetMap` hold entry sizes and are summed up.
    /// `maskDisplacement`: embedded baskets with flags 21 to 39 keep a displacement in each offset's top byte.
    func offsets(from cursor: inout ROOTCursor, count: Int,
                 maskDisplacement: Bool = false) throws(ROOTFormatError) -> ContiguousArray<Int32> {
        let keylen = Int32(key.keylen)
        let end = Int32(clamping: dataLength)
        guard count >= entries else {
            throw ROOTFormatError("root.bad-key", "a basket's offset table has \(count) entries for \(entries) entries",
                                  at: cursor.here)
        }
        if ioBits & Self.generateOffsetMapBit == 0 {
            // The common case, in one pass over the table: offsets from the key's start, each checked in order.
            let table = try cursor.take(entries * 4, "a basket's offset table")
            let n = entries
            var signs = 0
            let result = ContiguousArray<Int32>(unsafeUninitializedCapacity: n + 1) { out, initialized in
                cursor.bytes.withUnsafeBytes { raw in
                    guard var p = raw.baseAddress.map({ $0 + table }), var target = out.baseAddress else { return }
                    let mask: Int32 = maskDisplacement ? 0x00FF_FFFF : -1
                    var previous = 0
                    for _ in 0..<n {
                        let value = (Int32(bigEndian: p.loadUnaligned(as: Int32.self)) & mask) &- keylen
                        // Negative when the value is below the previous one or past the end.
                        signs |= (Int(value) &- previous) | (Int(end) &- Int(value))
                        target.initialize(to: value)
                        previous = Int(value)
                        p += 4
                        target += 1
                    }
                }
                out[n] = end
                initialized = n + 1
            }
            let inOrder = signs >= 0
            guard inOrder else { throw badTable(cursor) }
            return result
        }
        let stored = try cursor.i32Array(entries, "a basket's offset table")
        var result = ContiguousArray<Int32>(repeating: 0, count: entries + 1)
        // Sizes: stored[i + 1] is entry i's size (stored[0] is a placeholder); the last entry runs to the end.
        var position: Int32 = 0
        for i in 0..<entries {
            result[i] = position
            guard i + 1 < entries else { break }
            let size = stored[i + 1]
            guard size >= 0, size <= end - position else { throw badTable(cursor) }
            position += size
        }
        result[entries] = end
        return result
    }

    private func badTable(_ cursor: ROOTCursor) -> ROOTFormatError {
        ROOTFormatError("root.bad-key", "a basket's entry offsets are out of order or outside its data",
                        at: cursor.here)
    }
}

extension ROOTStreamer {
    /// A basket stored inside a TBranch (class TBasket, streamed with its data).
    mutating func embeddedBasket() throws(ROOTFormatError) -> ROOTEmbeddedBasket? {
        let header = try ROOTBasketHeader.parse(&self, embedded: true)
        var offsets: ContiguousArray<Int32>?
        if !header.mustGenerateOffsets && header.flag != 0 && header.flag % 10 != 2 && header.entries > 0 {
            let count = Int(try cursor.i32("an embedded basket's offsets"))
            var table = ROOTCursor(cursor.bytes, position: cursor.position, fileOffset: cursor.fileOffset,
                                   recordOffset: cursor.recordOffset)
            offsets = try header.offsets(from: &table, count: count,
                                         maskDisplacement: header.flag > 20 && header.flag < 40)
            try cursor.skip(max(0, count) * 4, "an embedded basket's offsets")
            if header.flag > 40 {
                let displacements = Int(try cursor.i32("an embedded basket's displacements"))
                try cursor.skip(max(0, displacements) * 4, "an embedded basket's displacements")
            }
        }
        guard header.flag == 1 || header.flag > 10 else { return nil }
        let length = header.last
        if header.version <= 1 { _ = try cursor.i32("an embedded basket") }
        try cursor.need(length, "an embedded basket's data")
        let start = cursor.position + Int(header.key.keylen)
        let data = Array(cursor.bytes[start..<(cursor.position + length)])
        try cursor.skip(length, "an embedded basket's data")
        return ROOTEmbeddedBasket(entries: header.entries, data: data, offsets: offsets)
    }
}
