import Diagnostics
import Foundation
import YAMLSubset

/// Reads one Markdown page: front matter into a `Page`, the rest kept as the body. Pure: no file I/O.
public enum PageParser {
    static let fields = ["title", "summary", "id", "curriculum", "level", "duration", "edition"]
    public static let levels = ["introductory", "intermediate", "advanced"]

    /// - Parameters:
    ///   - sourcePath: path relative to the course root, e.g. `Content/foundations/leptons.md`.
    ///   - defaultID: the id used when front matter has none (path under `Content/` without `.md`).
    public static func parse(_ text: String, sourcePath: String, defaultID: String) -> (Page?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let front: FrontMatter
        switch FrontMatter.split(text, path: sourcePath) {
        case .success(let f): front = f
        case .failure(let d):
            // Keep the page (its body, headings and id) so one bad line does not also break every link to it.
            guard let blanked = blankingFrontMatter(text), case .success(let f) = FrontMatter.split(blanked, path: sourcePath) else {
                return (nil, [d])
            }
            return (placeholder(sourcePath: sourcePath, id: defaultID, front: f), [d])
        }
        guard let node = front.node else {
            let d = Diagnostic.error("frontmatter.missing", "page has no front matter", at: .file(sourcePath),
                                     hint: "start the file with ---, a line 'title: ...', a line 'summary: ...', and ---")
            return (nil, [d])
        }
        guard let map = node.map else {
            return (nil, [.error("frontmatter.type", "front matter must be a map of fields, found \(node.kindName)", at: node.location)])
        }
        let context = "page front matter"
        diagnostics += map.unknownKeys(allowed: fields, in: context)
        let title = map.requiredString("title", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        let summary = map.requiredString("summary", mapLocation: node.location, context: context, diagnostics: &diagnostics)
        var id = defaultID
        var idLocation = SourceLocation.file(sourcePath)
        if let custom = map.optionalString("id", context: context, diagnostics: &diagnostics), let entry = map.entry("id") {
            if let problem = IDRules.problem(with: custom) {
                diagnostics.append(.error("page.bad-id", "page id '\(custom)' \(problem)", at: entry.value.location))
            } else {
                id = custom
                idLocation = entry.value.location
            }
        }
        var references: [ObjectiveReference] = []
        for (text, location) in map.optionalStringList("curriculum", context: context, diagnostics: &diagnostics) ?? [] {
            if let ref = ObjectiveReference(parsing: text, at: location), ref.code != nil {
                references.append(ref)
            } else {
                diagnostics.append(.error("curriculum.bad-reference", "'\(text)' is not an objective reference", at: location,
                                          hint: "write registry:code, e.g. ocr-a-physics:6.4.2(d)"))
            }
        }
        let level = map.optionalString("level", context: context, diagnostics: &diagnostics)
        if let level, !levels.contains(level), let entry = map.entry("level") {
            diagnostics.append(Diagnostic.error("page.bad-level", "unknown level '\(level)'", at: entry.value.location,
                                                hint: "use one of: \(levels.joined(separator: ", "))")
                .suggesting(level, from: levels))
        }
        var duration: Duration?
        if let entry = map.entry("duration"), !entry.value.isNull {
            duration = readDuration(entry.value, diagnostics: &diagnostics)
        }
        let edition = readEdition(map, context: context, diagnostics: &diagnostics)
        let page = Page(id: id, sourcePath: sourcePath, title: title ?? fallbackTitle(id), summary: summary ?? "", curriculum: references,
                        level: level, duration: duration, edition: edition ?? .student,
                        body: front.body, bodyFirstLine: front.bodyFirstLine, idLocation: idLocation)
        return (page, diagnostics)
    }

    /// The page as far as it can be known when its front matter is unreadable; the build fails anyway,
    /// but links to it and its headings are still checked.
    static func placeholder(sourcePath: String, id: String, front: FrontMatter) -> Page {
        Page(id: id, sourcePath: sourcePath, title: fallbackTitle(id), body: front.body, bodyFirstLine: front.bodyFirstLine)
    }

    static func fallbackTitle(_ id: String) -> String {
        String(id.split(separator: "/").last ?? Substring(id))
    }

    /// The same text with every line between the two `---` fences emptied (line numbers kept), or nil.
    static func blankingFrontMatter(_ text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func isFence(_ line: String) -> Bool {
            var l = line
            if l.hasPrefix("\u{FEFF}") { l.removeFirst() }
            return l.trimmingCharacters(in: .whitespacesAndNewlines) == "---"
        }
        guard let first = lines.first, isFence(first),
              let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else { return nil }
        for i in 1..<close { lines[i] = "" }
        return lines.joined(separator: "\n")
    }

    static func readDuration(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> Duration? {
        if let text = node.string, let d = Duration(parsing: text) { return d }
        diagnostics.append(.error("field.duration", "'\(node.string ?? node.kindName)' is not a duration", at: node.location,
                                  hint: "write e.g. 25 min, 1 h, 1 h 30 min, or a number of minutes"))
        return nil
    }

    static func readEdition(_ map: YAMLMap, context: String, diagnostics: inout [Diagnostic]) -> Edition? {
        guard let text = map.optionalString("edition", context: context, diagnostics: &diagnostics),
              let entry = map.entry("edition") else { return nil }
        guard let edition = Edition(rawValue: text) else {
            diagnostics.append(Diagnostic.error("field.edition", "unknown edition '\(text)'", at: entry.value.location,
                                                hint: "use student or teacher")
                .suggesting(text, from: Edition.allCases.map(\.rawValue)))
            return nil
        }
        return edition
    }
}

/// What an id may contain, so that it maps to a safe, portable file name.
public enum IDRules {
    public static func problem(with id: String) -> String? {
        if id.isEmpty { return "is empty" }
        if id.hasPrefix("/") || id.hasSuffix("/") { return "must not start or end with '/'" }
        for part in id.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty || part == "." || part == ".." { return "has an empty, '.' or '..' segment" }
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")
        if let bad = id.first(where: { !allowed.contains($0) }) {
            return "contains '\(bad)'; use letters, digits, '-', '_', '.' and '/'"
        }
        return nil
    }
}
