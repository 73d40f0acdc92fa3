import Foundation
import Testing
import Diagnostics
@testable import EventData

/// Every value of every branch of every tree, compared with uproot's reading (floats bit for bit).
@Suite("ROOT conformance")
struct ROOTConformanceTests {
    /// Fixtures whose expected readings are small enough to keep beside the tests.
    static let local = ["atlas_mini_uncompressed", "atlas_mini_lz4", "leaflist_zlib",
                        "types_zlib", "directories_zlib", "embedded_baskets", "generated_offsets"]

    @Test(arguments: local)
    func matchesUproot(_ name: String) throws {
        try compare(name, chunkSize: 1000)
    }

    @Test(.enabled(if: ROOTFixtures.sharedAvailable))
    func atlasZlibMatchesUproot() throws {
        try compare("atlas_mini_zlib", chunkSize: 65_536)
        try compare("atlas_mini_zlib", chunkSize: 777)
    }

    /// zlib and LZ4 branches of a file whose ZSTD and LZMA branches fail (see `ROOTReadingTests`).
    @Test func readableBranchesOfAMixedCompressionFile() throws {
        try compare("branch_compression", chunkSize: 50, only: ["zl", "lz4"])
    }

    /// ROOT compresses the TTree metadata with the file's algorithm too, so a ZSTD file fails at opening,
    /// with the algorithm, the tree and a way to convert the file.
    @Test func zstdFailsClearly() {
        do {
            _ = try ROOTFixtures.open("atlas_mini_zstd")
            Issue.record("opening a ZSTD file should fail")
        } catch {
            let diagnostic = error.diagnostic
            #expect(diagnostic.id == "root.unsupported-compression")
            #expect(diagnostic.location == SourceLocation(path: "data/atlas_mini_zstd.root", line: 1, column: 1))
            #expect(diagnostic.message.contains("ZSTD"))
            #expect(diagnostic.message.contains("tree 'mini'"))
            #expect(diagnostic.message.contains("at byte"))
            #expect(diagnostic.hint?.contains("hadd -f101") == true)
            #expect(diagnostic.hint?.contains("uproot") == true)
        }
    }

    /// Reads `name` with `chunkSize` and compares every branch with the expected reading.
    func compare(_ name: String, chunkSize: Int, only: Set<String>? = nil) throws {
        let expected = try #require(ROOTFixtures.expected(name), "no expected reading for \(name)")
        let file = try ROOTFixtures.open(name)
        #expect(file.trees.map(\.path).sorted() == expected.trees.map(\.path).sorted())
        var compared = 0
        for (path, tree) in expected.trees {
            let info = try #require(file.trees.first { $0.path == path })
            #expect(info.entries == tree.entries)
            let source = try ROOTSource(file: file, tree: path, displayPath: "data/\(name).root")
            if only == nil {
                // Branches uproot's reading leaves out (text, nested containers, leaf lists) are unreadable here.
                let expectedNames = Set(tree.branches.map(\.name))
                for branch in info.branches where !expectedNames.contains(branch.name) {
                    #expect(!branch.isReadable, "\(name): \(branch.name) is readable but has no expected values")
                }
            }
            let branches = tree.branches.filter { only?.contains($0.name) ?? true }
            let names = branches.map(\.name)
            let columns = concatenated(try readChunks(source, columns: names, chunkSize: chunkSize))
            for (branchName, branch) in branches {
                let branchInfo = try #require(info.branches.first { $0.name == branchName })
                #expect(branchInfo.typeName == branch.type, "type of \(branchName)")
                let (algorithm, level) = ExpectedFile.compression(branch.compression)
                #expect(branchInfo.compression == algorithm && branchInfo.compressionLevel == level,
                        "compression of \(branchName)")
                let column = try #require(columns[branchName])
                #expect(column.eventCount == tree.entries)
                compared += try compareValues(column, branch.values, label: "\(name):\(path):\(branchName)")
            }
        }
        #expect(compared > 0)
    }

    /// Compares a column with expected per-entry values; returns how many values matched.
    func compareValues(_ column: Column, _ expected: [TestJSON], label: String) throws -> Int {
        var matched = 0
        #expect(column.eventCount == expected.count, "\(label): entry count")
        for (entry, item) in expected.enumerated() where entry < column.eventCount {
            let actual = Array(column.list(at: entry))
            let wanted = try #require(item.numbers, "\(label) entry \(entry): not numbers")
            #expect(column.isJagged == item.isList, "\(label): shape")
            // Bit-for-bit equality (so 0 and -0 differ), any NaN matching any NaN.
            if actual.count != wanted.count || zip(actual, wanted).contains(where: { $0.bitPattern != $1.bitPattern && !($0.isNaN && $1.isNaN) }) {
                Issue.record("\(label) entry \(entry): \(actual) != \(wanted)")
                return matched
            }
            matched += wanted.count
        }
        return matched
    }
}
