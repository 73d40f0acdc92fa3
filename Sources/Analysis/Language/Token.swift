import Diagnostics

/// A token of the analysis language.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier(String)
        case number(Double, isInteger: Bool)
        case string(String)
        case symbol(String)        // + - * / % ** == != < <= > >= ( ) [ ] , : = !
        case newline               // end of a statement (a line break not followed by indentation)
        case end
    }
    var kind: Kind
    var location: SourceLocation

    var identifier: String? { if case .identifier(let s) = kind { return s } else { return nil } }
    func isSymbol(_ s: String) -> Bool { if case .symbol(let t) = kind { return t == s } else { return false } }
    func isKeyword(_ s: String) -> Bool { identifier == s }

    var display: String {
        switch kind {
        case .identifier(let s): return "'\(s)'"
        case .number(let n, _): return "number \(Lexer.format(n))"
        case .string: return "a string"
        case .symbol(let s): return "'\(s)'"
        case .newline: return "end of line"
        case .end: return "end of file"
        }
    }
}
