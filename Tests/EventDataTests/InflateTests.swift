import Foundation
import Testing
import CZlib
@testable import EventData

/// OpenKey's own DEFLATE decoder against zlib: the same bytes for every kind of stream zlib writes, and
/// the same verdict (success with the same bytes, or failure) on damaged streams.
@Suite("Inflate")
struct InflateTests {
    /// Deterministic pseudo-random bytes.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Inputs like the ones ROOT compresses, and the corner cases of LZ77 matches.
    static func samples() -> [(String, [UInt8])] {
        var g = Generator(state: 0x2545_F491_4F6C_DD1D)
        let random = (0..<70_000).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        var floats: [UInt8] = []                            // big-endian floats, like a basket of pt values
        for _ in 0..<40_000 {
            let value = Float(20 + Double(g.below(100_000)) / 1000)
            withUnsafeBytes(of: value.bitPattern.bigEndian) { floats += $0 }
        }
        var counts: [UInt8] = []                            // small big-endian integers, many repeats
        for _ in 0..<30_000 {
            let value = Int32(g.below(4))
            withUnsafeBytes(of: value.bigEndian) { counts += $0 }
        }
        let text = Array(String(repeating: "The Z boson decays to two leptons of opposite charge. ", count: 900).utf8)
        var periods: [UInt8] = []                           // runs with every short match distance
        for period in 1...12 {
            let unit = (0..<period).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ period) }
            for _ in 0..<(600 / period) { periods += unit }
            periods += (0..<5).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        }
        let mixed = Array(random.prefix(5_000)) + Array(repeating: 0, count: 70_000) + Array(text.prefix(3_000))
            + Array(floats.prefix(20_000)) + Array(random.suffix(300))
        return [("empty", []), ("one byte", [42]), ("random", random), ("floats", floats), ("counts", counts),
                ("text", text), ("periods", periods), ("zeros", [UInt8](repeating: 0, count: 100_000)),
                ("mixed", mixed)]
    }

    /// Hand-made DEFLATE bits: header fields least significant bit first, Huffman codes most significant first.
    struct BitWriter {
        var bytes: [UInt8] = []
        var used = 0
        mutating func bits(_ value: Int, _ count: Int) {
            for bit in 0..<count {
                if used % 8 == 0 { bytes.append(0) }
                bytes[bytes.count - 1] |= UInt8((value >> bit) & 1) << UInt8(used % 8)
                used += 1
            }
        }
        mutating func code(_ value: Int, _ count: Int) {
            for bit in (0..<count).reversed() { bits((value >> bit) & 1, 1) }
        }
    }

    /// A raw DEFLATE stream written by zlib.
    static func deflate(_ bytes: [UInt8], level: Int32, strategy: Int32) -> [UInt8] {
        var stream = z_stream()
        #expect(deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, strategy, zlibVersion(),
                              Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 16)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                let status = CZlib.deflate(&stream, Z_FINISH)
                #expect(status == Z_STREAM_END)
                return target.count - Int(stream.avail_out)
            }
        }
        return Array(output.prefix(produced))
    }

    /// zlib's raw inflate into exactly `size` bytes: the bytes and the input used, or nil if zlib fails.
    static func zlibInflate(_ compressed: [UInt8], size: Int) -> ([UInt8], Int)? {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(size, 1))
        var input = compressed
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(size)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, stream.avail_out == 0 else { return nil }
        return (Array(output.prefix(size)), compressed.count - Int(stream.avail_in))
    }

    static func ours(_ compressed: [UInt8], size: Int) -> Result<([UInt8], Int), Inflate.Failure> {
        var output = [UInt8](repeating: 0, count: size)
        let result = compressed.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { target in Inflate.inflate(source, into: target) }
        }
        return result.map { (output, $0) }
    }

    @Test func everyKindOfStreamZlibWritesInflatesToTheSameBytes() throws {
        let strategies: [(String, Int32)] = [("default", Z_DEFAULT_STRATEGY), ("filtered", Z_FILTERED),
                                             ("huffman only", Z_HUFFMAN_ONLY), ("rle", Z_RLE), ("fixed", Z_FIXED)]
        for (name, bytes) in Self.samples() {
            for level: Int32 in [0, 1, 6, 9] {
                for (strategyName, strategy) in strategies where level > 0 || strategy == Z_DEFAULT_STRATEGY {
                    let compressed = Self.deflate(bytes, level: level, strategy: strategy)
                    let result = Self.ours(compressed + [0xAB, 0xCD, 0xEF, 0x01], size: bytes.count)
                    guard case .success(let (output, used)) = result else {
                        Issue.record("\(name), level \(level), \(strategyName): \(result)")
                        continue
                    }
                    #expect(output == bytes, "\(name), level \(level), \(strategyName)")
                    #expect(used == compressed.count, "\(name), level \(level), \(strategyName): used \(used)")
                }
            }
        }
    }

    @Test func sizeMismatchesAndTruncationsAreErrors() {
        let bytes = Self.samples()[3].1                      // floats
        let compressed = Self.deflate(bytes, level: 1, strategy: Z_DEFAULT_STRATEGY)
        if case .failure(let failure) = Self.ours(compressed, size: bytes.count - 1) {
            #expect(failure == .tooMuchOutput)
        } else { Issue.record("a block bigger than declared inflated") }
        if case .failure(let failure) = Self.ours(compressed, size: bytes.count + 1) {
            #expect(failure == .tooLittleOutput(bytes.count))
        } else { Issue.record("a block smaller than declared inflated") }
        for cut in [0, 1, 2, compressed.count / 2, compressed.count - 1] {
            let result = Self.ours(Array(compressed.prefix(cut)), size: bytes.count)
            guard case .failure = result else {
                Issue.record("a stream cut at \(cut) of \(compressed.count) bytes inflated")
                continue
            }
        }
        // Hand-made streams: a stored block whose length check fails, block type 3, a distance before the start.
        let badStored: [UInt8] = [0x01, 0x05, 0x00, 0x00, 0x00] + [1, 2, 3, 4, 5]
        let badType: [UInt8] = [0x07, 0x00]
        var writer = BitWriter()
        writer.bits(1, 1); writer.bits(1, 2)                  // final, fixed codes
        writer.code(0x30, 8)                                 // literal 0
        writer.code(1, 7); writer.code(1, 5)                 // length 3 (symbol 257), distance 2 (one byte written)
        writer.code(0, 7)                                    // end of block
        let farBack = writer.bytes
        for (stream, words) in [(badStored, "stored block lengths"), (badType, "block type"), (farBack, "too far back")] {
            guard case .failure(.corrupt(let why)) = Self.ours(stream, size: 5) else {
                Issue.record("expected corrupt data (\(words))")
                continue
            }
            #expect(why.contains(words), "\(why)")
        }
    }

    /// Damaged streams (flipped bits, overwritten bytes, cuts): OpenKey succeeds exactly when zlib does,
    /// with the same bytes, and never reads or writes out of bounds (the run would crash).
    @Test func damagedStreamsGetZlibsVerdict() {
        var g = Generator(state: 0xD1B5_4A32_D192_ED03)
        let sources = Self.samples().filter { !$0.1.isEmpty }
        var failures = 0, successes = 0
        for round in 0..<3_000 {
            let (_, bytes) = sources[round % sources.count]
            let slice = Array(bytes.prefix(2_000 + g.below(6_000)))
            let level: Int32 = [1, 6, 9][g.below(3)]
            let strategy = [Z_DEFAULT_STRATEGY, Z_FIXED, Z_HUFFMAN_ONLY, Z_RLE][g.below(4)]
            var damaged = Self.deflate(slice, level: level, strategy: strategy)
            switch g.below(3) {
            case 0:
                for _ in 0...g.below(3) { damaged[g.below(damaged.count)] ^= UInt8(1 << g.below(8)) }
            case 1:
                let at = g.below(damaged.count)
                for k in at..<min(damaged.count, at + 1 + g.below(8)) { damaged[k] = UInt8(truncatingIfNeeded: g.next()) }
            default:
                damaged = Array(damaged.prefix(g.below(damaged.count)))
            }
            let size = g.below(4) == 0 ? slice.count + g.below(5) - 2 : slice.count
            guard size >= 0 else { continue }
            let reference = Self.zlibInflate(damaged, size: size)
            switch (Self.ours(damaged, size: size), reference) {
            case (.success(let (output, used)), .some(let (expected, expectedUsed))):
                successes += 1
                #expect(output == expected && used == expectedUsed, "round \(round)")
            case (.failure, .none):
                failures += 1
            case (.success, .none):
                Issue.record("round \(round): OpenKey inflated a stream zlib rejects")
            case (.failure(let failure), .some):
                Issue.record("round \(round): OpenKey rejected a stream zlib inflates: \(failure)")
            }
        }
        #expect(failures > 1_000 && successes > 100, "failures \(failures), successes \(successes)")
    }
}
