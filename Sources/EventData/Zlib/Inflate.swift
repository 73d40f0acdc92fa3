/// A raw DEFLATE decoder (RFC 1951) for whole buffers: the compressed block and its output are both in
/// memory and the output's size is known, which is how ROOT stores baskets.
///
/// It replaces zlib's streaming `inflate` for ROOT's blocks, where that was half of all the time spent
/// reading an ntuple. Being whole-buffer makes it simpler and faster: no window to copy into, input read
/// eight bytes at a time, matches copied eight bytes at a time, and one two-level table lookup per code.
///
/// Untrusted input stays harmless: every table slot is built from a checked set of code lengths, every
/// match is checked against the bytes written so far and the room left, and input that runs out is an
/// error (reading zeros past the end for at most a few bytes, then checking the true position).
enum Inflate {
    static let literalBits = 11
    static let distanceBits = 8
    static let codeLengthBits = 7
    static let literalCapacity = HuffmanTable.capacity(symbols: 288, primaryBits: literalBits)
    static let distanceCapacity = HuffmanTable.capacity(symbols: 32, primaryBits: distanceBits)

    /// The order the code-length code's lengths are sent in.
    private static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Inflates `input` into exactly `output.count` bytes. On success returns how many bytes of `input` the
    /// stream used (up to the byte that ends its final block), else why it failed.
    static func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        -> Result<Int, Failure> {
        guard let start = input.baseAddress, input.count > 0 else { return .failure(.endsEarly) }
        let storage = UnsafeMutablePointer<UInt32>.allocate(capacity: literalCapacity + distanceCapacity
                                                                + (1 << codeLengthBits))
        let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: 640)
        defer {
            storage.deallocate()
            lengths.deallocate()
        }
        var decoder = Decoder(input: start, count: input.count,
                              output: output.baseAddress?.assumingMemoryBound(to: UInt8.self), outputCount: output.count,
                              tables: storage, lengths: lengths)
        return decoder.run()
    }

    enum Failure: Error, Equatable {
        case endsEarly
        case tooMuchOutput
        case tooLittleOutput(Int)
        case corrupt(String)

        func message(declared: Int) -> String {
            switch self {
            case .endsEarly: "the compressed block ends early"
            case .tooMuchOutput: "the block inflates to more than the \(declared) bytes its header declares"
            case .tooLittleOutput(let produced):
                "the block inflates to \(produced) bytes, not the \(declared) its header declares"
            case .corrupt(let why): "corrupt zlib data (\(why))"
            }
        }
    }

    /// The compressed input as a stream of bits, least significant first.
    private struct BitReader {
        let start: UnsafeRawPointer
        let end: UnsafeRawPointer
        var p: UnsafeRawPointer
        /// Input bits not yet used; bits above `count` are zero or repeat the input's next bits.
        var bits: UInt64 = 0
        var count = 0
        /// Zero bytes fed in after the input ran out (decoding may look ahead; using them is an error).
        var overread = 0

        init(start: UnsafeRawPointer, count: Int) {
            self.start = start
            end = start + count
            p = start
        }

        /// Tops the bit buffer up to at least 56 bits: eight bytes at once while they are there.
        @inline(__always) mutating func refill() -> Bool {
            if end - p >= 8 {
                refillFromWord()
                return true
            }
            return refillSlowly()
        }

        /// `refill` when at least eight bytes of input are left (it uses at most seven of them).
        @inline(__always) mutating func refillFromWord() {
            bits |= UInt64(littleEndian: p.loadUnaligned(as: UInt64.self)) &<< UInt64(count)
            p += (63 &- count) &>> 3
            count |= 56
        }

        mutating func refillSlowly() -> Bool {
            while count <= 56 {
                if p < end {
                    bits |= UInt64(p.load(as: UInt8.self)) &<< UInt64(count)
                    p += 1
                } else {
                    overread += 1
                }
                count += 8
            }
            return overread <= 16
        }

        @inline(__always) mutating func take(_ n: Int) -> Int {
            let value = Int(truncatingIfNeeded: bits & ((1 &<< UInt64(n)) &- 1))
            drop(n)
            return value
        }

        /// Drops the bits of the code `entry` was looked up for (its low byte; the shift uses only its low six
        /// bits, and a code is at most 15 bits long).
        @inline(__always) mutating func consume(_ entry: UInt32) {
            bits &>>= UInt64(entry)
            count &-= Int(entry & 0xFF)
        }

        @inline(__always) mutating func drop(_ n: Int) {
            bits &>>= UInt64(n)
            count &-= n
        }

        /// Drops the bits up to the next byte boundary and returns how many input bytes have been used.
        mutating func alignedPosition() -> Int? {
            drop(count & 7)
            let buffered = count >> 3
            guard buffered >= overread else { return nil }
            return (p - start) - (buffered - overread)
        }

        /// Continues at byte `position` with no bits buffered (stored blocks are read as bytes).
        mutating func restart(at position: Int) {
            p = start + position
            bits = 0
            count = 0
            overread = 0
        }

        @inline(__always) func decode(_ table: UnsafeMutablePointer<UInt32>, _ primaryBits: Int) -> (UInt32, Int) {
            let entry = table[Int(truncatingIfNeeded: bits & ((1 &<< UInt64(primaryBits)) &- 1))]
            if !HuffmanTable.isPointer(entry) { return (entry, HuffmanTable.bits(entry)) }
            let sub = HuffmanTable.bits(entry)
            let index = Int(truncatingIfNeeded: (bits &>> UInt64(primaryBits)) & ((1 &<< UInt64(sub)) &- 1))
            let second = table[HuffmanTable.value(entry) + index]
            return (second, primaryBits + HuffmanTable.bits(second))
        }
    }

    /// The decoder's state, kept in one struct of locals so the hot loop stays in registers.
    private struct Decoder {
        var input: BitReader

        let outStart: UnsafeMutablePointer<UInt8>
        let outEnd: UnsafeMutablePointer<UInt8>
        var out: UnsafeMutablePointer<UInt8>

        /// The three tables, one after another in `tables`: literal/length, distance, code-length.
        let literals: UnsafeMutablePointer<UInt32>
        let distances: UnsafeMutablePointer<UInt32>
        let codeLengths: UnsafeMutablePointer<UInt32>
        /// Code lengths as read (literal/length at 0, distance at 288) and, from 320, the run they are read from.
        let lengths: UnsafeMutablePointer<UInt8>

        init(input: UnsafeRawPointer, count inputCount: Int, output: UnsafeMutablePointer<UInt8>?, outputCount: Int,
             tables: UnsafeMutablePointer<UInt32>, lengths: UnsafeMutablePointer<UInt8>) {
            self.input = BitReader(start: input, count: inputCount)
            // An empty output still needs a valid pointer; nothing is ever written to it.
            let base = output ?? lengths
            outStart = base
            outEnd = base + (output == nil ? 0 : outputCount)
            out = base
            literals = tables
            distances = tables + Inflate.literalCapacity
            codeLengths = tables + Inflate.literalCapacity + Inflate.distanceCapacity
            self.lengths = lengths
        }

        mutating func run() -> Result<Int, Failure> {
            while true {
                guard input.refill() else { return .failure(.endsEarly) }
                let final = input.take(1)
                let type = input.take(2)
                switch type {
                case 0:
                    if let failure = storedBlock() { return .failure(failure) }
                case 1:
                    if let failure = fixedTables() { return .failure(failure) }
                    if let failure = codes() { return .failure(failure) }
                case 2:
                    if let failure = dynamicTables() { return .failure(failure) }
                    if let failure = codes() { return .failure(failure) }
                default:
                    return .failure(.corrupt("invalid block type"))
                }
                if final == 1 { break }
            }
            guard let used = input.alignedPosition() else { return .failure(.endsEarly) }
            guard out == outEnd else { return .failure(.tooLittleOutput(out - outStart)) }
            return .success(used)
        }

        mutating func storedBlock() -> Failure? {
            guard let position = input.alignedPosition() else { return .endsEarly }
            input.restart(at: position)
            let p = input.p
            guard input.end - p >= 4 else { return .endsEarly }
            let length = Int(p.load(as: UInt8.self)) | Int(p.load(fromByteOffset: 1, as: UInt8.self)) << 8
            let check = Int(p.load(fromByteOffset: 2, as: UInt8.self)) | Int(p.load(fromByteOffset: 3, as: UInt8.self)) << 8
            guard length == check ^ 0xFFFF else { return .corrupt("invalid stored block lengths") }
            guard input.end - (p + 4) >= length else { return .endsEarly }
            guard outEnd - out >= length else { return .tooMuchOutput }
            UnsafeMutableRawPointer(out).copyMemory(from: p + 4, byteCount: length)
            out += length
            input.p = p + 4 + length
            return nil
        }

        mutating func fixedTables() -> Failure? {
            for symbol in 0..<288 { lengths[symbol] = symbol < 144 ? 8 : symbol < 256 ? 9 : symbol < 280 ? 7 : 8 }
            for symbol in 288..<320 { lengths[symbol] = 5 }
            return buildTables(literalCount: 288, distanceCount: 32)
        }

        mutating func dynamicTables() -> Failure? {
            guard input.refill() else { return .endsEarly }
            let literalCount = input.take(5) + 257
            let distanceCount = input.take(5) + 1
            let codeLengthCount = input.take(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else {
                return .corrupt("too many length or distance symbols")
            }
            for index in 0..<19 { lengths[index] = 0 }
            for index in 0..<codeLengthCount {
                guard input.refill() else { return .endsEarly }
                lengths[Inflate.codeLengthOrder[index]] = UInt8(input.take(3))
            }
            let built = HuffmanTable.codeLengthSymbols.withUnsafeBufferPointer { symbols in
                HuffmanTable.build(lengths: lengths, count: 19, symbols: symbols.baseAddress!,
                                   primaryBits: codeLengthBits, into: codeLengths, capacity: 1 << codeLengthBits,
                                   allowIncomplete: false)
            }
            guard built else { return .corrupt("invalid code lengths set") }
            // The two codes' lengths, one run: literal/length codes then distance codes (a repeat may cross).
            let total = literalCount + distanceCount
            var filled = 0
            let lengthRun = lengths + 320
            while filled < total {
                guard input.refill() else { return .endsEarly }
                let (entry, used) = input.decode(codeLengths, codeLengthBits)
                input.drop(used)
                let symbol = HuffmanTable.value(entry)
                var repeated: UInt8 = 0
                var times: Int
                switch symbol {
                case 0..<16:
                    lengthRun[filled] = UInt8(symbol)
                    filled += 1
                    continue
                case 16:
                    guard filled > 0 else { return .corrupt("invalid bit length repeat") }
                    repeated = lengthRun[filled - 1]
                    times = 3 + input.take(2)
                case 17:
                    times = 3 + input.take(3)
                default:
                    times = 11 + input.take(7)
                }
                guard times <= total - filled else { return .corrupt("invalid bit length repeat") }
                for _ in 0..<times {
                    lengthRun[filled] = repeated
                    filled += 1
                }
            }
            guard lengthRun[256] != 0 else { return .corrupt("invalid code -- missing end-of-block") }
            for index in 0..<literalCount { lengths[index] = lengthRun[index] }
            for index in 0..<distanceCount { lengths[288 + index] = lengthRun[literalCount + index] }
            return buildTables(literalCount: literalCount, distanceCount: distanceCount)
        }

        /// Literal/length lengths in `lengths[0..<288]`, distance lengths in `lengths[288..<320]`.
        mutating func buildTables(literalCount: Int, distanceCount: Int) -> Failure? {
            let literalsBuilt = HuffmanTable.literalLengthSymbols.withUnsafeBufferPointer { symbols in
                HuffmanTable.build(lengths: lengths, count: literalCount, symbols: symbols.baseAddress!,
                                   primaryBits: literalBits, into: literals, capacity: Inflate.literalCapacity,
                                   allowIncomplete: true)
            }
            guard literalsBuilt else { return .corrupt("invalid literal/lengths set") }
            let distancesBuilt = HuffmanTable.distanceSymbols.withUnsafeBufferPointer { symbols in
                HuffmanTable.build(lengths: lengths + 288, count: distanceCount, symbols: symbols.baseAddress!,
                                   primaryBits: distanceBits, into: distances, capacity: Inflate.distanceCapacity,
                                   allowIncomplete: true)
            }
            guard distancesBuilt else { return .corrupt("invalid distances set") }
            return nil
        }

        /// Decodes one block's codes up to its end-of-block code.
        mutating func codes() -> Failure? {
            let literals = self.literals, distances = self.distances
            let outStart = self.outStart, outEnd = self.outEnd
            // Locals, not fields: stores through `out` could alias fields, keeping them out of registers.
            var out = self.out
            var input = self.input
            defer {
                self.out = out
                self.input = input
            }
            let literalMask = UInt64(1) << UInt64(literalBits) - 1
            // Fast loop: while the output has room for three literals and a longest match with its 8-byte spill
            // (which covers `copyWithRoom`'s 40 bytes), no code needs a room check. A literal is told by one bit
            // of its primary entry (pointers to second-level tables never have it), and the next entry is looked
            // up before a literal is stored.
            // The input has room too: an iteration refills at most twice, using at most 14 bytes and reading 15.
            while outEnd - out >= 3 + 258 + 8 && input.end - input.p >= 16 {
                // 56 bits cover the longest length-and-distance (15 + 5 + 15 + 13), or three literals.
                input.refillFromWord()
                var entry = literals[Int(truncatingIfNeeded: input.bits & literalMask)]
                if HuffmanTable.isLiteral(entry) {
                    input.consume(entry)
                    let second = literals[Int(truncatingIfNeeded: input.bits & literalMask)]
                    out.pointee = UInt8(truncatingIfNeeded: entry >> 16)
                    out += 1
                    entry = second
                    if HuffmanTable.isLiteral(entry) {
                        input.consume(entry)
                        let third = literals[Int(truncatingIfNeeded: input.bits & literalMask)]
                        out.pointee = UInt8(truncatingIfNeeded: entry >> 16)
                        out += 1
                        entry = third
                        if HuffmanTable.isLiteral(entry) {
                            input.consume(entry)
                            out.pointee = UInt8(truncatingIfNeeded: entry >> 16)
                            out += 1
                            continue
                        }
                    }
                    // Not consumed yet; a match needs a full buffer again.
                    input.refillFromWord()
                }
                if HuffmanTable.isPointer(entry) {
                    // A code longer than the primary table: the rest of it indexes the second-level table.
                    input.drop(literalBits)
                    entry = literals[HuffmanTable.value(entry)
                                     + Int(truncatingIfNeeded: input.bits & ((1 &<< UInt64(entry & 0xFF)) &- 1))]
                    if HuffmanTable.isLiteral(entry) {
                        input.consume(entry)
                        out.pointee = UInt8(truncatingIfNeeded: entry >> 16)
                        out += 1
                        continue
                    }
                }
                input.consume(entry)
                guard HuffmanTable.isBase(entry) else {
                    return HuffmanTable.kind(entry) == HuffmanTable.endOfBlock ? nil : .corrupt("invalid literal/length code")
                }
                let (length, distance, failure) = Self.match(after: entry, from: &input, distances: distances,
                                                             written: out - outStart)
                if let failure { return failure }
                Self.copyWithRoom(to: out, distance: distance, length: length)
                out += length
            }
            // The last bytes of the output or of the input: every code checked against the room left.
            while true {
                guard input.refill() else { return .endsEarly }
                let (entry, used) = input.decode(literals, literalBits)
                input.drop(used)
                if HuffmanTable.isLiteral(entry) {
                    guard out < outEnd else { return .tooMuchOutput }
                    out.pointee = UInt8(truncatingIfNeeded: HuffmanTable.value(entry))
                    out += 1
                    continue
                }
                guard HuffmanTable.isBase(entry) else {
                    return HuffmanTable.kind(entry) == HuffmanTable.endOfBlock ? nil : .corrupt("invalid literal/length code")
                }
                let (length, distance, failure) = Self.match(after: entry, from: &input, distances: distances,
                                                             written: out - outStart)
                if let failure { return failure }
                let room = outEnd - out
                guard length <= room else { return .tooMuchOutput }
                Self.copy(to: out, distance: distance, length: length, spill: room - length >= 8)
                out += length
            }
        }

        /// A match after its length code `entry`: the length's extra bits, then the distance code and its extra
        /// bits (the buffer holds enough bits for all of them). The distance must not reach before the output.
        @inline(__always) static func match(after entry: UInt32, from input: inout BitReader,
                                            distances: UnsafeMutablePointer<UInt32>, written: Int)
            -> (length: Int, distance: Int, failure: Failure?) {
            // A length's extra bits are left to read only for codes too long to have them in their table slot
            // (rare, so the branch is predicted); a distance's often are, so they are read with no branch.
            var length = HuffmanTable.value(entry)
            if HuffmanTable.extra(entry) != 0 { length += input.take(HuffmanTable.extra(entry)) }
            let (code, codeBits) = input.decode(distances, distanceBits)
            input.drop(codeBits)
            guard HuffmanTable.isBase(code) else { return (0, 0, .corrupt("invalid distance code")) }
            let distance = HuffmanTable.value(code) + input.take(HuffmanTable.extra(code))
            guard distance <= written else { return (0, 0, .corrupt("invalid distance too far back")) }
            return (length, distance, nil)
        }

        /// Copies a match of `length` bytes from `distance` bytes back where the output has room for the match
        /// rounded up to eight bytes and for at least 40 bytes. Most matches are at most 40 bytes long: those are
        /// copied as five words with no branch on their length, which varies from match to match.
        @inline(__always) static func copyWithRoom(to out: UnsafeMutablePointer<UInt8>, distance: Int, length: Int) {
            let source = UnsafeRawPointer(out - distance), target = UnsafeMutableRawPointer(out)
            if distance >= 8 {
                // Each word is read from at least eight bytes behind where it goes, so after it is written.
                for k in stride(from: 0, to: 40, by: 8) {
                    target.storeBytes(of: source.loadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: k,
                                      as: UInt64.self)
                }
                var k = 40
                while k < length {
                    target.storeBytes(of: source.loadUnaligned(fromByteOffset: k, as: UInt64.self), toByteOffset: k,
                                      as: UInt64.self)
                    k += 8
                }
            } else if distance == 1 {
                let word = UInt64(source.load(as: UInt8.self)) &* 0x0101_0101_0101_0101
                for k in stride(from: 0, to: 40, by: 8) { target.storeBytes(of: word, toByteOffset: k, as: UInt64.self) }
                var k = 40
                while k < length {
                    target.storeBytes(of: word, toByteOffset: k, as: UInt64.self)
                    k += 8
                }
            } else if distance >= 4 {
                // Four bytes at a time, each read from at least four bytes behind.
                var k = 0
                repeat {
                    target.storeBytes(of: source.loadUnaligned(fromByteOffset: k, as: UInt32.self), toByteOffset: k,
                                      as: UInt32.self)
                    k += 4
                } while k < length
            } else {
                copy(to: out, distance: distance, length: length, spill: false)
            }
        }

        /// Copies a match of `length` bytes from `distance` bytes back. With `spill`, the last word may write up
        /// to seven bytes past the match (the caller has that room).
        @inline(__always) static func copy(to out: UnsafeMutablePointer<UInt8>, distance: Int, length: Int, spill: Bool) {
            let source = UnsafePointer(out - distance)
            if spill && distance >= 8 {
                // Eight bytes at a time; the source is always at least eight bytes behind.
                var from = source, target = out
                let stop = out + length
                repeat {
                    UnsafeMutableRawPointer(target).storeBytes(
                        of: UnsafeRawPointer(from).loadUnaligned(as: UInt64.self), as: UInt64.self)
                    from += 8
                    target += 8
                } while target < stop
            } else if spill && distance == 1 {
                let word = UInt64(source.pointee) &* 0x0101_0101_0101_0101
                var target = out
                let stop = out + length
                repeat {
                    UnsafeMutableRawPointer(target).storeBytes(of: word, as: UInt64.self)
                    target += 8
                } while target < stop
            } else {
                // Byte by byte, so a match that overlaps itself repeats what it has just written.
                for index in 0..<length { out[index] = source[index] }
            }
        }
    }
}
