/// The ROOT reader's zlib bridge (ROOT's "ZL" blocks are plain zlib streams): inflates one whole stream
/// from memory into a buffer of known size.
///
/// The stream's two-byte header and Adler-32 trailer are checked here and the deflate data between them is
/// inflated by `Inflate` (whole-buffer, about twice zlib's speed) with the checksum computed by `Adler32`;
/// a stream that fails either check is an error, as with zlib's own framing and messages.
///
/// zlib itself (`CZlib`) is still used by `GzipStream`, which streams gzip files block by block.
enum ZlibInflate {
    /// Inflates `input` into exactly `output.count` bytes; returns nil on success, else why it failed.
    static func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> String? {
        guard input.count <= Int(UInt32.max), output.count <= Int(UInt32.max) else {
            return "block too large"
        }
        guard input.baseAddress != nil, output.baseAddress != nil else {
            return output.count == 0 ? nil : "empty input"
        }
        guard input.count >= 2 else { return "the compressed block ends early" }
        let cmf = input[0], flg = input[1]
        guard cmf & 0x0F == 8, cmf >> 4 <= 7, (UInt16(cmf) << 8 | UInt16(flg)) % 31 == 0 else {
            return "corrupt zlib data (incorrect header check)"
        }
        guard flg & 0x20 == 0 else { return "corrupt zlib data (a preset dictionary is required)" }
        switch Inflate.inflate(UnsafeRawBufferPointer(rebasing: input[2...]), into: output) {
        case .success(let used):
            let trailer = 2 + used
            guard input.count - trailer >= 4 else { return "the compressed block ends early" }
            let stored = UInt32(bigEndian: input.loadUnaligned(fromByteOffset: trailer, as: UInt32.self))
            guard Adler32.checksum(UnsafeRawBufferPointer(output)) == stored else {
                return "corrupt zlib data (incorrect data check)"
            }
            return nil
        case .failure(let failure):
            return failure.message(declared: output.count)
        }
    }
}
