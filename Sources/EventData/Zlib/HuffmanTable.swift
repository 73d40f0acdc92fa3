/// Builds the lookup tables `Inflate` decodes DEFLATE's canonical Huffman codes with (RFC 1951 §3.2.2).
///
/// A table is indexed by the next `primaryBits` bits of input, least significant bit first (DEFLATE sends
/// each code's first bit first, so codes are stored bit-reversed). A code no longer than `primaryBits` fills
/// every slot whose low bits are its reversed code; a longer one lives in a second-level table that its
/// first `primaryBits` bits point to. Every slot is a packed `UInt32` entry:
///
/// | bits   | meaning                                                                      |
/// |--------|------------------------------------------------------------------------------|
/// | 0–7    | bits to drop for this code (for a pointer: the second-level table's bits)    |
/// | 8–11   | extra bits to read after the code (lengths and distances)                    |
/// | 12–15  | kind, one flag each: literal (8), end of block (1), pointer (2), invalid (4); |
/// |        | none for a base length or distance, so each kind is a single bit test         |
/// | 16–31  | value: the literal byte, a base length or distance, a second-level offset    |
///
/// A length or distance code short enough to fit the primary table together with its extra bits gets one slot
/// per value of them, holding the final length or distance, no extra bits to read, and the code's and the
/// extra bits' count in bits 0–7: the decoder then reads most matches with no extra-bit arithmetic.
enum HuffmanTable {
    static let literal: UInt32 = 8
    static let base: UInt32 = 0
    static let endOfBlock: UInt32 = 1
    static let pointer: UInt32 = 2
    static let invalid: UInt32 = 4

    @inline(__always) static func entry(kind: UInt32, value: UInt32, extra: UInt32 = 0) -> UInt32 {
        value << 16 | kind << 12 | extra << 8
    }
    @inline(__always) static func kind(_ entry: UInt32) -> UInt32 { (entry >> 12) & 0xF }
    @inline(__always) static func isLiteral(_ entry: UInt32) -> Bool { entry & (literal << 12) != 0 }
    @inline(__always) static func isPointer(_ entry: UInt32) -> Bool { entry & (pointer << 12) != 0 }
    @inline(__always) static func isBase(_ entry: UInt32) -> Bool { entry & 0xF000 == 0 }
    @inline(__always) static func bits(_ entry: UInt32) -> Int { Int(entry & 0xFF) }
    @inline(__always) static func extra(_ entry: UInt32) -> Int { Int((entry >> 8) & 0xF) }
    @inline(__always) static func value(_ entry: UInt32) -> Int { Int(entry >> 16) }

    /// The literal/length alphabet's symbols 0–287: bytes, end of block, the 29 length codes, two unused codes.
    static let literalLengthSymbols: [UInt32] = {
        var symbols = (0..<256).map { entry(kind: literal, value: UInt32($0)) }
        symbols.append(entry(kind: endOfBlock, value: 0))
        var length: UInt32 = 3
        for code in 0..<28 {
            let extra: UInt32 = code < 8 ? 0 : UInt32(code / 4 - 1)
            symbols.append(entry(kind: base, value: length, extra: extra))
            length += 1 << extra
        }
        symbols.append(entry(kind: base, value: 258))
        symbols += [entry(kind: invalid, value: 0), entry(kind: invalid, value: 0)]
        return symbols
    }()

    /// The distance alphabet's symbols 0–31: 30 distance codes and two unused ones.
    static let distanceSymbols: [UInt32] = {
        var symbols: [UInt32] = []
        var distance: UInt32 = 1
        for code in 0..<30 {
            let extra: UInt32 = code < 4 ? 0 : UInt32(code / 2 - 1)
            symbols.append(entry(kind: base, value: distance, extra: extra))
            distance += 1 << extra
        }
        return symbols + [entry(kind: invalid, value: 0), entry(kind: invalid, value: 0)]
    }()

    /// The code-length alphabet's symbols 0–18, each its own value.
    static let codeLengthSymbols: [UInt32] = (0..<19).map { entry(kind: literal, value: UInt32($0)) }

    /// Slots a table needs at most: the primary table plus, per code longer than `primaryBits`, one
    /// second-level table of at most 2^(15 − primaryBits) slots.
    static func capacity(symbols: Int, primaryBits: Int) -> Int {
        (1 << primaryBits) + symbols * (1 << (15 - primaryBits))
    }

