import Diagnostics
import Foundation

/// A class list for `openkey grade --roster`: which student reads which language (and their name, for the
/// feedback page). A CSV file with a header row naming its columns: `id` (or `student`), and optionally
/// `name` and `language`. Other columns (email, group…) are ignored, so a platform's export can be used as is.
struct Roster: Sendable {
    struct Student: Sendable, Hashable {
        var id: String
        var name: String?
        var language: String?
    }

    var students: [String: Student] = [:]

    static func parse(_ text: String, path: String) -> (Roster, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var roster = Roster()
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        guard let headerLine = lines.first else { return (roster, []) }
        let header = fields(String(headerLine)).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let idColumn = header.firstIndex(of: "id") ?? header.firstIndex(of: "student") else {
            diagnostics.append(.error("roster.header", "the roster's first line must name its columns, with one called 'id' (or 'student')",
                                      at: SourceLocation(path: path, line: 1, column: 1),
                                      hint: "for example: id,name,language"))
            return (roster, diagnostics)
        }
        let nameColumn = header.firstIndex(of: "name")
        let languageColumn = header.firstIndex(of: "language") ?? header.firstIndex(of: "lang")
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let row = fields(String(line))
            let at = SourceLocation(path: path, line: offset + 1, column: 1)
            func cell(_ index: Int?) -> String? {
                guard let index, index < row.count else { return nil }
                let value = row[index].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            guard let id = cell(idColumn) else {
                diagnostics.append(.error("roster.id", "this row has no student id", at: at))
                continue
            }
            if roster.students[id.lowercased()] != nil {
                diagnostics.append(.error("roster.duplicate", "student '\(id)' is listed twice", at: at))
                continue
            }
            roster.students[id.lowercased()] = Student(id: id, name: cell(nameColumn), language: cell(languageColumn))
        }
        return (roster, diagnostics)
    }

    func student(_ id: String) -> Student? { students[id.lowercased()] }

    /// One CSV line's fields: commas separate, double quotes quote (`""` is a quote inside quotes).
    static func fields(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.append(c) }
            } else if c == "\"" && current.isEmpty {
                quoted = true
            } else if c == "," {
                out.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        out.append(current)
        return out
    }
}
