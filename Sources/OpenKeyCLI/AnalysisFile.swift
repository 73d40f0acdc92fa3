import Foundation

/// An analysis file named on the command line, and the folder its samples are read from
/// (`--data`, or the file's own folder), as `openkey run` and `openkey export` take them.
struct AnalysisFile {
    var bytes: [UInt8]
    var dataDirectory: URL

    /// Nil, with the error printed, when the file cannot be read.
    static func read(_ file: String, args: Arguments, stderr: (String) -> Void) -> AnalysisFile? {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: url.path) else {
            stderr("openkey: error: cannot read \(file)")
            return nil
        }
        let dataDirectory = args.options["--data"].map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL }
            ?? url.deletingLastPathComponent()
        return AnalysisFile(bytes: Array(data), dataDirectory: dataDirectory)
    }
}
