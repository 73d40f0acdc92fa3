import Curriculum
import Foundation

/// The offline search index of one language's tree: `search-index.js`, a script that assigns the pages' titles,
/// summaries, headings and text to `window.OpenKeySearchIndex`. A script (not JSON fetched at run time), because
/// browsers refuse `fetch()` of local files under `file://`; openkey.js loads it only when the reader first
/// uses the search box, so pages stay light. Deterministic: pages sorted by id, fixed key order.
enum SearchIndex {
    /// At most this many characters of each page's text are indexed (titles, summaries and headings always are).
    static let textLimit = 6000

    static func file(model: SiteModel) -> OutputFile {
        var entries: [String] = []
        for page in model.course.pages.sorted(by: { $0.id < $1.id }) {
            guard let rendered = model.rendered[page.id] else { continue }
            let headings = rendered.headings.filter { (2...3).contains($0.level) }.map { json($0.text) }.joined(separator: ",")
            var text = plainText(rendered.html)
            if text.count > textLimit { text = String(text.prefix(textLimit)) }
            entries.append("{\"u\":\(json(page.outputPath)),\"t\":\(json(page.title)),\"s\":\(json(page.summary)),\"h\":[\(headings)],\"x\":\(json(text))}")
        }
        let script = "/* OpenKey search index (\(model.language.code)): generated, do not edit. */\nwindow.OpenKeySearchIndex = {\"lang\":\(json(model.language.code)),\"pages\":[\n"
            + entries.joined(separator: ",\n") + "\n]};\n"
        return OutputFile(path: "search-index.js", text: script)
    }

    /// The words of a rendered page: no tags, scripts, plots (SVG) or formulas' markup; entities decoded.
    static func plainText(_ html: String) -> String {
        var text = html
        for element in ["script", "svg", "style", "math"] {
            while let open = text.range(of: "<\(element)"), let close = text.range(of: "</\(element)>", range: open.upperBound..<text.endIndex) {
                text.replaceSubrange(open.lowerBound..<close.upperBound, with: " ")
            }
        }
        var out = ""
        out.reserveCapacity(text.count)
        var inTag = false
        for c in text {
            if c == "<" { inTag = true; out.append(" "); continue }
            if c == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{1}" }).joined(separator: " ")
    }

    /// A JSON string literal, safe inside a script (no raw line or paragraph separators).
    static func json(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
