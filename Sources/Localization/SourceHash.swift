import Curriculum

/// The fingerprint of a source page's text, which a translation records as `translation-of:` to say which version it
/// translates. Only what translators translate counts (title, summary, body), after normalising line endings and
/// trailing spaces: changing a page's duration or curriculum links does not make its translations stale.
public enum SourceHash {
    /// 16 hex digits (64-bit FNV-1a): enough to tell versions of one page apart; not a security measure.
    public static func of(_ page: Page) -> String {
        of(title: page.title, summary: page.summary, body: page.body)
    }

    public static func of(title: String, summary: String, body: String) -> String {
        var hasher = NormalisedHasher()
        hasher.add(title)
        hasher.separate()
        hasher.add(summary)
        hasher.separate()
        hasher.add(body)
        return hex(hasher.hash, digits: 16)
    }

    /// A section of a page: the text under one heading (the first is the text before any heading).
    public struct Section: Sendable, Hashable {
        public var heading: String
        public var hash: String
        public var text: String
    }

    public static let titleSection = "(title and summary)"
    public static let introSection = "(introduction)"

    /// The page cut at its Markdown headings (`#` to `######`, outside fenced code), each section fingerprinted.
    public static func sections(of page: Page) -> [Section] {
        sections(title: page.title, summary: page.summary, body: page.body)
    }

    public static func sections(title: String, summary: String, body: String) -> [Section] {
        var out = [Section(heading: titleSection, hash: short(title + "\u{0}" + summary), text: title + "\n" + summary)]
        var heading = introSection
        var lines: [Substring] = []
        var fence: Substring?
        func flush() {
            let text = lines.joined(separator: "\n")
            if heading != introSection || !text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                out.append(Section(heading: heading, hash: short(text), text: text))
            }
            lines = []
        }
        for line in normaliseLineEndings(body).split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop(while: { $0 == " " })
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
            } else if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
            } else if let text = headingText(trimmed) {
                flush()
                heading = text
                continue
            }
            lines.append(line)
        }
        flush()
        return out
    }

    /// "## Units and scales" → "Units and scales"; nil for a line that is not an ATX heading.
    static func headingText(_ line: Substring) -> String? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return text.trimmingCharacters(in: .whitespaces)
    }

    static func short(_ text: String) -> String {
        var hasher = NormalisedHasher()
        hasher.add(text)
        let h = hasher.hash
        return hex((h >> 32) ^ (h & 0xFFFF_FFFF), digits: 8)
    }

    static func normaliseLineEndings(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    static func hex(_ value: UInt64, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

private extension String {
    func trimmingCharacters(in set: CharacterSetLike) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

private extension Substring {
    func trimmingCharacters(in set: CharacterSetLike) -> String { String(self).trimmingCharacters(in: set) }
}

/// The two trimming sets used here (Foundation-free, so this file is pure Swift).
private enum CharacterSetLike {
    case whitespaces, newlines
    func contains(_ c: Character) -> Bool {
        switch self {
        case .whitespaces: return c == " " || c == "\t"
        case .newlines: return c == "\n" || c == "\r"
        }
    }
}

/// FNV-1a 64 of texts normalised (line endings unified, trailing spaces of every line and blank lines at both ends
/// left out; texts joined by NUL bytes with `separate()`), computed while reading their bytes once, without building
/// the normalised text: the build fingerprints every page of every language.
struct NormalisedHasher {
    private(set) var hash: UInt64 = 0xCBF2_9CE4_8422_2325

    private mutating func feed(_ byte: UInt8) {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }

    mutating func separate() { feed(0) }

    /// Line endings unified, trailing spaces of every line and blank lines at both ends left out.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var started = false, previousWasCR = false
            var newlines = 0, spacesStart = -1
            for (index, b) in bytes.enumerated() {
                if b == 0x0D || b == 0x0A {
                    if b == 0x0A && previousWasCR { previousWasCR = false; continue }
                    previousWasCR = b == 0x0D
                    spacesStart = -1
                    if started { newlines += 1 }
                    continue
                }
                previousWasCR = false
                if b == 0x20 || b == 0x09 {
                    if spacesStart < 0 { spacesStart = index }
                    continue
                }
                for _ in 0..<newlines { feed(0x0A) }
                newlines = 0
                if spacesStart >= 0 {
                    for k in spacesStart..<index { feed(bytes[k]) }
                    spacesStart = -1
                }
                feed(b)
                started = true
            }
        }
    }
}
