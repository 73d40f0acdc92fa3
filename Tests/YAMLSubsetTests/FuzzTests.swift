import Diagnostics
import Testing
@testable import YAMLSubset

/// Random inputs must never crash or hang, and every error must point inside the text.
@Suite struct FuzzTests {
    /// SplitMix64: a small seeded generator, so a failure can be replayed.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let pieces = [
        " ", "  ", "    ", "\n", "\n", "\n  ", "\n- ", "\r\n", "\t", "-", "- ", ":", ": ", "#", " #", "\"", "'",
        "\\", "\\u00e9", "\\uD800", "[", "]", "{", "}", ",", "|", ">", "|-", ">+", "&", "*", "!", "?", "%", "@",
        "---", "...", "key", "a", "1", "-2.5", "true", "null", "~", "é", "✓", "\u{FEFF}", "x: y", "''", "1e3",
    ]

    private func check(_ text: String) {
        let lineCount = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
        switch YAMLParser.parse(text, path: "fuzz.yml", firstLine: 1) {
        case .success:
            break
        case .failure(let d):
            #expect(d.id.hasPrefix("yaml."), "\(d.id) for \(text.debugDescription)")
            guard let location = d.location else {
                Issue.record("no location for \(text.debugDescription)")
                return
            }
            #expect(location.line >= 1 && location.line <= lineCount, "line out of range for \(text.debugDescription)")
            #expect(location.column >= 1 && location.column <= text.utf8.count + 2,
                    "column out of range for \(text.debugDescription)")
        }
        _ = FrontMatter.split("---\n" + text + "\n---\nbody", path: "fuzz.md")
    }

    @Test func randomPieces() {
        var rng = SplitMix(state: 20_240_601)
        for _ in 0..<4000 {
            let count = Int.random(in: 0...40, using: &rng)
            var text = ""
            for _ in 0..<count {
                text += Self.pieces.randomElement(using: &rng) ?? ""
            }
            check(text)
        }
    }

    @Test func randomBytes() {
        var rng = SplitMix(state: 7)
        let alphabet = Array(" \n\t-:#\"'\\[]{},|>&*!?abc123".utf8)
        for _ in 0..<3000 {
            let count = Int.random(in: 0...60, using: &rng)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &rng) ?? 0x20 }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func mutatedValidDocument() {
        let valid = Array("""
        title: "Energy"
        tags: [a, b]
        pages:
          - id: one
            summary: |
              Text here.
          - two
        """.utf8)
        #expect(YAMLParser.parse(String(decoding: valid, as: UTF8.self), path: "f.yml").isSuccess)
        var rng = SplitMix(state: 99)
        let replacements = Array(" \n\t-:#\"'[]{}|>&".utf8)
        for _ in 0..<3000 {
            var bytes = valid
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] = replacements.randomElement(using: &rng) ?? 0x20
            }
            check(String(decoding: bytes, as: UTF8.self))
        }
    }
}

extension Result {
    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}
