/// One basket's uncompressed bytes: the entries' data and, for variable-size entries, where each starts.
struct ROOTBasketData: Sendable {
    /// Holds the data at `start..<(start + dataLength)` (and possibly other bytes around it).
    var bytes: [UInt8]
    var start: Int
    var dataLength: Int
    var entries: Int
    /// entries + 1 offsets relative to the data start (the last is `dataLength`); nil when not stored.
    var offsets: ContiguousArray<Int32>?
    /// File offset of the basket, for messages.
    var fileOffset: Int64

    /// Reads the basket of `span` from disk (or from the tree's embedded baskets) and decompresses it.
    static func load(_ span: ROOTBasketSpan, of record: ROOTBranchRecord,
                     from handle: ROOTFileHandle) throws(ROOTFormatError) -> ROOTBasketData {
        switch span.source {
        case .embedded(let index):
            guard record.embeddedBaskets.indices.contains(index) else {
                throw ROOTFormatError("root.bad-key", "missing embedded basket \(index)", at: record.recordOffset)
            }
            let basket = record.embeddedBaskets[index]
            return ROOTBasketData(bytes: basket.data, start: 0, dataLength: basket.data.count, entries: basket.entries,
                                  offsets: basket.offsets, fileOffset: record.recordOffset)
        case .disk(let seek, let size):
            return try loadFromDisk(seek: seek, size: size, expectedEntries: span.entries, handle: handle)
        }
    }

    private static func loadFromDisk(seek: Int64, size: Int, expectedEntries: Int,
                                     handle: ROOTFileHandle) throws(ROOTFormatError) -> ROOTBasketData {
        let raw = try handle.read(at: seek, count: size, "a basket")
        var streamer = ROOTStreamer(ROOTCursor(raw, fileOffset: seek, recordOffset: seek))
        let header = try ROOTBasketHeader.parse(&streamer)
        let key = header.key
        guard Int(key.nbytes) == size else {
            throw ROOTFormatError("root.basket-size",
                                  "a basket declares \(key.nbytes) bytes but its branch records \(size)", at: seek)
        }
        guard header.entries == expectedEntries else {
            throw ROOTFormatError("root.bad-key",
                                  "a basket holds \(header.entries) entries but its branch records \(expectedEntries)",
                                  at: seek)
        }
        let keylen = Int(key.keylen), objlen = Int(key.objlen)
        guard header.dataLength <= objlen else {
            throw ROOTFormatError("root.basket-size",
                                  "a basket's data (\(header.dataLength) bytes) is longer than its object (\(objlen) bytes)",
                                  at: seek)
        }
        var data: ROOTBasketData
        if key.isCompressed {
            let inflated = try raw.withRawBytes { all throws(ROOTFormatError) in
                try ROOTDecompressor.decompress(UnsafeRawBufferPointer(rebasing: all[keylen..<size]), size: objlen,
                                                offset: seek + Int64(keylen))
            }
            data = ROOTBasketData(bytes: inflated, start: 0, dataLength: header.dataLength, entries: header.entries,
                                  offsets: nil, fileOffset: seek)
        } else {
            data = ROOTBasketData(bytes: raw, start: keylen, dataLength: header.dataLength, entries: header.entries,
                                  offsets: nil, fileOffset: seek)
        }
        // An entry-offset table follows the data unless the offsets are to be generated from the counter.
        if !header.mustGenerateOffsets && header.dataLength < objlen && header.entries > 0 {
            let tableAt = data.start + header.dataLength
            var cursor = ROOTCursor(data.bytes, position: tableAt, fileOffset: key.isCompressed ? nil : seek,
                                    recordOffset: seek)
            let count = Int(try cursor.i32("a basket's offset table"))
            data.offsets = try header.offsets(from: &cursor, count: count)
        }
        return data
    }
}
