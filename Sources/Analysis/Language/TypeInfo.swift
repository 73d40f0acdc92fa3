import EventData

/// What the checker knows of an expression before any data is read.
public struct TypeInfo: Sendable, Hashable {
    public var kind: ColumnKind
    public var isJagged: Bool

    public init(kind: ColumnKind, isJagged: Bool) {
        self.kind = kind
        self.isJagged = isJagged
    }

    static let float = TypeInfo(kind: .float, isJagged: false)
    static let int = TypeInfo(kind: .int, isJagged: false)
    static let bool = TypeInfo(kind: .bool, isJagged: false)

    var shapeName: String { isJagged ? "a list per event" : "one value per event" }
}
