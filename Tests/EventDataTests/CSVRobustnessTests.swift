import Diagnostics
import EventData
import Foundation
import Testing

/// Hostile input must end in data or a `DataError` — never a crash or a hang.
@Suite struct CSVRobustnessTests {
    /// Opens and reads everything; returns the error id, or nil on success.
    @discardableResult
    func outcome(_ url: URL) -> String? {
        do throws(DataError) {
            _ = try readChunks(try CSVSource(url: url, displayPath: "g.csv"), chunkSize: 3)
            return nil
        } catch {
            #expect(error.diagnostic.location?.path == "g.csv")
            return error.diagnostic.id
        }
    }

    @Test func randomBinaryGarbage() {
        var random = SeededRandom(state: 2024)
        let dir = TemporaryDirectory()
        for round in 0..<300 {
            let count = Int.random(in: 0...(round < 250 ? 512 : 70_000), using: &random)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            if round % 3 == 0, count > 2 { bytes[0] = 0x1f; bytes[1] = 0x8b }
            outcome(dir.write("g.csv", bytes: bytes))
        }
    }

    @Test func randomCSVLikeText() {
        // Bytes drawn from the characters that matter to the parser, after a valid header.
        let alphabet = Array("0123456789.,;\"\n\r #e-+:[]nainf\t\u{0}".utf8)
        var random = SeededRandom(state: 7)
        let dir = TemporaryDirectory()
        var successes = 0
        for _ in 0..<500 {
            let body = (0..<Int.random(in: 0...200, using: &random)).map { _ in
                alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            let header = Array("a:int, b[], c:bool, d[]:int\n".utf8)
            if outcome(dir.write("g.csv", bytes: header + body)) == nil { successes += 1 }
        }
        #expect(successes > 0)
    }

    @Test func nulBytesAreReportedNotFollowed() {
        let dir = TemporaryDirectory()
        #expect(outcome(dir.write("g.csv", bytes: Array("a,b\n".utf8) + [0, 0, 0, 0x0A])) == "csv.column-count")
        #expect(outcome(dir.write("g.csv", bytes: Array("a,b\n".utf8) + [0, 0x2C, 0x31, 0x0A])) == "csv.encoding")
        #expect(outcome(dir.write("g.csv", bytes: [UInt8](repeating: 0, count: 5000))) == "csv.encoding")
    }

    @Test func hugeHeaderIsFine() throws {
        let names = (0..<100_000).map { "c\($0)" }
        let text = names.joined(separator: ",") + "\n" + (0..<100_000).map(String.init).joined(separator: ",") + "\n"
        let dir = TemporaryDirectory()
        let source = try CSVSource(url: dir.write("wide.csv", text), displayPath: "wide.csv")
        #expect(source.schema.count == 100_000)
        let chunks = try readChunks(source, columns: ["c99999", "c5"])
        #expect(chunks.first?.columns["c99999"] == .scalar([99_999]))
        #expect(chunks.first?.columns["c5"] == .scalar([5]))
        #expect(throws: DataError.self) { try source.makeReader(columns: ["c100000x"], chunkSize: 1, limit: nil) }
    }

    @Test func enormousCellCountIsAColumnCountError() {
        let dir = TemporaryDirectory()
        let text = "a,b\n" + String(repeating: ",", count: 1_000_000) + "\n"
        #expect(outcome(dir.write("g.csv", text)) == "csv.column-count")
    }

    @Test func oldMacLineEndingsAreABadHeader() {
        let dir = TemporaryDirectory()
        #expect(outcome(dir.write("g.csv", "a\r1\r2\r")) == "csv.bad-header")
    }
}
