import Foundation
import OpenKeyCLI
import Testing

@Suite struct InspectCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EventDataTests/Fixtures/root")

    func run(_ args: [String]) -> (code: Int32, out: String, err: String) {
        var out = "", err = ""
        let code = OpenKeyCommand.run(args, stdout: { out += $0 + "\n" }, stderr: { err += $0 + "\n" }, environment: [:], interactive: false)
        return (code, out, err)
    }

    @Test func listsTreesBranchesTypesAndCompression() {
        let result = run(["inspect", Self.fixtures.appendingPathComponent("leaflist_zlib.root").path])
        #expect(result.code == 0)
        #expect(result.out.contains("tree events — \"HZZ-like leaf lists\", 3000 entries, 8 branches"))
        #expect(result.out.contains("Muon_Px      float[]    zlib"))
        #expect(result.out.contains("Run          int64_t    zlib"))
    }

    @Test func jsonListingMatchesUprootTypes() throws {
        let result = run(["inspect", Self.fixtures.appendingPathComponent("atlas_mini_uncompressed.root").path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let tree = try #require((object["trees"] as? [[String: Any]])?.first)
        let branches = try #require(tree["branches"] as? [[String: Any]])
        let types = Dictionary(uniqueKeysWithValues: branches.map { ($0["name"] as? String ?? "", $0["type"] as? String ?? "") })
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.fixtures.appendingPathComponent("atlas_mini_uncompressed.expected.json"))) as? [String: Any])
        let expectedBranches = try #require(((expected["trees"] as? [String: Any])?["mini"] as? [String: Any])?["branches"] as? [String: [String: Any]])
        #expect(types == expectedBranches.mapValues { $0["type"] as? String ?? "" })
    }

    @Test func dumpsValuesOfChosenEntries() {
        let result = run(["inspect", Self.fixtures.appendingPathComponent("leaflist_zlib.root").path, "--dump", "NMuon,Run", "--entries", "1:3"])
        #expect(result.code == 0)
        #expect(result.out == "entry 1  NMuon = 4  Run = 200000\nentry 2  NMuon = 3  Run = 200000\n")
    }

    @Test func errors() {
        let zstd = run(["inspect", Self.fixtures.appendingPathComponent("atlas_mini_zstd.root").path])
        #expect(zstd.code == 1 && zstd.err.contains("ZSTD") && zstd.err.contains("hadd -f101"))
        #expect(run(["inspect", Self.fixtures.appendingPathComponent("leaflist_zlib.root").path, "--tree", "event"]).err.contains("did you mean 'events'?"))
        #expect(run(["inspect"]).code == 2)
        #expect(run(["inspect", "x.root", "--entries", "5:2"]).code == 2)
    }
}
