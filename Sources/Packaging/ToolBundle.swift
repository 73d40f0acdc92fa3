import Foundation

/// The `openkey` program as it goes on a key: the binary and every shared library it needs except the C library
/// itself, found with `ldd`. Packed as `tools/linux-x86_64/openkey` with the libraries in `lib/` beside it; a
/// binary linked with the rpath `$ORIGIN/lib` (as `make key` does) finds them there, and the launcher script sets
/// `LD_LIBRARY_PATH` for one that was not.
public struct ToolBundle: Sendable {
    public var binary: URL
    public var libraries: [URL]

    /// Libraries every Linux machine has, which must come from the machine itself.
    static let system = ["libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so", "ld-linux", "linux-vdso", "libresolv.so", "libutil.so"]

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case noLdd
        case unresolved([String])
        public var description: String {
            switch self {
            case .noLdd: return "cannot run ldd to find the libraries openkey needs"
            case .unresolved(let names): return "these libraries of openkey are not found on this machine: \(names.joined(separator: ", "))"
            }
        }
    }

    public static func discover(binary: URL) -> Result<ToolBundle, Failure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ldd", binary.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return .failure(.noLdd) }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return .failure(.noLdd) }
        var libraries: [URL] = [], unresolved: [String] = []
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let name = String(trimmed.split(separator: " ").first ?? "")
            if system.contains(where: { name.hasPrefix($0) || name.contains("/" + $0) }) { continue }
            if trimmed.contains("not found") { unresolved.append(name); continue }
            guard let arrow = trimmed.range(of: "=> ") else { continue }
            let path = trimmed[arrow.upperBound...].split(separator: " ").first.map(String.init) ?? ""
            if path.hasPrefix("/") { libraries.append(URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name)) }
        }
        guard unresolved.isEmpty else { return .failure(.unresolved(unresolved)) }
        return .success(ToolBundle(binary: binary, libraries: libraries.sorted { $0.lastPathComponent < $1.lastPathComponent }))
    }

    /// The one-line launcher at the top of the key.
    static let launcher = """
        #!/bin/sh
        # OpenKey's command-line tool, carried on this key (Linux x86-64). Usage: ./openkey --help
        here="$(cd "$(dirname "$0")" && pwd)"; LD_LIBRARY_PATH="$here/tools/linux-x86_64/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$here/tools/linux-x86_64/openkey" "$@"

        """
}
