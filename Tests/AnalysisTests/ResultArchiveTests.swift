import Analysis
import Foundation
import Testing

@Suite struct ResultArchiveTests {
    @Test func roundTripsBitForBit() throws {
        let text = try String(contentsOf: ScriptTests.folder.appendingPathComponent("zmass.ana"), encoding: .utf8)
            .replacingOccurrences(of: "title \"Dilepton mass\"", with: "title \"Dilepton mass \\\\ \\\"x\\\"\"")
        let result = try #require(Runner.run(text: text, name: "zmass.ana", dataDirectory: ScriptTests.folder).result)
        let archive = ResultArchive.encode(result)
        let back = try #require(ResultArchive.decode(archive))
        #expect(ResultJSON.encode(back) == ResultJSON.encode(result))
        #expect(ResultArchive.encode(back) == archive)
        #expect(back.histograms[0].title == result.histograms[0].title)
    }

    @Test func rejectsAnythingElse() {
        #expect(ResultArchive.decode("") == nil)
        #expect(ResultArchive.decode("openkey-result-archive 1\nhist\tx\n") == nil)
        #expect(ResultArchive.decode("openkey-result-archive 2\n") == nil)
        #expect(ResultArchive.decode(String(repeating: "\u{0}garbage\t", count: 100)) == nil)
    }
}
