internal import CZlib

/// The ROOT reader's zlib bridge (ROOT's "ZL" blocks are plain zlib streams): inflates one whole stream
/// from memory into a buffer of known size. Every zlib resource is released before the call returns.
///
/// The stream's two-byte header and Adler-32 trailer are checked here and the deflate data between them is
/// inflated raw, so the checksum is computed by `Adler32` rather than zlib's slower loop; a stream that fails
/// either check is an error, as with zlib's own framing.
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
        guard input.count >= 2 else { return "the compressed block ends early" }
        let cmf = input[0], flg = input[1]
        guard cmf & 0x0F == 8, cmf >> 4 <= 7, (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0 else {
            return "corrupt zlib data (incorrect header check)"
        }
        guard flg & 0x20 == 0 else { return "corrupt zlib data (a preset dictionary is required)" }
        // Heap-allocated: zlib keeps a pointer back to the stream and checks it on every call.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        guard inflateInit2_(stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return "cannot start zlib decompression"
        }
        defer { inflateEnd(stream) }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: (inBase + 2).assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(input.count - 2)
        stream.pointee.next_out = outBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(output.count)
        let status = CZlib.inflate(stream, Z_FINISH)
        switch status {
        case Z_STREAM_END where stream.pointee.avail_out == 0:
            let trailer = input.count - Int(stream.pointee.avail_in)
            guard input.count - trailer >= 4 else { return "the compressed block ends early" }
            let stored = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: trailer, as: UInt32.self))
            guard Adler32.checksum(UnsafeRawBufferPointer(output)) == stored else {
                return "corrupt zlib data (incorrect data check)"
            }
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
