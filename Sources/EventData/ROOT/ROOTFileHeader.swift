/// The fixed header at the start of every ROOT file: the magic "root", the format version
/// (1,000,000 and above: 64-bit seeks), and where the top directory's record starts.
struct ROOTFileHeader: Sendable, Equatable {
    /// ROOT's version number as written (e.g. 64000), without the large-file offset.
    var version: Int32
    /// Whether seeks in the header are 64-bit (files that may grow past 2 GiB).
    var isLarge: Bool
    /// Offset of the first key (the file's own TKey and TNamed, then its top directory).
    var begin: Int64
    /// Offset of the end of the used part of the file.
    var end: Int64
    /// Length of the file key and name at `begin`; the top directory record follows them.
    var nbytesName: Int32
    /// The file's default compression setting (algorithm × 100 + level).
    var compress: Int32

    /// Enough bytes for either header layout.
    static let readSize = 64

    /// Parses the header at the start of `bytes`.
    static func parse(_ bytes: [UInt8]) throws(ROOTFormatError) -> ROOTFileHeader {
        guard bytes.count >= 4, bytes[0] == 0x72, bytes[1] == 0x6F, bytes[2] == 0x6F, bytes[3] == 0x74 else {
            throw ROOTFormatError("root.not-root", "not a ROOT file (it does not start with 'root')", at: 0,
                                  hint: "ROOT files start with the 4 bytes 'root'; check that this is a .root file "
                                  + "and that it was copied completely")
        }
        var cursor = ROOTCursor(bytes, position: 4, fileOffset: 0, recordOffset: 0)
        let rawVersion = try cursor.i32("the file header")
        let isLarge = rawVersion >= 1_000_000
        let begin = Int64(try cursor.i32("the file header"))
        let end = try cursor.seek(wide: isLarge, "the file header")
        _ = try cursor.seek(wide: isLarge, "the file header")   // fSeekFree
        _ = try cursor.i32("the file header")                     // fNbytesFree
        _ = try cursor.i32("the file header")                     // nfree
        let nbytesName = try cursor.i32("the file header")
        _ = try cursor.u8("the file header")                      // fUnits
        let compress = try cursor.i32("the file header")
        guard begin >= 4 + 4 + 4, nbytesName >= 0 else {
            throw ROOTFormatError("root.bad-key", "the file header is corrupt (first record at \(begin))", at: 4)
        }
        return ROOTFileHeader(version: isLarge ? rawVersion - 1_000_000 : rawVersion, isLarge: isLarge,
                              begin: begin, end: end, nbytesName: nbytesName, compress: compress)
    }
}
