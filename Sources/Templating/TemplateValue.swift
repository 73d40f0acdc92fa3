/// Data given to a template. Built by the site generator from Swift values.
///
/// Names in tags resolve against `.object` values on the context stack; sections iterate
/// `.list` values and push every other truthy value (see `isTruthy`).
public indirect enum TemplateValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])
}

// MARK: - Mustache semantics

extension TemplateValue {
    /// Whether a section over this value renders. The spec coerces with JavaScript's `!!data`,
    /// so `false`, `null`, `0`, `NaN`, the empty string and the empty list are falsey;
    /// everything else, including an empty object, is truthy.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .int(let i): i != 0
        case .double(let d): d != 0 && !d.isNaN
        case .string(let s): !s.isEmpty
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }

    /// The text an interpolation tag writes before escaping: `null` is empty, integers print as
    /// `85`, doubles in their shortest round-tripping form (`1.21`, and `2` for `2.0`),
    /// lists as their items joined by commas, objects as nothing.
    public var interpolated: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): Self.format(d)
        case .string(let s): s
        case .list(let items): items.map(\.interpolated).joined(separator: ",")
        case .object: ""
        }
    }

    /// The value under `key` when this is an object; `nil` when there is no such key
    /// (a key holding `.null` is found, and stops the context-stack search).
    public subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    private static func format(_ d: Double) -> String {
        if d.isFinite, d == d.rounded(), abs(d) < 1e15 {
            return String(Int(d))
        }
        return String(d)
    }
}

// MARK: - Literals

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }

    /// Later duplicates win, as in a JSON object.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, later in later }))
    }
}
