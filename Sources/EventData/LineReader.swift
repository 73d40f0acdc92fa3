#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Diagnostics

/// Splits a file's bytes into lines, reading 1 MiB blocks into one reused buffer and handing out
/// each line as a view into it — no copy and no allocation per line.
///
/// Handles what every CSV line needs: CRLF (the `\r` is dropped), a UTF-8 byte order mark (skipped,
/// so columns count from the first real byte), and a cap on line length so a hostile file with no
/// newlines fails fast instead of growing memory without bound.
final class LineReader {
    static let blockSize = 1 << 20
    static let defaultMaxLineLength = 16 << 20

    private let source: any ByteSource
    private let displayPath: String
    private let maxLineLength: Int
    private var buffer: UnsafeMutableRawBufferPointer
    /// Unconsumed bytes are buffer[start..<end]; buffer[start..<scanned] is known to hold no newline.
    private var start = 0, end = 0, scanned = 0
    private var sourceEnded = false
    private var checkedStart = false
    /// 1-based number of the line most recently returned.
    private(set) var lineNumber = 0

    init(path: String, displayPath: String, maxLineLength: Int = LineReader.defaultMaxLineLength) throws(DataError) {
        self.displayPath = displayPath
        self.maxLineLength = max(1, maxLineLength)
        do {
            source = try ByteSources.open(path: path)
        } catch {
            throw DataError.error(error.id, error.message, at: .file(displayPath))
        }
        buffer = .allocate(byteCount: min(Self.blockSize, self.maxLineLength + 2), alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// The next line that is neither blank (spaces and tabs only) nor a `#` comment; valid until the next call.
    func nextContentLine() throws(DataError) -> UnsafeRawBufferPointer? {
        while let line = try nextLine() {
            guard let first = line.first else { continue }
            if first == UInt8(ascii: "#") { continue }
            if first == UInt8(ascii: " ") || first == UInt8(ascii: "\t"),
               line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            return line
        }
        return nil
    }

    /// The next line without its `\n` or `\r\n`, or nil at the end; valid until the next call.
    func nextLine() throws(DataError) -> UnsafeRawBufferPointer? {
        if !checkedStart {
            try checkStart()
        }
        while true {
            guard let base = buffer.baseAddress else { return nil }
            if scanned < end, let newline = memchr(base + scanned, 0x0A, end - scanned) {
                let lineEnd = base.distance(to: UnsafeMutableRawPointer(newline))
                return try takeLine(upTo: lineEnd, consuming: lineEnd + 1)
            }
            scanned = end
            if end - start > maxLineLength {
                throw lineTooLong()
            }
            if sourceEnded {
                return start < end ? try takeLine(upTo: end, consuming: end) : nil
            }
            try fill()
        }
    }

    private func takeLine(upTo lineEnd: Int, consuming next: Int) throws(DataError) -> UnsafeRawBufferPointer {
        lineNumber += 1
        var last = lineEnd
        if last > start && buffer[last - 1] == UInt8(ascii: "\r") { last -= 1 }
        if last - start > maxLineLength {
            lineNumber -= 1
            throw lineTooLong()
        }
        let line = UnsafeRawBufferPointer(rebasing: buffer[start..<last])
        start = next
        scanned = next
        return line
    }

    /// Reads one more block after the unconsumed bytes, moving them to the front or growing the buffer as needed.
    private func fill() throws(DataError) {
        if start > 0 {
            if let base = buffer.baseAddress, end > start {
                memmove(base, base + start, end - start)
            }
            end -= start
            scanned -= start
            start = 0
        }
        if end == buffer.count {
            let grown = UnsafeMutableRawBufferPointer.allocate(
                byteCount: min(buffer.count * 2, maxLineLength + Self.blockSize + 2), alignment: 16)
            grown.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[0..<end]))
            buffer.deallocate()
            buffer = grown
        }
        let count: Int
        do {
            count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        } catch {
            throw DataError.error(error.id, error.message,
                                  at: SourceLocation(path: displayPath, line: lineNumber + 1, column: 1),
                                  notes: lineNumber > 0 ? [.init("the data is intact up to line \(lineNumber)")] : [])
        }
        if count == 0 { sourceEnded = true }
        end += count
    }

    /// Skips a UTF-8 byte order mark; rejects UTF-16 and UTF-32, whose every other byte is NUL.
    private func checkStart() throws(DataError) {
        checkedStart = true
        while end < 4 && !sourceEnded {
            try fill()
        }
        let head = Array(buffer[0..<min(end, 4)])
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = 3
            scanned = 3
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
                    || head.starts(with: [0, 0, 0xFE, 0xFF]) {
            throw DataError.error("csv.encoding", "file is UTF-16 or UTF-32 encoded; CSV files must be UTF-8",
                                  at: .file(displayPath), hint: "save the file as UTF-8")
        }
    }

    private func lineTooLong() -> DataError {
        let limit = maxLineLength % (1 << 20) == 0 ? "\(maxLineLength >> 20) MiB" : "\(maxLineLength) bytes"
        return .error("csv.line-too-long", "line is longer than \(limit)",
                      at: SourceLocation(path: displayPath, line: lineNumber + 1, column: 1),
                      hint: "is this a CSV file? Lines are events and should be short")
    }
}
