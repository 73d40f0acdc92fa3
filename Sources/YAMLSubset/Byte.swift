/// The ASCII bytes the parser looks at. YAML's indicators are all ASCII, so the parser can work on
/// UTF-8 bytes and never split a multi-byte character.
enum Byte {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let dash = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let dot = UInt8(ascii: ".")
    static let colon = UInt8(ascii: ":")
    static let comma = UInt8(ascii: ",")
    static let hash = UInt8(ascii: "#")
    static let question = UInt8(ascii: "?")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let backslash = UInt8(ascii: "\\")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")
    static let pipe = UInt8(ascii: "|")
    static let greaterThan = UInt8(ascii: ">")
    static let ampersand = UInt8(ascii: "&")
    static let asterisk = UInt8(ascii: "*")
    static let exclamation = UInt8(ascii: "!")
    static let percent = UInt8(ascii: "%")
    static let at = UInt8(ascii: "@")
    static let backtick = UInt8(ascii: "`")

    /// Space or tab: the whitespace YAML allows between tokens on a line.
    static func isBlank(_ b: UInt8?) -> Bool { b == space || b == tab }

    /// End of line, space or tab: what must follow `-`, `:`, `?` for them to act as indicators.
    static func isBlankOrEnd(_ b: UInt8?) -> Bool { b == nil || b == space || b == tab }

    static func isDigit(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    /// A printable description of a byte for messages: `'&'`, or `'\t'`.
    static func describe(_ b: UInt8) -> String {
        b == tab ? "'\\t'" : "'\(String(decoding: [b], as: UTF8.self))'"
    }
}
