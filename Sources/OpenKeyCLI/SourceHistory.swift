import Curriculum
import Foundation
import Localization

/// Finds the version of a source page a stale translation was made from, in the course's git history, so the
/// translator sees exactly what changed. Only `openkey translations` uses it (builds never depend on git).
enum SourceHistory {
    /// The text of `sourcePath` at the newest commit whose version has fingerprint `hash`; nil when git, the
    /// repository or that version is not available. Looks at most `limit` commits back.
    static func text(of sourcePath: String, withHash hash: String, root: URL, limit: Int = 200) -> String? {
        guard let log = git(["log", "--format=%H", "-n", String(limit), "--", sourcePath], root: root) else { return nil }
        let id = String(sourcePath.dropFirst("Content/".count).dropLast(".md".count))
        for commit in log.split(separator: "\n") where commit.count == 40 {
            guard let text = git(["show", "\(commit):\(sourcePath)"], root: root) else { continue }
            let (page, _) = PageParser.parse(text, sourcePath: sourcePath, defaultID: id)
            if let page, SourceHash.of(page) == hash { return text }
        }
        return nil
    }

    /// Runs git with arguments (never through a shell), returning its standard output when it succeeds.
    static func git(_ arguments: [String], root: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
