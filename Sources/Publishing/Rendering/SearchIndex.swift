import Curriculum
import Foundation

/// The offline search index of one language's tree: `search-index.js`, a script that lists the index's parts, and
/// the parts `search-index-1.js`, `search-index-2.js`, …, scripts that each hold the titles, summaries, headings and
/// text of up to `pagesPerPart` pages. Scripts (not JSON fetched at run time), because browsers refuse `fetch()` of
/// local files under `file://`; openkey.js loads them only when the reader first uses the search box, so pages
/// stay light. In parts so that editing one page rewrites one small part, not the whole language's index.
/// Deterministic: pages sorted by id and cut into parts by position alone, fixed key order.
enum SearchIndex {
    /// At most this many characters of each page's text are indexed (titles, summaries and headings always are).
    static let textLimit = 6000
    /// Pages per part: parts of a few dozen kilobytes, and already two of them in a course of a few dozen pages.
    static let pagesPerPart = 16
    static let path = "search-index.js"

    static func partPath(_ number: Int) -> String { "search-index-\(number).js" }

    /// The course's pages in index order, cut into parts. Only the page ids decide the cut (not which pages have
    /// text), so an update that re-renders some pages finds each in the part a full build put it in.
    static func parts(of pages: [Page]) -> [[Page]] {
        let sorted = pages.sorted(by: { $0.id < $1.id })
        return stride(from: 0, to: sorted.count, by: pagesPerPart).map { Array(sorted[$0..<min($0 + pagesPerPart, sorted.count)]) }
    }

    /// The path of the part that holds `id`'s entry, or nil when the course has no such page.
    static func partPath(of id: String, in pages: [Page]) -> String? {
        let ids = pages.map(\.id).sorted()
        return ids.firstIndex(of: id).map { partPath($0 / pagesPerPart + 1) }
    }

    static func files(model: SiteModel) -> [OutputFile] {
        let code = model.language.code
        let parts = parts(of: model.course.pages)
        // Pages are independent: their entries are made on all cores, then joined in id order.
        let pages = parts.flatMap { $0 }.filter { model.rendered[$0.id] != nil }
        let made = ConcurrentMap.map(pages) { entry(page: $0, rendered: model.rendered[$0.id]!) }
        let entries = Dictionary(zip(pages.map(\.id), made), uniquingKeysWith: { a, _ in a })
        var files: [OutputFile] = []
        for (index, part) in parts.enumerated() {
            let lines = part.compactMap { entries[$0.id] }
            let script = "/* OpenKey search index (\(code)), part \(index + 1): generated, do not edit. */\n"
                + "(window.OpenKeySearchParts = window.OpenKeySearchParts || {})[\(index + 1)] = [\n"
                + lines.joined(separator: ",\n") + (lines.isEmpty ? "" : "\n") + "];\n"
            files.append(OutputFile(path: partPath(index + 1), text: script))
        }
        let list = parts.indices.map { json(partPath($0 + 1)) }.joined(separator: ",")
        let main = "/* OpenKey search index (\(code)): generated, do not edit. */\n"
            + "window.OpenKeySearchIndex = {\"lang\":\(json(code)),\"parts\":[\(list)]};\n"
        return [OutputFile(path: path, text: main)] + files
    }

    /// One page's entry: a single line (its strings escape every line break).
    static func entry(page: Page, rendered: RenderedMarkdown) -> String {
        let headings = rendered.headings.filter { (2...3).contains($0.level) }.map { json($0.text) }.joined(separator: ",")
        var text = plainText(rendered.html)
        // Counting characters walks graphemes: only when the bytes could be over the limit.
        if text.utf8.count > textLimit, text.count > textLimit { text = String(text.prefix(textLimit)) }
        return "{\"u\":\(json(page.outputPath)),\"t\":\(json(page.title)),\"s\":\(json(page.summary)),\"h\":[\(headings)],\"x\":\(json(text))}"
    }

