/// A TDirectory record: where a directory's list of keys is. The top directory's record follows
/// the file's name at `begin + nbytesName`; a subdirectory's is the object of its key.
struct ROOTDirectoryRecord: Sendable, Equatable {
    var version: Int16
    var nbytesKeys: Int32
    var nbytesName: Int32
    var seekDir: Int64
    var seekParent: Int64
    var seekKeys: Int64

    static let readSize = 2 + 4 + 4 + 4 + 4 + 8 + 8 + 8

    static func parse(_ cursor: inout ROOTCursor) throws(ROOTFormatError) -> ROOTDirectoryRecord {
        let version = try cursor.i16("a directory record")
        _ = try cursor.u32("a directory record")                  // fDatimeC
        _ = try cursor.u32("a directory record")                  // fDatimeM
        let nbytesKeys = try cursor.i32("a directory record")
        let nbytesName = try cursor.i32("a directory record")
        let wide = version > 1000
        let seekDir = try cursor.seek(wide: wide, "a directory record")
        let seekParent = try cursor.seek(wide: wide, "a directory record")
        let seekKeys = try cursor.seek(wide: wide, "a directory record")
        return ROOTDirectoryRecord(version: version, nbytesKeys: nbytesKeys, nbytesName: nbytesName,
                                   seekDir: seekDir, seekParent: seekParent, seekKeys: seekKeys)
    }
}
