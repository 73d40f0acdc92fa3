/// A Mustache template, parsed once and rendered any number of times.
///
/// Supports the required modules of the Mustache spec (interpolation, sections, inverted sections,
/// comments, partials, set delimiters) and the optional inheritance module (`{{<parent}}` with
/// `{{$block}}` arguments), which lets a site theme define a base layout. Lambdas are not supported.
public struct Template: Sendable {
    /// The name given at parsing, used in errors (for site templates, the file path).
    public let name: String
    let nodes: [Node]

    /// Parses once; rendering many times is cheap, and safe from many threads at once.
    ///
    /// Throws for unclosed tags and sections, mismatched or unexpected end tags, empty or
    /// malformed names, and malformed set-delimiter tags, with the position of the offending tag.
    public init(_ source: String, name: String) throws(TemplateError) {
        self.name = name
        self.nodes = try Parser.parse(source, templateName: name)
    }

    /// Renders against `context` (the bottom of the context stack), looking partials and parents up
    /// in `partials`. A missing partial renders as nothing, as the spec asks. Expansion of partials,
    /// parents and block arguments stops silently at a nesting depth of 100 (and after a million
    /// expansions in all), so a template that includes itself without end still terminates.
    public func render(_ context: TemplateValue, partials: TemplateLibrary = TemplateLibrary()) -> String {
        var renderer = Renderer(library: partials, context: context)
        renderer.render(nodes)
        return renderer.output
    }
}
