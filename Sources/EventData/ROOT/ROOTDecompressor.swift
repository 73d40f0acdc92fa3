/// ROOT's compressed-record framing: a record is one or more blocks, each a 9-byte header
/// (2-letter algorithm, method byte, 3-byte little-endian compressed and uncompressed sizes) and the payload.
///
/// Supported: zlib ("ZL") and LZ4 ("L4", with its XXH64 checksum verified). ZSTD ("ZS"), LZMA ("XZ")
/// and ROOT's old algorithm ("CS") end in `root.unsupported-compression` with a way to convert the file.
enum ROOTDecompressor {
    static let headerSize = 9
    /// zlib's best case is about 1032:1 and LZ4's about 255:1; a larger claimed ratio is a corrupt or hostile header.
    static let maxRatio = 1100

    /// How to convert a file to zlib, for unsupported algorithms.
    static let conversionHint = "convert the file to zlib: with ROOT, `hadd -f101 out.root in.root`; "
        + "or in Python, read the tree with uproot (`uproot.open`) and write it back with "
        + "`uproot.recreate(\"out.root\", compression=uproot.ZLIB(1))`"

    /// The algorithm a block header names, as users know it.
    static func algorithmName(_ a: UInt8, _ b: UInt8) -> String? {
        switch (a, b) {
        case (0x5A, 0x4C): return "zlib"            // "ZL"
        case (0x4C, 0x34): return "LZ4"             // "L4"
        case (0x5A, 0x53): return "ZSTD"            // "ZS"
        case (0x58, 0x5A): return "LZMA"            // "XZ"
        case (0x43, 0x53): return "ROOT's old compression algorithm"  // "CS"
        default: return nil
        }
    }

    /// Decompresses `input` (a whole compressed record) into exactly `size` bytes.
    /// `offset` is the record's position in the file, for messages.
    static func decompress(_ input: UnsafeRawBufferPointer, size: Int, offset: Int64) throws(ROOTFormatError) -> [UInt8] {
        guard size >= 0, size <= ROOTFileHandle.maxRead else {
            throw ROOTFormatError("root.basket-size", "a compressed record claims \(size) bytes uncompressed", at: offset)
        }
        guard size <= max(1 << 16, input.count.multipliedReportingOverflow(by: maxRatio).partialValue) else {
            throw ROOTFormatError("root.basket-size",
                                  "a compressed record of \(input.count) bytes claims \(size) bytes uncompressed "
                                  + "(a ratio no supported compression reaches)", at: offset)
        }
        var failure: ROOTFormatError?
        let output = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            let out = UnsafeMutableRawBufferPointer(buffer)
            do throws(ROOTFormatError) {
                try decompressBlocks(input, into: out, offset: offset)
            } catch {
                failure = error
                out.initializeMemory(as: UInt8.self, repeating: 0)
            }
            initialized = size
        }
        if let failure { throw failure }
        return output
    }

    private static func decompressBlocks(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer,
                                         offset: Int64) throws(ROOTFormatError) {
        var ip = 0, op = 0
        while op < output.count {
            let blockAt = offset + Int64(ip)
            guard input.count - ip >= headerSize else {
                throw ROOTFormatError("root.decompression",
                                      "compressed data ends after \(op) of \(output.count) bytes", at: blockAt)
            }
            let a = input[ip], b = input[ip + 1]
            let packed = Int(input[ip + 3]) | Int(input[ip + 4]) << 8 | Int(input[ip + 5]) << 16
            let unpacked = Int(input[ip + 6]) | Int(input[ip + 7]) << 8 | Int(input[ip + 8]) << 16
            guard let algorithm = algorithmName(a, b) else {
                throw ROOTFormatError("root.decompression",
                                      "unknown compression header (bytes \(a), \(b)); the record is corrupt", at: blockAt)
            }
            ip += headerSize
            guard packed <= input.count - ip else {
                throw ROOTFormatError("root.decompression",
                                      "a \(algorithm) block claims \(packed) bytes but only \(input.count - ip) remain",
                                      at: blockAt)
            }
            guard unpacked <= output.count - op, unpacked > 0 else {
                throw ROOTFormatError("root.decompression",
                                      "a \(algorithm) block claims \(unpacked) uncompressed bytes, "
                                      + "inconsistent with the record's \(output.count)", at: blockAt)
            }
            let source = UnsafeRawBufferPointer(rebasing: input[ip..<(ip + packed)])
            let target = UnsafeMutableRawBufferPointer(rebasing: output[op..<(op + unpacked)])
            let problem: String?
            switch algorithm {
            case "zlib":
                problem = ZlibInflate.inflate(source, into: target)
            case "LZ4":
                problem = try lz4(source, into: target, at: blockAt)
            default:
                throw ROOTFormatError("root.unsupported-compression",
                                      "the data is compressed with \(algorithm), which OpenKey cannot read "
                                      + "(it reads zlib, LZ4 and uncompressed files)", at: blockAt,
                                      hint: conversionHint)
            }
            if let problem {
                throw ROOTFormatError("root.decompression", "\(algorithm) block: \(problem)", at: blockAt)
            }
            ip += packed
            op += unpacked
        }
    }

    /// An "L4" payload: an 8-byte big-endian XXH64 of the LZ4 block, then the block.
    private static func lz4(_ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer,
                            at blockAt: Int64) throws(ROOTFormatError) -> String? {
        guard source.count >= 8 else { return "the block is too short for its checksum" }
        let stored = UInt64(bigEndian: source.loadUnaligned(as: UInt64.self))
        let block = UnsafeRawBufferPointer(rebasing: source[8...])
        let computed = XXHash64.hash(block)
        guard stored == computed else {
            throw ROOTFormatError("root.decompression",
                                  "LZ4 block checksum mismatch (stored \(hex(stored)), computed \(hex(computed)))",
                                  at: blockAt)
        }
        return LZ4Block.decompress(block, into: target)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
