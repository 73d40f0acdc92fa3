import Foundation
import Diagnostics

/// A ROOT file opened for reading, without ROOT: the header, directories and tree metadata are read at
/// opening; branch data is read later, basket by basket, with `pread` (the file is never loaded whole).
///
/// Safe to share across threads. Supports files written by ROOT 5.26 to 6.40: small and large (64-bit) files,
/// subdirectories, zlib/LZ4/uncompressed data; see `ROOTSource` for the branch types read.
/// Every problem is a `DataError` located at the file, with an id such as `root.not-root`, `root.truncated`,
/// `root.bad-key`, `root.unsupported-compression`, `root.decompression`, `root.basket-size`, `root.unknown-tree`.
public final class ROOTFile: Sendable {
    /// The path used in diagnostics.
    public let displayPath: String
    /// Every tree in the file and its subdirectories (highest cycle of each name), in the order found.
    public let trees: [ROOTTreeInfo]
    private let loaded: [ROOTTree]

    /// Opens `url` and reads the metadata of every tree; `displayPath` names the file in diagnostics.
    public init(url: URL, displayPath: String) throws(DataError) {
        self.displayPath = displayPath
        let context = ROOTContext(displayPath: displayPath)
        var loaded: [ROOTTree] = []
        var current = context
        do throws(ROOTFormatError) {
            let handle = try ROOTFileHandle(path: url.path)
            guard handle.size >= 4 else {
                throw ROOTFormatError("root.not-root", "not a ROOT file (it has only \(handle.size) bytes)")
            }
            let header = try ROOTFileHeader.parse(try handle.readPrefix(at: 0, count: ROOTFileHeader.readSize, "the file header"))
            let walker = ROOTDirectoryWalker(handle: handle)
            for (path, key) in try walker.trees(header: header) {
                current = context.with(tree: path)
                var streamer = ROOTStreamer(try handle.object(for: key, "tree '\(path)'"))
                let record = try streamer.tree(className: key.className)
                loaded.append(try ROOTTree(path: path, record: record, handle: handle, fileCompression: header.compress,
                                           context: current))
            }
        } catch {
            throw current.error(error)
        }
        self.loaded = loaded
        self.trees = loaded.map(\.info)
    }

    /// The tree at `path` (`mini`, `events/events`; a bare name also finds a tree in a subdirectory when
    /// only one has it). nil: the file's only tree, or an error listing them when there are several.
    public func tree(_ path: String?) throws(DataError) -> ROOTTree {
        let context = ROOTContext(displayPath: displayPath)
        let paths = loaded.map(\.info.path)
        guard let path else {
            if loaded.count == 1, let only = loaded.first { return only }
            if loaded.isEmpty { throw context.error("root.unknown-tree", "the file holds no TTree") }
            throw context.error("root.unknown-tree",
                                "the file holds \(loaded.count) trees (\(paths.map { "'\($0)'" }.joined(separator: ", "))); "
                                + "say which one to read")
        }
        if let exact = loaded.first(where: { $0.info.path == path }) { return exact }
        let byName = loaded.filter { $0.info.path.split(separator: "/").last.map(String.init) == path }
        if byName.count == 1, let only = byName.first { return only }
        let listing = paths.isEmpty ? "it holds no trees" : "it holds " + paths.map { "'\($0)'" }.joined(separator: ", ")
        throw DataError(Diagnostic.error("root.unknown-tree", "'\(displayPath)': no tree '\(path)' (\(listing))",
                                         at: .file(displayPath))
            .suggesting(path, from: paths))
    }
}
