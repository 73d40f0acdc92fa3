/// One piece of a template's source, as the scanner finds it: before standalone-line rules
/// are applied and before sections are nested.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// Literal text; never contains a line ending. At most one text token lies between two other tokens.
        case text
        /// A line ending in literal text, `\n` or `\r\n`.
        case newline
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
        case variable(escaped: Bool)
        case section           // {{#name}}
        case invertedSection   // {{^name}}
        case close             // {{/name}}
        case partial           // {{>name}}
        case parent            // {{<name}}
        case block             // {{$name}}
        case comment           // {{!...}}
        case setDelimiters     // {{=<% %>=}}
    }

    var kind: Kind
    /// The literal text or line ending, or the tag's trimmed content (its name).
    var text: String
    var line: Int
    var column: Int

    var isTag: Bool { kind != .text && kind != .newline }

    /// Interpolations never stand alone on a line; every other tag may, and then takes its
    /// line's indentation and line ending with it.
    var canStandAlone: Bool {
        switch kind {
        case .text, .newline, .variable: false
        default: true
        }
    }

    /// Tags that open an element closed by `{{/name}}`.
    var opensElement: Bool {
        switch kind {
        case .section, .invertedSection, .parent, .block: true
        default: false
        }
    }

    /// Whether this is literal text made only of spaces and tabs (or nothing).
    var isBlank: Bool {
        kind == .text && text.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
