/// Finds every tree in a file: walks the top directory and its subdirectories (depth-first, in key order)
/// and keeps, for each name in a directory, the key with the highest cycle.
struct ROOTDirectoryWalker {
    static let treeClasses: Set<String> = ["TTree", "TNtuple", "TNtupleD"]
    static let directoryClasses: Set<String> = ["TDirectory", "TDirectoryFile"]
    static let maxDepth = 32

    let handle: ROOTFileHandle

    /// Each tree's path (`mini`, `events/events`) and key, in the order found.
    func trees(header: ROOTFileHeader) throws(ROOTFormatError) -> [(path: String, key: ROOTKey)] {
        let top = try handle.directoryRecord(at: header.begin + Int64(header.nbytesName))
        var found: [(path: String, key: ROOTKey)] = []
        var visited: Set<Int64> = []
        try walk(top, prefix: "", depth: 0, visited: &visited, into: &found)
        return found
    }

    private func walk(_ directory: ROOTDirectoryRecord, prefix: String, depth: Int, visited: inout Set<Int64>,
                      into found: inout [(path: String, key: ROOTKey)]) throws(ROOTFormatError) {
        guard depth < Self.maxDepth else {
            throw ROOTFormatError("root.bad-key", "directories are nested more than \(Self.maxDepth) deep",
                                  at: directory.seekKeys)
        }
        guard visited.insert(directory.seekKeys).inserted else {
            throw ROOTFormatError("root.bad-key", "a directory lists itself (a loop in the directory structure)",
                                  at: directory.seekKeys)
        }
        for key in Self.latestCycles(try handle.keys(of: directory)) {
            if Self.treeClasses.contains(key.className) {
                found.append((prefix + key.name, key))
            } else if Self.directoryClasses.contains(key.className) {
                let cursor = try handle.object(for: key, "directory '\(prefix + key.name)'")
                var record = cursor
                let sub = try ROOTDirectoryRecord.parse(&record)
                try walk(sub, prefix: prefix + key.name + "/", depth: depth + 1, visited: &visited, into: &found)
            }
        }
    }

    /// For each (class kind, name), the key with the highest cycle, in first-seen order.
    static func latestCycles(_ keys: [ROOTKey]) -> [ROOTKey] {
        var best: [String: Int] = [:]
        var result: [ROOTKey] = []
        for key in keys {
            if let index = best[key.name] {
                if key.cycle > result[index].cycle { result[index] = key }
            } else {
                best[key.name] = result.count
                result.append(key)
            }
        }
        return result
    }
}
