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
    static let format = "openkey-build-stamp 1"

    var options: String
    var inputs: [String]

    /// The stamp of the inputs as they are now (taken before anything is read, so a file changed during the build
    /// makes the next build run). Nil when the inputs cannot be listed faithfully (then the build is not recorded).
    static func current(_ options: BuildOptions) -> BuildStamp? {
        let root = options.courseRoot.standardizedFileURL.path
        var inputs: [String] = []
        for folder in inputFolders {
            guard let stamps = FileStamps.collect(root + "/" + folder, relative: folder) else { return nil }
            inputs += stamps
        }
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        let program = FileStamps.stamp(of: executable) ?? "?"
        let fields = [
            "program=\(program) \(executable)", "root=\(root)",
            "output=\(options.output.standardizedFileURL.path)", "edition=\(options.edition?.rawValue ?? "default")",
            "strict=\(options.strict)", "date=\(options.environment["SOURCE_DATE_EPOCH"] ?? "none")",
        ]
        return BuildStamp(options: fields.joined(separator: "\t"), inputs: inputs)
    }

    /// Where the stamp of builds into `output` with these options is kept.
    static func file(_ options: BuildOptions) -> URL {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in (options.output.standardizedFileURL.path + "\u{0}" + (options.edition?.rawValue ?? "")).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return options.courseRoot.appendingPathComponent(".openkey-cache/builds/" + String(hash, radix: 16) + ".stamp")
    }

    /// The page count of the last build when it recorded exactly these inputs and its output is untouched.
    func upToDate(_ options: BuildOptions) -> Int? {
        guard let text = try? String(contentsOf: BuildStamp.file(options), encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.count >= 4, lines[0] == BuildStamp.format, lines[1] == "options\t" + self.options,
              let pages = Int(lines[2].dropFirst("pages\t".count)), lines[2].hasPrefix("pages\t") else { return nil }
        var recorded: [Substring] = []
        var outputs: [Substring] = []
        for line in lines.dropFirst(3) {
            if line.hasPrefix("i\t") { recorded.append(line.dropFirst(2)) } else if line.hasPrefix("o\t") { outputs.append(line.dropFirst(2)) } else { return nil }
        }
        guard !outputs.isEmpty, recorded.count == inputs.count, zip(recorded, inputs).allSatisfy({ $0 == $1 }) else { return nil }
        let site = options.output.standardizedFileURL.path
        for line in outputs {
            guard let tab = line.lastIndex(of: "\t") else { return nil }
            let path = String(line[line.index(after: tab)...])
            guard FileStamps.stamp(of: site + "/" + path, changeTime: false).map({ $0 + "\t" + path }) == String(line) else { return nil }
        }
        return pages
    }

    /// Records a successful build: these inputs, and every file of the output as the build left it.
    func record(_ options: BuildOptions, pageCount: Int) {
        let site = options.output.standardizedFileURL.path
        guard let outputs = FileStamps.collect(site, relative: "", includingHidden: true, changeTime: false), !outputs.isEmpty else {
            BuildStamp.forget(options)
            return
        }
        var text = BuildStamp.format + "\noptions\t" + self.options + "\npages\t\(pageCount)\n"
        for line in inputs { text += "i\t" + line + "\n" }
        for line in outputs { text += "o\t" + line + "\n" }
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
    }
}

/// `size mtime ctime inode` of files, and every regular file of a folder with its stamp.
enum FileStamps {
    /// Follows symbolic links (what a build reads through a link is the target). Without `changeTime` for the
    /// output, whose files' change times move when the replaced site (holding hard links to them) is deleted.
    static func stamp(of path: String, changeTime: Bool = true) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let changed = changeTime ? "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)" : "-"
        return "\(info.st_size)\t\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)\t\(changed)\t\(info.st_ino)"
    }

    /// `stamp<TAB>relative path` for every regular file below `folder` (links followed: a build reads what they
    /// point to); nil when a name cannot be written in a line (then nothing should be recorded).
    static func collect(_ folder: String, relative: String, includingHidden: Bool = false, changeTime: Bool = true) -> [String]? {
        var out: [String] = []
        for path in CourseLoader.listFiles(under: URL(fileURLWithPath: folder), includingHidden: includingHidden, followingLinks: true) {
            let rel = relative.isEmpty ? path : relative + "/" + path
            guard !rel.contains("\n"), !rel.contains("\t"), let stamp = stamp(of: folder + "/" + path, changeTime: changeTime) else { return nil }
            out.append(stamp + "\t" + rel)
        }
        return out
    }
}
