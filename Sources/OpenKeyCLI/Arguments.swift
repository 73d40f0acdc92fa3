/// The arguments of one `openkey` invocation, split into a command, positionals and options.
/// Hand-written on purpose: OpenKey has no package dependencies.
struct Arguments {
    var command: String?
    var positionals: [String] = []
    var options: [String: String] = [:]
    var flags: Set<String> = []

    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    /// - Parameters:
    ///   - valued: options that take a value (`--output DIR` or `--output=DIR`).
    ///   - flags: options without a value (`--strict`).
    static func parse(_ argv: [String], valued: Set<String>, flags allowedFlags: Set<String>) throws(UsageError) -> Arguments {
        var result = Arguments()
        var index = 0
        var onlyPositionals = false
        while index < argv.count {
            let arg = argv[index]
            index += 1
            if onlyPositionals || !arg.hasPrefix("-") || arg == "-" {
                if result.command == nil { result.command = arg } else { result.positionals.append(arg) }
                continue
            }
            if arg == "--" { onlyPositionals = true; continue }
            var name = arg
            var inlineValue: String?
            if let eq = arg.firstIndex(of: "=") {
                name = String(arg[..<eq])
                inlineValue = String(arg[arg.index(after: eq)...])
            }
            if valued.contains(name) {
                if let inlineValue {
                    result.options[name] = inlineValue
                } else {
                    guard index < argv.count else { throw UsageError(description: "option \(name) needs a value") }
                    result.options[name] = argv[index]
                    index += 1
                }
            } else if allowedFlags.contains(name), inlineValue == nil {
                result.flags.insert(name)
            } else {
                var message = "unknown option '\(name)'"
                let candidates = Array(valued) + Array(allowedFlags)
                if let best = closest(name, candidates) { message += ". Did you mean '\(best)'?" }
                throw UsageError(description: message)
            }
        }
        return result
    }

    static func closest(_ name: String, _ candidates: [String]) -> String? {
        candidates.map { ($0, distance($0, name)) }.filter { $0.1 <= 3 }.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(1, b.count) where !b.isEmpty {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
