import Diagnostics

/// A problem in a template file: an unclosed tag or section, a mismatched section end,
/// a malformed set-delimiter tag. Rendering never fails; only parsing does.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 1-based line of the offending tag.
    public var line: Int
    /// 1-based column of the offending tag, counted in UTF-8 bytes.
    public var column: Int
    /// The name the template was parsed under (for site templates, their path).
    public var templateName: String

    /// Errors are normally made by the parser; this is public for callers that wrap or re-locate them.
    public init(message: String, line: Int, column: Int, templateName: String) {
        self.message = message
        self.line = line
        self.column = column
        self.templateName = templateName
    }

    /// `name:line:column: message`, the way compilers print positions.
    public var description: String { "\(templateName):\(line):\(column): \(message)" }

    /// The error as a build diagnostic (`template.syntax`), located in the template's file.
    public var diagnostic: Diagnostic {
        .error("template.syntax", message,
               at: SourceLocation(path: templateName, line: line, column: column))
    }
}
