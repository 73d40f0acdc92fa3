/// A big-endian number on disk, read as a Double (at a position the caller has checked).
protocol ROOTBigEndianNumber {
    static var byteSize: Int { get }
    static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double
}

enum BEInt8: ROOTBigEndianNumber {
    static var byteSize: Int { 1 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double {
        Double(Int8(bitPattern: raw.load(fromByteOffset: at, as: UInt8.self)))
    }
}

enum BEUInt8: ROOTBigEndianNumber {
    static var byteSize: Int { 1 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double { Double(raw.load(fromByteOffset: at, as: UInt8.self)) }
}

enum BEBool: ROOTBigEndianNumber {
    static var byteSize: Int { 1 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double { raw.load(fromByteOffset: at, as: UInt8.self) == 0 ? 0 : 1 }
}

enum BEInt16: ROOTBigEndianNumber {
    static var byteSize: Int { 2 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double {
        Double(Int16(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: Int16.self)))
    }
}

enum BEUInt16: ROOTBigEndianNumber {
    static var byteSize: Int { 2 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double {
        Double(UInt16(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
    }
}

enum BEInt32: ROOTBigEndianNumber {
    static var byteSize: Int { 4 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double {
        Double(Int32(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: Int32.self)))
    }
}

enum BEUInt32: ROOTBigEndianNumber {
    static var byteSize: Int { 4 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double {
        Double(UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
    }
}

/// 64-bit integers beyond 2^53 round to the nearest Double.
enum BEInt64: ROOTBigEndianNumber {
    static var byteSize: Int { 8 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double {
        Double(Int64(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: Int64.self)))
    }
}

enum BEUInt64: ROOTBigEndianNumber {
    static var byteSize: Int { 8 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double {
        Double(UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
    }
}

enum BEFloat32: ROOTBigEndianNumber {
    static var byteSize: Int { 4 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double {
        Double(Float(bitPattern: UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))))
    }
}

enum BEFloat64: ROOTBigEndianNumber {
    static var byteSize: Int { 8 }
    @inline(__always) static func value(_ raw: UnsafeRawPointer, _ at: Int) -> Double {
        Double(bitPattern: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
    }
}
