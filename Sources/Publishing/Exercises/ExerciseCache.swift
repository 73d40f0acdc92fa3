import Analysis
import Foundation

/// Reference results cached by a content hash of everything they depend on: the engine version, the solution's
/// text and the bytes of every data file it reads. An unchanged exercise is not re-run; a changed data file always is.
/// The cache lives in `<course>/.openkey-cache/exercises/` (ignored by git) and is only an accelerator: a missing,
/// unreadable or foreign entry simply means running the solution again.
struct ExerciseCache {
    /// Bump when the engine's results change for the same input (new semantics, fixed bugs).
    static let engineVersion = "openkey-engine-1"

    let folder: URL

    init(courseRoot: URL) { folder = courseRoot.appendingPathComponent(".openkey-cache/exercises") }

    /// The key of an exercise's reference run, or nil when a data file cannot be read (then nothing is cached).
    static func key(solution: String, dataFiles: [URL]) -> String? {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
        }
        mix(engineVersion.utf8)
        mix(solution.utf8)
        for file in dataFiles {
            mix(file.lastPathComponent.utf8)
            guard let handle = try? FileHandle(forReadingFrom: file) else { return nil }
            defer { try? handle.close() }
            while let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty { block.withUnsafeBytes { mix($0) } }
        }
        return String(hash, radix: 16)
    }

    func load(id: String, key: String) -> AnalysisResult? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("\(id)-\(key).archive").path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        return ResultArchive.decode(text)
    }

    /// Stores a result and drops the exercise's older entries. Failures are ignored: the cache is optional.
    func store(_ result: AnalysisResult, id: String, key: String) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let name = "\(id)-\(key).archive"
        for old in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where old.hasPrefix("\(id)-") && old.hasSuffix(".archive") && old != name && old.dropFirst(id.count + 1).allSatisfy({ $0.isHexDigit || $0 == "." || $0.isLetter }) {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(old))
        }
        try? Data(ResultArchive.encode(result).utf8).write(to: folder.appendingPathComponent(name), options: .atomic)
    }
}
