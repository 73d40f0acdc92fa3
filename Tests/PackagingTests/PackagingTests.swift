import Foundation
@testable import Packaging
import Testing

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(_ input: String, _ expected: String) {
        #expect(SHA256.hash(Array(input.utf8)) == expected)
    }

    @Test func chunkingDoesNotChangeTheHash() {
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var h = SHA256()
        var i = 0
        for size in [1, 63, 64, 65, 1000, 7] + Array(repeating: 4096, count: 30) where i < bytes.count {
            h.update(Array(bytes[i..<min(bytes.count, i + size)]))
            i += size
        }
        if i < bytes.count { h.update(Array(bytes[i...])) }
        #expect(SHA256.hex(h.finish()) == SHA256.hash(bytes))
        #expect(SHA256.hash(Array(repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct KeyNamesTests {
    @Test func fatUnsafeNamesAreFound() {
        #expect(KeyNames.problems(path: "site/en/index.html").isEmpty)
        #expect(KeyNames.problems(path: "data/a:b.root").first?.contains("':'") == true)
        #expect(KeyNames.problems(path: "notes./x.txt").first?.contains("ends with a dot") == true)
        #expect(KeyNames.problems(path: "exercises/con.txt").first?.contains("reserved device name") == true)
        #expect(KeyNames.problems(path: String(repeating: "a/", count: 130) + "b").contains { $0.contains("characters long") })
        #expect(KeyNames.caseClashes(["site/A.html", "site/a.html", "data/x"]) == [["site/A.html", "site/a.html"]])
        #expect(KeyNames.caseClashes(["Site/x", "site/y"]) == [["Site", "site"]])
    }
}

@Suite struct KeyManifestTests {
    @Test func verifyNamesMissingExtraAndCorruptedFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("a"), withIntermediateDirectories: true)
        for name in ["a/one.txt", "a/two.txt", "three.txt"] { try Data(name.utf8).write(to: root.appendingPathComponent(name)) }
        let manifest = try KeyManifest.make(root: root)
        #expect(manifest.text.hasSuffix("  three.txt\n"))
        #expect(try KeyManifest.parse(manifest.text).get() == manifest)
        #expect(manifest.verify(root: root).isClean)
        try Data("A/ONE.TXT".utf8).write(to: root.appendingPathComponent("a/one.txt"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("three.txt"))
        try Data("x".utf8).write(to: root.appendingPathComponent("stray.txt"))
        let report = manifest.verify(root: root)
        #expect(report.corrupted == ["a/one.txt"])
        #expect(report.missing == ["three.txt"])
        #expect(report.extra == ["stray.txt"])
        #expect(KeyManifest.parse("nonsense\n") == .failure(.badLine(1)))
    }
}

@Suite struct KeyPackerTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled course packs into a key that verifies, twice to the same bytes, and never over a folder that is not a key.
    @Test func packsTheCourseReproduciblyAndVerifies() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("openkey-pack-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = KeyPacker.pack(.init(courseRoot: Self.repository, destination: dir.appendingPathComponent("key1"), teacher: true))
        #expect(first.succeeded, "\(first.diagnostics.map(\.message))")
        let second = KeyPacker.pack(.init(courseRoot: Self.repository, destination: dir.appendingPathComponent("key2"), teacher: true))
        #expect(second.succeeded)
        let sums1 = try String(contentsOf: dir.appendingPathComponent("key1/SHA256SUMS"), encoding: .utf8)
        let sums2 = try String(contentsOf: dir.appendingPathComponent("key2/SHA256SUMS"), encoding: .utf8)
        #expect(sums1 == sums2, "packing twice gives identical trees")
        for path in ["START-HERE.html", "site/index.html", "site/es/index.html", "teacher-site/en/index.html",
                     "data/2lep_data.root", "exercises/z-boson-mass/starter.ana", "exercises/z-boson-mass/check.bundle"] {
            #expect(sums1.contains("  \(path)\n"), "\(path)")
        }
        #expect(!sums1.contains("solution.ana\n") || sums1.contains("teacher-site/exercises/z-boson-mass/solution.ana"),
                "solutions only in the teacher edition")
        #expect(!sums1.contains("  site/exercises/z-boson-mass/solution.ana"))
        let start = try String(contentsOf: dir.appendingPathComponent("key1/START-HERE.html"), encoding: .utf8)
        #expect(start.contains("<a href=\"site/ar/index.html\">افتح الدورة</a>"))
        #expect(start.contains("<section lang=\"ar\" dir=\"rtl\" id=\"ar\">"))
        #expect(KeyManifest.parse(sums1).map { $0.verify(root: dir.appendingPathComponent("key1")).isClean } == .success(true))

        // Packing again over a key replaces it; a folder that is not a key is never touched.
        #expect(KeyPacker.pack(.init(courseRoot: Self.repository, destination: dir.appendingPathComponent("key1"))).succeeded)
        let other = dir.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: other.appendingPathComponent("thesis.txt"))
        let refused = KeyPacker.pack(.init(courseRoot: Self.repository, destination: other))
        #expect(!refused.succeeded)
        #expect(refused.diagnostics.last?.id == "pack.destination")
        #expect(FileManager.default.fileExists(atPath: other.appendingPathComponent("thesis.txt").path))
    }
}
