import Curriculum
import Diagnostics
import Foundation
import Localization
import Publishing

/// `openkey pack DEST`: the Open Key, a folder to copy onto a USB pen. Laid out as
///
///     START-HERE.html   what is on the key, in every language of the course, and how to use it
///     site/             the student edition (open site/index.html)
///     teacher-site/     the teacher edition, with --teacher
///     data/             the sample data the exercises read
///     exercises/<id>/   each exercise's starter.ana and check.bundle, for `./openkey check`
///     openkey           launcher for the tool in tools/linux-x86_64/ (with its libraries)
///     SHA256SUMS        every file's hash: `openkey verify DEST` (or `sha256sum -c SHA256SUMS`)
///
/// Built in a staging folder beside DEST and swapped in at the end; the same course packs to the same tree.
public enum KeyPacker {
    public struct Options: Sendable {
        public var courseRoot: URL
        public var destination: URL
        public var teacher: Bool
        public var tools: ToolBundle?
        public init(courseRoot: URL, destination: URL, teacher: Bool = false, tools: ToolBundle? = nil) {
            self.courseRoot = courseRoot
            self.destination = destination
            self.teacher = teacher
            self.tools = tools
        }
    }

    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var files: Int
        public var bytes: UInt64
        public var succeeded: Bool
    }

    static let marker = ".openkey-key"

    public static func pack(_ options: Options) -> Outcome {
        let fm = FileManager.default
        var diagnostics: [Diagnostic] = []
        func fail(_ d: Diagnostic) -> Outcome {
            Outcome(diagnostics: diagnostics + [d], files: 0, bytes: 0, succeeded: false)
        }
        let destination = options.destination.standardizedFileURL
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: destination.path, isDirectory: &isDir) {
            let contents = (try? fm.contentsOfDirectory(atPath: destination.path)) ?? []
            guard isDir.boolValue, contents.isEmpty || contents.contains(marker) else {
                return fail(.error("pack.destination", "\(destination.path) exists and is not an Open Key", at: nil,
                                   hint: "choose a new or empty folder, e.g. /media/usb/OpenKey"))
            }
        }
        let parent = destination.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).openkey-pack-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        defer { try? fm.removeItem(at: staging) }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            return fail(.error("pack.write", "cannot write beside \(destination.path): \(error.localizedDescription)", at: nil))
        }

        // The sites, built like `openkey build --strict` (no build date: the key must be reproducible).
        var editions: [(Edition, String)] = [(.student, "site")]
        if options.teacher { editions.append((.teacher, "teacher-site")) }
        for (edition, folder) in editions {
            let result = BuildPipeline.run(BuildOptions(courseRoot: options.courseRoot, output: staging.appendingPathComponent(folder),
                                                        edition: edition, strict: true, environment: [:]))
            diagnostics += result.diagnostics
            guard result.succeeded else {
                return fail(.error("pack.build", "the \(edition.rawValue) edition does not build; fix the errors above", at: nil))
            }
        }
        do {
            // Sample data and the exercises' student files.
            let data = options.courseRoot.appendingPathComponent("Exercises/data")
            if fm.fileExists(atPath: data.path) { try fm.copyItem(at: data, to: staging.appendingPathComponent("data")) }
            let siteExercises = staging.appendingPathComponent("site/exercises")
            for id in ((try? fm.contentsOfDirectory(atPath: siteExercises.path)) ?? []).sorted() where !id.hasPrefix(".") {
                let to = staging.appendingPathComponent("exercises/\(id)")
                try fm.createDirectory(at: to, withIntermediateDirectories: true)
                for name in ["starter.ana", "check.bundle"] where fm.fileExists(atPath: siteExercises.appendingPathComponent("\(id)/\(name)").path) {
                    try fm.copyItem(at: siteExercises.appendingPathComponent("\(id)/\(name)"), to: to.appendingPathComponent(name))
                }
            }
            // The tool and its libraries.
            if let tools = options.tools {
                let folder = staging.appendingPathComponent("tools/linux-x86_64")
                try fm.createDirectory(at: folder.appendingPathComponent("lib"), withIntermediateDirectories: true)
                try fm.copyItem(at: tools.binary, to: folder.appendingPathComponent("openkey"))
                try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("openkey").path)
                for library in tools.libraries {
                    try fm.copyItem(at: library.resolvingSymlinksInPath(), to: folder.appendingPathComponent("lib/\(library.lastPathComponent)"))
                }
                try Data(ToolBundle.launcher.utf8).write(to: staging.appendingPathComponent("openkey"))
                try fm.setAttributes([.posixPermissions: 0o755], ofItemAtPath: staging.appendingPathComponent("openkey").path)
            }
            let log = DiagnosticLog()
            let course = CourseLoader.load(root: options.courseRoot, log: log)
            let translations = course.map { TranslationLoader.load(root: options.courseRoot, course: $0, builtinUI: UIStrings.reference, log: log) }
            let page = StartPage.html(course: course, translations: translations, teacher: options.teacher, tools: options.tools != nil)
            try Data(page.utf8).write(to: staging.appendingPathComponent("START-HERE.html"))
            try Data("OpenKey key\n".utf8).write(to: staging.appendingPathComponent(marker))
        } catch {
            return fail(.error("pack.write", "cannot assemble the key: \(error.localizedDescription)", at: nil))
        }

        // What FAT32/exFAT would refuse, before anything is copied.
        let files = KeyFiles.list(staging)
        var problems: [String] = []
        for file in files { problems += KeyNames.problems(path: file).map { "\(file): \($0)" } }
        for clash in KeyNames.caseClashes(files) { problems.append("\(clash.joined(separator: " and ")) differ only by case") }
        var total: UInt64 = 0
        for file in files {
            let size = (try? fm.attributesOfItem(atPath: staging.appendingPathComponent(file).path)[.size] as? NSNumber)?.uint64Value ?? 0
            total += size
            if size > KeyNames.maxFileSize { problems.append("\(file): \(size) bytes, more than FAT32's 4 GiB limit") }
        }
        if !problems.isEmpty {
            return fail(Diagnostic.error("pack.names", "the key would not copy safely to a USB pen (FAT32/exFAT):\n  " + problems.joined(separator: "\n  "),
                                         at: nil, hint: "rename those files in the course"))
        }
        let free = (try? fm.attributesOfFileSystem(forPath: parent.path)[.systemFreeSize] as? NSNumber)?.uint64Value
        if let free, total > free {
            return fail(.error("pack.space", "the key needs \(total) bytes but \(parent.path) has \(free) free", at: nil))
        }
        do {
            let manifest = try KeyManifest.make(root: staging)
            try Data(manifest.text.utf8).write(to: staging.appendingPathComponent(KeyManifest.fileName))
            // The swap: the old key (if any) is replaced only once the new one is complete.
            if fm.fileExists(atPath: destination.path) {
                let old = parent.appendingPathComponent(".\(destination.lastPathComponent).openkey-old-\(ProcessInfo.processInfo.processIdentifier)")
                try fm.moveItem(at: destination, to: old)
                try fm.moveItem(at: staging, to: destination)
                try? fm.removeItem(at: old)
            } else {
                try fm.moveItem(at: staging, to: destination)
            }
            return Outcome(diagnostics: diagnostics, files: manifest.entries.count + 1, bytes: total, succeeded: true)
        } catch {
            return fail(.error("pack.write", "cannot finish the key: \(error.localizedDescription)", at: nil))
        }
    }
}
