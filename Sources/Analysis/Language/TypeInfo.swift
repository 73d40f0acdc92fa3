import EventData

/// What the checker knows of an expression before any data is read.
struct TypeInfo: Sendable, Hashable {
    var kind: ColumnKind
    var isJagged: Bool

    static let float = TypeInfo(kind: .float, isJagged: false)
    static let int = TypeInfo(kind: .int, isJagged: false)
    static let bool = TypeInfo(kind: .bool, isJagged: false)

    var shapeName: String { isJagged ? "a list per event" : "one value per event" }
}
