import Analysis
import Diagnostics
import EventData
import Foundation

/// `openkey inspect FILE.root`: what a ROOT file holds — trees, entries, branches with types and compression —
/// and, with `--dump`, the values of some branches.
enum InspectCommand {
    static let usage = """
    Usage: openkey inspect FILE.root [--tree NAME] [--json] [--dump BRANCH,BRANCH…] [--entries A:B]
    """

    static func run(_ args: Arguments, stdout: (String) -> Void, stderr: (String) -> Void) -> Int32 {
        guard args.positionals.count == 1, let path = args.positionals.first else {
            stderr("openkey: error: inspect needs exactly one ROOT file\n\n\(usage)")
            return 2
        }
        var range = 0..<10
        if let text = args.options["--entries"] {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
            guard parts.count == 2, let a = parts[0], let b = parts[1], a >= 0, b > a else {
                stderr("openkey: error: --entries takes A:B with 0 <= A < B, e.g. 0:10")
                return 2
            }
            range = a..<b
        }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let url = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL
        do throws(DataError) {
            let file = try ROOTFile(url: url, displayPath: path)
            var trees = file.trees
            if let name = args.options["--tree"] {
                trees = trees.filter { $0.path == name }
                if trees.isEmpty {
                    let d = Diagnostic.error("root.unknown-tree", "no tree '\(name)' in \(path)", at: .file(path),
                                             hint: "trees: \(file.trees.map(\.path).joined(separator: ", "))")
                        .suggesting(name, from: file.trees.map(\.path))
                    throw DataError(d)
                }
            }
            if let list = args.options["--dump"] {
                let branches = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                stdout(try dump(file, tree: args.options["--tree"], branches: branches, range: range, path: path))
                return 0
            }
            stdout(args.flags.contains("--json") ? json(path, trees) : table(path, trees))
            return 0
        } catch {
            stderr(DiagnosticFormatter.format(error.diagnostic))
            return 1
        }
    }

    static func table(_ path: String, _ trees: [ROOTTreeInfo]) -> String {
        var lines = ["\(path)"]
        for tree in trees {
            lines.append("")
            lines.append("tree \(tree.path) — \"\(tree.title)\", \(tree.entries) entries, \(tree.branches.count) branches")
            let nameWidth = max(6, (tree.branches.map(\.name.count).max() ?? 0) + 2)
            let typeWidth = max(6, (tree.branches.map(\.typeName.count).max() ?? 0) + 2)
            lines.append(pad("name", nameWidth) + pad("type", typeWidth) + "compression")
            lines.append(String(repeating: "-", count: nameWidth + typeWidth + 24))
            for b in tree.branches {
                let note = b.isReadable ? "" : "   not readable: \(b.whyNot ?? "unsupported")"
                lines.append(pad(b.name, nameWidth) + pad(b.typeName, typeWidth) + b.compression + note)
            }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ path: String, _ trees: [ROOTTreeInfo]) -> String {
        var out = "{\n  \"file\": \(ResultJSON.quoteString(path)),\n  \"trees\": [\n"
        out += trees.map { tree in
            let branches = tree.branches.map { b in
                "        {\"name\": \(ResultJSON.quoteString(b.name)), \"type\": \(ResultJSON.quoteString(b.typeName)), "
                    + "\"compression\": \(ResultJSON.quoteString(b.compression)), \"readable\": \(b.isReadable)"
                    + (b.whyNot.map { ", \"why_not\": \(ResultJSON.quoteString($0))" } ?? "") + "}"
            }.joined(separator: ",\n")
            return "    {\"path\": \(ResultJSON.quoteString(tree.path)), \"title\": \(ResultJSON.quoteString(tree.title)), "
                + "\"entries\": \(tree.entries), \"branches\": [\n\(branches)\n    ]}"
        }.joined(separator: ",\n")
        return out + "\n  ]\n}"
    }

    static func dump(_ file: ROOTFile, tree: String?, branches: [String], range: Range<Int>, path: String) throws(DataError) -> String {
        let source = try ROOTSource(file: file, tree: tree, displayPath: path)
        let upper = min(range.upperBound, source.eventCount ?? range.upperBound)
        guard range.lowerBound < upper else { return "no entries in \(range.lowerBound):\(range.upperBound)" }
        let numeric = branches.filter { name in source.schema.contains { $0.name == name } }
        var columns: [String: Column] = [:]
        if !numeric.isEmpty {
            var reader = try source.makeReader(columns: numeric, chunkSize: upper, limit: upper)
            if let chunk = try reader.next() { columns = chunk.columns }
        }
        var lines: [String] = []
        for entry in range.lowerBound..<upper {
            var cells: [String] = ["entry \(entry)"]
            for name in branches {
                if let column = columns[name] {
                    let values = column.list(at: entry).map { ResultText.format($0) }
                    cells.append("\(name) = " + (column.isJagged ? "[\(values.joined(separator: ", "))]" : (values.first ?? "")))
                } else {
                    let text = try source.tree.strings(name, entries: entry..<(entry + 1)).first ?? ""
                    cells.append("\(name) = \"\(text)\"")
                }
            }
            lines.append(cells.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(1, width - s.count)) }
}
