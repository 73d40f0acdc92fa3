import Diagnostics

/// Diagnostics for bad lines, built only once a line has failed, so the fast path stays small.
extension CSVReader {
    private func location(_ offset: Int) -> SourceLocation {
        SourceLocation(path: path, line: lines.lineNumber, column: offset + 1)
    }

    func quoteError(_ cell: CSVScanner.Cell, at offset: Int) -> DataError {
        .error("csv.bad-quote", cell.unterminated ? "missing closing quote" : "unexpected text after closing quote",
               at: location(offset), hint: "quotes may only wrap a whole cell, e.g. \"1.5;2.5\"")
    }

    func columnCountError(_ p: UnsafePointer<UInt8>, _ count: Int, cells: Int) -> DataError {
        var offset = count
        if cells > header.count {
            // Point at the first cell the header has no column for.
            var i = 0
            for _ in 0..<header.count {
                i = CSVScanner.cell(p, count, from: i).next
            }
            offset = min(i, count)
        }
        return .error("csv.column-count", "line has \(cells) cells, header has \(header.count)", at: location(offset))
    }

    /// Why cell `index` of the line did not parse.
    @inline(never)
    func cellError(_ p: UnsafePointer<UInt8>, _ count: Int, cell: CSVScanner.Cell, index: Int) -> DataError {
        let cells = CSVScanner.countCells(p, count)
        if cells != header.count {
            return columnCountError(p, count, cells: cells)
        }
        let column = header[index]
        guard column.isJagged else {
            if cell.start == cell.end {
                return .error("csv.empty-cell", "empty cell in column '\(column.name)'", at: location(cell.start),
                              hint: column.kind == .float ? "write nan for a missing value" : nil)
            }
            return valueError(p, cell.start, cell.end, column)
        }
        var s = cell.start
        while s < cell.end {
            var e = s
            while e < cell.end && p[e] != UInt8(ascii: ";") { e += 1 }
            let next = e + 1
            while s < e && CSVScanner.isBlank(p[s]) { s += 1 }
            while e > s && CSVScanner.isBlank(p[e - 1]) { e -= 1 }
            if s == e {
                return .error("csv.empty-cell", "empty value in the list of column '\(column.name)'", at: location(s),
                              hint: "separate values with single ';'; an empty cell is an empty list")
            }
            if Self.value(p + s, e - s, column.kind) == nil {
                return valueError(p, s, e, column)
            }
            s = next
            if s == cell.end {
                return .error("csv.empty-cell", "empty value in the list of column '\(column.name)'", at: location(s),
                              hint: "remove the trailing ';'")
            }
        }
        return .error("csv.chunk-too-large", "more than \(Int32.max) list values in one chunk",
                      at: location(cell.start), hint: "read with a smaller chunk size")
    }

    /// The error for a value that does not parse as its column's kind.
    private func valueError(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ column: ColumnInfo) -> DataError {
        let bytes = UnsafeBufferPointer(start: p + start, count: end - start)
        let shown = CSVScanner.display(bytes)
        if let nul = bytes.firstIndex(of: 0) {
            return .error("csv.encoding", "NUL byte in a cell of column '\(column.name)'; is this a text file?",
                          at: location(start + nul))
        }
        switch column.kind {
        case .bool:
            return .error("csv.bad-bool", "'\(shown)' is not a bool (column '\(column.name)')", at: location(start),
                          hint: "use 0, 1, true or false")
        case .int:
            if let value = CSVNumber.parse(p + start, end - start) {
                let why = value.isFinite && abs(value) > 9_007_199_254_740_992 ? "is too large for an exact integer" : "is not an integer"
                return .error("csv.not-integer", "'\(shown)' \(why) (column '\(column.name)' is int)", at: location(start),
                              hint: "declare the column as '\(column.name)\(column.isJagged ? "[]" : ""):float' to allow fractions")
            }
            fallthrough
        case .float:
            return .error("csv.bad-number", "'\(shown)' is not a number (column '\(column.name)')", at: location(start))
        }
    }
}
