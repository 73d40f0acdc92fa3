/// A parsed template: standalone lines are already gone, sections nested, names split on dots.
/// Rendering walks this tree with a `switch`.
indirect enum Node: Sendable {
    /// Literal text. `endsLine` marks text ending in a line ending of the template itself,
    /// after which the next output is indented (inside indented partials, parents and blocks).
    case text(String, endsLine: Bool)
    case variable(Name, escaped: Bool)
    case section(Name, inverted: Bool, [Node])
    /// `indentation` is the whitespace before a standalone tag, prepended to every line it expands to.
    case partial(String, indentation: String)
    /// A parent with its arguments (the blocks directly inside it); everything else inside is ignored.
    case parent(String, indentation: String, arguments: [String: [Node]])
    /// A block: overridable content with its default.
    case block(String, indentation: String, [Node])
}

/// A name in a tag: `.` for the top of the context stack, or a dotted path.
enum Name: Sendable, Hashable {
    case implicitIterator
    case path(first: String, rest: [String])

    init(_ text: String) {
        if text == "." {
            self = .implicitIterator
        } else {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            self = .path(first: parts.first ?? text, rest: Array(parts.dropFirst()))
        }
    }
}
