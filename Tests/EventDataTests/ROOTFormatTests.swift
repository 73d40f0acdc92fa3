import Foundation
import Testing
import Diagnostics
@testable import EventData

/// Big-endian bytes for synthetic ROOT records.
struct ROOTBytes {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func i16(_ v: Int16) { withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ v: Int32) { withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) } }
    mutating func i64(_ v: Int64) { withUnsafeBytes(of: v.bigEndian) { bytes.append(contentsOf: $0) } }
    mutating func string(_ s: String) {
        u8(UInt8(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }
    mutating func pad(to count: Int) { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(0, count - bytes.count))) }

    mutating func set32(_ v: Int32, at offset: Int) {
        withUnsafeBytes(of: v.bigEndian) { for (i, b) in $0.enumerated() { bytes[offset + i] = b } }
    }

    /// A key header with 64-bit seeks (version > 1000).
    static func key(nbytes: Int32, objlen: Int32, seekKey: Int64, seekPdir: Int64, className: String, name: String) -> [UInt8] {
        var body = ROOTBytes()
        body.i16(1004)
        body.i32(objlen)
        body.i32(0)                      // datime
        let keylen = 4 + 2 + 4 + 4 + 2 + 2 + 8 + 8 + 3 + className.utf8.count + name.utf8.count
        body.i16(Int16(keylen))
        body.i16(1)                      // cycle
        body.i64(seekKey)
        body.i64(seekPdir)
        body.string(className)
        body.string(name)
        body.string("")
        var out = ROOTBytes()
        out.i32(nbytes)
        out.bytes += body.bytes
        return out.bytes
    }

    /// A whole large-format file (64-bit seeks everywhere) whose top directory lists `keys`.
    static func largeFile(listing keys: [[UInt8]]) -> [UInt8] {
        let begin = 100
        let fileKey = key(nbytes: 0, objlen: 0, seekKey: Int64(begin), seekPdir: 0, className: "TFile", name: "synthetic.root")
        var named = ROOTBytes()
        named.string("synthetic.root")
        named.string("")
        let nbytesName = fileKey.count + named.bytes.count
        let directoryAt = begin + nbytesName
        let keysAt = directoryAt + 64
        var listHeader = key(nbytes: 0, objlen: 0, seekKey: Int64(keysAt), seekPdir: Int64(begin), className: "TFile",
                             name: "synthetic.root")
        var list = ROOTBytes()
        list.i32(Int32(keys.count))
        for k in keys { list.bytes += k }
        let nbytesKeys = listHeader.count + list.bytes.count
        listHeader.replaceSubrange(0..<4, with: withUnsafeBytes(of: Int32(nbytesKeys).bigEndian, Array.init))
        let end = keysAt + nbytesKeys

        var file = ROOTBytes()
        file.bytes += Array("root".utf8)
        file.i32(1_000_000 + 62_206)     // large file
        file.i32(Int32(begin))
        file.i64(Int64(end))             // fEND
        file.i64(0)                      // fSeekFree
        file.i32(0)                      // fNbytesFree
        file.i32(0)                      // nfree
        file.i32(Int32(nbytesName))
        file.u8(8)                       // fUnits
        file.i32(101)                    // fCompress
        file.i64(0)                      // fSeekInfo
        file.i32(0)                      // fNbytesInfo
        file.pad(to: begin)
        file.bytes += fileKey
        file.bytes += named.bytes
        // The top directory record, 64-bit seeks (version > 1000).
        file.i16(1005)
        file.i32(0)
        file.i32(0)
        file.i32(Int32(nbytesKeys))
        file.i32(Int32(nbytesName))
        file.i64(Int64(begin))           // fSeekDir
        file.i64(0)                      // fSeekParent
        file.i64(Int64(keysAt))          // fSeekKeys
        file.pad(to: keysAt)
        file.bytes += listHeader
        file.bytes += list.bytes
        return file.bytes
    }
}

