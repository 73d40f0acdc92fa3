internal import CZlib

/// The zlib bridge, and the module's only `import CZlib`: inflates a gzip file block by block,
/// so memory stays at one input and one output block however large the file is.
///
/// The `z_stream` lives on the heap at a fixed address (zlib keeps a pointer back to it) for the
/// object's lifetime and is released in `deinit` — the one C resource that outlives a call.
/// Concatenated gzip members (`cat a.gz b.gz`) are read as one stream, like `gzip -d` does.
final class GzipStream: ByteSource {
    private static let inputBlockSize = 256 * 1024

    private let file: FileInput
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    /// True between the end of one gzip member and the start of the next (or the end of the file).
    private var betweenMembers = false

    init(file: FileInput) throws(ByteSourceError) {
        self.file = file
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: Self.inputBlockSize, alignment: 16)
        // 15 + 32: the largest window, with automatic gzip/zlib header detection.
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            input.deallocate()
            throw ByteSourceError(id: "csv.gzip", message: "cannot start gzip decompression (zlib status \(status))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let capacity = UInt32(clamping: buffer.count)
        stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = capacity
        while stream.pointee.avail_out == capacity {
            if stream.pointee.avail_in == 0 && !inputEnded {
                try refill()
            }
            if stream.pointee.avail_in == 0 && inputEnded {
                if betweenMembers { break }
                throw ByteSourceError(id: "csv.gzip",
                                      message: "gzip stream ends unexpectedly (the file is truncated)")
            }
            if betweenMembers {
                // More bytes after a complete member: the next member of a concatenated file.
                inflateReset(stream)
                betweenMembers = false
            }
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                // No progress without more input: the loop refills, or reports truncation at the end.
                continue
            case Z_STREAM_END:
                betweenMembers = true
            default:
                throw ByteSourceError(id: "csv.gzip", message: "corrupt gzip stream: \(zlibMessage(status))")
            }
        }
        return Int(capacity - stream.pointee.avail_out)
    }

    private func refill() throws(ByteSourceError) {
        let n = try file.read(into: input)
        if n == 0 {
            inputEnded = true
        }
        stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(n)
    }

    private func zlibMessage(_ status: Int32) -> String {
        if let message = stream.pointee.msg {
            return String(cString: message)
        }
        switch status {
        case Z_NEED_DICT: return "needs a preset dictionary"
        case Z_MEM_ERROR: return "out of memory"
        default: return "zlib status \(status)"
        }
    }

    // MARK: - Compression (fixtures and tools)

    /// Compresses `bytes` into one gzip member; nil if zlib fails. Used by tests to make fixtures at run time.
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8]? {
        guard bytes.count < Int(UInt32.max / 2) else { return nil }
        // Heap-allocated so zlib's back pointer to the stream stays valid between calls.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        // 15 + 16: gzip header and trailer instead of zlib's.
        guard deflateInit2_(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                            zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { deflateEnd(stream) }
        let bound = Int(deflateBound(stream, uLong(bytes.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        var source = bytes
        let status = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                stream.pointee.next_in = src.baseAddress
                stream.pointee.avail_in = UInt32(src.count)
                stream.pointee.next_out = dst.baseAddress
                stream.pointee.avail_out = UInt32(dst.count)
                return deflate(stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        output.removeLast(Int(stream.pointee.avail_out))
        return output
    }
}
