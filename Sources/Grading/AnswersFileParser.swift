import Diagnostics
import Foundation

/// Reads an answers file (format in `AnswersFile`). Safe on any input: it never traps, refuses files
/// over `AnswersFile.maxBytes`, and stops after `maxErrors` errors. Returns the file only when it has no errors.
public enum AnswersFileParser {
    static let keywords = ["cutflow", "histogram", "edges", "value", "question"]
    static let maxErrors = 20
    static let versionHeader = "# OpenKey answers file, version "

    public static func parse(_ text: String, path: String) -> (AnswersFile?, [Diagnostic]) {
        parse(Array(text.utf8), path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) -> (AnswersFile?, [Diagnostic]) {
        guard bytes.count <= AnswersFile.maxBytes else {
            return (nil, [.error("answers.too-large", "the answers file is \(bytes.count) bytes, over the limit of \(AnswersFile.maxBytes)",
                                 at: .file(path), hint: "an answers file holds a few lines of numbers")])
        }
        var file = AnswersFile()
        var diagnostics: [Diagnostic] = []
        var seen: [String: SourceLocation] = [:]
        for (number, slice) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if diagnostics.count >= maxErrors {
                diagnostics.append(.error("answers.too-many-errors", "too many errors; the rest of the file was not read",
                                          at: SourceLocation(path: path, line: number + 1, column: 1)))
                break
            }
            let line = slice.last == 0x0D ? slice.dropLast() : slice
            var scanner = LineScanner(line, path: path, line: number + 1)
            guard String(bytes: line, encoding: .utf8) != nil else {
                diagnostics.append(.error("answers.encoding", "this line is not valid UTF-8 text", at: scanner.location))
                continue
            }
            do {
                try read(&scanner, into: &file, seen: &seen)
            } catch {
                diagnostics.append(error)
            }
        }
        diagnostics += crossCheck(file)
        return (diagnostics.isEmpty ? file : nil, diagnostics)
    }

    // MARK: - Lines

    static func read(_ s: inout LineScanner, into file: inout AnswersFile, seen: inout [String: SourceLocation]) throws(Diagnostic) {
        s.skipSpaces()
        guard !s.atEnd else { return }
        if s.bytes[s.index] == 0x23 {
            try header(String(decoding: s.bytes[s.index...], as: UTF8.self), at: s.location)
            return
        }
        guard let (keyword, start) = s.word() else {
            throw .error("answers.syntax", "expected an entry such as 'cutflow data: 40 20 11 8'", at: s.location)
        }
        let at = s.location(of: start)
        func unique(_ key: String, _ what: String) throws(Diagnostic) {
            if let first = seen[key] {
                throw .error("answers.duplicate", "\(what) is given twice", at: at, notes: [.init("first given here", at: first)])
            }
            seen[key] = at
        }
        switch keyword {
        case "cutflow":
            let sample = s.word()?.text
            try s.colon(after: "'cutflow" + (sample.map { " \($0)" } ?? "") + "'")
            let numbers = try s.numbers()
            guard !numbers.isEmpty, numbers.allSatisfy({ $0 >= 0 && $0 == $0.rounded() && $0 < 1e15 }) else {
                throw .error("answers.number", "a cut flow is a list of whole numbers of events", at: at)
            }
            try unique("cutflow \(sample ?? "")", "the cut flow\(sample.map { " of '\($0)'" } ?? "")")
            file.cutflows.append(.init(name: "", sample: sample, values: numbers.map { Int($0) }, location: at))
        case "histogram":
            guard let name = s.word()?.text else { throw .error("answers.syntax", "expected a histogram name after 'histogram'", at: s.location) }
            let sample = s.word()?.text
            try s.colon(after: "the histogram name")
            let numbers = try s.numbers()
            guard !numbers.isEmpty else { throw .error("answers.number", "histogram '\(name)' has no bin contents", at: at) }
            try unique("histogram \(name) \(sample ?? "")", "histogram '\(name)'\(sample.map { " of '\($0)'" } ?? "")")
            file.histograms.append(.init(name: name, sample: sample, values: numbers, location: at))
        case "edges":
            guard let name = s.word()?.text else { throw .error("answers.syntax", "expected a histogram name after 'edges'", at: s.location) }
            try s.colon(after: "the histogram name")
            let numbers = try s.numbers()
            guard numbers.count >= 2, zip(numbers, numbers.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw .error("answers.edges", "the edges of '\(name)' must be at least two increasing numbers", at: at)
            }
            try unique("edges \(name)", "the edges of '\(name)'")
            file.edges[name] = .init(name: name, sample: nil, values: numbers, location: at)
        case "value":
            let (name, _) = try s.quoted()
            let sample = s.word()?.text
            try s.colon(after: "the value's name")
            let numbers = try s.numbers()
            guard numbers.count == 1, let x = numbers.first else {
                throw .error("answers.number", "value \"\(name)\" needs exactly one number, found \(numbers.count)", at: at)
            }
            try unique("value \(name) \(sample ?? "")", "value \"\(name)\"\(sample.map { " of '\($0)'" } ?? "")")
            file.values.append(.init(name: name, sample: sample, values: x, location: at))
        case "question":
            guard let id = s.word()?.text else { throw .error("answers.syntax", "expected a question id after 'question'", at: s.location) }
            try s.colon(after: "the question id")
            let answer = s.rest()
            guard !answer.text.isEmpty else { throw .error("answers.syntax", "the answer to '\(id)' is empty", at: s.location(of: answer.start)) }
            try unique("question \(id)", "the answer to '\(id)'")
            file.questions.append(.init(id: id, answer: answer.text, location: at))
        default:
            throw Diagnostic.error("answers.unknown-entry", "unknown entry '\(keyword.prefix(40))'", at: at,
                                   hint: "entries are: \(keywords.joined(separator: ", "))")
                .suggesting(keyword, from: keywords)
        }
    }

    /// A comment naming a version other than 1 is an error; other comments are skipped.
    static func header(_ comment: String, at location: SourceLocation) throws(Diagnostic) {
        guard comment.hasPrefix(versionHeader) else { return }
        let version = comment.dropFirst(versionHeader.count).trimmingCharacters(in: .whitespaces)
        if version != String(AnswersFile.version) {
            throw .error("answers.version", "unsupported answers file version '\(version.prefix(20))'", at: location,
                         hint: "this version of OpenKey reads version \(AnswersFile.version)")
        }
    }

    /// Histograms need edges, with one more edge than bins.
    static func crossCheck(_ file: AnswersFile) -> [Diagnostic] {
        file.histograms.compactMap { h in
            guard let edges = file.edges[h.name] else {
                return .error("answers.edges", "histogram '\(h.name)' has no edges", at: h.location,
                              hint: "add a line 'edges \(h.name): ...' with the bin edges")
            }
            guard edges.values.count == h.values.count + 1 else {
                return .error("answers.edges", "histogram '\(h.name)' has \(h.values.count) bins but \(edges.values.count) edges",
                              at: h.location, notes: [.init("edges given here", at: edges.location)],
                              hint: "n bins have n + 1 edges")
            }
            return nil
        }
    }
}
