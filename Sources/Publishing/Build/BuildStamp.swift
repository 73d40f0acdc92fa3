import Curriculum
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a build read and wrote, as file stamps (size, modification and change times, inode), so that a build whose
/// inputs and output are exactly as the last successful one left them can stop at once: "up to date", like make.
///
/// Inputs are every file of the folders a build reads (`Content/`, `Translations/`, `Exercises/`, `Site/`), the
/// openkey program itself and the options (edition, strictness, `SOURCE_DATE_EPOCH`, where the output goes).
/// The output's files are checked too, so a site edited or damaged by hand is rebuilt. Only a build that succeeded
/// with no diagnostic is recorded: warnings are shown again on every build until they are fixed.
/// Stamps live in `<course>/.openkey-cache/builds/` (one file per output folder and edition); a missing or
/// unreadable stamp only means building.
struct BuildStamp: Equatable {
    /// The folders of the course a build reads (see the loaders and the exercise and figure stages).
    static let inputFolders = ["Content", "Translations", "Exercises", "Site"]
    static let format = "openkey-build-stamp 2"

    var options: String
    /// `stamp<TAB>relative path` of every input file, sorted by path.
    var inputs: [String]
    /// The same (without change times) for every file of the output folder as it is now; nil if there is none.
    var site: [String]? = nil

    /// How the inputs and the output stand against the last recorded build.
    enum Comparison: Equatable {
        /// Nothing changed: the last build's site is this build's.
        case upToDate(pages: Int)
        /// Only the contents of these input files changed (same files, same options, the site untouched);
        /// `snapshot` is the stamp the last build recorded for its snapshot (see `BuildSnapshot`), `outputs` the
        /// stamps of the site's files (as they are now: untouched).
        case modified([String], snapshot: String, outputs: [String])
        /// Anything else: build everything.
        case rebuild
    }

    /// The stamp of the inputs as they are now (taken before anything is read, so a file changed during the build
    /// makes the next build run). Nil when the inputs cannot be listed faithfully (then the build is not recorded).
    static func current(_ options: BuildOptions) -> BuildStamp? {
        let root = options.courseRoot.standardizedFileURL.path
        // The inputs and the site are listed at the same time (each is mostly waiting for the file system).
        let lists = ConcurrentMap.map([true, false]) { isInput -> [String]? in
            guard isInput else { return FileStamps.collect(options.output.standardizedFileURL.path, relative: "", includingHidden: true, changeTime: false) }
            var inputs: [String] = []
            for folder in inputFolders {
                guard let stamps = FileStamps.collect(root + "/" + folder, relative: folder) else { return nil }
                inputs += stamps
            }
            return inputs
        }
        guard let inputs = lists[0] else { return nil }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let program = FileStamps.stamp(of: executable) ?? "?"
        let fields = [
            "program=\(program) \(executable)", "root=\(root)",
            "output=\(options.output.standardizedFileURL.path)", "edition=\(options.edition?.rawValue ?? "default")",
            "strict=\(options.strict)", "date=\(options.environment["SOURCE_DATE_EPOCH"] ?? "none")",
        ]
        return BuildStamp(options: fields.joined(separator: "\t"), inputs: inputs, site: lists[1])
    }

    /// Where the stamp of builds into `output` with these options is kept (and, beside it, the snapshot).
    static func file(_ options: BuildOptions, extension ext: String = "stamp") -> URL {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in (options.output.standardizedFileURL.path + "\u{0}" + (options.edition?.rawValue ?? "")).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return options.courseRoot.appendingPathComponent(".openkey-cache/builds/" + String(hash, radix: 16) + "." + ext)
    }

