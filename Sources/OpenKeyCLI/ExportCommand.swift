import Diagnostics
import Export
import Foundation

/// `openkey export FILE.ana --to rdataframe|uproot|cpp`: the same analysis as a program for researchers' tools.
enum ExportCommand {
    static let usage = """
    Usage: openkey export FILE.ana --to rdataframe|uproot|cpp [--distributed dask|spark] [--dask] [--data DIR] [-o FILE]

      --to rdataframe        Python with ROOT's RDataFrame (Filter/Define/Histo1D, one dataframe per sample)
      --to uproot            Python with uproot, awkward, vector and hist
      --to cpp               a ROOT C++ macro on RDataFrame
      --distributed BACKEND  (rdataframe) the same script on ROOT's distributed RDataFrame: dask or spark
      --dask                 (uproot) the same analysis with uproot.dask and dask-awkward, for a Dask cluster
      --data DIR             folder the samples' files are relative to (default: the folder of FILE.ana); the
                             files are opened to learn which branches are lists and how they are stored
      -o, --output FILE      write the program to FILE (default: print it)
    The exported program writes the cut flow, histograms and reported values in OpenKey's result format (--json),
    so its numbers can be compared with `openkey run --json`.
    """

    static func run(_ args: Arguments, stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        guard args.positionals.count == 1, let file = args.positionals.first else {
            stderr("openkey: error: export needs exactly one analysis file\n\n\(usage)")
            return 2
        }
        let target: ExportTarget
        switch args.options["--to"] {
        case "rdataframe"?:
            if args.flags.contains("--dask") {
                stderr("openkey: error: --dask is for --to uproot; RDataFrame uses --distributed dask\n\n\(usage)")
                return 2
            }
            var backend: ExportTarget.DistributedBackend?
            if let name = args.options["--distributed"] {
                guard let b = ExportTarget.DistributedBackend(rawValue: name) else {
                    stderr("openkey: error: --distributed takes dask or spark, not '\(name)'")
                    return 2
                }
                backend = b
            }
            target = .rdataframe(distributed: backend)
        case "uproot"?:
            guard args.options["--distributed"] == nil else {
                stderr("openkey: error: --distributed is for --to rdataframe; the uproot export uses --dask\n\n\(usage)")
                return 2
            }
            target = .uproot(dask: args.flags.contains("--dask"))
        case "cpp"?, "c++"?:
            guard args.options["--distributed"] == nil, !args.flags.contains("--dask") else {
                stderr("openkey: error: the C++ macro runs locally; use --to rdataframe --distributed dask for a cluster")
                return 2
            }
            target = .cpp
        case let other?:
            var message = "openkey: error: unknown export target '\(other)'"
            if let best = Arguments.closest(other, ["rdataframe", "uproot", "cpp"]) { message += ". Did you mean '\(best)'?" }
            stderr(message + "\n\n" + usage)
            return 2
        case nil:
            stderr("openkey: error: export needs --to rdataframe, uproot or cpp\n\n\(usage)")
            return 2
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let input = AnalysisFile.read(file, args: args, stderr: stderr) else { return 1 }
        let output = args.options["--output"] ?? args.options["-o"]
        let programName = output.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        let (program, diagnostics) = Exporter.export(source: input.bytes, path: file, dataDirectory: input.dataDirectory, target: target,
                                                     programName: programName)
        if !diagnostics.isEmpty { stderr(DiagnosticFormatter.format(diagnostics)) }
        guard let program else { return 1 }
        if let output {
            let out = URL(fileURLWithPath: output, relativeTo: cwd).standardizedFileURL
            do {
                try Data(program.utf8).write(to: out, options: .atomic)
            } catch {
                stderr("openkey: error: cannot write \(output): \(error.localizedDescription)")
                return 1
            }
        } else {
            stdout(String(program.dropLast(program.hasSuffix("\n") ? 1 : 0)))
        }
        return 0
    }
}