/// Header, key and directory records with 64-bit seeks; XXH64, LZ4 and the compression framing.
@Suite("ROOT format")
struct ROOTFormatTests {
    @Test func parsesLargeFileHeader() throws {
        var b = ROOTBytes()
        b.bytes += Array("root".utf8)
        b.i32(1_062_206)
        b.i32(100)
        b.i64(6_000_000_000)
        b.i64(5_999_999_000)
        b.i32(50)
        b.i32(1)
        b.i32(77)
        b.u8(8)
        b.i32(505)
        let header = try ROOTFileHeader.parse(b.bytes)
        #expect(header == ROOTFileHeader(version: 62_206, isLarge: true, begin: 100, end: 6_000_000_000,
                                         nbytesName: 77, compress: 505))
    }

    @Test func parsesKeysAndDirectoriesWithSeeksBeyond4GiB() throws {
        let bytes = ROOTBytes.key(nbytes: 1000, objlen: 5000, seekKey: 5_000_000_000, seekPdir: 4_300_000_000,
                                  className: "TTree", name: "mini")
        var cursor = ROOTCursor(bytes, fileOffset: 0, recordOffset: 0)
        let key = try ROOTKey.parse(&cursor)
        #expect(key.seekKey == 5_000_000_000 && key.seekPdir == 4_300_000_000)
        #expect(key.className == "TTree" && key.name == "mini" && key.isCompressed)
        #expect(cursor.remaining == 0)

        var dir = ROOTBytes()
        dir.i16(1005); dir.i32(0); dir.i32(0); dir.i32(300); dir.i32(60)
        dir.i64(4_500_000_000); dir.i64(100); dir.i64(7_000_000_000)
        var dirCursor = ROOTCursor(dir.bytes, fileOffset: 0, recordOffset: 0)
        let record = try ROOTDirectoryRecord.parse(&dirCursor)
        #expect(record.seekDir == 4_500_000_000 && record.seekKeys == 7_000_000_000 && record.nbytesKeys == 300)
    }

    @Test func opensASyntheticLargeFile() throws {
        let dir = TemporaryDirectory()
        let url = dir.write("large.root", bytes: ROOTBytes.largeFile(listing: []))
        let file = try ROOTFile(url: url, displayPath: "data/large.root")
        #expect(file.trees.isEmpty)
        #expect(throws: DataError.self) { try file.tree(nil) }
    }

    @Test func aSubdirectoryBeyond4GiBIsReportedNotFollowed() {
        let far = ROOTBytes.key(nbytes: 200, objlen: 100, seekKey: 5_000_000_000, seekPdir: 100,
                                className: "TDirectoryFile", name: "events")
        let dir = TemporaryDirectory()
        let url = dir.write("far.root", bytes: ROOTBytes.largeFile(listing: [far]))
        do {
            _ = try ROOTFile(url: url, displayPath: "data/far.root")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.id == "root.truncated")
            #expect(error.diagnostic.message.contains("at byte 50000000"))   // seekKey + keylen
        }
    }

    @Test func xxhash64MatchesReferenceValues() {
        #expect(XXHash64.hash([]) == 0xEF46_DB37_51D8_E999)
        #expect(XXHash64.hash(Array("a".utf8)) == 0xD24E_C4F1_A98C_6E5B)
        #expect(XXHash64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(XXHash64.hash(Array(String(repeating: "0123456789", count: 10).utf8)) == 0xF80E_7B96_315A_FFFA)
        let bytes = (0..<768).map { UInt8($0 % 256) }
        #expect(XXHash64.hash(bytes) == 0x8E03_C838_C596_036F)
    }

    @Test func lz4DecodesABlockWithOverlappingMatches() {
        // "hello hello hello hello hello world " × 20, as an LZ4 block.
        let block: [UInt8] = [111, 104, 101, 108, 108, 111, 32, 6, 0, 5, 95, 119, 111, 114, 108, 100, 30, 0, 6, 2, 54, 0,
                              15, 36, 0, 255, 255, 120, 80, 111, 114, 108, 100, 32]
        let text = Array(String(repeating: "hello hello hello hello hello world ", count: 20).utf8)
        var out = [UInt8](repeating: 0, count: text.count)
        let problem = block.withUnsafeBytes { src in out.withUnsafeMutableBytes { LZ4Block.decompress(src, into: $0) } }
        #expect(problem == nil)
        #expect(out == text)
        // One byte short of the declared size, and a match reaching before the start: errors, not crashes.
        var short = [UInt8](repeating: 0, count: text.count - 1)
        #expect(block.withUnsafeBytes { src in short.withUnsafeMutableBytes { LZ4Block.decompress(src, into: $0) } } != nil)
        let bad: [UInt8] = [0x10, 65, 0xFF, 0x00]
        var sink = [UInt8](repeating: 0, count: 40)
        #expect(bad.withUnsafeBytes { src in sink.withUnsafeMutableBytes { LZ4Block.decompress(src, into: $0) } } != nil)
    }

    /// A zlib "ZL" record whose header understates the output: stopped at the declared size, an error.
    @Test func zlibBombIsStopped() throws {
        let zeros = [UInt8](repeating: 0, count: 4 << 20)
        var record = ROOTBytes()
        record.bytes += Array("ZL".utf8)
        record.u8(8)
        let payload = try #require(Self.zlibStream(zeros))
        record.bytes += [UInt8(payload.count & 0xFF), UInt8((payload.count >> 8) & 0xFF), UInt8(payload.count >> 16)]
        record.bytes += [0xE8, 0x03, 0x00]           // claims 1000 bytes
        record.bytes += payload
        do {
            _ = try record.bytes.withRawBytes { raw throws(ROOTFormatError) in
                try ROOTDecompressor.decompress(raw, size: 1000, offset: 0)
            }
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "root.decompression")
        }
        // A record claiming 1 GiB from a few bytes is refused before allocating.
        do {
            _ = try record.bytes.withRawBytes { raw throws(ROOTFormatError) in
                try ROOTDecompressor.decompress(raw, size: 1 << 30, offset: 0)
            }
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "root.basket-size")
        }
    }

    /// The zlib framing around the raw inflate: a wrong Adler-32 trailer, a missing trailer, a bad header.
    @Test func zlibChecksumAndHeaderAreChecked() throws {
        let text = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 * 31 + $0 / 7) }
        let good = try #require(Self.zlibStream(text))
        func inflate(_ payload: [UInt8]) -> Result<[UInt8], ROOTFormatError> {
            var record = ROOTBytes()
            record.bytes += Array("ZL".utf8)
            record.u8(8)
            record.bytes += [UInt8(payload.count & 0xFF), UInt8((payload.count >> 8) & 0xFF), UInt8(payload.count >> 16)]
            record.bytes += [UInt8(text.count & 0xFF), UInt8((text.count >> 8) & 0xFF), UInt8(text.count >> 16)]
            record.bytes += payload
            do {
                return .success(try record.bytes.withRawBytes { raw throws(ROOTFormatError) in
                    try ROOTDecompressor.decompress(raw, size: text.count, offset: 0)
                })
            } catch {
                return .failure(error)
            }
        }
        #expect(try inflate(good).get() == text)
        var badSum = good
        badSum[badSum.count - 1] ^= 1
        var badHeader = good
        badHeader[1] ^= 1
        var dictionary = good
        dictionary[1] = 0xBB                     // 0x78BB: FDICT set, still a multiple of 31
        for (payload, words) in [(badSum, "data check"), (Array(good.dropLast(2)), "ends early"),
                                 (badHeader, "header check"), (dictionary, "dictionary")] {
            guard case .failure(let error) = inflate(payload) else {
                Issue.record("expected an error (\(words))")
                continue
            }
            #expect(error.id == "root.decompression" && error.message.contains(words), "\(error.message)")
        }
    }

    /// The 16-bytes-at-a-time checksum equals the definition at every length around its block and chunk sizes.
    @Test func adler32MatchesTheDefinition() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<40_000).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state & 3 == 0 ? 0xFF : UInt8(truncatingIfNeeded: state >> 40)
        }
        func reference(_ slice: ArraySlice<UInt8>, start: UInt32) -> UInt32 {
            var a = start & 0xFFFF, b = start >> 16
            for byte in slice {
                a = (a + UInt32(byte)) % 65521
                b = (b + a) % 65521
            }
            return b << 16 | a
        }
        for count in [0, 1, 15, 16, 17, 31, 5551, 5552, 5553, 5568, 11_104, 11_105, 40_000] {
            for start: UInt32 in [1, 0xFFF0_FFF0] {
                let got = bytes.withUnsafeBytes { Adler32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<count]), start: start) }
                #expect(got == reference(bytes[0..<count], start: start), "\(count) bytes from \(start)")
            }
        }
        // All 0xFF: the largest sums a block can reach.
        let ones = [UInt8](repeating: 0xFF, count: 3 * 5552 + 100)
        #expect(ones.withUnsafeBytes { Adler32.checksum($0) } == reference(ones[...], start: 1))
    }

    @Test func lz4ChecksumMismatchIsAnError() {
        var record = ROOTBytes()
        record.bytes += Array("L4".utf8)
        record.u8(1)
        let block: [UInt8] = [0x30, 65, 66, 67]      // literals "ABC"
        let size = block.count + 8
        record.bytes += [UInt8(size), 0, 0, 3, 0, 0]
        record.i64(Int64(bitPattern: XXHash64.hash(block) ^ 1))
        record.bytes += block
        do {
            _ = try record.bytes.withRawBytes { raw throws(ROOTFormatError) in try ROOTDecompressor.decompress(raw, size: 3, offset: 9) }
            Issue.record("expected an error")
        } catch {
            #expect(error.id == "root.decompression" && error.message.contains("checksum"))
        }
        record.bytes.replaceSubrange(9..<17, with: withUnsafeBytes(of: XXHash64.hash(block).bigEndian, Array.init))
        let ok = try? record.bytes.withRawBytes { raw throws(ROOTFormatError) in try ROOTDecompressor.decompress(raw, size: 3, offset: 9) }
        #expect(ok == Array("ABC".utf8))
    }

    /// A zlib stream (with header and checksum) of `bytes`: the gzip member re-framed.
    static func zlibStream(_ bytes: [UInt8]) -> [UInt8]? {
        guard let gzip = GzipStream.compress(bytes), gzip.count > 18 else { return nil }
        // gzip: 10-byte header, raw deflate, CRC32 and size (8 bytes). zlib: 0x78 0x9C, raw deflate, Adler-32.
        let deflate = gzip[10..<(gzip.count - 8)]
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        let adler = (b << 16) | a
        return [0x78, 0x9C] + deflate + withUnsafeBytes(of: adler.bigEndian, Array.init)
    }
}

