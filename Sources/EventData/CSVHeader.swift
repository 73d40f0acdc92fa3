import Diagnostics

/// Reads a CSV header line — `lep_n:int, lep_pt[], lep_charge[]:int, mcWeight` — into the file's schema.
enum CSVHeader {
    /// The columns named by `line` (line `lineNumber` of `path`), in order.
    static func parse(_ line: UnsafeRawBufferPointer, lineNumber: Int, path: String) throws(DataError) -> [ColumnInfo] {
        func at(_ offset: Int) -> SourceLocation {
            SourceLocation(path: path, line: lineNumber, column: offset + 1)
        }
        let bytes = Array(line)
        if let nul = bytes.firstIndex(of: 0) {
            throw .error("csv.encoding", "the header line contains a NUL byte; is this a text file?", at: at(nul))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw .error("csv.encoding", "the header line is not valid UTF-8", at: at(firstInvalidUTF8(bytes)),
                         hint: "save the file as UTF-8")
        }
        var columns: [ColumnInfo] = []
        var firstSeen: [String: Int] = [:]
        try bytes.withUnsafeBufferPointer { (buffer) throws(DataError) in
            guard let p = buffer.baseAddress else {
                throw DataError.error("csv.bad-header", "empty header line", at: at(0))
            }
            var i = 0
            while true {
                let cell = CSVScanner.cell(p, buffer.count, from: i)
                if let bad = cell.quoteError {
                    throw DataError.error("csv.bad-header", cell.unterminated ? "missing closing quote" : "text after closing quote",
                                          at: at(bad))
                }
                let isLast = cell.next > buffer.count
                let info = try column(Array(buffer[cell.start..<cell.end]), at: at(cell.start), isLast: isLast)
                if let first = firstSeen[info.name] {
                    throw DataError.error("csv.duplicate-column", "column '\(info.name)' appears twice in the header",
                                          at: at(cell.start), notes: [.init("first named here", at: at(first))])
                }
                firstSeen[info.name] = cell.start
                columns.append(info)
                if isLast { break }
                i = cell.next
            }
        }
        return columns
    }

    /// One header cell: `name`, `name[]`, `name:kind` or `name[]:kind`.
    private static func column(_ cell: [UInt8], at location: SourceLocation, isLast: Bool) throws(DataError) -> ColumnInfo {
        let text = String(decoding: cell, as: UTF8.self)
        guard !cell.isEmpty else {
            throw .error("csv.bad-header", "empty column name", at: location,
                         hint: isLast ? "remove the trailing comma" : "name every column")
        }
        var spec = Substring(text)
        var kind = ColumnKind.float
        if let colon = spec.firstIndex(of: ":") {
            let kindText = trimmed(spec[spec.index(after: colon)...])
            spec = trimmed(spec[..<colon])
            if kindText.hasSuffix("[]"), let base = ColumnKind(rawValue: String(kindText.dropLast(2))) {
                throw .error("csv.bad-header", "'[]' goes before the kind", at: location,
                             hint: "write '\(CSVScanner.display(spec.utf8))[]:\(base.rawValue)'")
            }
            guard let parsed = ColumnKind(rawValue: kindText.lowercased()) else {
                let shown = (kind: CSVScanner.display(kindText.utf8), name: CSVScanner.display(spec.utf8))
                let kindOffset = text.utf8.distance(from: text.startIndex, to: kindText.startIndex)
                throw .error("csv.bad-header", "unknown kind '\(shown.kind)' for column '\(shown.name)'",
                             at: location.offset(lines: 0, columns: kindOffset), hint: "use int, float or bool")
            }
            kind = parsed
        }
        let isJagged = spec.hasSuffix("[]")
        if isJagged { spec = spec.dropLast(2) }
        guard isValidName(spec) else {
            throw .error("csv.bad-header", "invalid column name '\(CSVScanner.display(spec.utf8))'", at: location,
                         hint: "names use letters, digits and '_', and start with a letter or '_'")
        }
        return ColumnInfo(name: String(spec), kind: kind, isJagged: isJagged,
                          typeName: kind.rawValue + (isJagged ? "[]" : ""))
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var t = text
        while let first = t.first, first == " " || first == "\t" { t.removeFirst() }
        while let last = t.last, last == " " || last == "\t" { t.removeLast() }
        return t
    }

    private static func isValidName(_ name: Substring) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): true
            default: false
            }
        }
    }

    /// Byte offset of the first byte that breaks UTF-8 (for the diagnostic's column).
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            offset += UTF8.width(scalar)
        }
        return offset
    }
}
