import Diagnostics

/// The catalogue of YAML syntax errors, so each stable id and its hint are written once.
/// Every error points at the offending byte.
enum YAMLError {
    static let multilineHint = "put the value on one line, or use a block scalar (| or >)"
    static let quoteHint = "put the value in quotes"
    static let indentationHint = "the keys of one map, and the '- ' of one list, must start at the same column"

    static func tab(at location: SourceLocation) -> Diagnostic {
        .error("yaml.tab", "tab character used for indentation", at: location,
               hint: "indent with spaces only")
    }

    static func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error("yaml.duplicate-key", "duplicate key '\(key)' in this map", at: location,
               notes: [Diagnostic.Note("'\(key)' is first defined here", at: first)],
               hint: "each key may appear only once in a map; remove or rename one of them")
    }

    static func anchor(at location: SourceLocation) -> Diagnostic {
        .error("yaml.anchor", "anchors ('&') are not supported", at: location,
               hint: "write the value out in full, or \(quoteHint) if it starts with '&'")
    }

    static func alias(at location: SourceLocation) -> Diagnostic {
        .error("yaml.alias", "aliases ('*') are not supported", at: location,
               hint: "write the value out in full, or \(quoteHint) if it starts with '*'")
    }

    static func tag(at location: SourceLocation) -> Diagnostic {
        .error("yaml.tag", "tags ('!') are not supported", at: location,
               hint: "remove the tag, or \(quoteHint) if it starts with '!'")
    }

    static func reserved(_ byte: UInt8, at location: SourceLocation) -> Diagnostic {
        .error("yaml.reserved", "a plain value can't start with \(Byte.describe(byte))", at: location,
               hint: quoteHint)
    }

    static func complexKey(at location: SourceLocation) -> Diagnostic {
        .error("yaml.complex-key", "complex keys ('? ') are not supported", at: location,
               hint: "write 'key: value' with a plain or quoted key")
    }

    static func flowMap(at location: SourceLocation) -> Diagnostic {
        .error("yaml.flow-map", "maps in braces or 'key: value' pairs inside '[ ]' are not supported", at: location,
               hint: "use a block map: one 'key: value' per line, indented under its key")
    }

    static func indentation(_ message: String, at location: SourceLocation,
                            hint: String = indentationHint) -> Diagnostic {
        .error("yaml.indentation", message, at: location, hint: hint)
    }

    static func unterminatedString(_ quote: UInt8, at location: SourceLocation) -> Diagnostic {
        .error("yaml.unterminated-string", "string has no closing \(Byte.describe(quote))", at: location,
               hint: "close the quote on the same line")
    }

    static func unterminatedList(at location: SourceLocation) -> Diagnostic {
        .error("yaml.unterminated-list", "list has no closing ']'", at: location,
               hint: "close the list with ']' on the same line")
    }

    static func badEscape(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error("yaml.bad-escape", message, at: location,
               hint: "double-quoted strings accept \\\" \\\\ \\n \\t \\uXXXX; in single quotes a backslash is literal")
    }

    static func multiline(_ message: String, at location: SourceLocation) -> Diagnostic {
        .error("yaml.multiline", message, at: location, hint: multilineHint)
    }

    static func documentMarker(at location: SourceLocation) -> Diagnostic {
        .error("yaml.document-marker", "document markers ('---' or '...') are not allowed here", at: location,
               hint: "a file holds one document; remove the marker")
    }

    static func missingColon(at location: SourceLocation, hasColon: Bool) -> Diagnostic {
        .error("yaml.missing-colon", "expected 'key: value', but this line has no ': '", at: location,
               hint: hasColon ? "put a space after the colon" :
                   "add ': ' after the key; a value can't continue on the next line (\(multilineHint))")
    }

    static func syntax(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        .error("yaml.syntax", message, at: location, hint: hint)
    }

    static func tooDeep(at location: SourceLocation, limit: Int) -> Diagnostic {
        .error("yaml.too-deep", "lists and maps are nested more than \(limit) levels deep", at: location)
    }
}
