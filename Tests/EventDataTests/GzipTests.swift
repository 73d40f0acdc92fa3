import Diagnostics
@testable import EventData
import Foundation
import Testing

@Suite struct GzipTests {
    @Test(arguments: [1, 7, 1000])
    func gzipReadsLikeThePlainFile(chunkSize: Int) throws {
        let (text, expected) = CSVChunkingTests.sample(padding: 600)
        let dir = TemporaryDirectory()
        let source = try CSVSource(url: dir.writeGzip("s.csv.gz", text), displayPath: "s.csv.gz")
        #expect(source.schema.map(\.name) == ["id", "pt", "flag", "w"])
        #expect(concatenated(try readChunks(source, chunkSize: chunkSize)) == expected)
    }

    @Test func detectsGzipByMagicBytesNotExtension() throws {
        let dir = TemporaryDirectory()
        let zipped = try CSVSource(url: dir.writeGzip("looks-plain.csv", "a\n1\n2\n"), displayPath: "x")
        #expect(concatenated(try readChunks(zipped)) == ["a": .scalar([1, 2])])
        let plain = try CSVSource(url: dir.write("looks-zipped.csv.gz", "a\n3\n"), displayPath: "y")
        #expect(concatenated(try readChunks(plain)) == ["a": .scalar([3])])
    }

    @Test func concatenatedMembersReadAsOneFile() throws {
        let first = try #require(GzipStream.compress(Array("a, b[]\n1, 2;3\n".utf8)))
        let empty = try #require(GzipStream.compress([]))
        let second = try #require(GzipStream.compress(Array("4, 5\n".utf8)))
        let dir = TemporaryDirectory()
        let source = try CSVSource(url: dir.write("m.csv.gz", bytes: first + empty + second), displayPath: "m")
        #expect(concatenated(try readChunks(source)) == ["a": .scalar([1, 4]), "b": .jagged([[2, 3], [5]])])
    }

    @Test func emptyGzipHasNoHeader() {
        let dir = TemporaryDirectory()
        let url = dir.write("e.csv.gz", bytes: GzipStream.compress([]) ?? [])
        #expect(throws: DataError.self) { try CSVSource(url: url, displayPath: "e") }
        #expect(firstError(url)?.id == "csv.bad-header")
    }

    @Test func truncatedGzipIsAnErrorAtEveryCut() throws {
        let (text, _) = CSVChunkingTests.sample(events: 3_000)
        let full = try #require(GzipStream.compress(Array(text.utf8)))
        let dir = TemporaryDirectory()
        var cuts = Array(2..<40) + Array(stride(from: 40, to: full.count, by: max(1, full.count / 60)))
        cuts += (1...8).map { full.count - $0 }
        for cut in cuts {
            let url = dir.write("t.csv.gz", bytes: Array(full[0..<cut]))
            let d = firstError(url)
            #expect(d?.id == "csv.gzip", "cut at \(cut) of \(full.count)")
        }
    }

    @Test func truncationIsReportedAtTheLineWhereDataStops() throws {
        let text = "a\n" + (1...200_000).map { "\($0)\n" }.joined()
        let full = try #require(GzipStream.compress(Array(text.utf8)))
        let dir = TemporaryDirectory()
        let d = firstError(dir.write("t.csv.gz", bytes: Array(full[0..<(full.count / 2)])))
        #expect(d?.id == "csv.gzip")
        #expect((d?.location?.line ?? 0) > 1000)
        #expect(d?.location?.column == 1)
        #expect(d?.message == "gzip stream ends unexpectedly (the file is truncated)")
    }

    @Test func corruptGzipNeverCrashes() throws {
        let (text, _) = CSVChunkingTests.sample(events: 500)
        let full = try #require(GzipStream.compress(Array(text.utf8)))
        var random = SeededRandom(state: 99)
        let dir = TemporaryDirectory()
        var gzipErrors = 0
        for _ in 0..<150 {
            var bytes = full
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                bytes[Int.random(in: 10..<bytes.count, using: &random)] ^= UInt8.random(in: 1...255, using: &random)
            }
            if firstError(dir.write("c.csv.gz", bytes: bytes))?.id == "csv.gzip" { gzipErrors += 1 }
        }
        // The CRC trailer catches damage that inflates cleanly; most damage is a gzip error.
        #expect(gzipErrors > 100)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip")
                   || FileManager.default.isExecutableFile(atPath: "/bin/gzip")))
    func readsFilesMadeByTheGzipTool() throws {
        let (text, expected) = CSVChunkingTests.sample(events: 800)
        let dir = TemporaryDirectory()
        let url = dir.write("tool.csv", text)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip")
                                    ? "/usr/bin/gzip" : "/bin/gzip")
        process.arguments = ["-9", url.path]
        try process.run()
        process.waitUntilExit()
        let zipped = url.appendingPathExtension("gz")
        let source = try CSVSource(url: zipped, displayPath: "tool.csv.gz")
        #expect(concatenated(try readChunks(source, chunkSize: 64)) == expected)
    }

    /// The first error from opening `url` and reading all of it.
    func firstError(_ url: URL) -> Diagnostic? {
        do throws(DataError) {
            _ = try readChunks(try CSVSource(url: url, displayPath: "z.csv.gz"))
            return nil
        } catch {
            return error.diagnostic
        }
    }
}
