import Foundation

/// Keeps the harmless part of an HTML output (a pandas DataFrame, say): table markup and simple text formatting.
/// Every other tag is dropped (its text kept), `<script>` and `<style>` with their content; attributes are
/// dropped except numeric `colspan`/`rowspan`. Text is re-escaped, so nothing can open a new tag.
public enum HTMLTableSanitizer {
    static let allowed: Set<String> = ["table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "br", "p", "b",
                                       "strong", "i", "em", "code", "span", "div", "sub", "sup"]
    static let dropped: Set<String> = ["script", "style", "iframe", "object", "embed", "template", "svg", "math"]

    public static func sanitize(_ html: String) -> String {
        var out = ""
        let chars = Array(html)
        var i = 0
        var skipping: String?
        while i < chars.count {
            if chars[i] == "<" {
                guard let close = chars[i...].firstIndex(of: ">") else { out += "&lt;"; i += 1; continue }
                let inner = String(chars[(i + 1)..<close])
                i = close + 1
                if inner.hasPrefix("!") || inner.hasPrefix("?") { continue }   // comments, doctypes
                let closing = inner.hasPrefix("/")
                let body = closing ? String(inner.dropFirst()) : inner
                let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
                if let tag = skipping {
                    if closing && name == tag { skipping = nil }
                    continue
                }
                if dropped.contains(name) { if !closing && !body.hasSuffix("/") { skipping = name }; continue }
                guard allowed.contains(name) else { continue }
                if closing { out += "</\(name)>"; continue }
                var attributes = ""
                for attribute in ["colspan", "rowspan"] {
                    if let range = body.range(of: "\(attribute)=\"") {
                        let value = body[range.upperBound...].prefix { $0.isNumber }
                        if !value.isEmpty, value.count < 4 { attributes += " \(attribute)=\"\(value)\"" }
                    }
                }
                out += "<\(name)\(attributes)>"
                continue
            }
            if skipping == nil {
                switch chars[i] {
                case "&":
                    // Keep well-formed entities; escape a lone ampersand.
                    let rest = chars[i...].prefix(10)
                    if let semi = rest.firstIndex(of: ";"), chars[(i + 1)..<semi].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "#" }), semi > i + 1 {
                        out += String(chars[i...semi]); i = semi + 1; continue
                    }
                    out += "&amp;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                default: out.append(chars[i])
                }
            }
            i += 1
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
