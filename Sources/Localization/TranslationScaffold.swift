import Curriculum
import YAMLSubset

/// The text operations behind `openkey translations start` and `mark-current`: the tool, not the translator,
/// writes `translation-of:` and `source-sections:`. Pure: the caller reads and writes the files.
public enum TranslationScaffold {
    /// A new translation file: the source's title, summary and body to translate, and the fingerprints of this version.
    public static func start(from page: Page) -> String {
        var out = "---\n"
        out += "title: \(quoted(page.title))\n"
        out += "summary: \(quoted(page.summary))\n"
        out += stamp(for: page)
        out += "---\n"
        return out + page.body
    }

    /// The front-matter lines that record which version of `page` a translation matches.
    public static func stamp(for page: Page) -> String {
        var out = "translation-of: \(SourceHash.of(page))\n"
        out += "source-sections:\n"
        for section in SourceHash.sections(of: page) {
            out += "  - \(quoted(section.hash + " " + section.heading))\n"
        }
        return out
    }

    public enum Failure: Error, Equatable {
        case noFrontMatter
    }

    /// `text` (a translation) with its `translation-of:` and `source-sections:` replaced by the current stamp of
    /// `page`; every other line (the translator's work) is kept byte for byte.
    public static func markCurrent(_ text: String, source page: Page) -> Result<String, Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func isFence(_ line: String) -> Bool {
            var l = Substring(line)
            if l.hasPrefix("\u{FEFF}") { l = l.dropFirst() }
            while let last = l.last, last == " " || last == "\t" || last == "\r" { l.removeLast() }
            return l == "---"
        }
        guard let first = lines.first, isFence(first),
              let close = lines.indices.dropFirst().first(where: { isFence(lines[$0]) }) else { return .failure(.noFrontMatter) }
        var front = Array(lines[1..<close])
        var index = 0
        while index < front.count {
            let line = front[index]
            if line.hasPrefix("translation-of:") {
                front.remove(at: index)
            } else if line.hasPrefix("source-sections:") {
                front.remove(at: index)
                // its items: indented lines (or `- ` lines) below it
                while index < front.count, front[index].hasPrefix(" ") || front[index].hasPrefix("-") || front[index].hasPrefix("\t") {
                    front.remove(at: index)
                }
            } else {
                index += 1
            }
        }
        let stampLines = stamp(for: page).split(separator: "\n").map(String.init)
        lines.replaceSubrange(1..<close, with: front + stampLines)
        return .success(lines.joined(separator: "\n"))
    }

    static func quoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text) }
}
