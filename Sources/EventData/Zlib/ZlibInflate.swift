internal import CZlib

/// The ROOT reader's zlib bridge (ROOT's "ZL" blocks are plain zlib streams): inflates one whole stream
/// from memory into a buffer of known size. Every zlib resource is released before the call returns.
///
/// Kept next to the ROOT code rather than in `GzipStream.swift`, which streams gzip files block by block;
/// both are the module's only users of `CZlib`.
enum ZlibInflate {
    /// Inflates `input` into exactly `output.count` bytes; returns nil on success, else why it failed.
    static func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> String? {
        guard input.count <= Int(UInt32.max), output.count <= Int(UInt32.max) else {
            return "block too large"
        }
        guard let inBase = input.baseAddress, let outBase = output.baseAddress else {
            return output.count == 0 ? nil : "empty input"
        }
        // Heap-allocated: zlib keeps a pointer back to the stream and checks it on every call.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        guard inflateInit_(stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return "cannot start zlib decompression"
        }
        defer { inflateEnd(stream) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = outBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = CZlib.inflate(stream, Z_FINISH)
        switch status {
        case Z_STREAM_END where stream.pointee.avail_out == 0:
            return nil
        case Z_STREAM_END:
            return "the block inflates to \(output.count - Int(stream.pointee.avail_out)) bytes, "
                + "not the \(output.count) its header declares"
        case Z_BUF_ERROR where stream.pointee.avail_out == 0, Z_OK where stream.pointee.avail_out == 0:
            return "the block inflates to more than the \(output.count) bytes its header declares"
        case Z_BUF_ERROR:
            return "the compressed block ends early"
        default:
            if let message = stream.pointee.msg { return "corrupt zlib data (\(String(cString: message)))" }
            return "corrupt zlib data (zlib status \(status))"
        }
    }
}
