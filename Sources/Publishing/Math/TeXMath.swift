/// TeX math (the part physics pages use) to MathML, at build time: no JavaScript, no fonts to download.
/// Anything outside the supported set is a failure with its position, never raw TeX left in the page.
/// Pure: a recursive-descent parser over the characters of one formula.
public enum TeXMath {
    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        /// Character offset in the formula where the problem is.
        public var offset: Int
        public var hint: String?
    }

    public static func mathML(_ tex: String, display: Bool) -> Result<String, Failure> {
        var parser = Parser(Array(tex))
        do {
            let body = try parser.expression(until: [])
            guard !body.isEmpty else { throw Failure(message: "empty formula", offset: 0, hint: nil) }
            let mode = display ? " display=\"block\"" : ""
            return .success("<math xmlns=\"http://www.w3.org/1998/Math/MathML\"\(mode) alttext=\"\(escape(tex))\">\(row(body))</math>")
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", offset: 0, hint: nil))
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    static func row(_ nodes: [String]) -> String { nodes.count == 1 ? nodes[0] : "<mrow>" + nodes.joined() + "</mrow>" }

    // MARK: - Vocabulary

    static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ",
        "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ",
        "psi": "ψ", "omega": "ω",
    ]
    static let upperGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]
    /// Letter-like symbols: `<mi>`.
    static let letters: [String: String] = [
        "ell": "ℓ", "hbar": "ℏ", "infty": "∞", "emptyset": "∅", "partial": "∂", "nabla": "∇", "Re": "ℜ", "Im": "ℑ",
    ]
    /// Operators, relations, arrows, big operators, delimiters: `<mo>`.
    static let operators: [String: String] = [
        "to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔", "Rightarrow": "⇒",
        "Leftarrow": "⇐", "Leftrightarrow": "⇔", "longrightarrow": "⟶", "mapsto": "↦", "rightleftharpoons": "⇌",
        "uparrow": "↑", "downarrow": "↓",
        "times": "×", "cdot": "⋅", "pm": "±", "mp": "∓", "div": "÷", "ast": "∗", "star": "⋆", "circ": "∘",
        "approx": "≈", "sim": "∼", "simeq": "≃", "equiv": "≡", "neq": "≠", "ne": "≠", "leq": "≤", "le": "≤",
        "geq": "≥", "ge": "≥", "ll": "≪", "gg": "≫", "propto": "∝", "in": "∈", "notin": "∉", "perp": "⊥",
        "parallel": "∥", "sum": "∑", "prod": "∏", "int": "∫", "oint": "∮", "langle": "⟨", "rangle": "⟩",
        "ldots": "…", "dots": "…", "cdots": "⋯", "prime": "′", "degree": "°", "vert": "|", "lvert": "|", "rvert": "|",
        "Vert": "‖", "lbrace": "{", "rbrace": "}", "cap": "∩", "cup": "∪", "forall": "∀", "exists": "∃",
    ]
    /// Upright function names: `<mi>` with normal variant.
    static let functions: Set<String> = ["sin", "cos", "tan", "exp", "log", "ln", "min", "max", "det", "lim", "sinh", "cosh",
                                         "tanh", "arcsin", "arccos", "arctan", "sec", "csc", "cot", "arg", "dim", "deg"]
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ">": "0.2222em", ";": "0.2778em", "!": "-0.1667em", " ": "0.25em",
        "quad": "1em", "qquad": "2em",
    ]
    /// Accents over their argument.
    static let accents: [String: String] = [
        "bar": "¯", "overline": "¯", "hat": "^", "widehat": "^", "vec": "→", "tilde": "~", "widetilde": "~", "dot": "˙",
        "ddot": "¨",
    ]
    static let supportedHint = "supported: letters, numbers, ^ _ { }, \\frac, \\sqrt, \\bar, \\vec, \\hat, \\text, \\mathrm, \\left( \\right), Greek letters, \\to and other arrows, relations and operators"

    // MARK: - Parser

    struct Parser {
        let chars: [Character]
        var i = 0
        init(_ chars: [Character]) { self.chars = chars }

        var atEnd: Bool { i >= chars.count }
        func peek() -> Character? { i < chars.count ? chars[i] : nil }

        mutating func skipSpaces() { while let c = peek(), c == " " || c == "\n" || c == "\t" { i += 1 } }

        /// Atoms until the end, a `}` (when inside a group) or `\right`.
        mutating func expression(until terminators: Set<String>) throws -> [String] {
            var nodes: [String] = []
            while true {
                skipSpaces()
                guard let c = peek() else {
                    if terminators.contains("}") { throw Failure(message: "'{' is never closed", offset: chars.count, hint: "add the missing '}'") }
                    return nodes
                }
                if c == "}" {
                    guard terminators.contains("}") else { throw Failure(message: "'}' without a matching '{'", offset: i, hint: nil) }
                    return nodes
                }
                if c == "\\", terminators.contains("right"), lookingAt("\\right") { return nodes }
                if c == "^" || c == "_" {
                    // A script with nothing before it attaches to an empty base, as in TeX: SF$_e$, ${}^{14}$C.
                    let base = nodes.popLast() ?? "<mrow></mrow>"
                    nodes.append(try scripts(base: base))
                    continue
                }
                if c == "'" {
                    i += 1
                    guard let base = nodes.popLast() else { throw Failure(message: "a prime needs something before it", offset: i - 1, hint: nil) }
                    nodes.append("<msup>\(base)<mo>′</mo></msup>")
                    continue
                }
                nodes.append(try atom())
            }
        }

        func lookingAt(_ text: String) -> Bool {
            let t = Array(text)
            guard i + t.count <= chars.count, Array(chars[i..<(i + t.count)]) == t else { return false }
            let after = i + t.count
            return after >= chars.count || !chars[after].isLetter
        }

        /// `base^x`, `base_y`, `base_y^x`, `base^x_y`.
        mutating func scripts(base: String) throws -> String {
            var sub: String?, sup: String?
            while let c = peek(), c == "^" || c == "_" {
                let at = i
                i += 1
                let argument = try argument(for: String(c), at: at)
                if c == "^" {
                    guard sup == nil else { throw Failure(message: "double superscript", offset: at, hint: "group it: x^{ab}") }
                    sup = argument
                } else {
                    guard sub == nil else { throw Failure(message: "double subscript", offset: at, hint: "group it: x_{ab}") }
                    sub = argument
                }
                skipSpaces()
            }
            switch (sub, sup) {
            case let (s?, p?): return "<msubsup>\(base)\(s)\(p)</msubsup>"
            case let (s?, nil): return "<msub>\(base)\(s)</msub>"
            case let (nil, p?): return "<msup>\(base)\(p)</msup>"
            default: return base
            }
        }

        /// One argument: a `{group}`, or a single character or command.
        mutating func argument(for command: String, at position: Int? = nil) throws -> String {
            skipSpaces()
            guard let c = peek() else { throw Failure(message: "'\(command)' needs an argument", offset: position ?? i, hint: "write it in braces: {…}") }
            if c == "{" {
                i += 1
                let inner = try expression(until: ["}"])
                i += 1
                return TeXMath.row(inner)
            }
            if c == "}" || c == "^" || c == "_" { throw Failure(message: "'\(command)' needs an argument", offset: position ?? i, hint: "write it in braces: {…}") }
            if c.isNumber { i += 1; return "<mn>\(c)</mn>" }
            return try atom()
        }

        /// The raw text of a `{…}` argument (for \text and \mathrm).
        mutating func rawGroup(for command: String) throws -> String {
            skipSpaces()
            guard peek() == "{" else { throw Failure(message: "'\\\(command)' needs its text in braces", offset: i, hint: "write \\\(command){…}") }
            let start = i
            i += 1
            var depth = 1
            var text = ""
            while let c = peek() {
                i += 1
                if c == "{" { depth += 1 } else if c == "}" { depth -= 1; if depth == 0 { return text } }
                text.append(c)
            }
            throw Failure(message: "'{' is never closed", offset: start, hint: "add the missing '}'")
        }

        mutating func atom() throws -> String {
            let c = chars[i]
            if c == "{" {
                i += 1
                let inner = try expression(until: ["}"])
                i += 1
                return TeXMath.row(inner)
            }
            if c == "\\" { return try command() }
            if c.isNumber || (c == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                var number = ""
                while let d = peek(), d.isNumber || (d == "." && i + 1 < chars.count && chars[i + 1].isNumber) { number.append(d); i += 1 }
                return "<mn>\(number)</mn>"
            }
            if c.isLetter { i += 1; return "<mi>\(TeXMath.escape(String(c)))</mi>" }
            i += 1
            switch c {
            case "+", "=", "<", ">", ",", ";", ":", "!", "?", "/", "*", "|", "(", ")", "[", "]", ".":
                return "<mo>\(TeXMath.escape(c == "*" ? "∗" : String(c)))</mo>"
            case "-": return "<mo>−</mo>"
            case "~": return "<mspace width=\"0.25em\"></mspace>"
            case "&", "#", "%", "$":
                throw Failure(message: "'\(c)' is not supported in a formula", offset: i - 1, hint: "write \\\(c) for the character itself")
            default:
                if c.isASCII { throw Failure(message: "'\(c)' is not supported in a formula", offset: i - 1, hint: nil) }
                // Unicode symbols written directly (→, ±, γ…): operators if they are symbols, identifiers otherwise.
                return c.isLetter ? "<mi>\(c)</mi>" : "<mo>\(c)</mo>"
            }
        }

        mutating func command() throws -> String {
            let start = i
            i += 1
            guard let first = peek() else { throw Failure(message: "a formula cannot end with '\\'", offset: start, hint: nil) }
            var name = ""
            if first.isLetter {
                while let c = peek(), c.isLetter { name.append(c); i += 1 }
            } else {
                name = String(first)
                i += 1
            }
            if let symbol = TeXMath.greek[name] { return "<mi>\(symbol)</mi>" }
            if let symbol = TeXMath.upperGreek[name] { return "<mi mathvariant=\"normal\">\(symbol)</mi>" }
            if let symbol = TeXMath.letters[name] { return "<mi>\(symbol)</mi>" }
            if let symbol = TeXMath.operators[name] { return "<mo>\(TeXMath.escape(symbol))</mo>" }
            if TeXMath.functions.contains(name) { return "<mi mathvariant=\"normal\">\(name)</mi>" }
            if let width = TeXMath.spaces[name] { return "<mspace width=\"\(width)\"></mspace>" }
            if ["{", "}", "%", "$", "&", "#", "_"].contains(name) { return "<mo>\(TeXMath.escape(name))</mo>" }
            if let accent = TeXMath.accents[name] {
                let base = try argument(for: "\\" + name)
                return "<mover accent=\"true\">\(base)<mo stretchy=\"true\">\(accent)</mo></mover>"
            }
            switch name {
            case "frac", "dfrac", "tfrac":
                let numerator = try argument(for: "\\" + name, at: start)
                let denominator = try argument(for: "\\" + name, at: start)
                return "<mfrac>\(numerator)\(denominator)</mfrac>"
            case "sqrt":
                skipSpaces()
                if peek() == "[" {
                    i += 1
                    var index: [String] = []
                    while let c = peek(), c != "]" { index.append(try atom()); skipSpaces() }
                    guard peek() == "]" else { throw Failure(message: "'[' of \\sqrt is never closed", offset: start, hint: nil) }
                    i += 1
                    let radicand = try argument(for: "\\sqrt")
                    return "<mroot>\(radicand)\(TeXMath.row(index))</mroot>"
                }
                return "<msqrt>\(try argument(for: "\\sqrt"))</msqrt>"
            case "underline":
                return "<munder accentunder=\"true\">\(try argument(for: "\\underline"))<mo stretchy=\"true\">_</mo></munder>"
            case "text", "textrm", "mbox", "textit", "textbf":
                let text = try rawGroup(for: name)
                let variant = name == "textit" ? " mathvariant=\"italic\"" : name == "textbf" ? " mathvariant=\"bold\"" : ""
                // Spaces at the ends of \text are significant: keep them visible.
                let shown = text.replacingOccurrences(of: " ", with: "\u{00A0}")
                return "<mtext\(variant)>\(TeXMath.escape(shown))</mtext>"
            case "mathrm", "operatorname", "mathbf", "mathit", "mathsf", "mathcal", "boldsymbol":
                let text = try rawGroup(for: name)
                var inner = Parser(Array(text))
                let parsed = try inner.expression(until: [])
                let variant = ["mathbf": "bold", "boldsymbol": "bold-italic", "mathit": "italic", "mathsf": "sans-serif", "mathcal": "script"][name] ?? "normal"
                // Letters in a run are one word (GeV, eV, pp): one <mi>.
                if text.allSatisfy({ $0.isLetter }) {
                    return "<mi mathvariant=\"\(variant)\">\(TeXMath.escape(text))</mi>"
                }
                return "<mstyle mathvariant=\"\(variant)\">\(TeXMath.row(parsed))</mstyle>"
            case "left":
                let open = try delimiter(after: "\\left")
                let inner = try expression(until: ["right"])
                guard lookingAt("\\right") else { throw Failure(message: "\\left without \\right", offset: start, hint: "close it with \\right) or \\right.") }
                i += "\\right".count
                let close = try delimiter(after: "\\right")
                return "<mrow>\(open)\(TeXMath.row(inner))\(close)</mrow>"
            case "right":
                throw Failure(message: "\\right without \\left", offset: start, hint: nil)
            case "\\":
                throw Failure(message: "line breaks (\\\\) are not supported in a formula", offset: start, hint: "write one formula per $$…$$ block")
            default:
                throw Failure(message: "unsupported TeX command '\\\(name)'", offset: start, hint: TeXMath.supportedHint)
            }
        }

        mutating func delimiter(after command: String) throws -> String {
            skipSpaces()
            guard let c = peek() else { throw Failure(message: "'\(command)' needs a delimiter", offset: i, hint: "e.g. \\left( … \\right)") }
            if c == "." { i += 1; return "" }
            if "()[]|".contains(c) { i += 1; return "<mo stretchy=\"true\">\(c)</mo>" }
            if c == "\\" {
                let at = i
                i += 1
                var name = ""
                while let d = peek(), d.isLetter { name.append(d); i += 1 }
                if name.isEmpty, let d = peek(), d == "{" || d == "}" || d == "|" { i += 1; return "<mo stretchy=\"true\">\(d == "|" ? "‖" : String(d))</mo>" }
                if let symbol = ["langle": "⟨", "rangle": "⟩", "vert": "|", "Vert": "‖", "lbrace": "{", "rbrace": "}"][name] {
                    return "<mo stretchy=\"true\">\(symbol)</mo>"
                }
                throw Failure(message: "'\\\(name)' is not a delimiter for \(command)", offset: at, hint: "use ( ) [ ] | \\{ \\} \\langle \\rangle or .")
            }
            throw Failure(message: "'\(c)' is not a delimiter for \(command)", offset: i, hint: "use ( ) [ ] | \\{ \\} \\langle \\rangle or .")
        }
    }
}
