/// A numeric type as stored in a ROOT branch (always big-endian on disk).
enum ROOTElementType: Sendable, Hashable, CaseIterable {
    case int8, uint8, int16, uint16, int32, uint32, int64, uint64, float32, float64, bool

    /// Bytes per value on disk.
    var size: Int {
        switch self {
        case .int8, .uint8, .bool: 1
        case .int16, .uint16: 2
        case .int32, .uint32, .float32: 4
        case .int64, .uint64, .float64: 8
        }
    }

    var kind: ColumnKind {
        switch self {
        case .float32, .float64: .float
        case .bool: .bool
        default: .int
        }
    }

    /// The name uproot gives the type (so `openkey inspect` and uproot agree).
    var typeName: String {
        switch self {
        case .int8: "int8_t"
        case .uint8: "uint8_t"
        case .int16: "int16_t"
        case .uint16: "uint16_t"
        case .int32: "int32_t"
        case .uint32: "uint32_t"
        case .int64: "int64_t"
        case .uint64: "uint64_t"
        case .float32: "float"
        case .float64: "double"
        case .bool: "bool"
        }
    }

    /// The type of a TLeaf subclass (`TLeafF`, `TLeafI`…), nil for leaves that hold no plain numbers.
    static func leaf(className: String, isUnsigned: Bool) -> ROOTElementType? {
        switch className {
        case "TLeafO": .bool
        case "TLeafB": isUnsigned ? .uint8 : .int8
        case "TLeafS": isUnsigned ? .uint16 : .int16
        case "TLeafI": isUnsigned ? .uint32 : .int32
        case "TLeafL", "TLeafG": isUnsigned ? .uint64 : .int64
        case "TLeafF": .float32
        case "TLeafD": .float64
        default: nil
        }
    }

    /// The type of a C++ or ROOT type name (`float`, `unsigned int`, `Long64_t`, `uint8_t`…).
    static func cxx(_ raw: String) -> ROOTElementType? {
        let name = raw.split(separator: " ").joined(separator: " ")
        switch name {
        case "bool", "Bool_t": return .bool
        case "char", "signed char", "Char_t", "int8_t", "Int8_t": return .int8
        case "unsigned char", "UChar_t", "uint8_t", "UInt8_t", "Byte_t": return .uint8
        case "short", "short int", "Short_t", "int16_t", "Int16_t": return .int16
        case "unsigned short", "unsigned short int", "UShort_t", "uint16_t", "UInt16_t": return .uint16
        case "int", "Int_t", "int32_t", "Int32_t": return .int32
        case "unsigned", "unsigned int", "UInt_t", "uint32_t", "UInt32_t": return .uint32
        case "long", "long int", "long long", "long long int", "Long_t", "Long64_t", "int64_t", "Int64_t": return .int64
        case "unsigned long", "unsigned long int", "unsigned long long", "unsigned long long int",
             "ULong_t", "ULong64_t", "uint64_t", "UInt64_t": return .uint64
        case "float", "Float_t": return .float32
        case "double", "Double_t": return .float64
        default: return nil
        }
    }

    /// The type of a TStreamerElement basic type code (kChar = 1 … kBool = 18).
    static func streamerCode(_ code: Int32) -> ROOTElementType? {
        switch code {
        case 1: .int8
        case 2: .int16
        case 3, 6: .int32
        case 4, 16: .int64
        case 5: .float32
        case 8: .float64
        case 11: .uint8
        case 12: .uint16
        case 13: .uint32
        case 14, 17: .uint64
        case 18: .bool
        default: nil
        }
    }
}