    /// A part made by `files(model:)` with the entries of some of its pages replaced (each a whole line, found by the
    /// page's output path, which starts it); nil when one of them is not there as expected.
    static func replacing(_ entries: [(page: Page, entry: String)], in index: [UInt8]) -> [UInt8]? {
        var wanted: [[UInt8]: [UInt8]] = [:]
        for (page, entry) in entries { wanted[Array(("{\"u\":" + json(page.outputPath) + ",").utf8)] = Array(entry.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(index.count + 4096)
        var found = 0
        var start = 0
        while start < index.count {
            let end = index[start...].firstIndex(of: 0x0A) ?? index.count
            let line = index[start..<end]
            var replaced = false
            if line.first == UInt8(ascii: "{") {
                for (prefix, entry) in wanted where line.starts(with: prefix) {
                    out += entry
                    // Every entry but the last ends with the comma that joins it to the next.
                    if line.last == UInt8(ascii: ",") { out.append(UInt8(ascii: ",")) }
                    found += 1
                    replaced = true
                    break
                }
            }
            if !replaced { out += line }
            if end < index.count { out.append(0x0A) }
            start = end + 1
        }
        return found == wanted.count ? out : nil
    }

    /// The words of a rendered page: no tags, scripts, plots (SVG), styles or formulas' markup; the common entities
    /// decoded; runs of white space as one space. One pass over the UTF-8 bytes.
    static func plainText(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count / 2)
        var i = 0
        var pendingSpace = false
        func emit(_ b: UInt8) {
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x01 {
                pendingSpace = !out.isEmpty
                return
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            out.append(b)
        }
        func startsWith(_ word: [UInt8], at index: Int) -> Bool {
            guard index + word.count <= bytes.count else { return false }
            for k in 0..<word.count where bytes[index + k] | 0x20 != word[k] | 0x20 { return false }
            return true
        }
        let skipped: [[UInt8]] = ["script", "svg", "style", "math"].map { Array($0.utf8) }
        let exportedCode = Array("pre data-export".utf8), preEnd = Array("</pre>".utf8)
        let entities: [([UInt8], UInt8)] = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")]
            .map { (Array($0.0.utf8), $0.1.utf8.first!) }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<") {
                // An element whose content is not text: skip to its closing tag.
                if let element = skipped.first(where: { startsWith($0, at: i + 1) && i + 1 + $0.count < bytes.count
                                                        && [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[i + 1 + $0.count]) }) {
                    let closing = [UInt8(ascii: "<"), UInt8(ascii: "/")] + element
                    var j = i + 1
                    while j < bytes.count, !startsWith(closing, at: j) { j += 1 }
                    while j < bytes.count, bytes[j] != UInt8(ascii: ">") { j += 1 }
                    i = j + 1
                    emit(0x20)
                    continue
                }
                // Exported programs shown beside an exercise are code, not the page's words.
                if startsWith(exportedCode, at: i + 1) {
                    var j = i + 1
                    while j < bytes.count, !startsWith(preEnd, at: j) { j += 1 }
                    i = j + preEnd.count
                    emit(0x20)
                    continue
                }
                var j = i + 1
                while j < bytes.count, bytes[j] != UInt8(ascii: ">") { j += 1 }
                i = j + 1
                emit(0x20)
                continue
            }
            if b == UInt8(ascii: "&"), let entity = entities.first(where: { startsWith($0.0, at: i) }) {
                emit(entity.1)
                i += entity.0.count
                continue
            }
            emit(b)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON string literal, safe inside a script (no raw line or paragraph separators, no `<`). Over bytes.
    static func json(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        var bytes = text.utf8.makeIterator()
        var pending: [UInt8] = []
        while let b = bytes.next() {
            switch b {
            case UInt8(ascii: "\""): out.append(92); out.append(34)
            case UInt8(ascii: "\\"): out.append(92); out.append(92)
            case 0x0A: out.append(92); out.append(110)
            case 0x0D: out.append(92); out.append(114)
            case 0x09: out.append(92); out.append(116)
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case 0xE2:
                // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript source: escape them.
                pending = [b]
                if let b2 = bytes.next() { pending.append(b2) }
                if let b3 = bytes.next() { pending.append(b3) }
                if pending.count == 3, pending[1] == 0x80, pending[2] == 0xA8 || pending[2] == 0xA9 {
                    out += Array((pending[2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    out += pending
                }
            default:
                if b < 0x20 { out += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]] } else { out.append(b) }
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
