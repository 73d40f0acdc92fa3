/// A label split into runs of normal, subscript and superscript text.
///
/// Markup, as physicists type it: `_x` / `^x` take a run of letters and digits (with an optional
/// leading sign for superscripts such as `fb^-1`), `_{…}` / `^{…}` take everything up to the brace;
/// `\_` and `\^` stay literal. Everything else, Unicode included ("m_ℓℓ", "10 fb⁻¹"), passes through.
struct RichText: Equatable {
    enum Position: Equatable { case normal, sub, sup }

    struct Run: Equatable {
        var text: String
        var position: Position
    }

    var runs: [Run]

    init(runs: [Run]) { self.runs = runs }

    init(parsing markup: String) {
        var runs: [Run] = []
        var current = ""
        func flush() {
            if !current.isEmpty { runs.append(Run(text: current, position: .normal)) }
            current = ""
        }
        let characters = Array(markup)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "\\", let next, next == "_" || next == "^" {
                current.append(next)
                index += 2
                continue
            }
            if character == "_" || character == "^", let (text, end) = Self.script(in: characters, from: index + 1) {
                flush()
                runs.append(Run(text: text, position: character == "_" ? .sub : .sup))
                index = end
                continue
            }
            current.append(character)
            index += 1
        }
        flush()
        self.runs = runs
    }

    /// The script text starting at `start` and the index after it, or nil when nothing follows that
    /// could be a script (the marker is then literal).
    private static func script(in characters: [Character], from start: Int) -> (String, Int)? {
        guard start < characters.count else { return nil }
        if characters[start] == "{" {
            var end = start + 1
            while end < characters.count, characters[end] != "}" { end += 1 }
            let text = String(characters[(start + 1)..<end])
            return text.isEmpty ? nil : (text, min(end + 1, characters.count))
        }
        var end = start
        if "+-−".contains(characters[end]) { end += 1 }
        let wordStart = end
        while end < characters.count, characters[end].isLetter || characters[end].isNumber { end += 1 }
        guard end > wordStart else { return nil }
        return (String(characters[start..<end]), end)
    }

    /// The text without markup, for `<title>`, `<desc>` and other plain-text uses.
    var plain: String { runs.map(\.text).joined() }

    /// Escaped SVG `<text>` content; scripts are `<tspan>`s shifted with `dy`, which every browser
    /// honours (unlike `baseline-shift`, which Firefox ignores), and shifted back for the next run.
    func svg(fontSize: Double) -> String {
        var out = ""
        var offset = 0.0
        for run in runs {
            // A hyphen leading a script ("fb^-1") is meant as a minus sign; typeset it as one.
            let text = run.position != .normal && run.text.hasPrefix("-") ? "−" + run.text.dropFirst() : run.text
            // Leading spaces go before the tspan: librsvg drops them inside one ("10⁶eV").
            let body = text.drop { $0 == " " }
            out += String(repeating: " ", count: text.count - body.count)
            let escaped = XMLEscaping.escape(String(body))
            if escaped.isEmpty { continue }
            let target: Double
            switch run.position {
            case .normal: target = 0
            case .sub: target = fontSize * 0.3
            case .sup: target = -fontSize * 0.42
            }
            if run.position == .normal, offset == 0 {
                out += escaped
                continue
            }
            var attributes = ""
            if target != offset { attributes += " dy=\"\(NumberText.coordinate(target - offset))\"" }
            if run.position != .normal { attributes += " font-size=\"\(NumberText.coordinate(fontSize * 0.72))\"" }
            out += "<tspan\(attributes)>\(escaped)</tspan>"
            offset = target
        }
        return out
    }

    /// Escaped HTML with `<sub>` and `<sup>` for the scripts.
    var html: String {
        runs.map { run in
            let escaped = XMLEscaping.escape(run.text)
            switch run.position {
            case .normal: return escaped
            case .sub: return "<sub>\(escaped)</sub>"
            case .sup: return "<sup>\(escaped)</sup>"
            }
        }.joined()
    }

    /// A rough rendered width for layout, without font metrics: average glyphs, wide ones for CJK.
    func estimatedWidth(fontSize: Double) -> Double {
        runs.reduce(0) { total, run in
            let size = run.position == .normal ? fontSize : fontSize * 0.72
            return total + run.text.unicodeScalars.reduce(0) { sum, scalar in
                sum + size * (scalar.value >= 0x2E80 ? 1.0 : 0.56)
            }
        }
    }
}
