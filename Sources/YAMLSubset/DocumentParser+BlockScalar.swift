import Diagnostics

// MARK: - Block scalars

extension DocumentParser {
    private enum Chomping { case clip, strip, keep }

    /// A literal (`|`) or folded (`>`) block scalar whose indicator is at `column`. Its content is
    /// the following lines indented more than `parentIndent`; the first of them sets the content
    /// indentation. Lines holding only whitespace count as empty lines. At the top of a document
    /// the text must still be indented (as libyaml requires), so `key: value` lines are never text.
    mutating func parseBlockScalar(line: Int, column: Int, parentIndent: Int) throws(Diagnostic) -> YAMLNode {
        let parentIndent = max(parentIndent, 0)
        let folded = source.byte(line, column) == Byte.greaterThan
        var c = column + 1
        var chomping = Chomping.clip
        if source.byte(line, c) == Byte.dash {
            chomping = .strip
            c += 1
        } else if source.byte(line, c) == Byte.plus {
            chomping = .keep
            c += 1
        }
        if Byte.isDigit(source.byte(line, c)) {
            throw YAMLError.syntax("indentation numbers after '|' or '>' are not supported", at: loc(line, c),
                                   hint: "remove the number; the first line of the text sets the indentation")
        }
        try expectLineEnd(line: line, column: c, after: "the block scalar indicator",
                          hint: "the text of a block scalar starts on the next line, indented")
        let lines = try blockScalarLines(after: line, parentIndent: parentIndent)
        let lastContent = lines.lastIndex { $0 != nil }
        let body = lastContent.map { Array(lines[...$0]) } ?? []
        let trailingEmpty = lines.count - (lastContent.map { $0 + 1 } ?? 0)
        var text = folded ? Self.fold(body) : body.map { $0 ?? "" }.joined(separator: "\n")
        // The final line break is kept only if there is one: not when the text ends on the last content line.
        let finalBreak = lastContent.map { line + 1 + $0 < source.lines.count - 1 || source.lastLineHasBreak } ?? false
        switch chomping {
        case .strip: break
        case .clip: if finalBreak { text += "\n" }
        case .keep: text += String(repeating: "\n", count: (finalBreak ? 1 : 0) + trailingEmpty)
        }
        return YAMLNode(.string(text), location: loc(line, column), raw: text)
    }

    /// The content lines after the header on `header`, with the content indentation removed;
    /// nil stands for an empty line. Consumes them.
    private mutating func blockScalarLines(after header: Int, parentIndent: Int) throws(Diagnostic) -> [String?] {
        var lines: [String?] = []
        var contentIndent: Int?
        var index = header + 1
        while index < source.lines.count {
            let line = source.lines[index]
            if line.isWhitespaceOnly {
                lines.append(nil)
                index += 1
                continue
            }
            if source.isDocumentMarker(index) { break }
            let indent = contentIndent ?? line.indent
            if contentIndent == nil {
                if line.indent <= parentIndent {
                    try checkNotUnindentedContent(line: index, parentIndent: parentIndent)
                    break
                }
                contentIndent = indent
            }
            if line.indent < indent {
                if line.firstText > line.indent, !line.isBlank {
                    throw YAMLError.tab(at: loc(index, line.indent))
                }
                if line.isBlank || line.indent <= parentIndent { break }
                throw YAMLError.indentation(
                    "this line is less indented than the first line of the block scalar (column \(indent + 1))",
                    at: loc(index, line.indent))
            }
            lines.append(source.text(index, from: indent, to: line.length))
            index += 1
        }
        nextLine = index
        return lines
    }

    /// A block scalar with no content followed by a line at its key's column most likely means the
    /// text was not indented; reject it rather than read the text as the next key.
    private func checkNotUnindentedContent(line: Int, parentIndent: Int) throws(Diagnostic) {
        let l = source.lines[line]
        guard !l.isBlank, l.indent == parentIndent, l.firstText == l.indent else { return }
        throw YAMLError.indentation("the text of a block scalar must be indented more than its key",
                                    at: loc(line, l.indent),
                                    hint: "indent the text under the key; for an empty value write \"\"")
    }

    /// YAML folding: a line break between two lines of text becomes a space; n empty lines between
    /// them become n line breaks; breaks next to more-indented lines are kept as they are.
    private static func fold(_ lines: [String?]) -> String {
        enum Previous { case none, text, moreIndented }
        var out = ""
        var previous = Previous.none
        var empty = 0
        for line in lines {
            guard let line else {
                empty += 1
                continue
            }
            let moreIndented = line.first == " " || line.first == "\t"
            switch previous {
            case .none:
                out += String(repeating: "\n", count: empty)
            case .text where !moreIndented:
                out += empty == 0 ? " " : String(repeating: "\n", count: empty)
            default:
                out += String(repeating: "\n", count: empty + 1)
            }
            out += line
            previous = moreIndented ? .moreIndented : .text
            empty = 0
        }
        return out
    }
}
