/// How the tags of a token stream pair up: which end tag closes which start tag, and which
/// element each start tag sits in. Finding this is where unbalanced sections are reported.
struct Structure {
    /// Index of the end tag of each element's start tag.
    private(set) var closeOf: [Int: Int] = [:]
    /// Index of the start tag of the element directly around each start tag, if any.
    private(set) var enclosing: [Int: Int] = [:]

    init(tokens: [Token], templateName: String) throws(TemplateError) {
        var open: [Int] = []
        for (index, token) in tokens.enumerated() {
            if token.opensElement {
                if let outer = open.last { enclosing[index] = outer }
                open.append(index)
            } else if token.kind == .close {
                guard let start = open.last else {
                    throw Self.error("unexpected end tag '\(token.text)': no section is open", at: token, templateName)
                }
                guard tokens[start].text == token.text else {
                    let opener = tokens[start]
                    throw Self.error(
                        "end tag '\(token.text)' does not match '\(opener.text)' opened at line \(opener.line), column \(opener.column)",
                        at: token, templateName)
                }
                closeOf[start] = index
                open.removeLast()
            }
        }
        if let unclosed = open.last {
            let token = tokens[unclosed]
            throw Self.error("unclosed \(Self.describe(token.kind)) '\(token.text)': expected an end tag", at: token, templateName)
        }
    }

    private static func error(_ message: String, at token: Token, _ templateName: String) -> TemplateError {
        TemplateError(message: message, line: token.line, column: token.column, templateName: templateName)
    }

    private static func describe(_ kind: Token.Kind) -> String {
        switch kind {
        case .invertedSection: "inverted section"
        case .parent: "parent"
        case .block: "block"
        default: "section"
        }
    }
}
