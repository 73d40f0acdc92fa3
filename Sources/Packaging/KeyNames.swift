/// What a USB key's file system accepts: FAT32 and exFAT forbid some characters and names, ignore case, drop
/// trailing dots and spaces, and limit lengths; FAT32 also cannot hold a file of 4 GiB or more.
public enum KeyNames {
    public static let forbidden: Set<Character> = [":", "*", "?", "\"", "<", ">", "|", "\\"]
    static let reserved: Set<String> = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })
    public static let maxComponent = 255
    /// Windows' classic limit is 260 characters including the drive (`E:\`); keep well inside it.
    public static let maxPath = 240
    public static let maxFileSize: UInt64 = 4 * 1024 * 1024 * 1024 - 1

    /// Problems with one relative path, as sentences.
    public static func problems(path: String) -> [String] {
        var out: [String] = []
        if path.count > maxPath { out.append("path is \(path.count) characters long (at most \(maxPath))") }
        for component in path.split(separator: "/") {
            if let bad = component.first(where: { forbidden.contains($0) || ($0.asciiValue.map { $0 < 32 } ?? false) }) {
                out.append("'\(component)' contains '\(bad)', which FAT32 and exFAT refuse")
            }
            if component.hasSuffix(".") || component.hasSuffix(" ") {
                out.append("'\(component)' ends with a dot or a space, which FAT32 and exFAT drop")
            }
            let stem = component.split(separator: ".", maxSplits: 1).first.map { String($0).uppercased() } ?? ""
            if reserved.contains(stem) { out.append("'\(component)' is a reserved device name on Windows") }
            if component.utf16.count > maxComponent { out.append("'\(component)' is longer than \(maxComponent) characters") }
        }
        return out
    }

    /// Paths that differ only by case (one file system entry on FAT32/exFAT), grouped.
    public static func caseClashes(_ paths: [String]) -> [[String]] {
        var groups: [String: [String]] = [:]
        for path in paths {
            // Any prefix directory can clash too: compare every level.
            let parts = path.split(separator: "/")
            for depth in 1...parts.count {
                let prefix = parts.prefix(depth).joined(separator: "/")
                groups[prefix.lowercased(), default: []].append(prefix)
            }
        }
        return groups.values.map { Array(Set($0)).sorted() }.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
    }
}
