/// What a source offers: names, kinds and shapes, known before any data is read (the static checker uses it).
public struct ColumnInfo: Sendable, Hashable {
    /// The name analyses refer to, e.g. `lep_pt`.
    public var name: String
    public var kind: ColumnKind
    /// Whether each event holds a list (`lep_pt[]`) rather than one value.
    public var isJagged: Bool
    /// e.g. "vector<float>" for ROOT, "float[]" for CSV; shown by `openkey inspect`.
    public var typeName: String

    public init(name: String, kind: ColumnKind, isJagged: Bool, typeName: String) {
        self.name = name
        self.kind = kind
        self.isJagged = isJagged
        self.typeName = typeName
    }
}
