import Curriculum
import Foundation

/// `SHA256SUMS` at the top of a key: every file's hash and path, sorted, in the format of `sha256sum`, so both
/// `openkey verify` and the coreutils `sha256sum -c SHA256SUMS` can check a copy.
public struct KeyManifest: Sendable, Equatable {
    public static let fileName = "SHA256SUMS"

    public struct Entry: Sendable, Equatable {
        public var path: String
        public var sha256: String
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries.sorted { $0.path < $1.path } }

    /// Hashes every regular file below `root` (except the manifest itself).
    public static func make(root: URL) throws -> KeyManifest {
        let files = KeyFiles.list(root).filter { $0 != fileName }
        return KeyManifest(entries: try files.map { Entry(path: $0, sha256: try hash(root.appendingPathComponent($0))) })
    }

    public var text: String { entries.map { "\($0.sha256)  \($0.path)\n" }.joined() }

    public enum ParseError: Error, Equatable {
        case badLine(Int)
    }

    public static func parse(_ text: String) -> Result<KeyManifest, ParseError> {
        var entries: [Entry] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit), parts[1].hasPrefix(" ") else {
                return .failure(.badLine(number + 1))
            }
            entries.append(Entry(path: String(parts[1].dropFirst()), sha256: String(parts[0]).lowercased()))
        }
        return .success(KeyManifest(entries: entries))
    }

    /// SHA-256 of a file, read in 1 MiB blocks.
    public static func hash(_ url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update([UInt8](chunk)) }
        return SHA256.hex(hasher.finish())
    }

    /// What differs between this manifest and the files under `root`.
    public struct Report: Sendable, Equatable {
        public var missing: [String] = []
        public var extra: [String] = []
        public var corrupted: [String] = []
        public var checked = 0
        public var isClean: Bool { missing.isEmpty && extra.isEmpty && corrupted.isEmpty }
    }

    public func verify(root: URL) -> Report {
        var report = Report()
        let present = Set(KeyFiles.list(root).filter { $0 != KeyManifest.fileName })
        let listed = Set(entries.map(\.path))
        report.extra = present.subtracting(listed).sorted()
        for entry in entries {
            guard present.contains(entry.path) else { report.missing.append(entry.path); continue }
            report.checked += 1
            if (try? KeyManifest.hash(root.appendingPathComponent(entry.path))) != entry.sha256 { report.corrupted.append(entry.path) }
        }
        return report
    }
}

/// The files of a key, as sorted relative paths with `/` (hidden files included: they would be copied too).
enum KeyFiles {
    static func list(_ root: URL) -> [String] { CourseLoader.listFiles(under: root, includingHidden: true) }
}
