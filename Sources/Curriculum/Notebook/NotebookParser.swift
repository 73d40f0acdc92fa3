import Diagnostics
import Foundation
import YAMLSubset

/// Reads a Jupyter notebook (`.ipynb`, nbformat 4) into a page: Markdown cells as they are, code cells as
/// ```` ```python ```` blocks, their stored outputs after them — text streams and plain results as ```` ```output ````
/// blocks, errors as ```` ```error ```` blocks (terminal colours removed), HTML results (pandas tables) sanitised
/// to plain table markup, PNG and SVG images as files beside the page. Every line of the Markdown made this way
/// remembers the notebook line it came from, so links, formulas and headings are reported at `path:line:col` of
/// the `.ipynb` itself. Page settings come from the notebook's metadata under `"openkey"` (title, summary,
/// curriculum, level, duration, edition, id); without a title, the first `# Heading` is the title.
public enum NotebookParser {
    /// - Parameter contentPath: where the notebook's page sits under `Content/` when the file is elsewhere (a
    ///   translation in `Translations/<lang>/`): its output images go beside that page.
    public static func parse(_ bytes: [UInt8], sourcePath: String, defaultID: String, contentPath: String? = nil) -> (Page?, [Diagnostic]) {
        let root: JSONValue
        switch JSONValue.parse(bytes, path: sourcePath) {
        case .success(let v): root = v
        case .failure(let d):
            var located = d
            located.message = "this notebook is not valid JSON: \(d.message)"
            located.hint = "open it in Jupyter and save it again"
            return (nil, [located])
        }
        var diagnostics: [Diagnostic] = []
        guard root.isObject else {
            return (nil, [.error("notebook.structure", "a notebook is a JSON object, found \(root.kindName)", at: root.location)])
        }
        if let major = root["nbformat"]?.number, major < 4 {
            return (nil, [.error("notebook.version", "nbformat \(Int(major)) notebooks are not supported", at: root["nbformat"]!.location,
                                 hint: "convert it: jupyter nbconvert --to notebook --nbformat 4 FILE.ipynb")])
        }
        guard let cells = root["cells"]?.array else {
            return (nil, [.error("notebook.structure", "the notebook has no \"cells\" list", at: root.location)])
        }
        let settings = root["metadata"]?["openkey"]
        let placePath = contentPath ?? sourcePath
        let stem = (placePath as NSString).deletingPathExtension.split(separator: "/").last.map(String.init) ?? "notebook"
        let folder = (placePath as NSString).deletingLastPathComponent
        let contentFolder = folder.hasPrefix("Content/") ? String(folder.dropFirst("Content/".count)) : (folder == "Content" ? "" : folder)
        var writer = BodyWriter()
        var title = settings?["title"]?.string
        var attachments: [String: [UInt8]] = [:]
        var generated: [String] = []
        var codeCell = 0

        for (index, cell) in cells.enumerated() {
            guard cell.isObject, let type = cell["cell_type"]?.string else {
                diagnostics.append(.error("notebook.cell", "cell \(index + 1) has no \"cell_type\"", at: cell.location))
                continue
            }
            let source = sourceLines(cell["source"], fallback: cell.location)
            switch type {
            case "markdown":
                var lines = source
                if title == nil, let first = lines.firstIndex(where: { !$0.text.trimmingCharacters(in: .whitespaces).isEmpty }),
                   lines[first].text.hasPrefix("# ") {
                    title = String(lines[first].text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                    lines.remove(at: first)
                }
                writer.add(lines)
                writer.blank(cell.location)
            case "code":
                codeCell += 1
                writer.add("```python", cell.location)
                writer.add(source.map { ($0.text.replacingOccurrences(of: "```", with: "ˋˋˋ"), $0.at) })
                writer.add("```", cell.location)
                writer.blank(cell.location)
                for (k, output) in (cell["outputs"]?.array ?? []).enumerated() {
                    addOutput(output, cell: codeCell, number: k, stem: stem, contentFolder: contentFolder,
                              writer: &writer, attachments: &attachments, generated: &generated, diagnostics: &diagnostics)
                }
            case "raw":
                continue
            default:
                diagnostics.append(.warning("notebook.cell", "cell \(index + 1) has an unknown type '\(type)'; it is left out", at: cell.location))
            }
        }
        // The page's settings, with the same rules as a Markdown page's front matter.
        var front = "---\n"
        front += "title: \(quoted(title ?? stem))\n"
        front += "summary: \(quoted(settings?["summary"]?.string ?? firstSentence(writer.lines.map(\.text))))\n"
        for key in ["level", "duration", "edition", "id"] {
            if let value = settings?[key]?.string { front += "\(key): \(quoted(value))\n" }
        }
        if let list = settings?["curriculum"]?.array {
            front += "curriculum: [" + list.compactMap(\.string).map(quoted).joined(separator: ", ") + "]\n"
        }
        front += "---\n"
        let (page, frontProblems) = PageParser.parse(front + "\n", sourcePath: sourcePath, defaultID: defaultID)
        // Problems in the settings are problems of the metadata, wherever it is.
        let metadataAt = settings?.location ?? root.location
        diagnostics += frontProblems.map { d in var m = d; m.location = metadataAt; return m }
        guard var page else { return (nil, diagnostics) }
        page.body = writer.lines.map(\.text).joined(separator: "\n") + "\n"
        page.bodyFirstLine = 1
        page.lineMap = writer.lines.map(\.at)
        page.attachments = attachments
        page.generatedHTML = generated
        return (page, diagnostics)
    }

    typealias Line = (text: String, at: SourceLocation)

    struct BodyWriter {
        var lines: [Line] = []
        mutating func add(_ text: String, _ at: SourceLocation) { lines.append((text, at)) }
        mutating func add(_ more: [Line]) { lines += more }
        mutating func blank(_ at: SourceLocation) { lines.append(("", at)) }
    }

    /// A cell's `source` (a list of lines, or one string) as lines, each with where it is in the file.
    static func sourceLines(_ value: JSONValue?, fallback: SourceLocation) -> [Line] {
        guard let value else { return [] }
        var pieces: [(String, SourceLocation)] = []
        if let text = value.string { pieces = [(text, value.location)] }
        else { pieces = (value.array ?? []).compactMap { item in item.string.map { ($0, item.location) } } }
        var out: [Line] = []
        var pending = ""
        var pendingAt = fallback
        for (text, at) in pieces {
            let column = SourceLocation(path: at.path, line: at.line, column: at.column + 1)
            if pending.isEmpty { pendingAt = column }
            let parts = (pending + text).split(separator: "\n", omittingEmptySubsequences: false)
            for part in parts.dropLast() { out.append((String(part), pendingAt)); pendingAt = column }
            pending = String(parts.last ?? "")
        }
        if !pending.isEmpty { out.append((pending, pendingAt)) }
        return out
    }

    static func text(_ value: JSONValue?) -> String {
        if let s = value?.string { return s }
        return (value?.array ?? []).compactMap(\.string).joined()
    }

    /// The line standing for generated HTML `index` in a page's Markdown (replaced after rendering). Generated HTML
    /// is built here from escaped or sanitised parts only, so it is safe in translated pages too, which may not
    /// carry raw HTML; a marker typed by hand can at most repeat one of the page's own outputs.
    public static func marker(_ index: Int) -> String { "\u{3}NB\(index)\u{3}" }

    static func addOutput(_ output: JSONValue, cell: Int, number: Int, stem: String, contentFolder: String,
                          writer: inout BodyWriter, attachments: inout [String: [UInt8]], generated: inout [String],
                          diagnostics: inout [Diagnostic]) {
        let at = output.location
        func html(_ markup: String) {
            writer.add(marker(generated.count), at)
            writer.blank(at)
            generated.append(markup)
        }
        func block(_ info: String, _ body: String) {
            writer.add("```\(info)", at)
            for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
                writer.add(String(line).replacingOccurrences(of: "```", with: "ˋˋˋ"), at)
            }
            if writer.lines.last?.text == "" { writer.lines.removeLast() }
            writer.add("```", at)
            writer.blank(at)
        }
        switch output["output_type"]?.string {
        case "stream":
            block("output", stripANSI(text(output["text"])))
        case "error":
            let head = "\(output["ename"]?.string ?? "Error"): \(output["evalue"]?.string ?? "")"
            let trace = (output["traceback"]?.array ?? []).compactMap(\.string).map(stripANSI)
            // The traceback ends with the error line itself; without one, the name and message say it.
            block("error", trace.isEmpty ? head : trace.joined(separator: "\n"))
        case "execute_result", "display_data":
            guard let data = output["data"] else { return }
            let plain = stripANSI(text(data["text/plain"]))
            let alt = plain.hasPrefix("<") || plain.isEmpty ? "Output of code cell \(cell)" : String(plain.prefix(200))
            for (mime, ext) in [("image/svg+xml", "svg"), ("image/png", "png")] {
                guard let payload = data[mime] else { continue }
                let raw = text(payload)
                let bytes: [UInt8]?
                if ext == "png" {
                    bytes = Data(base64Encoded: raw.filter { !$0.isWhitespace }).map { [UInt8]($0) }
                } else {
                    bytes = Array(raw.utf8)
                }
                guard let bytes, !bytes.isEmpty else {
                    diagnostics.append(.warning("notebook.output", "an \(mime) output of code cell \(cell) cannot be decoded; it is left out", at: payload.location))
                    return
                }
                let name = "\(stem).files/cell-\(cell)-\(number + 1).\(ext)"
                attachments[contentFolder.isEmpty ? name : contentFolder + "/" + name] = bytes
                html("<figure class=\"nb-output\"><img src=\"\(escape(name))\" alt=\"\(escape(alt))\"></figure>")
                return
            }
            if let markup = data["text/html"] {
                let clean = HTMLTableSanitizer.sanitize(text(markup))
                if !clean.isEmpty {
                    html("<div class=\"nb-output nb-html\">" + clean.replacingOccurrences(of: "\n", with: " ") + "</div>")
                    return
                }
            }
            if !plain.isEmpty { block("output", plain) }
        default:
            diagnostics.append(.warning("notebook.output", "an output of code cell \(cell) has an unknown type; it is left out", at: at))
        }
    }

