/// Named templates and partials, parsed once. A template's partials and parents are looked up by
/// name in the same library; a missing one renders as the empty string, per the spec.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    /// An empty library.
    public init() {}

    /// Parses every source, keyed by name. Throws the first error, trying names in sorted order
    /// so that the same broken set of files always reports the same error.
    public init(sources: [String: String]) throws(TemplateError) {
        for name in sources.keys.sorted() {
            if let source = sources[name] { try add(source, name: name) }
        }
    }

    /// Parses `source` and stores it under `name`, replacing any template of that name.
    public mutating func add(_ source: String, name: String) throws(TemplateError) {
        templates[name] = try Template(source, name: name)
    }

    /// Stores an already parsed template under its own name.
    public mutating func add(_ template: Template) {
        templates[template.name] = template
    }

    /// The template stored under `name`, if any.
    public subscript(name: String) -> Template? { templates[name] }

    /// The names of all templates, sorted.
    public var names: [String] { templates.keys.sorted() }

    /// Renders the template called `name` with this library for its partials; `nil` if there is none.
    public func render(_ name: String, _ context: TemplateValue) -> String? {
        templates[name]?.render(context, partials: self)
    }
}
