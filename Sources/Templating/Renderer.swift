/// Walks a parsed template against a context stack, writing into one string.
/// One renderer per `render` call, so rendering shares no mutable state between threads.
struct Renderer {
    /// How deeply partials, parents and block arguments may nest before expansion stops.
    static let maximumDepth = 100
    /// How many partials, parents and block arguments one render may expand in all: a bound on
    /// templates that include themselves twice per level, which the depth cap alone would let run
    /// for 2^100 steps.
    static let maximumExpansions = 1_000_000

    let library: TemplateLibrary
    private(set) var output = ""
    private var stack: [TemplateValue]
    /// Prepended to each line of template text: the sum of the indentations of the standalone
    /// partials, parents and blocks being expanded.
    private var indentation = ""
    private var atLineStart = true
    /// Block arguments in force: those of the outermost parent win, so that a child template
    /// overrides its parent's own arguments to a grandparent.
    private var overrides: [String: [Node]] = [:]
    private var depth = 0
    private var expansions = 0

    init(library: TemplateLibrary, context: TemplateValue) {
        self.library = library
        self.stack = [context]
    }

    mutating func render(_ nodes: [Node]) {
        for node in nodes {
            switch node {
            case .text(let text, let endsLine):
                emit(text)
                if endsLine { atLineStart = true }
            case .variable(let name, let escaped):
                let text = resolve(name).interpolated
                emit(escaped ? HTMLEscaping.escape(text) : text)
            case .section(let name, let inverted, let children):
                renderSection(resolve(name), inverted: inverted, children)
            case .partial(let name, let indentation):
                expand(name, indentation: indentation, arguments: [:])
            case .parent(let name, let indentation, let arguments):
                expand(name, indentation: indentation, arguments: arguments)
            case .block(let name, let indentation, let defaultContent):
                renderBlock(name, indentation: indentation, defaultContent)
            }
        }
    }

    // MARK: - Elements

    private mutating func renderSection(_ value: TemplateValue, inverted: Bool, _ children: [Node]) {
        if inverted {
            if !value.isTruthy { render(children) }
        } else if case .list(let items) = value {
            for item in items {
                stack.append(item)
                render(children)
                stack.removeLast()
            }
        } else if value.isTruthy {
            stack.append(value)
            render(children)
            stack.removeLast()
        }
    }

    private mutating func expand(_ name: String, indentation extra: String, arguments: [String: [Node]]) {
        guard let template = library[name], beginExpansion() else { return }
        let savedOverrides = overrides
        if !arguments.isEmpty {
            overrides = arguments.merging(overrides, uniquingKeysWith: { _, outer in outer })
        }
        let savedIndentation = indent(by: extra)
        render(template.nodes)
        indentation = savedIndentation
        overrides = savedOverrides
        depth -= 1
    }

    private mutating func renderBlock(_ name: String, indentation extra: String, _ defaultContent: [Node]) {
        let savedIndentation = indent(by: extra)
        if let argument = overrides[name] {
            if beginExpansion() {
                render(argument)
                depth -= 1
            }
        } else {
            render(defaultContent)
        }
        indentation = savedIndentation
    }

    /// Counts one more level of nesting, or refuses when a limit is reached.
    private mutating func beginExpansion() -> Bool {
        guard depth < Self.maximumDepth, expansions < Self.maximumExpansions else { return false }
        depth += 1
        expansions += 1
        return true
    }

    /// Adds indentation for a standalone tag and returns the previous indentation to restore.
    /// A standalone tag met mid-line (its template was itself included mid-line) writes its
    /// indentation at once, as the template text would have.
    private mutating func indent(by extra: String) -> String {
        let saved = indentation
        if !extra.isEmpty {
            if !atLineStart { output += extra }
            indentation += extra
        }
        return saved
    }

    // MARK: - Output and lookup

    private mutating func emit(_ text: String) {
        guard !text.isEmpty else { return }
        if atLineStart {
            output += indentation
            atLineStart = false
        }
        output += text
    }

    /// Resolves a name on the context stack: the first part in the nearest context that has it,
    /// the remaining parts only within that value.
    private func resolve(_ name: Name) -> TemplateValue {
        switch name {
        case .implicitIterator:
            return stack.last ?? .null
        case .path(let first, let rest):
            guard var value = stack.reversed().lazy.compactMap({ $0[first] }).first else { return .null }
            for key in rest {
                guard let next = value[key] else { return .null }
                value = next
            }
            return value
        }
    }
}
