import Diagnostics
import EventData
import Testing

@Suite struct InMemorySourceTests {
    let source = InMemorySource(name: "sample", columns: [
        "lep_n": .scalar([2, 0, 1, 3, 1], kind: .int),
        "lep_pt": .jagged([[50, 40], [], [30], [60, 20, 10], [70]]),
        "mcWeight": .scalar([1, 0.5, 1, 2, 1]),
    ])

    @Test func schemaIsSortedAndDescribesKindAndShape() {
        #expect(source.schema == [
            ColumnInfo(name: "lep_n", kind: .int, isJagged: false, typeName: "int"),
            ColumnInfo(name: "lep_pt", kind: .float, isJagged: true, typeName: "float[]"),
            ColumnInfo(name: "mcWeight", kind: .float, isJagged: false, typeName: "float"),
        ])
        #expect(source.eventCount == 5)
    }

    @Test(arguments: [1, 2, 3, 1000])
    func chunksConcatenateToTheWholeColumns(chunkSize: Int) throws {
        let chunks = try readChunks(source, chunkSize: chunkSize)
        #expect(chunks.count == (5 + chunkSize - 1) / chunkSize)
        #expect(chunks.map(\.firstEvent) == Array(stride(from: 0, to: 5, by: chunkSize)))
        #expect(chunks.allSatisfy { $0.eventCount <= chunkSize })
        #expect(concatenated(chunks) == source.columns)
    }

    @Test func limitCapsEventsAndRequestedColumnsOnly() throws {
        let chunks = try readChunks(source, columns: ["lep_pt"], chunkSize: 2, limit: 3)
        #expect(chunks.map(\.eventCount) == [2, 1])
        #expect(concatenated(chunks) == ["lep_pt": .jagged([[50, 40], [], [30]])])
        #expect(try readChunks(source, limit: 0).isEmpty)
    }

    @Test func unknownColumnSuggestsTheClosest() {
        #expect(throws: DataError.self) { try readChunks(source, columns: ["lep_ptt"]) }
        do {
            _ = try source.makeReader(columns: ["lep_ptt"], chunkSize: 10, limit: nil)
            Issue.record("expected an unknown-column error")
        } catch {
            #expect(error.diagnostic.id == "data.unknown-column")
            #expect(error.diagnostic.notes.map(\.message) == ["did you mean 'lep_pt'?"])
        }
    }

    @Test func mismatchedLengthsUseTheShortestColumn() throws {
        let uneven = InMemorySource(name: "uneven", columns: ["a": .scalar([1, 2, 3]), "b": .scalar([1, 2])])
        #expect(uneven.eventCount == 2)
        #expect(try readChunks(uneven).map(\.eventCount) == [2])
    }
}
