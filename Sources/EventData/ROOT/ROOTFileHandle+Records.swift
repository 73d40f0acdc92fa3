extension ROOTFileHandle {
    /// The object stored under `key`, decompressed if needed, as a cursor whose reference tags
    /// count from the start of the key (as ROOT's do).
    func object(for key: ROOTKey, _ what: String) throws(ROOTFormatError) -> ROOTCursor {
        let start = key.seekKey + Int64(key.keylen)
        let stored = try read(at: start, count: key.storedLength, what)
        guard key.isCompressed else {
            return ROOTCursor(stored, fileOffset: start, recordOffset: key.seekKey, tagOrigin: Int(key.keylen))
        }
        let inflated = try stored.withRawBytes { raw throws(ROOTFormatError) in
            try ROOTDecompressor.decompress(raw, size: Int(key.objlen), offset: start)
        }
        return ROOTCursor(inflated, fileOffset: nil, recordOffset: key.seekKey, tagOrigin: Int(key.keylen))
    }

    /// The key header stored at `offset` (a key list's own key, or any key whose position is known).
    func key(at offset: Int64, _ what: String) throws(ROOTFormatError) -> ROOTKey {
        var cursor = ROOTCursor(try readPrefix(at: offset, count: 512, what), fileOffset: offset, recordOffset: offset)
        return try ROOTKey.parse(&cursor)
    }

    /// A directory's record at `offset` (the top directory's follows the file name; a subdirectory's is its key's object).
    func directoryRecord(at offset: Int64) throws(ROOTFormatError) -> ROOTDirectoryRecord {
        var cursor = ROOTCursor(try readPrefix(at: offset, count: ROOTDirectoryRecord.readSize, "a directory record"),
                                fileOffset: offset, recordOffset: offset)
        return try ROOTDirectoryRecord.parse(&cursor)
    }

    /// The keys listed by a directory record.
    func keys(of directory: ROOTDirectoryRecord) throws(ROOTFormatError) -> [ROOTKey] {
        guard directory.nbytesKeys > 0 else { return [] }
        let bytes = try read(at: directory.seekKeys, count: Int(directory.nbytesKeys), "a directory's key list")
        var cursor = ROOTCursor(bytes, fileOffset: directory.seekKeys, recordOffset: directory.seekKeys)
        let own = try ROOTKey.parse(&cursor)
        try cursor.move(to: Int(own.keylen), "a directory's key list")
        let count = try cursor.i32("a directory's key count")
        guard count >= 0, Int(count) <= cursor.remaining / ROOTKey.minimumLength else {
            throw ROOTFormatError("root.bad-key", "a directory claims \(count) keys in \(bytes.count) bytes",
                                  at: cursor.here)
        }
        var keys: [ROOTKey] = []
        keys.reserveCapacity(Int(count))
        for _ in 0..<count {
            keys.append(try ROOTKey.parse(&cursor))
        }
        return keys
    }
}
