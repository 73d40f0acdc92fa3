import Diagnostics
import Foundation
@testable import EventData

/// A scratch directory per test, removed when the value goes away.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("eventdata-tests-\(UUID().uuidString)", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to `name` and returns its URL.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) -> URL {
        let file = url.appendingPathComponent(name)
        try? Data(bytes).write(to: file)
        return file
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> URL {
        write(name, bytes: Array(text.utf8))
    }

    /// Writes `text` gzip-compressed through the module's zlib bridge.
    @discardableResult
    func writeGzip(_ name: String, _ text: String) -> URL {
        write(name, bytes: GzipStream.compress(Array(text.utf8)) ?? [])
    }
}

/// Every chunk of `source` for `columns` (all columns by default).
func readChunks(_ source: some ColumnSource, columns: [String]? = nil, chunkSize: Int = 1000,
                limit: Int? = nil) throws(DataError) -> [Chunk] {
    var reader = try source.makeReader(columns: columns ?? source.schema.map(\.name), chunkSize: chunkSize, limit: limit)
    var chunks: [Chunk] = []
    while let chunk = try reader.next() {
        chunks.append(chunk)
    }
    return chunks
}

/// Each column's chunks joined into one column, to compare readings with different chunk sizes.
func concatenated(_ chunks: [Chunk]) -> [String: Column] {
    var result: [String: Column] = [:]
    for chunk in chunks {
        for (name, column) in chunk.columns {
            guard var joined = result[name] else {
                result[name] = column
                continue
            }
            if let offsets = column.offsets {
                let base = Int32(joined.values.count)
                joined.offsets?.append(contentsOf: offsets.dropFirst().map { $0 + base })
            }
            joined.values.append(contentsOf: column.values)
            result[name] = joined
        }
    }
    return result
}

/// Reads `text` as a CSV file named `data.csv` and returns all columns, or the error.
func readCSV(_ text: String, columns: [String]? = nil, chunkSize: Int = 1000) -> Result<[String: Column], DataError> {
    let dir = TemporaryDirectory()
    let url = dir.write("data.csv", text)
    do throws(DataError) {
        let source = try CSVSource(url: url, displayPath: "data/data.csv")
        return .success(concatenated(try readChunks(source, columns: columns, chunkSize: chunkSize)))
    } catch {
        return .failure(error)
    }
}

/// The diagnostic reading `text` produced, if any.
func csvDiagnostic(_ text: String, columns: [String]? = nil) -> Diagnostic? {
    if case .failure(let error) = readCSV(text, columns: columns) { return error.diagnostic }
    return nil
}

/// A location in the test file `data/data.csv`.
func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(path: "data/data.csv", line: line, column: column)
}

/// A small deterministic random generator (SplitMix64), so failures reproduce.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
