/// A bounds-checked big-endian reader over one buffer of ROOT bytes (a key, a directory, a streamed object).
///
/// Every read checks the remaining length first and throws `root.truncated` rather than trapping,
/// so corrupt lengths anywhere in a file end in an error, never a crash.
struct ROOTCursor {
    let bytes: [UInt8]
    private(set) var position: Int
    /// File offset of `bytes[0]` when the buffer is a verbatim copy of the file; nil for decompressed buffers.
    let fileOffset: Int64?
    /// File offset of the record the buffer came from (a key), for messages about decompressed buffers.
    let recordOffset: Int64
    /// Added to a position to get ROOT's reference tag for it (the key length for objects read from a key).
    let tagOrigin: Int

    init(_ bytes: [UInt8], position: Int = 0, fileOffset: Int64?, recordOffset: Int64, tagOrigin: Int = 0) {
        self.bytes = bytes
        self.position = position
        self.fileOffset = fileOffset
        self.recordOffset = recordOffset
        self.tagOrigin = tagOrigin
    }

    var remaining: Int { bytes.count - position }

    /// The file offset of the current position if known, else the record's.
    var here: Int64 {
        if let fileOffset { return fileOffset + Int64(position) }
        return recordOffset
    }

    /// ROOT's reference tag for the current position.
    var tag: Int { position + tagOrigin }

    // MARK: - Moving

    mutating func need(_ count: Int, _ what: String) throws(ROOTFormatError) {
        guard count >= 0, count <= remaining else { throw .truncated(what, at: here) }
    }

    mutating func skip(_ count: Int, _ what: String = "a field") throws(ROOTFormatError) {
        try need(count, what)
        position += count
    }

    /// Skips `count` bytes and returns where they start, for callers that read them in bulk.
    mutating func take(_ count: Int, _ what: String) throws(ROOTFormatError) -> Int {
        try need(count, what)
        position += count
        return position - count
    }

    /// Moves to an absolute position inside the buffer (used to jump to the end of an object by its byte count).
    mutating func move(to target: Int, _ what: String) throws(ROOTFormatError) {
        guard target >= 0, target <= bytes.count else { throw .truncated(what, at: here) }
        position = target
    }

    // MARK: - Numbers

    private mutating func load<T: FixedWidthInteger>(_ type: T.Type, _ what: String) throws(ROOTFormatError) -> T {
        let size = MemoryLayout<T>.size
        try need(size, what)
        let p = position
        position += size
        return bytes.withUnsafeBytes { T(bigEndian: $0.loadUnaligned(fromByteOffset: p, as: T.self)) }
    }

    mutating func u8(_ what: String = "a byte") throws(ROOTFormatError) -> UInt8 { try load(UInt8.self, what) }
    mutating func i8(_ what: String = "a byte") throws(ROOTFormatError) -> Int8 { try load(Int8.self, what) }
    mutating func i16(_ what: String = "a 16-bit field") throws(ROOTFormatError) -> Int16 { try load(Int16.self, what) }
    mutating func u16(_ what: String = "a 16-bit field") throws(ROOTFormatError) -> UInt16 { try load(UInt16.self, what) }
    mutating func i32(_ what: String = "a 32-bit field") throws(ROOTFormatError) -> Int32 { try load(Int32.self, what) }
    mutating func u32(_ what: String = "a 32-bit field") throws(ROOTFormatError) -> UInt32 { try load(UInt32.self, what) }
    mutating func i64(_ what: String = "a 64-bit field") throws(ROOTFormatError) -> Int64 { try load(Int64.self, what) }

    mutating func f64(_ what: String = "a double") throws(ROOTFormatError) -> Double {
        Double(bitPattern: UInt64(bitPattern: try i64(what)))
    }

    /// A 32-bit or 64-bit seek, as the record's version says.
    mutating func seek(wide: Bool, _ what: String) throws(ROOTFormatError) -> Int64 {
        wide ? try i64(what) : Int64(try i32(what))
    }

    // MARK: - Strings

    /// A TString: one length byte, or 255 followed by a 32-bit length, then the bytes.
    mutating func string(_ what: String = "a name") throws(ROOTFormatError) -> String {
        var length = Int(try u8(what))
        if length == 255 {
            let long = try i32(what)
            guard long >= 0 else {
                throw ROOTFormatError("root.bad-key", "\(what) has a negative length (\(long))", at: here)
            }
            length = Int(long)
        }
        try need(length, what)
        let text = String(decoding: bytes[position..<(position + length)], as: UTF8.self)
        position += length
        return text
    }

    /// A NUL-terminated class name (at most 1 KiB).
    mutating func cString(_ what: String = "a class name") throws(ROOTFormatError) -> String {
        let limit = min(bytes.count, position + 1024)
        var end = position
        while end < limit && bytes[end] != 0 { end += 1 }
        guard end < limit else { throw ROOTFormatError("root.bad-key", "\(what) has no terminating NUL", at: here) }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        position = end + 1
        return text
    }

    /// `count` big-endian Int32 or Int64 values, each preceded by nothing (the caller reads any speed-bump byte).
    mutating func i64Array(_ count: Int, _ what: String) throws(ROOTFormatError) -> [Int64] {
        guard count >= 0 else { throw ROOTFormatError("root.bad-key", "\(what) has a negative length", at: here) }
        try need(count.multipliedReportingOverflow(by: 8).overflow ? -1 : count * 8, what)
        var out = [Int64](repeating: 0, count: count)
        for i in 0..<count { out[i] = try i64(what) }
        return out
    }

    mutating func i32Array(_ count: Int, _ what: String) throws(ROOTFormatError) -> [Int32] {
        guard count >= 0 else { throw ROOTFormatError("root.bad-key", "\(what) has a negative length", at: here) }
        try need(count.multipliedReportingOverflow(by: 4).overflow ? -1 : count * 4, what)
        let from = position
        position += count * 4
        return [Int32](unsafeUninitializedCapacity: count) { out, initialized in
            bytes.withUnsafeBytes { raw in
                for i in 0..<count { out[i] = Int32(bigEndian: raw.loadUnaligned(fromByteOffset: from + 4 * i, as: Int32.self)) }
            }
            initialized = count
        }
    }
}

extension Array where Element == UInt8 {
    /// `withUnsafeBytes` for bodies with typed throws (the standard one only rethrows untyped errors).
    func withRawBytes<T>(_ body: (UnsafeRawBufferPointer) throws(ROOTFormatError) -> T) throws(ROOTFormatError) -> T {
        let result: Result<T, ROOTFormatError> = withUnsafeBytes { raw in
            do throws(ROOTFormatError) {
                return .success(try body(raw))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