    /// These inputs against the recorded ones, byte for byte; the recorded output against the files there now.
    func compare(_ options: BuildOptions) -> Comparison {
        guard let data = FileManager.default.contents(atPath: BuildStamp.file(options).path) else { return .rebuild }
        let bytes = [UInt8](data)
        var lines: [Range<Int>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func field(_ line: Int, _ name: String) -> String? {
            guard lines.count > line else { return nil }
            let value = text(lines[line])
            return value.hasPrefix(name + "\t") ? String(value.dropFirst(name.count + 1)) : nil
        }
        guard lines.count >= 5, text(lines[0]) == BuildStamp.format, field(1, "options") == self.options,
              let pages = field(2, "pages").flatMap(Int.init), let snapshot = field(3, "snapshot"),
              let inputCount = field(4, "inputs").flatMap(Int.init), inputCount >= 0, lines.count >= 5 + inputCount else { return .rebuild }
        let recordedInputs = lines[5..<(5 + inputCount)]
        let outputs = lines[(5 + inputCount)...]
        guard !outputs.isEmpty, let site, site.count == outputs.count,
              zip(outputs, site).allSatisfy({ bytes[$0].elementsEqual($1.utf8) }) else { return .rebuild }
        // A file added or removed means building everything.
        guard recordedInputs.count == inputs.count else { return .rebuild }
        // The common case first: every input as recorded (compared as bytes, without making strings).
        if zip(recordedInputs, inputs).allSatisfy({ bytes[$0].elementsEqual($1.utf8) }) { return .upToDate(pages: pages) }
        // Otherwise: which files changed (a different path at the same place means one was renamed: rebuild).
        var modified: [String] = []
        for (range, line) in zip(recordedInputs, inputs) where !bytes[range].elementsEqual(line.utf8) {
            let recorded = text(range)
            guard let a = recorded.lastIndex(of: "\t"), let b = line.lastIndex(of: "\t"),
                  recorded[recorded.index(after: a)...] == line[line.index(after: b)...] else { return .rebuild }
            modified.append(String(line[line.index(after: b)...]))
        }
        return .modified(modified, snapshot: snapshot, outputs: site)
    }

    /// Records a successful build: these inputs, the snapshot written for it (if any), and every file of the
    /// output as the build left it (`outputs`, when the caller knows them: an update that replaced a few files).
    func record(_ options: BuildOptions, pageCount: Int, snapshot: URL? = nil, outputs known: [String]? = nil) {
        let site = options.output.standardizedFileURL.path
        guard let outputs = known ?? FileStamps.collect(site, relative: "", includingHidden: true, changeTime: false), !outputs.isEmpty else {
            BuildStamp.forget(options)
            return
        }
        let snapshotStamp = snapshot.flatMap { FileStamps.stamp(of: $0.path) } ?? "-"
        var text = BuildStamp.format + "\noptions\t" + self.options + "\npages\t\(pageCount)\nsnapshot\t" + snapshotStamp
            + "\ninputs\t\(inputs.count)\n"
        text.reserveCapacity(text.utf8.count + 64 * (inputs.count + outputs.count))
        for line in inputs { text += line; text += "\n" }
        for line in outputs { text += line; text += "\n" }
        let file = BuildStamp.file(options)
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            BuildStamp.forget(options)
        }
    }

    static func forget(_ options: BuildOptions) {
        try? FileManager.default.removeItem(at: file(options))
        try? FileManager.default.removeItem(at: file(options, extension: "snapshot"))
    }
}

/// `size mtime ctime inode` of files, and every regular file of a folder with its stamp.
enum FileStamps {
    /// Follows symbolic links (what a build reads through a link is the target). Without `changeTime` for the
    /// output, whose files' change times move when the replaced site (holding hard links to them) is deleted.
    static func stamp(of path: String, changeTime: Bool = true) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return stamp(info, changeTime: changeTime)
    }

    static func stamp(_ info: stat, changeTime: Bool) -> String {
        let changed = changeTime ? "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)" : "-"
        return "\(info.st_size)\t\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\t\(changed)\t\(info.st_ino)"
    }

    /// `stamp<TAB>relative path` for every regular file below `folder` (links followed: a build reads what they
    /// point to), sorted by path; nil when a name cannot be written in a line (then nothing should be recorded).
    static func collect(_ folder: String, relative: String, includingHidden: Bool = false, changeTime: Bool = true) -> [String]? {
        var out: [String] = []
        let files = CourseLoader.listFilesWithInfo(under: URL(fileURLWithPath: folder), includingHidden: includingHidden, followingLinks: true)
        out.reserveCapacity(files.count)
        for (path, info) in files {
            guard !path.utf8.contains(0x0A), !path.utf8.contains(0x09) else { return nil }
            out.append(stamp(info, changeTime: changeTime) + "\t" + (relative.isEmpty ? path : relative + "/" + path))
        }
        return out
    }
}