/// Records split into several compressed blocks (ROOT cuts at 16 MiB), and layouts of unusual classes.
@Suite("ROOT format details")
struct ROOTFormatDetailTests {
    static func block(_ algorithm: String, _ payload: [UInt8], unpacked: Int) -> [UInt8] {
        var b = ROOTBytes()
        b.bytes += Array(algorithm.utf8)
        b.u8(8)
        b.bytes += [UInt8(payload.count & 0xFF), UInt8((payload.count >> 8) & 0xFF), UInt8(payload.count >> 16)]
        b.bytes += [UInt8(unpacked & 0xFF), UInt8((unpacked >> 8) & 0xFF), UInt8(unpacked >> 16)]
        return b.bytes + payload
    }

    @Test func multiBlockRecords() throws {
        let first = (0..<70_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let second = Array("the second block".utf8)
        let z1 = try #require(ROOTFormatTests.zlibStream(first)), z2 = try #require(ROOTFormatTests.zlibStream(second))
        let lz4: [UInt8] = [0xF0, UInt8(second.count - 15)] + second   // one run of 16 literals
        let checksum = withUnsafeBytes(of: XXHash64.hash(lz4).bigEndian, Array.init)
        let record = Self.block("ZL", z1, unpacked: first.count) + Self.block("ZL", z2, unpacked: second.count)
            + Self.block("L4", checksum + lz4, unpacked: second.count)
        let out = try record.withRawBytes { raw throws(ROOTFormatError) in
            try ROOTDecompressor.decompress(raw, size: first.count + 2 * second.count, offset: 0)
        }
        #expect(out == first + second + second)
    }

    @Test func containersOtherThanVectorsAreNotReadAsVectors() {
        func layout(_ className: String) -> ROOTBranchLayout {
            let leaf = ROOTLeafRecord(className: "TLeafElement", name: "x", title: "x", length: 1, lengthType: 0,
                                      isUnsigned: false, countLeafName: nil, hasCount: false, elementType: 0)
            let branch = ROOTBranchRecord(className: "TBranchElement", name: "x", title: "x", compress: 101,
                                          entryOffsetLength: 0, entries: 0, leaves: [leaf], branches: [],
                                          basketBytes: [], basketEntry: [], basketSeek: [], basketCount: 0,
                                          embeddedBaskets: [], elementClassName: className, streamerType: -1,
                                          elementType: 0, fileName: "", recordOffset: 0)
            return ROOTBranchLayout.classify(branch).layout
        }
        #expect(layout("vector<unsigned int>") == .vector(.uint32))
        #expect(layout("std::vector<Long64_t>") == .vector(.int64))
        #expect(layout("ROOT::VecOps::RVec<double>") == .vector(.float64))
        #expect(layout("vector<float,allocator<float> >") == .vector(.float32))
        #expect(layout("array<float,3>").element == nil)
        #expect(layout("set<int>").element == nil)
        #expect(layout("vector<Double32_t>").element == nil)
        #expect(layout("vector<vector<float> >").element == nil)
        #expect(layout("TLorentzVector").element == nil)
    }
}

/// Inputs found by fuzzing, kept as regression tests.
@Suite("ROOT fuzz regressions")
struct ROOTFuzzRegressionTests {
    /// An absent array (marker 0) with a huge claimed length allocated that length (2 GiB) before the fix.
    @Test func absentArrayWithHugeCountAllocatesNothing() throws {
        var streamer = ROOTStreamer(ROOTCursor([0, 0], fileOffset: 0, recordOffset: 0))
        #expect(try streamer.markedArray64(1 << 28, "cluster sizes").isEmpty)
        #expect(try streamer.markedArray32(1 << 28, "basket sizes").isEmpty)
        var present = ROOTStreamer(ROOTCursor([1, 0, 0, 0, 0], fileOffset: 0, recordOffset: 0))
        #expect(throws: ROOTFormatError.self) { try present.markedArray64(1 << 28, "cluster sizes") }
    }
}
