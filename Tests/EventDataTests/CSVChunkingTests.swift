import EventData
import Foundation
import Testing

@Suite struct CSVChunkingTests {
    /// 2,500 events, some over 1 MiB of text so lines straddle the reader's block boundaries.
    static func sample(events: Int = 2_500, padding: Int = 0) -> (text: String, expected: [String: Column]) {
        var random = SeededRandom(state: 1)
        var text = "id:int, pt[], flag:bool, w\n"
        var ids: [Double] = [], lists: [[Double]] = [], flags: [Double] = [], weights: [Double] = []
        for i in 0..<events {
            let list = (0..<Int.random(in: 0...4, using: &random)).map { _ in Double(Int.random(in: 0...99_999, using: &random)) / 8 }
            let flag = Double(Int.random(in: 0...1, using: &random))
            let weight = Double.random(in: -1...1, using: &random)
            if i % 97 == 0 { text += "# comment \(i)\n\n" }
            text += "\(i),\(list.map { "\($0)" }.joined(separator: ";")),\(Int(flag)),\(weight)\(String(repeating: " ", count: padding))\n"
            ids.append(Double(i)); lists.append(list); flags.append(flag); weights.append(weight)
        }
        return (text, ["id": .scalar(ids, kind: .int), "pt": .jagged(lists), "flag": .scalar(flags, kind: .bool),
                       "w": .scalar(weights)])
    }

    @Test(arguments: [1, 2, 1000, 100_000])
    func chunkSizesGiveIdenticalColumns(chunkSize: Int) throws {
        let (text, expected) = Self.sample(padding: 500)
        #expect(text.utf8.count > 1 << 20)
        let dir = TemporaryDirectory()
        let source = try CSVSource(url: dir.write("s.csv", text), displayPath: "s.csv")
        let chunks = try readChunks(source, chunkSize: chunkSize)
        #expect(chunks.count == (2_500 + chunkSize - 1) / chunkSize)
        #expect(chunks.map(\.firstEvent) == Array(stride(from: 0, to: 2_500, by: chunkSize)))
        #expect(chunks.allSatisfy { chunk in chunk.columns.values.allSatisfy { $0.eventCount == chunk.eventCount } })
        #expect(concatenated(chunks) == expected)
    }

    @Test func limitStopsEarly() throws {
        let (text, expected) = Self.sample(events: 50)
        let dir = TemporaryDirectory()
        let source = try CSVSource(url: dir.write("s.csv", text), displayPath: "s.csv")
        let chunks = try readChunks(source, columns: ["pt"], chunkSize: 4, limit: 10)
        #expect(chunks.map(\.eventCount) == [4, 4, 2])
        #expect(concatenated(chunks)["pt"] == expected["pt"]?.slice(events: 0..<10))
        #expect(try readChunks(source, limit: 0).isEmpty)
        #expect(try readChunks(source, limit: 1000).map(\.eventCount) == [50])
    }

    @Test func readerStaysAtTheEnd() throws {
        let dir = TemporaryDirectory()
        let source = try CSVSource(url: dir.write("s.csv", "a\n1\n2\n"), displayPath: "s.csv")
        var reader = try source.makeReader(columns: ["a"], chunkSize: 5, limit: nil)
        #expect(try reader.next()?.eventCount == 2)
        #expect(try reader.next()?.eventCount == nil)
        #expect(try reader.next()?.eventCount == nil)
    }

    @Test func errorsAreStickyAndLaterChunksAreNotRead() throws {
        let dir = TemporaryDirectory()
        let source = try CSVSource(url: dir.write("s.csv", "a\n1\n2\nx\n4\n"), displayPath: "s.csv")
        var reader = try source.makeReader(columns: ["a"], chunkSize: 2, limit: nil)
        #expect(try reader.next()?.columns["a"] == .scalar([1, 2]))
        #expect(throws: DataError.self) { try reader.next() }
        #expect(throws: DataError.self) { try reader.next() }
    }
}

extension CSVChunkingTests {
    @Test func hugeChunkSizeReadsEverythingInOneChunk() throws {
        let dir = TemporaryDirectory()
        let source = try CSVSource(url: dir.write("s.csv", "a,b[]\n1,2\n3,4;5\n"), displayPath: "s.csv")
        let chunks = try readChunks(source, chunkSize: .max)
        #expect(chunks.map(\.eventCount) == [2])
        #expect(try readChunks(source, chunkSize: 0).map(\.eventCount) == [1, 1])
    }
}
