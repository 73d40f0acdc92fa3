/// Element type of a column. Values are stored as Double (exact for integers up to 2^53); the kind keeps the semantics.
public enum ColumnKind: String, Sendable, Hashable {
    case int, float, bool
}
