/// Making user text safe inside SVG and HTML: escaped text, XML names for ids, harmless colours.
enum XMLEscaping {
    /// Text for element content or a double-quoted attribute, in XML and HTML alike. Characters XML
    /// forbids (most control characters, U+FFFE, U+FFFF) are dropped; line breaks become spaces.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped += " "
            default:
                if isAllowedInXML(scalar) { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// Whether XML 1.0 allows the character at all (its `Char` production, minus tab and line breaks
    /// which `escape` handles itself).
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// A valid XML name (and HTML id) made from a plot id: ASCII letters, digits, `-`, `_` and `.`
    /// kept, anything else turned into `-`, and "plot-" in front when it would not start with a letter.
    static func identifier(_ raw: String) -> String {
        var name = ""
        for scalar in raw.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": name.unicodeScalars.append(scalar)
            default: name += "-"
            }
        }
        guard let first = name.unicodeScalars.first else { return "plot" }
        switch first {
        case "a"..."z", "A"..."Z", "_": return name
        default: return "plot-" + name
        }
    }

    /// A CSS colour if it looks like one (names, `#hex`, `rgb(…)`, `hsl(…)`); nil for anything that
    /// could break out of an attribute or pull in resources (`url(`, quotes, semicolons).
    static func cssColor(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let trimmed = raw.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.count <= 64, !trimmed.lowercased().contains("url") else { return nil }
        let allowed = trimmed.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "#", "(", ")", ",", ".", "%", " ", "-", "/": return true
            default: return false
            }
        }
        return allowed ? trimmed : nil
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
