import Dispatch
import Foundation
import Testing
import Diagnostics
@testable import EventData

/// Listing, tree and branch selection, chunking, and clear errors for what cannot be read.
@Suite("ROOT reading")
struct ROOTReadingTests {
    @Test func listsTreesInSubdirectoriesWithHighestCycle() throws {
        let file = try ROOTFixtures.open("directories_zlib")
        #expect(file.trees.map(\.path) == ["mini", "events/events", "events/deeper/nt"])
        #expect(file.trees.map(\.entries) == [25, 40, 30])     // cycle 2 of 'mini' has 25 entries
        #expect(file.trees.first?.title == "cycles")
        #expect(try file.tree("events").info.path == "events/events")  // a bare name finds a unique tree
        #expect(try file.tree("nt").info.branches.map(\.name) == ["a", "b"])
    }

    @Test func severalTreesNeedAName() {
        #expect(throws: DataError.self) { try ROOTFixtures.open("directories_zlib").tree(nil) }
        do {
            _ = try ROOTFixtures.open("directories_zlib").tree(nil)
        } catch {
            #expect(error.diagnostic.id == "root.unknown-tree")
            #expect(error.diagnostic.message.contains("'events/events'"))
        }
    }

    @Test func unknownTreeSuggestsAName() {
        do {
            _ = try ROOTFixtures.open("directories_zlib").tree("minni")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.id == "root.unknown-tree")
            #expect(error.diagnostic.location == SourceLocation(path: "data/directories_zlib.root", line: 1, column: 1))
            #expect(error.diagnostic.notes.map(\.message) == ["did you mean 'mini'?"])
        }
    }

    @Test func unknownBranchSuggestsAName() throws {
        let source = try ROOTSource(file: ROOTFixtures.open("atlas_mini_lz4"), tree: nil, displayPath: "data/a.root")
        do {
            _ = try source.makeReader(columns: ["lep_ptt"], chunkSize: 100, limit: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.id == "root.unknown-branch")
            #expect(error.diagnostic.notes.map(\.message) == ["did you mean 'lep_pt'?"])
        }
    }

    @Test func schemaMatchesTheAtlasNtuple() throws {
        let source = try ROOTSource(file: ROOTFixtures.open("atlas_mini_lz4"), tree: "mini", displayPath: "data/a.root")
        #expect(source.eventCount == 300)
        let byName = Dictionary(uniqueKeysWithValues: source.schema.map { ($0.name, $0) })
        #expect(byName["lep_pt"] == ColumnInfo(name: "lep_pt", kind: .float, isJagged: true, typeName: "std::vector<float>"))
        #expect(byName["lep_charge"] == ColumnInfo(name: "lep_charge", kind: .int, isJagged: true, typeName: "std::vector<int32_t>"))
        #expect(byName["lep_isTightID"]?.kind == .bool)
        #expect(byName["trigE"] == ColumnInfo(name: "trigE", kind: .bool, isJagged: false, typeName: "bool"))
        #expect(byName["runNumber"]?.kind == .int)
        #expect(source.schema.count == 29)
    }

    @Test func unreadableBranchesAreListedWithTheReason() throws {
        let file = try ROOTFixtures.open("types_zlib")
        let info = try #require(file.trees.first)
        let byName = Dictionary(uniqueKeysWithValues: info.branches.map { ($0.name, $0) })
        #expect(byName["text"]?.isReadable == false)
        #expect(byName["text"]?.whyNot == "text")
        #expect(byName["text"]?.typeName == "std::string")
        #expect(byName["chars"]?.whyNot == "text")
        #expect(byName["chars"]?.typeName == "char*")
        #expect(byName["nested"]?.isReadable == false)
        #expect(byName["nested"]?.whyNot?.contains("nested container") == true)
        #expect(byName["point"]?.isReadable == false)
        #expect(byName["point"]?.whyNot?.contains("px:py") == true)
        #expect(byName["rvec_f"]?.typeName == "RVec<float>")
        #expect(byName["m2d"]?.typeName == "int32_t[2][3]")
        #expect(byName["c2d"]?.typeName == "double[][2]")
        let source = try ROOTSource(file: file, tree: nil, displayPath: "data/types.root")
        #expect(!source.schema.contains { $0.name == "text" || $0.name == "nested" })
        do {
            _ = try source.makeReader(columns: ["text"], chunkSize: 10, limit: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.id == "root.unreadable-branch")
            #expect(error.diagnostic.message.contains("'text'"))
            #expect(error.diagnostic.message.contains("text (std::string)"))
        }
    }

    @Test func branchCompressedWithZstdOrLzmaFailsNamingTheBranch() throws {
        let file = try ROOTFixtures.open("branch_compression")
        let info = try #require(file.trees.first)
        #expect(info.branches.map(\.compression) == ["zlib", "lz4", "zstd", "lzma"])
        let source = try ROOTSource(file: file, tree: nil, displayPath: "data/mixed.root")
        let columns = concatenated(try readChunks(source, columns: ["zl", "lz4"], chunkSize: 64))
        #expect(columns["lz4"]?.values.count == 200)
        #expect(columns["lz4"]?.values[3] == 3.0)
        for (branch, algorithm) in [("zstd", "ZSTD"), ("lzma", "LZMA")] {
            do {
                _ = try readChunks(source, columns: ["zl", branch], chunkSize: 64)
                Issue.record("reading \(branch) should fail")
            } catch {
                #expect(error.diagnostic.id == "root.unsupported-compression")
                #expect(error.diagnostic.message.contains("branch '\(branch)'"))
                #expect(error.diagnostic.message.contains("tree 'mixed'"))
                #expect(error.diagnostic.message.contains(algorithm))
                #expect(error.diagnostic.hint?.contains("hadd -f101 out.root in.root") == true)
            }
        }
    }

    @Test(arguments: [1, 7, 64, 1000, 100_000])
    func chunkSizesAgree(chunkSize: Int) throws {
        let source = try ROOTSource(file: ROOTFixtures.open("types_zlib"), tree: nil, displayPath: "data/types.root")
        let names = source.schema.map(\.name)
        let reference = concatenated(try readChunks(source, columns: names, chunkSize: 400))
        let chunks = try readChunks(source, columns: names, chunkSize: chunkSize)
        #expect(chunks.allSatisfy { $0.eventCount >= 1 && $0.eventCount <= chunkSize && $0.columns.count == names.count })
        // Consecutive, from the first entry to the last, in as few chunks as the size allows (one cluster here).
        #expect(chunks.map(\.firstEvent) == chunks.indices.map { k in chunks[..<k].reduce(0) { $0 + $1.eventCount } })
        #expect(chunks.reduce(0) { $0 + $1.eventCount } == 400 && chunks.count == (400 + chunkSize - 1) / chunkSize)
        let joined = concatenated(chunks)
        for name in names {
            let a = try #require(joined[name]), b = try #require(reference[name])
            #expect(a.offsets == b.offsets && a.values.elementsEqual(b.values) { $0.bitPattern == $1.bitPattern },
                    "\(name) differs with chunk size \(chunkSize)")
        }
    }

    /// The engine's workers read chunks out of order from several threads; every chunk must equal the one the
    /// sequential reader gives, also where a basket is shared by two chunks read at the same time, on every
    /// fixture layout (scalars, vectors, counted arrays, baskets stored in the tree) and with a limit.
    @Test(arguments: [1, 7, 64, 1000])
    func parallelChunksEqualSequentialOnes(chunkSize: Int) throws {
        for (fixture, tree) in [("types_zlib", nil), ("leaflist_zlib", "events"), ("embedded_baskets", nil), ("atlas_mini_lz4", nil)] as [(String, String?)] {
            let source = try ROOTSource(file: ROOTFixtures.open(fixture), tree: tree, displayPath: "data/\(fixture).root")
            let names = source.schema.map(\.name)
            for limit in [nil, 333] as [Int?] {
                let sequential = try readChunks(source, columns: names, chunkSize: chunkSize, limit: limit)
                let parallel = try #require(try source.makeParallelReader(columns: names, chunkSize: chunkSize, limit: limit))
                #expect(parallel.chunkCount == sequential.count, "\(fixture)")
                let read = ChunkBox(count: parallel.chunkCount)
                // Reversed and interleaved, from several threads at once.
                let order = Array((0..<parallel.chunkCount).reversed())
                DispatchQueue.concurrentPerform(iterations: order.count) { k in read.set(order[k], Result { try parallel.chunk(order[k]) }) }
                for (index, expected) in sequential.enumerated() {
                    let chunk = try read.get(index).get()
                    #expect(chunk.firstEvent == expected.firstEvent && chunk.eventCount == expected.eventCount)
                    for name in names {
                        let a = try #require(chunk.columns[name]), b = try #require(expected.columns[name])
                        #expect(a.offsets == b.offsets && a.values.elementsEqual(b.values) { $0.bitPattern == $1.bitPattern },
                                "\(fixture) \(name) chunk \(index) (size \(chunkSize))")
                    }
                }
            }
        }
    }

    /// Chunks end where every read branch starts a basket (a cluster), so a chunk needs one cluster's baskets:
    /// small clusters share a chunk, a large one is cut into equal chunks; both readers cut alike.
    @Test func chunksFollowClusters() throws {
        // Both branches of this tree start baskets at entries 240 and 480 (700 entries).
        let source = try ROOTSource(file: ROOTFixtures.open("embedded_baskets"), tree: nil, displayPath: "data/e.root")
        let names = source.schema.map(\.name)
        let expected: [Int: [Range<Int>]] = [
            100: [0..<80, 80..<160, 160..<240, 240..<320, 320..<400, 400..<480, 480..<553, 553..<626, 626..<700],
            300: [0..<240, 240..<480, 480..<700],
            500: [0..<480, 480..<700],
            1000: [0..<700],
        ]
        let reference = concatenated(try readChunks(source, columns: names, chunkSize: 1000))
        for (size, ranges) in expected.sorted(by: { $0.key < $1.key }) {
            let chunks = try readChunks(source, columns: names, chunkSize: size)
            #expect(chunks.map { $0.firstEvent..<($0.firstEvent + $0.eventCount) } == ranges, "chunk size \(size)")
            let parallel = try #require(try source.makeParallelReader(columns: names, chunkSize: size, limit: nil))
            #expect(parallel.chunkCount == ranges.count)
            let joined = concatenated(chunks)
            for name in names {
                #expect(joined[name]?.values.elementsEqual(reference[name]?.values ?? []) { $0.bitPattern == $1.bitPattern } == true)
            }
        }
        // A limit inside a cluster ends the last chunk there.
        let limited = try readChunks(source, columns: names, chunkSize: 300, limit: 600)
        #expect(limited.map { $0.firstEvent..<($0.firstEvent + $0.eventCount) } == [0..<240, 240..<480, 480..<600])
    }

    /// A ROOT chunk's columns are decoded when first read, and after filters only for the kept events: that
    /// must give the column read whole and then gathered, on every layout (scalars of each type, std::vectors,
    /// counted and fixed arrays, baskets stored in the tree) and for selections that skip, keep or empty parts.
    @Test func deferredColumnsReadAtEventsEqualGatheredOnes() throws {
        for (fixture, tree) in [("types_zlib", nil), ("leaflist_zlib", "events"), ("embedded_baskets", nil),
                                ("atlas_mini_lz4", nil), ("generated_offsets", nil)] as [(String, String?)] {
            let source = try ROOTSource(file: ROOTFixtures.open(fixture), tree: tree, displayPath: "data/\(fixture).root")
            let names = source.schema.map(\.name)
            for chunk in try readChunks(source, columns: names, chunkSize: 97) {
                let n = chunk.eventCount
                let selections: [[Int32]] = [[], [Int32(n - 1)], Array(0..<Int32(n)), stride(from: 0, to: n, by: 3).map(Int32.init),
                                             (0..<Int32(n)).filter { $0 % 7 < 2 || $0 > Int32(n) - 5 }]
                #expect(chunk.ready.isEmpty && Set(chunk.deferred.keys) == Set(names))
                for (name, deferred) in chunk.deferred {
                    let whole = deferred.column()
                    #expect(whole.eventCount == n && whole.isJagged == deferred.isJagged)
                    for selection in selections {
                        let events = ContiguousArray(selection)
                        let read = deferred.column(at: events), gathered = whole.gather(events)
                        #expect(read.offsets == gathered.offsets
                                    && read.values.elementsEqual(gathered.values) { $0.bitPattern == $1.bitPattern },
                                "\(fixture) \(name) at \(selection.count) of \(n) events")
                    }
                }
            }
        }
    }

    @Test func limitStopsEarly() throws {
        let source = try ROOTSource(file: ROOTFixtures.open("leaflist_zlib"), tree: "events", displayPath: "data/l.root")
        let chunks = try readChunks(source, columns: ["Muon_Px", "NMuon"], chunkSize: 100, limit: 250)
        #expect(chunks.map(\.eventCount) == [83, 83, 84])     // 250 entries in three equal chunks of at most 100
        let joined = concatenated(chunks)
        let counts = try #require(joined["NMuon"]).values
        let px = try #require(joined["Muon_Px"])
        #expect(px.eventCount == 250)
        for i in 0..<250 { #expect(Double(px.list(at: i).count) == counts[i]) }
    }

    @Test func fixedArraysAreListsOfConstantLength() throws {
        let source = try ROOTSource(file: ROOTFixtures.open("types_zlib"), tree: nil, displayPath: "data/types.root")
        let joined = concatenated(try readChunks(source, columns: ["a_xF", "m2d"], chunkSize: 128))
        let a = try #require(joined["a_xF"]), m = try #require(joined["m2d"])
        #expect(a.isJagged && m.isJagged)
        #expect((0..<400).allSatisfy { a.list(at: $0).count == 3 && m.list(at: $0).count == 6 })
    }

    @Test func treesCanBeReadFromSeveralThreadsAtOnce() async throws {
        let file = try ROOTFixtures.open("leaflist_zlib")
        let source = try ROOTSource(file: file, tree: nil, displayPath: "data/l.root")
        let reference = concatenated(try readChunks(source, columns: ["Muon_Iso"], chunkSize: 500))
        try await withThrowingTaskGroup(of: Column?.self) { group in
            for size in [33, 250, 999, 3000] {
                group.addTask { concatenated(try readChunks(source, columns: ["Muon_Iso"], chunkSize: size))["Muon_Iso"] }
            }
            for try await column in group {
                #expect(column == reference["Muon_Iso"])
            }
        }
    }
}

