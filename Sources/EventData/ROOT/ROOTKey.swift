/// A TKey: the header in front of every record in a ROOT file, naming the object, its class and cycle,
/// and where its (possibly compressed) bytes are.
struct ROOTKey: Sendable, Equatable {
    /// Bytes on disk: this header plus the stored (possibly compressed) object.
    var nbytes: Int32
    /// Key format version; above 1000 its seeks are 64-bit.
    var version: Int16
    /// Uncompressed object length.
    var objlen: Int32
    /// Length of this header.
    var keylen: Int16
    var cycle: Int16
    /// Where this key starts in the file; the object follows at `seekKey + keylen`.
    var seekKey: Int64
    /// The directory holding the key.
    var seekPdir: Int64
    var className: String
    var name: String
    var title: String

    /// Smallest possible key header: fixed fields with 32-bit seeks and three empty names.
    static let minimumLength = 4 + 2 + 4 + 4 + 2 + 2 + 4 + 4 + 3

    /// Reads a key header at the cursor and checks that its lengths are consistent
    /// (`embedded`: the key of a basket stored inside a branch, which has no size on disk yet).
    static func parse(_ cursor: inout ROOTCursor, embedded: Bool = false) throws(ROOTFormatError) -> ROOTKey {
        let at = cursor.here
        let nbytes = try cursor.i32("a key header")
        let version = try cursor.i16("a key header")
        let objlen = try cursor.i32("a key header")
        _ = try cursor.u32("a key header")                         // fDatime
        let keylen = try cursor.i16("a key header")
        let cycle = try cursor.i16("a key header")
        let wide = version > 1000
        let seekKey = try cursor.seek(wide: wide, "a key header")
        let seekPdir = try cursor.seek(wide: wide, "a key header")
        let className = try cursor.string("a key's class name")
        let name = try cursor.string("a key's name")
        let title = try cursor.string("a key's title")
        let key = ROOTKey(nbytes: nbytes, version: version, objlen: objlen, keylen: keylen, cycle: cycle,
                          seekKey: seekKey, seekPdir: seekPdir, className: className, name: name, title: title)
        if embedded {
            guard keylen >= Int16(Self.minimumLength), objlen >= 0 else {
                throw ROOTFormatError("root.bad-key", "corrupt embedded basket header (\(keylen) bytes)", at: at)
            }
        } else {
            try key.validate(at: at)
        }
        return key
    }

    func validate(at offset: Int64) throws(ROOTFormatError) {
        guard keylen >= Int16(Self.minimumLength), nbytes >= Int32(keylen), objlen >= 0, seekKey >= 0 else {
            throw ROOTFormatError("root.bad-key",
                                  "corrupt key '\(name)' (class '\(className)'): total \(nbytes) bytes, "
                                  + "header \(keylen) bytes, object \(objlen) bytes, at \(seekKey)", at: offset)
        }
    }

    /// Stored object bytes (after the header).
    var storedLength: Int { Int(nbytes) - Int(keylen) }

    /// Whether the stored object is compressed (stored shorter than its uncompressed length).
    var isCompressed: Bool { storedLength < Int(objlen) }
}
