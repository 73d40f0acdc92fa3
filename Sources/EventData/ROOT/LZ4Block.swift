/// LZ4 block decompression (the raw block format, without LZ4's frame), as ROOT's "L4" blocks hold.
///
/// Written from the format description: a block is a run of sequences, each a token byte (literal length
/// in the high nibble, match length minus 4 in the low one, 15 meaning "more length bytes follow, each
/// added until one is below 255"), the literals, then a 2-byte little-endian offset back into the output
/// and the match. The last sequence has literals only. Every length and offset is checked against both
/// buffers, so corrupt input ends in an error, never an out-of-bounds access.
enum LZ4Block {
    /// Decompresses `input` into exactly `output.count` bytes; returns nil on success, else why it failed.
    static func decompress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> String? {
        let inCount = input.count, outCount = output.count
        var ip = 0, op = 0

        /// Reads the extra length bytes after a nibble of 15.
        func extendedLength(_ base: Int) -> Int? {
            var length = base
            while true {
                guard ip < inCount else { return nil }
                let byte = Int(input[ip])
                ip += 1
                length += byte
                guard length <= outCount else { return nil }
                if byte != 255 { return length }
            }
        }

        while ip < inCount {
            let token = Int(input[ip])
            ip += 1
            var literals = token >> 4
            if literals == 15 {
                guard let long = extendedLength(15) else { return "a literal length runs past the data" }
                literals = long
            }
            guard literals <= inCount - ip else { return "literals run past the end of the block" }
            guard literals <= outCount - op else { return "literals overflow the declared size" }
            if literals > 0, let dst = output.baseAddress, let src = input.baseAddress {
                (dst + op).copyMemory(from: src + ip, byteCount: literals)
            }
            ip += literals
            op += literals
            if ip == inCount { break }  // the last sequence has no match

            guard inCount - ip >= 2 else { return "a match offset is cut off" }
            let offset = Int(input[ip]) | (Int(input[ip + 1]) << 8)
            ip += 2
            guard offset > 0, offset <= op else { return "a match points before the start of the output" }
            var matchLength = token & 15
            if matchLength == 15 {
                guard let long = extendedLength(15) else { return "a match length runs past the data" }
                matchLength = long
            }
            matchLength += 4
            guard matchLength <= outCount - op else { return "a match overflows the declared size" }
            if offset >= matchLength, let base = output.baseAddress {
                (base + op).copyMemory(from: base + (op - offset), byteCount: matchLength)
                op += matchLength
            } else {
                // Overlapping copy: repeats the last `offset` bytes, one at a time.
                for _ in 0..<matchLength {
                    output[op] = output[op - offset]
                    op += 1
                }
            }
        }
        guard op == outCount else {
            return "the block decompresses to \(op) bytes, not the \(outCount) its header declares"
        }
        return nil
    }
}