/// Text branches: not columns, but readable for inspection.
@Suite("ROOT text branches")
struct ROOTTextTests {
    @Test func readsStdStringAndCharStar() throws {
        let tree = try ROOTFixtures.open("types_zlib").tree(nil)
        let text = try tree.strings("text")
        #expect(text.count == 400)
        #expect(text.enumerated().allSatisfy { $0.element == "event \($0.offset)" })
        #expect(try tree.strings("chars", entries: 98..<102) == ["c98", "c99", "c100", "c101"])
        #expect(try tree.strings("text", entries: 399..<1000) == ["event 399"])
    }

    @Test func numbersAreNotText() throws {
        let tree = try ROOTFixtures.open("types_zlib").tree(nil)
        do {
            _ = try tree.strings("s_xF")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.id == "root.unreadable-branch")
        }
        #expect(throws: DataError.self) { try tree.strings("txet") }
    }
}

/// Chunks read by concurrent tasks, one slot per index.
private final class ChunkBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<Chunk, any Error>] = [:]
    init(count: Int) {}
    func set(_ index: Int, _ result: Result<Chunk, any Error>) { lock.lock(); results[index] = result; lock.unlock() }
    func get(_ index: Int) throws -> Result<Chunk, any Error> {
        lock.lock(); defer { lock.unlock() }
        guard let result = results[index] else { throw DataError(.error("test", "chunk \(index) not read", at: nil)) }
        return result
    }
}
