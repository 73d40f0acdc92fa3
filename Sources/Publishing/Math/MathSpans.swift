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
        guard markdown.utf8.contains(UInt8(ascii: "$")) else { return (markdown, spans) }
        // Bytes: `$`, `\\`, `` ` `` and spaces are ASCII, and columns are byte columns, like cmark's.
        let dollar = UInt8(ascii: "$"), backslash = UInt8(ascii: "\\"), backtick = UInt8(ascii: "`"), tilde = UInt8(ascii: "~")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
        var out: [UInt8] = []
        out.reserveCapacity(markdown.utf8.count)
        var fence: (UInt8, Int)?
        var index = 0
        func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
        while index < lines.count {
            if index > 0 { out.append(UInt8(ascii: "\n")) }
            let line = lines[index]
            let trimmed = line.drop(while: { $0 == space })
            if let open = fence {
                let run = trimmed.prefix(while: { $0 == open.0 }).count
                if run >= open.1, trimmed.dropFirst(run).allSatisfy({ $0 == space }) { fence = nil }
                out.append(contentsOf: line); index += 1; continue
            }
            if let first = trimmed.first, first == backtick || first == tilde {
                let run = trimmed.prefix(while: { $0 == first }).count
                if run >= 3 { fence = (first, run); out.append(contentsOf: line); index += 1; continue }
            }
            guard line.contains(dollar) else { out.append(contentsOf: line); index += 1; continue }
            var i = 0
            var consumedLines = 0
            while i < line.count {
                let c = line[i]
                if c == backslash, i + 1 < line.count { out.append(c); out.append(line[i + 1]); i += 2; continue }
                if c == backtick {
                    let run = line[i...].prefix(while: { $0 == backtick }).count
                    var j = i + run
                    var closed: Int?
                    while j < line.count {
                        if line[j] == backtick {
                            let r = line[j...].prefix(while: { $0 == backtick }).count
                            if r == run { closed = j + r; break }
                            j += r
                        } else { j += 1 }
                    }
                    let end = closed ?? (i + run)
                    out.append(contentsOf: line[i..<end]); i = end; continue
                }
                guard c == dollar else { out.append(c); i += 1; continue }
                if i + 1 < line.count, line[i + 1] == dollar {
                    // Display math: up to the next $$, possibly on a later line.
                    var tex: [UInt8] = []
                    var l = index, j = i + 2
                    var found = false
                    while l < lines.count {
                        let current = lines[l]
                        while j < current.count {
                            if current[j] == dollar, j + 1 < current.count, current[j + 1] == dollar { found = true; break }
                            tex.append(current[j]); j += 1
                        }
                        if found { break }
                        l += 1; j = 0; tex.append(UInt8(ascii: "\n"))
                    }
                    guard found else {
                        spans.problems.append(Problem(message: "display math opened with $$ is never closed", line: index, column: i + 1,
                                                      hint: "close it with $$, or write \\$ for a dollar sign"))
                        out.append(contentsOf: line[i...]); i = line.count; continue
                    }
                    out.append(contentsOf: Array(spans.add(String(decoding: tex, as: UTF8.self), display: true, line: index, column: i + 3).utf8))
                    if l > index {
                        // The formula spans lines: continue after it on its last line, keeping the line count.
                        consumedLines = l - index
                        out.append(contentsOf: [UInt8](repeating: UInt8(ascii: "\n"), count: consumedLines))
                        out.append(contentsOf: lines[l][(j + 2)...])
                        i = line.count
                    } else {
                        i = j + 2
                    }
                    continue
                }
                // Inline math: $ followed by a non-space, closed by $ after a non-space and not before a digit.
                guard i + 1 < line.count, line[i + 1] != space, line[i + 1] != tab else { out.append(c); i += 1; continue }
                var j = i + 1
                var close: Int?
                while j < line.count, line[j] != backtick {   // a code span is never inside a formula
                    if line[j] == backslash { j += 2; continue }
                    if line[j] == dollar, line[j - 1] != space, !(j + 1 < line.count && isDigit(line[j + 1])) { close = j; break }
                    j += 1
                }
                guard let end = close else { out.append(c); i += 1; continue }
                out.append(contentsOf: Array(spans.add(String(decoding: line[(i + 1)..<end], as: UTF8.self), display: false, line: index, column: i + 2).utf8))
                i = end + 1
            }
            index += 1 + consumedLines
        }
        return (String(decoding: out, as: UTF8.self), spans)
    }

    /// Converts one formula; on failure records the problem (at the failing character) and keeps a visible marker.
    mutating func add(_ tex: String, display: Bool, line: Int, column: Int) -> String {
        switch TeXMath.mathML(tex, display: display) {
        case .success(let mathML):
            markup.append(mathML)
        case .failure(let failure):
            // Position: the line and column of the failing character inside the formula.
            let before = String(tex.prefix(failure.offset))
            let newlines = before.filter { $0 == "\n" }.count
            let lastLine = before.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? before
            let col = newlines == 0 ? column + before.utf8.count : lastLine.utf8.count + 1
            problems.append(Problem(message: failure.message, line: line + newlines, column: col, hint: failure.hint))
            markup.append("<code class=\"math-error\">\(HTML.escape(tex))</code>")
        }
        return MathSpans.marker(markup.count - 1)
    }

    /// The rendered HTML with each placeholder replaced by its MathML (a display formula alone in a paragraph
    /// replaces the paragraph). One pass over the HTML, however many formulas the page has.
    func insert(into html: String) -> String {
        guard !markup.isEmpty else { return html }
        var out = [UInt8]()
        out.reserveCapacity(html.utf8.count + markup.reduce(0) { $0 + $1.utf8.count })
        let open = Array("<p>".utf8), close = Array("</p>".utf8)
        var html = html
        html.withUTF8 { bytes in
            var copied = 0, i = 0
            while i < bytes.count {
                // \u{2} M digits \u{2}
                guard bytes[i] == 2, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "M") else { i += 1; continue }
                var j = i + 2, index = 0, digits = 0
                while j < bytes.count, (48...57).contains(bytes[j]) { index = index * 10 + Int(bytes[j] - 48); j += 1; digits += 1 }
                guard digits > 0, j < bytes.count, bytes[j] == 2, markup.indices.contains(index) else { i += 1; continue }
                // Alone in a paragraph: leave out the <p> before and the </p> after.
                let alone = i - copied >= open.count && bytes[(i - open.count)..<i].elementsEqual(open)
                    && j + 1 + close.count <= bytes.count && bytes[(j + 1)..<(j + 1 + close.count)].elementsEqual(close)
                out.append(contentsOf: bytes[copied..<(alone ? i - open.count : i)])
                out.append(contentsOf: markup[index].utf8)
                i = j + 1 + (alone ? close.count : 0)
                copied = i
            }
            out.append(contentsOf: bytes[copied...])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
