#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds cells in a CSV line: comma-separated, trimmed of spaces and tabs, optionally wrapped in double quotes
/// (the quotes are dropped; there is no escaping inside them, as numbers never contain quotes).
enum CSVScanner {
    /// One cell of a line: its content without surrounding blanks or quotes, and where the next cell starts.
    struct Cell {
        var start: Int
        var end: Int
        /// Index just after this cell's comma, or `count + 1` if this is the line's last cell.
        var next: Int
        /// Where the cell's quoting is broken (no closing quote, or text after it), if it is.
        var quoteError: Int?
        /// Whether the problem at `quoteError` is a missing closing quote (else: text after it).
        var unterminated = false
    }

    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// The cell starting at byte `i` of the `count` bytes at `p`.
    @inline(__always)
    static func cell(_ p: UnsafePointer<UInt8>, _ count: Int, from i: Int) -> Cell {
        var s = i
        while s < count && isBlank(p[s]) { s += 1 }
        if s < count && p[s] == UInt8(ascii: "\"") {
            return quotedCell(p, count, quoteAt: s)
        }
        var e: Int
        let next: Int
        if s < count, let comma = memchr(p + s, Int32(UInt8(ascii: ",")), count - s) {
            e = UnsafeRawPointer(p).distance(to: UnsafeRawPointer(comma))
            next = e + 1
        } else {
            e = count
            next = count + 1
        }
        while e > s && isBlank(p[e - 1]) { e -= 1 }
        return Cell(start: s, end: e, next: next)
    }

    private static func quotedCell(_ p: UnsafePointer<UInt8>, _ count: Int, quoteAt q: Int) -> Cell {
        let s0 = q + 1
        guard s0 <= count, let close = memchr(p + s0, Int32(UInt8(ascii: "\"")), count - s0) else {
            return Cell(start: s0, end: count, next: count + 1, quoteError: q, unterminated: true)
        }
        let closeIndex = UnsafeRawPointer(p).distance(to: UnsafeRawPointer(close))
        var s = s0, e = closeIndex
        while s < e && isBlank(p[s]) { s += 1 }
        while e > s && isBlank(p[e - 1]) { e -= 1 }
        var j = closeIndex + 1
        while j < count && isBlank(p[j]) { j += 1 }
        if j == count {
            return Cell(start: s, end: e, next: count + 1)
        }
        if p[j] == UInt8(ascii: ",") {
            return Cell(start: s, end: e, next: j + 1)
        }
        return Cell(start: s, end: e, next: count + 1, quoteError: j)
    }

    /// How many cells the line has (slow path, for error messages).
    static func countCells(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
        var cells = 0
        var i = 0
        while true {
            let c = cell(p, count, from: i)
            cells += 1
            if c.next > count || c.quoteError != nil { return cells }
            i = c.next
        }
    }

    /// A cell's text for a message: at most 40 bytes, control characters escaped.
    static func display(_ bytes: some Collection<UInt8>) -> String {
        let shown = String(decoding: bytes.prefix(40), as: UTF8.self)
        var out = ""
        for scalar in shown.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += scalar.escaped(asASCII: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return bytes.count > 40 ? out + "…" : out
    }
}
