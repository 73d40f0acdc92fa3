import Diagnostics

/// Parses OpenKey's YAML subset: block maps and lists, one-line flow lists, plain, quoted and
/// block scalars, comments. Anything outside the subset is an error at its exact line and column,
/// never a silent misreading. See `DocumentParser` for the grammar.
public enum YAMLParser {
    /// Parses a whole document. `path` is used in locations; `firstLine` is the line number of the
    /// first line of `text` in its file (front matter starts on line 2 of a Markdown page).
    /// An empty document (only comments/blank) is a null node at line `firstLine`.
    /// Parsing stops at the first error.
    public static func parse(_ text: String, path: String, firstLine: Int = 1) -> Result<YAMLNode, Diagnostic> {
        var parser = DocumentParser(source: SourceText(text, path: path, firstLine: firstLine))
        do {
            return .success(try parser.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
