import Diagnostics

/// A parsed YAML value with the location it came from, so later stages can point at it
/// ("expected a string, found a list" at the list's line and column).
public struct YAMLNode: Sendable, Hashable {
    /// The value itself. Plain scalars are typed (see the subset rules); quoted and block scalars are strings.
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case list([YAMLNode])
        case map(YAMLMap)
    }

    /// What was parsed.
    public var value: Value
    /// Where the value starts. For a null from an empty value: just after the colon (or the `-`).
    public var location: SourceLocation
    /// The source text of a scalar: as written for plain scalars (`1984`, `1.50`, `true`), the
    /// content for quoted and block scalars. Nil for lists and maps.
    public var raw: String?

    /// Builds a node, e.g. for defaults or tests; the parser sets `raw` for every scalar.
    public init(_ value: Value, location: SourceLocation, raw: String? = nil) {
        self.value = value
        self.location = location
        self.raw = raw
    }

    // MARK: - Typed access

    /// Any scalar except null, as text: the source text of a plain scalar (so `title: 1984` gives
    /// "1984" and `version: 1.50` gives "1.50"), the content of a quoted or block scalar.
    public var string: String? {
        switch value {
        case .string(let s): return s
        case .bool(let b): return raw ?? String(b)
        case .int(let i): return raw ?? String(i)
        case .double(let d): return raw ?? String(d)
        case .null, .list, .map: return nil
        }
    }

    /// An integer written as one (`42`, `-12`); nil for decimals and strings.
    public var int: Int? {
        if case .int(let i) = value { return i }
        return nil
    }

    /// Decimals and integers as a `Double`.
    public var double: Double? {
        switch value {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default: return nil
        }
    }

    /// `true` or `false` written plainly; nil otherwise (`yes` is a string).
    public var bool: Bool? {
        if case .bool(let b) = value { return b }
        return nil
    }

    /// The items of a block or flow list.
    public var list: [YAMLNode]? {
        if case .list(let items) = value { return items }
        return nil
    }

    /// The entries of a block map.
    public var map: YAMLMap? {
        if case .map(let m) = value { return m }
        return nil
    }

    /// True for `null`, `~` and an empty value.
    public var isNull: Bool { value == .null }

    /// True for strings, numbers and booleans (not null, lists or maps).
    public var isScalar: Bool { string != nil }

    /// The kind of value with its article, for messages: "expected a string, found a list".
    public var kindName: String {
        switch value {
        case .null: return "an empty value"
        case .bool: return "a boolean"
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "a string"
        case .list: return "a list"
        case .map: return "a map"
        }
    }
}
