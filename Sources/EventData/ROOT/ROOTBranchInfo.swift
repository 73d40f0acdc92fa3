/// One branch of a tree: its type, compression, and whether OpenKey can read it as a column.
///
/// Values are converted to Double: integers beyond 2^53 (possible in 64-bit branches) lose precision.
public struct ROOTBranchInfo: Sendable, Hashable {
    /// The branch's name, which is also its column name.
    public var name: String
    /// The type as uproot names it: `float`, `int32_t`, `std::vector<float>`, `float[]` (counted array),
    /// `double[3]` (fixed array), `char*`, `std::string`, or the class name of an object branch.
    public var typeName: String
    /// `zlib`, `lz4`, `zstd`, `lzma`, `old`, or `none`, from the branch's compression setting.
    public var compression: String
    /// The compression level (0 for `none`).
    public var compressionLevel: Int
    /// Whether the branch can be read as a column.
    public var isReadable: Bool
    /// Why not, when it cannot: `text` for strings, otherwise a short description of the type.
    public var whyNot: String?
    /// The column kind values would have (`float` for unreadable branches).
    public var kind: ColumnKind
    /// Whether each entry holds a list (arrays and vectors).
    public var isJagged: Bool

    /// A branch description (the reader builds these; public for tests and tools).
    public init(name: String, typeName: String, compression: String, compressionLevel: Int, isReadable: Bool,
                whyNot: String?, kind: ColumnKind, isJagged: Bool) {
        self.name = name
        self.typeName = typeName
        self.compression = compression
        self.compressionLevel = compressionLevel
        self.isReadable = isReadable
        self.whyNot = whyNot
        self.kind = kind
        self.isJagged = isJagged
    }

    /// The name and level of a ROOT compression setting (algorithm × 100 + level).
    static func compression(setting: Int32) -> (String, Int) {
        let algorithm = setting / 100, level = Int(setting % 100)
        guard setting > 0, level > 0 else { return ("none", 0) }
        switch algorithm {
        case 0, 1: return ("zlib", level)
        case 2: return ("lzma", level)
        case 3: return ("old", level)
        case 4: return ("lz4", level)
        case 5: return ("zstd", level)
        default: return ("unknown", level)
        }
    }
}
