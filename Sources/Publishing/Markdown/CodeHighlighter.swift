/// Build-time syntax highlighting (no JavaScript): Python, for notebooks and pages that show Python code, and
/// OpenKey's own analysis language. Tokens become `<span class="tok-…">`; everything is HTML-escaped.
public enum CodeHighlighter {
    public enum Language: String, Sendable { case python, ana }

    public static func language(forInfo info: String) -> Language? {
        switch info.split(separator: " ").first.map({ $0.lowercased() }) {
        case "python", "py", "python3": return .python
        case "ana": return .ana
        default: return nil
        }
    }

    static let pythonKeywords: Set<String> = ["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case"]
    static let pythonBuiltins: Set<String> = ["print", "len", "range", "sum", "min", "max", "abs", "round", "list", "dict",
        "set", "tuple", "int", "float", "str", "zip", "enumerate", "sorted", "open", "isinstance", "type", "map", "filter"]
    static let anaKeywords: Set<String> = ["sample", "filter", "define", "histogram", "report", "luminosity", "bins", "from",
        "to", "edges", "as", "weight", "label", "color", "tree", "data", "signal", "background", "and", "or", "not", "title",
        "xlabel", "ylabel", "log"]
    static let anaBuiltins: Set<String> = Set(["sqrt", "abs", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan",
        "sinh", "cosh", "tanh", "floor", "ceil", "round", "atan2", "hypot", "pow", "count", "sum", "mean", "any", "all", "min",
        "max", "mass", "sum_pt", "sum_eta", "sum_phi", "delta_phi", "delta_r", "mt", "where", "std"])

    /// Over Unicode scalars (a letter or digit is what its first scalar is, as for `Character`), with the text
    /// between tokens escaped in runs: pages of code are highlighted on every build.
    public static func html(_ code: String, language: Language) -> String {
        let chars = Array(code.unicodeScalars)
        var out = ""
        out.reserveCapacity(code.utf8.count * 2)
        var plainStart = 0
        var i = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool { c.isASCII ? (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") : c.properties.isAlphabetic }
        func isNumber(_ c: Unicode.Scalar) -> Bool { c.isASCII ? c >= "0" && c <= "9" : c.properties.numericType != nil }
        func text(_ range: Range<Int>) -> String {
            var piece = ""
            piece.unicodeScalars.append(contentsOf: chars[range])
            return piece
        }
        func flushPlain(upTo end: Int) {
            if plainStart < end { out += HTML.escape(text(plainStart..<end)) }
        }
        func span(_ cls: String, _ range: Range<Int>) {
            flushPlain(upTo: range.lowerBound)
            out += "<span class=\"tok-\(cls)\">\(HTML.escape(text(range)))</span>"
            plainStart = range.upperBound
        }
        let keywords = language == .python ? pythonKeywords : anaKeywords
        let builtins = language == .python ? pythonBuiltins : anaBuiltins
        while i < chars.count {
            let c = chars[i]
            if c == "#" {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                span("com", i..<j); i = j; continue
            }
            if c == "\"" || c == "'" || (language == .python && "fFrRbBuU".unicodeScalars.contains(c) && i + 1 < chars.count && (chars[i + 1] == "\"" || chars[i + 1] == "'")
                                         && (i == 0 || !(isLetter(chars[i - 1]) || isNumber(chars[i - 1]) || chars[i - 1] == "_"))) {
                let start = i
                if c != "\"" && c != "'" { i += 1 }
                let quote = chars[i]
                let triple = language == .python && i + 2 < chars.count && chars[i + 1] == quote && chars[i + 2] == quote
                var j = i + (triple ? 3 : 1)
                while j < chars.count {
                    if chars[j] == "\\" { j += 2; continue }
                    if triple {
                        if j + 2 < chars.count, chars[j] == quote, chars[j + 1] == quote, chars[j + 2] == quote { j += 3; break }
                    } else if chars[j] == quote || chars[j] == "\n" { j += 1; break }
                    j += 1
                }
                j = min(j, chars.count)
                span("str", start..<j); i = j; continue
            }
            if isNumber(c) || (c == "." && i + 1 < chars.count && isNumber(chars[i + 1]) && (i == 0 || !isLetter(chars[i - 1]))) {
                var j = i
                while j < chars.count, isNumber(chars[j]) || chars[j] == "." || chars[j] == "_" || chars[j] == "e" || chars[j] == "E"
                        || ((chars[j] == "-" || chars[j] == "+") && j > i && (chars[j - 1] == "e" || chars[j - 1] == "E")) { j += 1 }
                span("num", i..<j); i = j; continue
            }
            if isLetter(c) || c == "_" {
                var j = i
                while j < chars.count, isLetter(chars[j]) || isNumber(chars[j]) || chars[j] == "_" { j += 1 }
                let word = text(i..<j)
                if keywords.contains(word) { span("kw", i..<j) }
                else if builtins.contains(word), j < chars.count, chars[j] == "(" { span("fn", i..<j) }
                else if language == .python, i > 0, chars[i - 1] == "@" { span("fn", i..<j) }
                i = j; continue
            }
            i += 1
        }
        flushPlain(upTo: chars.count)
        return out
    }
}