    /// Fills `table` for the code lengths `lengths[0..<count]` (each 0–15) of symbols described by
    /// `symbols`. Returns false for a set of lengths that is not a valid code: over-subscribed, or incomplete
    /// unless it is a single one-bit code (which DEFLATE allows for lengths and distances, as zlib does).
    /// A set with no codes at all fills every slot with an invalid entry when `allowIncomplete`.
    static func build(lengths: UnsafePointer<UInt8>, count: Int, symbols: UnsafePointer<UInt32>, primaryBits: Int,
                      into table: UnsafeMutablePointer<UInt32>, capacity: Int, allowIncomplete: Bool) -> Bool {
        // Scratch on the stack: counts per length, first code per length, sort offsets, codes left per length,
        // the symbols in canonical order, then the codes waiting for their extra bits. A table is built per
        // block, so this stays off the heap.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 64 + count + 96) { scratch in
            let perLength = scratch.baseAddress!, firstCode = perLength + 16, offsets = perLength + 32
            let remaining = perLength + 48, sorted = perLength + 64
            perLength.initialize(repeating: 0, count: 64)
            for symbol in 0..<count { perLength[Int(lengths[symbol])] += 1 }
            perLength[0] = 0
            var longest = 15
            while longest > 0 && perLength[longest] == 0 { longest -= 1 }
            let primarySize = 1 << primaryBits
            let invalidEntry = entry(kind: invalid, value: 0)
            if longest == 0 {
                guard allowIncomplete else { return false }
                table.update(repeating: invalidEntry, count: primarySize)
                return true
            }
            // Kraft: `left` is the code space not yet used at each length.
            var left = 1
            for length in 1...15 {
                left = left << 1 - perLength[length]
                if left < 0 { return false }
            }
            if left > 0 {
                guard allowIncomplete, longest == 1 else { return false }
            }
            // Symbols sorted by (length, symbol): the canonical order codes are assigned in.
            for length in 1..<16 {
                firstCode[length] = (firstCode[length - 1] + perLength[length - 1]) << 1
                offsets[length] = offsets[length - 1] + perLength[length - 1]
                remaining[length] = perLength[length]
            }
            for symbol in 0..<count where lengths[symbol] != 0 {
                sorted[offsets[Int(lengths[symbol])]] = symbol
                offsets[Int(lengths[symbol])] += 1
            }
            let coded = offsets[15]
            // The primary table by doubling: it grows from one slot to 2^primaryBits, a code of n bits is written
            // once, when the table has 2^n slots, and each doubling copies every slot, so a code ends up in every
            // slot whose low n bits are its reversed code. A code that fits with its extra bits gets one slot
            // per value of them (read after the code, first bit lowest), holding the final value, written when
            // the table has 2^(code + extra bits) slots; both are then consumed at once. Slots no code reaches
            // keep the invalid entry (an incomplete one-bit code, or prefixes of codes longer than the table).
            let pendingSlots = perLength + 64 + count, pendingLengths = pendingSlots + 32
            let pendingSymbols = pendingLengths + 32
            var pending = 0
            table[0] = invalidEntry
            var size = 1, index = 0
            for width in 1...primaryBits {
                (table + size).update(from: table, count: size)
                size <<= 1
                var code = firstCode[width]
                for _ in 0..<perLength[width] {
                    let symbol = sorted[index]
                    index += 1
                    let reversed = reverse(code, width)
                    code += 1
                    let extraBits = extra(symbols[symbol])
                    if extraBits > 0 && width + extraBits <= primaryBits && pending < 32 {
                        pendingSlots[pending] = reversed
                        pendingLengths[pending] = width
                        pendingSymbols[pending] = symbol
                        pending += 1
                    } else {
                        table[reversed] = symbols[symbol] | UInt32(width)
                    }
                }
                for k in 0..<pending {
                    let symbolEntry = symbols[pendingSymbols[k]], length = pendingLengths[k]
                    guard length + extra(symbolEntry) == width else { continue }
                    let base = symbolEntry & ~0xF00
                    for more in 0..<(1 << extra(symbolEntry)) {
                        table[pendingSlots[k] | more << length] = (base &+ UInt32(more) << 16) | UInt32(width)
                    }
                }
            }
            // Codes longer than the primary table, in second-level tables.
            var next = primarySize
            var currentPrefix = -1
            var subBase = 0, subBits = 0
            var code = 0, codeLength = 0
            while index < coded {
                let symbol = sorted[index]
                index += 1
                let length = Int(lengths[symbol])
                if length != codeLength {
                    code = firstCode[length]
                    codeLength = length
                }
                let reversed = reverse(code, length)
                code += 1
                let symbolEntry = symbols[symbol]
                let prefix = reversed & (primarySize - 1)
                if prefix != currentPrefix {
                    // A new second-level table, as wide as the longest code that shares this prefix
                    // needs: grow while the codes of each further length do not fill it.
                    subBits = length - primaryBits
                    var space = 1 << subBits
                    while subBits + primaryBits < longest {
                        space -= remaining[subBits + primaryBits]
                        if space <= 0 { break }
                        subBits += 1
                        space <<= 1
                    }
                    subBase = next
                    next += 1 << subBits
                    guard next <= capacity else { return false }
                    currentPrefix = prefix
                    table[prefix] = entry(kind: pointer, value: UInt32(subBase)) | UInt32(subBits)
                }
                let filled = symbolEntry | UInt32(length - primaryBits)
                var slot = reversed >> primaryBits
                while slot < 1 << subBits {
                    table[subBase + slot] = filled
                    slot += 1 << (length - primaryBits)
                }
                remaining[length] -= 1
            }
            return true
        }
    }

    /// `code`'s low `length` bits in reverse order.
    @inline(__always) static func reverse(_ code: Int, _ length: Int) -> Int {
        let r = Int(byteReversed[code & 0xFF]) << 8 | Int(byteReversed[(code >> 8) & 0xFF])
        return r >> (16 - length)
    }

    static let byteReversed: [UInt8] = (0..<256).map { byte in
        var r: UInt8 = 0
        for bit in 0..<8 where byte & (1 << bit) != 0 { r |= 0x80 >> UInt8(bit) }
        return r
    }
}
