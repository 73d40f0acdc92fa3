/// Applies Mustache's whitespace rules to a token stream, before it becomes a tree:
///
/// - A tag alone on its line (except interpolations) is *standalone*: its indentation, trailing
///   blanks and line ending are dropped, and a standalone partial keeps the indentation to
///   prepend to each line it expands to.
/// - A parent pair `{{<p}}…{{/p}}` is standalone when its start tag clears the left of its line
///   and its end tag clears the right, even with both tags on one line.
/// - A block passed to a parent (an *argument*) owns the line ending right after its start tag and
///   the blanks before its end tag. If its start tag ends a line, the indentation of the next line is
///   its *intrinsic indentation*, removed from each of its lines.
/// - A block elsewhere (a *parameter*) whose pair is standalone takes as indentation its intrinsic
///   indentation (start tag alone on its line) or the blanks before its start tag; an argument
///   filling it is indented by that much.
struct Whitespace {
    private(set) var tokens: [Token]
    private let structure: Structure
    /// Tokens dropped from the output.
    private(set) var removed: [Bool]
    /// Indentation of partials, parents and blocks, by token index; absent means none.
    private(set) var indentation: [Int: String] = [:]
    /// Index of the first token of each line, and the line of each token.
    private var lineStarts: [Int] = []
    private var lineOf: [Int] = []

    init(tokens: [Token], structure: Structure) {
        self.tokens = tokens
        self.structure = structure
        self.removed = Array(repeating: false, count: tokens.count)
        indexLines()
        removeIntrinsicIndentation()
        applyStandaloneRules()
    }

    // MARK: - Rules

    private mutating func removeIntrinsicIndentation() {
        for open in structure.closeOf.keys.sorted() where tokens[open].kind == .block {
            guard let close = structure.closeOf[open], hasIntrinsicIndentation(open: open, close: close) else { continue }
            let next = lineOf[open] + 1
            guard next < lineStarts.count else { continue }
            let intrinsic = leadingBlanks(ofTokenAt: lineStarts[next])
            indentation[open] = intrinsic
            guard !intrinsic.isEmpty else { continue }
            var line = next
            while line < lineStarts.count, lineStarts[line] <= close {
                let first = lineStarts[line]
                if tokens[first].kind == .text, tokens[first].text.hasPrefix(intrinsic) {
                    tokens[first].text.removeFirst(intrinsic.count)
                }
                line += 1
            }
        }
    }

    private func hasIntrinsicIndentation(open: Int, close: Int) -> Bool {
        if isArgument(open) { return clearsRight(open) }
        return isAlone(open) && clearsRight(close)
    }

    private mutating func applyStandaloneRules() {
        for index in tokens.indices where isAlone(index) {
            if tokens[index].kind == .partial || tokens[index].kind == .parent {
                indentation[index] = leadingBlanks(before: index)
            }
            stripLeft(of: index)
            stripRight(of: index)
        }
        for (open, close) in structure.closeOf.sorted(by: { $0.key < $1.key }) {
            switch tokens[open].kind {
            case .parent where clearsLeft(open) && clearsRight(close):
                indentation[open] = leadingBlanks(before: open)
                stripLeft(of: open)
                stripRight(of: close)
            case .block where isArgument(open):
                if clearsRight(open) { stripRight(of: open) }
                if clearsLeft(close) { stripLeft(of: close) }
            case .block where clearsLeft(open) && clearsRight(close):
                if !isAlone(open) { indentation[open] = leadingBlanks(before: open) }
                stripLeft(of: open)
            case .block:
                indentation[open] = nil
            default:
                break
            }
        }
    }

    private func isArgument(_ open: Int) -> Bool {
        guard let enclosing = structure.enclosing[open] else { return false }
        return tokens[enclosing].kind == .parent
    }

    // MARK: - Lines

    private mutating func indexLines() {
        lineOf = Array(repeating: 0, count: tokens.count)
        lineStarts = tokens.isEmpty ? [] : [0]
        for index in tokens.indices {
            lineOf[index] = lineStarts.count - 1
            if tokens[index].kind == .newline, index + 1 < tokens.count {
                lineStarts.append(index + 1)
            }
        }
    }

    /// Tokens of the line holding `index`, line ending excluded.
    private func lineContent(of index: Int) -> Range<Int> {
        let line = lineOf[index]
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : tokens.count
        if end > start, tokens[end - 1].kind == .newline { end -= 1 }
        return start..<end
    }

    private func clearsLeft(_ index: Int) -> Bool {
        tokens[lineContent(of: index).lowerBound..<index].allSatisfy(\.isBlank)
    }

    private func clearsRight(_ index: Int) -> Bool {
        tokens[index + 1..<lineContent(of: index).upperBound].allSatisfy(\.isBlank)
    }

    private func isAlone(_ index: Int) -> Bool {
        tokens[index].canStandAlone && clearsLeft(index) && clearsRight(index)
    }

    private func leadingBlanks(before index: Int) -> String {
        tokens[lineContent(of: index).lowerBound..<index].map(\.text).joined()
    }

    private func leadingBlanks(ofTokenAt index: Int) -> String {
        guard tokens[index].kind == .text else { return "" }
        return String(tokens[index].text.prefix(while: { $0 == " " || $0 == "\t" }))
    }

    private mutating func stripLeft(of index: Int) {
        for i in lineContent(of: index).lowerBound..<index { removed[i] = true }
    }

    /// Drops the blanks after a tag and its line ending.
    private mutating func stripRight(of index: Int) {
        let line = lineOf[index]
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : tokens.count
        for i in index + 1..<end { removed[i] = true }
    }
}
