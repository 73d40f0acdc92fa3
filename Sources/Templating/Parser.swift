/// Turns template source into a tree of nodes: scan, pair tags, apply whitespace rules, nest.
enum Parser {
    static func parse(_ source: String, templateName: String) throws(TemplateError) -> [Node] {
        let tokens = try Scanner.tokens(of: source, templateName: templateName)
        let structure = try Structure(tokens: tokens, templateName: templateName)
        let layout = Whitespace(tokens: tokens, structure: structure)
        var builder = TreeBuilder(layout: layout, structure: structure)
        return builder.nodes(in: 0..<layout.tokens.count)
    }
}

/// Nests the surviving tokens into nodes, merging literal text into as few nodes as possible.
private struct TreeBuilder {
    let layout: Whitespace
    let structure: Structure

    init(layout: Whitespace, structure: Structure) {
        self.layout = layout
        self.structure = structure
    }

    mutating func nodes(in range: Range<Int>) -> [Node] {
        var nodes: [Node] = []
        var text = ""
        func flush(endsLine: Bool) {
            if !text.isEmpty || endsLine { nodes.append(.text(text, endsLine: endsLine)) }
            text = ""
        }
        var index = range.lowerBound
        while index < range.upperBound {
            let token = layout.tokens[index]
            defer { index += 1 }
            if layout.removed[index] { continue }
            switch token.kind {
            case .text:
                text += token.text
            case .newline:
                text += token.text
                flush(endsLine: true)
            case .comment, .setDelimiters, .close:
                continue
            case .variable(let escaped):
                flush(endsLine: false)
                nodes.append(.variable(Name(token.text), escaped: escaped))
            case .partial:
                flush(endsLine: false)
                nodes.append(.partial(token.text, indentation: layout.indentation[index] ?? ""))
            case .section, .invertedSection, .parent, .block:
                flush(endsLine: false)
                let close = structure.closeOf[index] ?? range.upperBound
                nodes.append(element(at: index, children: self.nodes(in: index + 1..<close)))
                index = close
            }
        }
        flush(endsLine: false)
        return nodes
    }

    private func element(at index: Int, children: [Node]) -> Node {
        let token = layout.tokens[index]
        let indentation = layout.indentation[index] ?? ""
        switch token.kind {
        case .invertedSection:
            return .section(Name(token.text), inverted: true, children)
        case .parent:
            var arguments: [String: [Node]] = [:]
            for case .block(let name, _, let content) in children where arguments[name] == nil {
                arguments[name] = content
            }
            return .parent(token.text, indentation: indentation, arguments: arguments)
        case .block:
            return .block(token.text, indentation: indentation, children)
        default:
            return .section(Name(token.text), inverted: false, children)
        }
    }
}