    /// Terminal colour codes (`ESC[31m`) that tracebacks carry.
    static func stripANSI(_ text: String) -> String {
        var out = ""
        var iterator = text.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            if c == "\u{1B}" {
                while let d = iterator.next(), !(("A"..."Z").contains(d) || ("a"..."z").contains(d)) {}
                continue
            }
            out.unicodeScalars.append(c)
        }
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A one-line YAML value for the generated front matter (titles never span lines).
    static func quoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text.replacingOccurrences(of: "\n", with: " ")) }

    /// The first sentence of the first paragraph, as plain as Markdown allows cheaply.
    static func firstSentence(_ lines: [String]) -> String {
        let paragraph = lines.drop { $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.hasPrefix("#") || $0.hasPrefix("```") || $0.hasPrefix("<") }
            .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: " ")
        let plain = paragraph.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
        if let end = plain.range(of: ". ") { return String(plain[..<end.lowerBound]) + "." }
        return String(plain.prefix(200))
    }

    // MARK: - Translations

    /// The metadata key under which a translated notebook records which version of its original it translates.
    public static let stampKey = "openkey-translation"

    /// `translation-of` and `source-sections` of a translated notebook (metadata `openkey-translation`).
    public static func stamp(_ bytes: [UInt8], path: String) -> (hash: String?, sections: [(hash: String, heading: String)]) {
        guard case .success(let root) = JSONValue.parse(bytes, path: path), let stamp = root["metadata"]?[stampKey] else { return (nil, []) }
        let sections = (stamp["source-sections"]?.array ?? []).compactMap(\.string).compactMap { item -> (String, String)? in
            let parts = item.split(separator: " ", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
        return (stamp["translation-of"]?.string, sections)
    }

    /// The notebook's text with its stamp line replaced (or added, first in the top-level metadata). The stamp is
    /// one line of JSON, so the rest of the file — the translator's work — is kept byte for byte.
    public static func restamp(_ text: String, hash: String, sections: [(hash: String, heading: String)]) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\"\(stampKey)\":") }
        guard case .success(let root) = JSONValue.parse(Array(lines.joined(separator: "\n").utf8), path: ""),
              let metadata = root["metadata"], metadata.isObject else { return nil }
        let line = metadata.location.line - 1
        let column = metadata.location.column   // 1-based column of "{"
        guard lines.indices.contains(line) else { return nil }
        let sectionList = sections.map { "\"" + jsonEscape("\($0.hash) \($0.heading)") + "\"" }.joined(separator: ", ")
        let stamp = "\"\(stampKey)\": {\"translation-of\": \"\(hash)\", \"source-sections\": [\(sectionList)]}"
        let isEmpty: Bool = { if case .object(let members, _) = metadata { return members.isEmpty }; return false }()
        let current = Array(lines[line])
        let before = String(current.prefix(column)), after = String(current.dropFirst(column))
        lines[line] = before
        lines.insert("  " + stamp + (isEmpty ? "" : ","), at: line + 1)
        if !after.trimmingCharacters(in: .whitespaces).isEmpty { lines.insert(after, at: line + 2) }
        return lines.joined(separator: "\n")
    }

    static func jsonEscape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
