import Diagnostics

/// Reads a CSV file's events chunk by chunk (the format is described on `CSVSource`).
///
/// The inner loop works on the raw bytes of each line: cells of unrequested columns are only counted,
/// requested cells are parsed straight into the chunk's contiguous buffers.
struct CSVReader: ChunkReader {
    let lines: LineReader
    let path: String
    private let headerCount: Int
    /// For each header cell, the builder that receives it, or -1 to skip the cell.
    private let slots: ContiguousArray<Int>
    /// Requested column names, each with its builder.
    private let outputs: [(name: String, slot: Int)]
    /// Header columns, for messages.
    let header: [ColumnInfo]
    private var builders: ContiguousArray<ColumnBuilder>
    private let chunkSize: Int
    private var remaining: Int
    private var nextEvent = 0
    private var finished = false
    private var failure: DataError?

    /// `lines` must be positioned just after the header; `columns` must all be in `header`.
    init(lines: LineReader, path: String, header: [ColumnInfo], columns: [String], chunkSize: Int, limit: Int?) {
        self.lines = lines
        self.path = path
        self.header = header
        headerCount = header.count
        var indexOf: [String: Int] = [:]
        for (i, info) in header.enumerated() where indexOf[info.name] == nil {
            indexOf[info.name] = i
        }
        var slots = ContiguousArray(repeating: -1, count: header.count)
        var builders = ContiguousArray<ColumnBuilder>()
        var outputs: [(name: String, slot: Int)] = []
        for name in columns {
            guard let index = indexOf[name] else { continue }
            if slots[index] < 0 {
                slots[index] = builders.count
                builders.append(ColumnBuilder(kind: header[index].kind, isJagged: header[index].isJagged))
            }
            outputs.append((name, slots[index]))
        }
        self.slots = slots
        self.builders = builders
        self.outputs = outputs
        self.chunkSize = max(1, chunkSize)
        remaining = max(0, limit ?? Int.max)
    }

    mutating func next() throws(DataError) -> Chunk? {
        if let failure { throw failure }
        if finished { return nil }
        let target = min(chunkSize, remaining)
        for i in builders.indices {
            builders[i].start(events: target)
        }
        var count = 0
        do {
            while count < target {
                guard let line = try lines.nextContentLine() else {
                    finished = true
                    break
                }
                // Only empty lines lack an address, and those are never content lines.
                guard let base = line.baseAddress else { continue }
                try read(base.assumingMemoryBound(to: UInt8.self), line.count)
                count += 1
            }
        } catch {
            failure = error
            throw error
        }
        remaining -= count
        if remaining == 0 { finished = true }
        guard count > 0 else { return nil }
        var columns: [String: Column] = [:]
        var taken: [Column?] = Array(repeating: nil, count: builders.count)
        for output in outputs {
            if taken[output.slot] == nil { taken[output.slot] = builders[output.slot].take() }
            columns[output.name] = taken[output.slot]
        }
        defer { nextEvent += count }
        return Chunk(firstEvent: nextEvent, eventCount: count, columns: columns)
    }

    // MARK: - One event

    /// Parses one line, `count` bytes at `p`, into the builders.
    private mutating func read(_ p: UnsafePointer<UInt8>, _ count: Int) throws(DataError) {
        var i = 0
        var cellIndex = 0
        while true {
            let cell = CSVScanner.cell(p, count, from: i)
            if let bad = cell.quoteError {
                throw quoteError(cell, at: bad)
            }
            if cellIndex < headerCount {
                let slot = slots[cellIndex]
                if slot >= 0 {
                    if !store(p, cell.start, cell.end, into: slot) {
                        throw cellError(p, count, cell: cell, index: cellIndex)
                    }
                }
            }
            cellIndex += 1
            if cell.next > count { break }
            i = cell.next
        }
        if cellIndex != headerCount {
            throw columnCountError(p, count, cells: cellIndex)
        }
    }

    /// Parses a cell's content into builder `slot`; false if it is not valid for the column.
    @inline(__always)
    private mutating func store(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into slot: Int) -> Bool {
        let kind = builders[slot].kind
        guard builders[slot].isJagged else {
            guard let value = Self.value(p + start, end - start, kind) else { return false }
            builders[slot].values.append(value)
            return true
        }
        var s = start
        while s < end {
            var e = s
            while e < end && p[e] != UInt8(ascii: ";") { e += 1 }
            let next = e + 1
            while s < e && CSVScanner.isBlank(p[s]) { s += 1 }
            while e > s && CSVScanner.isBlank(p[e - 1]) { e -= 1 }
            guard let value = Self.value(p + s, e - s, kind) else { return false }
            builders[slot].values.append(value)
            s = next
            if s == end { return false }  // trailing ';' leaves an empty last value
        }
        return builders[slot].endList()
    }

    @inline(__always)
    static func value(_ p: UnsafePointer<UInt8>, _ count: Int, _ kind: ColumnKind) -> Double? {
        switch kind {
        case .float:
            return CSVNumber.parse(p, count)
        case .int:
            guard let v = CSVNumber.parse(p, count), CSVNumber.isExactInteger(v) else { return nil }
            return v
        case .bool:
            return CSVNumber.parseBool(p, count)
        }
    }
}
