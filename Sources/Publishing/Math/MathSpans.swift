/// Finds the formulas of a page's Markdown (`$…$` inline, `$$…$$` display) before cmark sees them, converts them
/// to MathML, and leaves a placeholder in their place; after rendering, `insert` puts the MathML back.
/// Code spans, fenced code and `\$` are left alone. An inline `$` opens a formula only when followed by a
/// non-space, and closes it only when preceded by a non-space and not followed by a digit ("costs $5 or $10"
/// has no formula). Line numbers are kept, so later diagnostics still point at the right line.
struct MathSpans {
    struct Problem {
        var message: String
        var line: Int      // 0-based line in the Markdown
        var column: Int    // 1-based
        var hint: String?
    }

    var markup: [String] = []
    var problems: [Problem] = []

    static func marker(_ index: Int) -> String { "\u{2}M\(index)\u{2}" }

    static func extract(_ markdown: String) -> (String, MathSpans) {
        var spans = MathSpans()
        guard markdown.contains("$") else { return (markdown, spans) }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        var out: [String] = []
        var fence: (Character, Int)?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.drop(while: { $0 == " " })
            if let open = fence {
                let run = trimmed.prefix(while: { $0 == open.0 }).count
                if run >= open.1, trimmed.dropFirst(run).allSatisfy({ $0 == " " }) { fence = nil }
                out.append(String(line)); index += 1; continue
            }
            if let first = trimmed.first, first == "`" || first == "~" {
                let run = trimmed.prefix(while: { $0 == first }).count
                if run >= 3 { fence = (first, run); out.append(String(line)); index += 1; continue }
            }
            var text = ""
            var i = 0
            var consumedLines = 0
            while i < line.count {
                let c = line[i]
                if c == "\\", i + 1 < line.count { text.append(c); text.append(line[i + 1]); i += 2; continue }
                if c == "`" {
                    let run = line[i...].prefix(while: { $0 == "`" }).count
                    var j = i + run
                    var closed: Int?
                    while j < line.count {
                        if line[j] == "`" {
                            let r = line[j...].prefix(while: { $0 == "`" }).count
                            if r == run { closed = j + r; break }
                            j += r
                        } else { j += 1 }
                    }
                    let end = closed ?? (i + run)
                    text += String(line[i..<end]); i = end; continue
                }
                guard c == "$" else { text.append(c); i += 1; continue }
                if i + 1 < line.count, line[i + 1] == "$" {
                    // Display math: up to the next $$, possibly on a later line.
                    var tex = ""
                    var l = index, j = i + 2
                    var found = false
                    while l < lines.count {
                        let current = lines[l]
                        while j < current.count {
                            if current[j] == "$", j + 1 < current.count, current[j + 1] == "$" { found = true; break }
                            tex.append(current[j]); j += 1
                        }
                        if found { break }
                        l += 1; j = 0; tex.append("\n")
                    }
                    guard found else {
                        spans.problems.append(Problem(message: "display math opened with $$ is never closed", line: index, column: i + 1,
                                                      hint: "close it with $$, or write \\$ for a dollar sign"))
                        text += String(line[i...]); i = line.count; continue
                    }
                    text += spans.add(tex, display: true, line: index, column: i + 3)
                    if l > index {
                        // The formula spans lines: continue after it on its last line, keeping the line count.
                        consumedLines = l - index
                        let rest = lines[l][(j + 2)...]
                        text += String(repeating: "\n", count: consumedLines) + String(rest)
                        i = line.count
                    } else {
                        i = j + 2
                    }
                    continue
                }
                // Inline math: $ followed by a non-space, closed by $ after a non-space and not before a digit.
                guard i + 1 < line.count, line[i + 1] != " ", line[i + 1] != "\t" else { text.append(c); i += 1; continue }
                var j = i + 1
                var close: Int?
                while j < line.count, line[j] != "`" {   // a code span is never inside a formula
                    if line[j] == "\\" { j += 2; continue }
                    if line[j] == "$", line[j - 1] != " ", !(j + 1 < line.count && line[j + 1].isNumber) { close = j; break }
                    j += 1
                }
                guard let end = close else { text.append(c); i += 1; continue }
                text += spans.add(String(line[(i + 1)..<end]), display: false, line: index, column: i + 2)
                i = end + 1
            }
            out.append(text)
            index += 1 + consumedLines
        }
        return (out.joined(separator: "\n"), spans)
    }

    /// Converts one formula; on failure records the problem (at the failing character) and keeps a visible marker.
    mutating func add(_ tex: String, display: Bool, line: Int, column: Int) -> String {
        switch TeXMath.mathML(tex, display: display) {
        case .success(let mathML):
            markup.append(mathML)
        case .failure(let failure):
            // Position: the line and column of the failing character inside the formula.
            let before = tex.prefix(failure.offset)
            let newlines = before.filter { $0 == "\n" }.count
            let col = newlines == 0 ? column + before.count : before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) } ?? 0)
            problems.append(Problem(message: failure.message, line: line + newlines, column: col, hint: failure.hint))
            markup.append("<code class=\"math-error\">\(HTML.escape(tex))</code>")
        }
        return MathSpans.marker(markup.count - 1)
    }

    /// The rendered HTML with each placeholder replaced by its MathML (a display formula alone in a paragraph
    /// replaces the paragraph).
    func insert(into html: String) -> String {
        guard !markup.isEmpty else { return html }
        var out = html
        for (index, math) in markup.enumerated() {
            let marker = MathSpans.marker(index)
            out = out.replacingOccurrences(of: "<p>\(marker)</p>", with: math)
            out = out.replacingOccurrences(of: marker, with: math)
        }
        return out
    }
}
