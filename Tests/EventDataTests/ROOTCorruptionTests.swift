import Foundation
import Testing
import Diagnostics
@testable import EventData

/// Corrupt files end in a `DataError` located at the file, never a crash, hang or unbounded allocation.
@Suite("ROOT corrupt input")
struct ROOTCorruptionTests {
    static let fixtures = ["atlas_mini_uncompressed", "leaflist_zlib", "embedded_baskets", "atlas_mini_lz4",
                           "generated_offsets", "directories_zlib"]

    /// Opens `bytes` as a file and reads every readable branch of every tree; returns the error, if any.
    static func readAll(_ bytes: [UInt8], in dir: TemporaryDirectory) -> DataError? {
        let url = dir.write("corrupt.root", bytes: bytes)
        do throws(DataError) {
            let file = try ROOTFile(url: url, displayPath: "data/corrupt.root")
            for info in file.trees {
                let source = try ROOTSource(file: file, tree: info.path, displayPath: "data/corrupt.root")
                _ = try readChunks(source, chunkSize: 97)
            }
            return nil
        } catch {
            return error
        }
    }

    static func check(_ error: DataError?, _ label: String) {
        guard let error else { return }
        #expect(error.diagnostic.id.hasPrefix("root."), "\(label): \(error.diagnostic.id)")
        #expect(error.diagnostic.location == SourceLocation(path: "data/corrupt.root", line: 1, column: 1), "\(label)")
        #expect(error.diagnostic.message.contains("'data/corrupt.root'"), "\(label)")
    }

    @Test(arguments: fixtures)
    func truncatedAtManyOffsets(_ name: String) throws {
        let original = Array(try Data(contentsOf: ROOTFixtures.rootURL(name)))
        let dir = TemporaryDirectory()
        var cuts = Set([0, 1, 3, 4, 10, 50, 99, 100, 101, 150, 200, 300, 400, 500])
        var random = SeededRandom(state: UInt64(original.count))
        for _ in 0..<60 { cuts.insert(Int.random(in: 0..<original.count, using: &random)) }
        for k in 1...20 { cuts.insert(original.count - k * 7) }
        var failures = 0
        for cut in cuts.sorted() where cut >= 0 && cut < original.count {
            let error = Self.readAll(Array(original[..<cut]), in: dir)
            Self.check(error, "\(name) cut at \(cut)")
            if error != nil { failures += 1 }
        }
        #expect(failures > cuts.count / 2)
    }

    @Test(arguments: fixtures)
    func flippedBytes(_ name: String) throws {
        let original = Array(try Data(contentsOf: ROOTFixtures.rootURL(name)))
        let dir = TemporaryDirectory()
        var random = SeededRandom(state: 0xF1_1B + UInt64(original.count))
        // The first kilobyte (header, file key, top directory) and the last (key list, tree key) in detail,
        // then anywhere.
        var positions: [Int] = Array(stride(from: 0, to: min(1024, original.count), by: 3))
        positions += Array(stride(from: max(0, original.count - 1024), to: original.count, by: 5))
        for _ in 0..<150 { positions.append(Int.random(in: 0..<original.count, using: &random)) }
        for position in positions {
            var bytes = original
            bytes[position] ^= UInt8.random(in: 1...255, using: &random)
            Self.check(Self.readAll(bytes, in: dir), "\(name) byte \(position) flipped")
        }
    }

    @Test func notARootFile() {
        let dir = TemporaryDirectory()
        for bytes in [[], Array("ro".utf8), Array("hello, world".utf8), Array("root".utf8)] as [[UInt8]] {
            let error = Self.readAll(bytes, in: dir)
            #expect(error?.diagnostic.id == (bytes == Array("root".utf8) ? "root.truncated" : "root.not-root"))
        }
        #expect(Self.readAll(Array("lep_pt,lep_eta\n1,2\n".utf8), in: dir)?.diagnostic.hint?.contains("'root'") == true)
    }

    /// A basket key whose size disagrees with the branch's record of it.
    @Test func basketWhoseDeclaredSizeLies() throws {
        let name = "atlas_mini_uncompressed"
        var bytes = Array(try Data(contentsOf: ROOTFixtures.rootURL(name)))
        let file = try ROOTFixtures.open(name)
        let plan = try #require(try file.tree("mini").plan(named: "lep_pt"))
        guard case .disk(let seek, let size) = try #require(plan.spans.first).source else {
            Issue.record("expected a basket on disk")
            return
        }
        var patch = ROOTBytes(bytes: bytes)
        patch.set32(Int32(size + 40), at: Int(seek))
        bytes = patch.bytes
        let error = Self.readAll(bytes, in: TemporaryDirectory())
        #expect(error?.diagnostic.id == "root.basket-size")
        #expect(error?.diagnostic.message.contains("branch 'lep_pt'") == true)
        #expect(error?.diagnostic.message.contains("at byte \(seek)") == true)
    }

    /// A compressed basket whose key claims a huge uncompressed size: refused before allocating.
    @Test func decompressionBombHeader() throws {
        let name = "leaflist_zlib"
        let original = Array(try Data(contentsOf: ROOTFixtures.rootURL(name)))
        let file = try ROOTFixtures.open(name)
        let plan = try #require(try file.tree(nil).plan(named: "Muon_Px"))
        guard case .disk(let seek, _) = try #require(plan.spans.first).source else {
            Issue.record("expected a basket on disk")
            return
        }
        for claimed: Int32 in [0x4000_0000, 0x7FFF_FFFF, -1] {
            var patch = ROOTBytes(bytes: original)
            patch.set32(claimed, at: Int(seek) + 6)           // fObjlen
            let error = Self.readAll(patch.bytes, in: TemporaryDirectory())
            #expect(["root.basket-size", "root.bad-key"].contains(error?.diagnostic.id ?? ""), "objlen \(claimed)")
            #expect(error?.diagnostic.message.contains("'Muon_Px'") == true)
        }
        // The block header inside claims more than the key: stopped by the key's size.
        var patch = ROOTBytes(bytes: original)
        let keylen = Int(UInt16(original[Int(seek) + 14]) << 8 | UInt16(original[Int(seek) + 15]))
        let block = Int(seek) + keylen
        patch.bytes[block + 6] = 0xFF; patch.bytes[block + 7] = 0xFF; patch.bytes[block + 8] = 0xFF
        #expect(Self.readAll(patch.bytes, in: TemporaryDirectory())?.diagnostic.id == "root.decompression")
    }
}
