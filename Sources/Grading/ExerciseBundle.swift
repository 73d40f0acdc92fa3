import Analysis
import Foundation

/// What a student needs to self-check an exercise without its solution: the exercise definition and the reference
/// result, in one file (`check.bundle`) that the student edition ships instead of `solution.ana`.
///
/// The contents are scrambled with a key derived from the exercise id, so expected values and answers are not
/// readable in a text editor or by searching the site. This is obfuscation, not secrecy: anyone with OpenKey's
/// source can unscramble it (the tool has to, to check). It keeps honest students honest; it does not stop a determined one.
public enum ExerciseBundle {
    static let magic = "openkey-exercise-bundle 1\n"

    public static func make(id: String, exerciseYAML: String, reference: AnalysisResult) -> Data {
        let plain = Array((exerciseYAML.utf8.count.description + "\n" + exerciseYAML + ResultArchive.encode(reference)).utf8)
        return Data(magic.utf8) + Data(scramble(plain, id: id)).base64EncodedData(options: [.lineLength76Characters, .endLineWithLineFeed])
    }

    /// The exercise definition text and the reference result, or nil when the file is not a bundle for `id`.
    public static func open(_ data: Data, id: String) -> (exerciseYAML: String, reference: AnalysisResult)? {
        guard data.starts(with: Data(magic.utf8)),
              let decoded = Data(base64Encoded: data.dropFirst(magic.utf8.count), options: .ignoreUnknownCharacters) else { return nil }
        guard let text = String(bytes: scramble(Array(decoded), id: id), encoding: .utf8),
              let newline = text.firstIndex(of: "\n"), let count = Int(text[..<newline]) else { return nil }
        let rest = text[text.index(after: newline)...]
        guard rest.utf8.count >= count else { return nil }
        let yamlEnd = rest.utf8.index(rest.startIndex, offsetBy: count)
        guard let reference = ResultArchive.decode(String(rest[yamlEnd...])) else { return nil }
        return (String(rest[..<yamlEnd]), reference)
    }

    /// XOR with a keystream from a 64-bit xorshift generator seeded by the exercise id (its own inverse).
    static func scramble(_ bytes: [UInt8], id: String) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for byte in id.utf8 { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        if state == 0 { state = 1 }
        return bytes.map { byte in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return byte ^ UInt8(truncatingIfNeeded: state >> 32)
        }
    }
}
