import Diagnostics
import Foundation
import Packaging

/// `openkey pack DEST` and `openkey verify DEST`.
enum KeyCommands {
    static func pack(_ args: Arguments, stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        guard args.positionals.count == 1 else {
            stderr("openkey: error: usage: openkey pack DEST [--course DIR] [--teacher] [--binary PATH] [--no-tools]")
            return 2
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let destination = URL(fileURLWithPath: args.positionals[0], relativeTo: cwd).standardizedFileURL
        let course = URL(fileURLWithPath: args.options["--course"] ?? ".", relativeTo: cwd).standardizedFileURL
        var tools: ToolBundle?
        if !args.flags.contains("--no-tools") {
            let binary = args.options["--binary"].map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
                ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            switch ToolBundle.discover(binary: binary) {
            case .success(let bundle): tools = bundle
            case .failure(let failure):
                stderr("openkey: error: \(failure)\n    hint: pack without the tool with --no-tools")
                return 1
            }
        }
        let outcome = KeyPacker.pack(.init(courseRoot: course, destination: destination, teacher: args.flags.contains("--teacher"), tools: tools))
        if !outcome.diagnostics.isEmpty { stderr(DiagnosticFormatter.format(outcome.diagnostics)) }
        guard outcome.succeeded else {
            stderr("openkey: pack failed; \(destination.path) is unchanged")
            return 1
        }
        let megabytes = String(format: "%.1f", Double(outcome.bytes) / 1_048_576)
        stdout("openkey: packed \(outcome.files) files (\(megabytes) MB) into \(destination.path); open START-HERE.html")
        return 0
    }

    static func verify(_ args: Arguments, stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        guard args.positionals.count <= 1 else {
            stderr("openkey: error: usage: openkey verify [KEY_DIR]")
            return 2
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: args.positionals.first ?? ".", relativeTo: cwd).standardizedFileURL
        let manifestURL = root.appendingPathComponent(KeyManifest.fileName)
        guard let text = try? String(contentsOf: manifestURL, encoding: .utf8) else {
            stderr("openkey: error: \(manifestURL.path) is missing: this is not an Open Key, or its manifest was lost")
            return 1
        }
        let manifest: KeyManifest
        switch KeyManifest.parse(text) {
        case .success(let m): manifest = m
        case .failure(.badLine(let line)):
            stderr("\(manifestURL.path):\(line):1: error: not a '<sha256>  <path>' line; the manifest itself is damaged")
            return 1
        }
        let report = manifest.verify(root: root)
        var lines: [String] = []
        for path in report.corrupted { lines.append("corrupted: \(path)") }
        for path in report.missing { lines.append("missing:   \(path)") }
        for path in report.extra { lines.append("extra:     \(path)") }
        if report.isClean {
            stdout("openkey: \(root.path): all \(report.checked) files present and intact")
            return 0
        }
        stdout(lines.joined(separator: "\n"))
        stderr("openkey: \(root.path): \(report.corrupted.count) corrupted, \(report.missing.count) missing, \(report.extra.count) extra; copy the key again from a good one")
        return 1
    }
}
