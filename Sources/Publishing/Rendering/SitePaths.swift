import Foundation

/// Paths inside the generated site. Every link is relative, so the site works from any folder, `file://` included.
public enum SitePaths {
    /// The relative URL from the page written at `from` to the file at `to` (both relative to the site root).
    public static func relative(from: String, to: String) -> String {
        let fromDir = from.utf8.split(separator: UInt8(ascii: "/")).dropLast()
        let target = to.utf8.split(separator: UInt8(ascii: "/"))
        var common = 0
        while common < fromDir.count, common < target.count - 1, fromDir[common].elementsEqual(target[common]) { common += 1 }
        var out = ""
        out.reserveCapacity(to.utf8.count + 3 * (fromDir.count - common))
        for _ in 0..<(fromDir.count - common) { out += out.isEmpty ? ".." : "/.." }
        for segment in target[common...] {
            if !out.isEmpty { out += "/" }
            out += encode(Substring(segment))
        }
        return out
    }

    /// The prefix that leads from the page at `path` back to the site root: "", "../", "../../".
    public static func root(from path: String) -> String {
        String(repeating: "../", count: max(0, path.split(separator: "/").count - 1))
    }

    /// Resolves `.` and `..` segments; nil when the path climbs above its start.
    public static func normalize(_ path: String) -> String? {
        var out: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !out.isEmpty else { return nil }
                out.removeLast()
            } else {
                out.append(part)
            }
        }
        return out.joined(separator: "/")
    }

    static let segmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#;:")
        return set
    }()

    static func encode(_ segment: String) -> String { encode(Substring(segment)) }

    static func encode(_ segment: Substring) -> String {
        // Almost every segment is plain (letters, digits, - _ .): no need for Foundation's encoder.
        if segment.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 || $0 == 46 }) {
            return String(segment)
        }
        return segment.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? String(segment)
    }
}
