/// Reads ROOT's streamed objects: byte-count/version headers, TObject and TNamed, object arrays,
/// and `ReadObjectAny` pointers with their class and object references.
///
/// Byte counts are used to step over anything not needed (base classes such as TAttLine, members after
/// the ones OpenKey uses), so one reader serves many class versions. Every jump is bounds-checked.
struct ROOTStreamer {
    static let byteCountMask: UInt32 = 0x4000_0000
    static let classMask: UInt32 = 0x8000_0000
    static let newClassTag: UInt32 = 0xFFFF_FFFF
    /// Reference tags are positions plus this (ROOT reserves 0 for null and 1 for the parent).
    static let mapOffset = 2

    var cursor: ROOTCursor
    /// Class names by reference tag, filled as new classes appear.
    private var classTags: [Int: String] = [:]
    /// Leaves by reference tag, so a leaf's count leaf (`fLeafCount`) can point back to one read earlier.
    var leaves: [Int: ROOTLeafRecord] = [:]
    /// Guards against absurd nesting in corrupt data.
    private var depth = 0

    init(_ cursor: ROOTCursor) {
        self.cursor = cursor
    }

    // MARK: - Headers

    /// A class header: optional 4-byte byte count (flagged by 0x40000000) and a 2-byte version.
    /// Returns the version and the position just past the object, when the count is present.
    mutating func header(_ what: String) throws(ROOTFormatError) -> (version: Int16, end: Int?) {
        let start = cursor.position
        let first = try cursor.u32(what)
        if first & Self.byteCountMask != 0 {
            let count = Int(first & ~Self.byteCountMask)
            let end = start + 4 + count
            guard end <= cursor.bytes.count else { throw .truncated(what, at: cursor.here) }
            let version = try cursor.i16(what)
            return (version & 0x3FFF, end)
        }
        try cursor.move(to: start, what)
        return (try cursor.i16(what) & 0x3FFF, nil)
    }

    /// Moves to the end of an object read with `header`; fails if the object's fields overran it.
    mutating func finish(_ end: Int?, _ what: String) throws(ROOTFormatError) {
        guard let end else { return }
        guard cursor.position <= end else {
            throw ROOTFormatError("root.bad-key", "\(what) is longer than its byte count says", at: cursor.here)
        }
        try cursor.move(to: end, what)
    }

    /// Skips a whole object that has a byte count (base classes and members not needed).
    mutating func skipObject(_ what: String) throws(ROOTFormatError) {
        let (_, end) = try header(what)
        guard let end else {
            throw ROOTFormatError("root.bad-key", "\(what) has no byte count, so it cannot be skipped", at: cursor.here)
        }
        try cursor.move(to: end, what)
    }

    /// TObject: version, unique id, bits (and a process id when the object is referenced).
    mutating func tobject() throws(ROOTFormatError) {
        let version = try cursor.i16("a TObject")
        if version & 0x4000 != 0 { try cursor.skip(4, "a TObject") }
        _ = try cursor.u32("a TObject")
        let bits = try cursor.u32("a TObject")
        if bits & (1 << 4) != 0 { try cursor.skip(2, "a TObject") }
    }

    /// TNamed: a TObject with a name and a title.
    mutating func tnamed() throws(ROOTFormatError) -> (name: String, title: String) {
        let (_, end) = try header("a TNamed")
        try tobject()
        let name = try cursor.string("a name")
        let title = try cursor.string("a title")
        try finish(end, "a TNamed")
        return (name, title)
    }

    // MARK: - Pointers and arrays

    /// A pointer as `TBufferFile::ReadObjectAny` writes it: null, a reference to an object read before,
    /// or a new object whose class is named (first use) or referenced (later uses).
    enum Pointer<T> {
        case null
        case reference(tag: Int)
        case object(T)
    }

    /// Reads a pointer; `body` reads a new object of the named class (positioned after the class tag)
    /// and must stay within `end`. The reader then moves to the object's end by its byte count.
    mutating func pointer<T>(_ what: String,
                             _ body: (inout ROOTStreamer, _ className: String, _ objectTag: Int) throws(ROOTFormatError) -> T)
        throws(ROOTFormatError) -> Pointer<T> {
        let begin = cursor.position
        let objectTag = cursor.tag + Self.mapOffset
        let first = try cursor.u32(what)
        var end: Int?
        var tag = first
        var classTag: Int?
        if first & Self.byteCountMask != 0 && first != Self.newClassTag {
            let count = Int(first & ~Self.byteCountMask)
            end = begin + 4 + count
            guard let end, end <= cursor.bytes.count else { throw .truncated(what, at: cursor.here) }
            classTag = cursor.tag + Self.mapOffset
            tag = try cursor.u32(what)
        }
        if tag & Self.classMask == 0 {
            if let end { try cursor.move(to: end, what) }
            return tag <= 1 ? .null : .reference(tag: Int(tag))
        }
        let className: String
        if tag == Self.newClassTag {
            className = try cursor.cString("the class name of \(what)")
            if let classTag { classTags[classTag] = className }
        } else {
            guard let known = classTags[Int(tag & ~Self.classMask)] else {
                throw ROOTFormatError("root.bad-key", "\(what) refers to an unknown class (tag \(tag & ~Self.classMask))",
                                      at: cursor.here)
            }
            className = known
        }
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { throw ROOTFormatError("root.bad-key", "objects are nested too deeply", at: cursor.here) }
        let value = try body(&self, className, objectTag)
        try finish(end, "\(what) (\(className))")
        return .object(value)
    }

    /// A TObjArray member: header, TObject, name, count, lower bound, then `count` pointers.
    mutating func objectArray<T>(_ what: String,
                                 _ body: (inout ROOTStreamer, _ className: String, _ objectTag: Int) throws(ROOTFormatError) -> T)
        throws(ROOTFormatError) -> [T] {
        let (version, end) = try header(what)
        if version > 2 {
            try tobject()
            _ = try cursor.string(what)
        }
        let count = try cursor.i32(what)
        _ = try cursor.i32(what)                                  // fLowerBound
        guard count >= 0, Int(count) <= cursor.remaining / 4 else {
            throw ROOTFormatError("root.bad-key", "\(what) claims \(count) entries", at: cursor.here)
        }
        var items: [T] = []
        for _ in 0..<count {
            if case .object(let item) = try pointer(what, body) { items.append(item) }
        }
        try finish(end, what)
        return items
    }

    /// An array member preceded by a one-byte "present" marker (`Long64_t* fBasketSeek //[fMaxBaskets]`).
    /// An absent array is empty, whatever `count` claims (so a corrupt count allocates nothing).
    mutating func markedArray64(_ count: Int, _ what: String) throws(ROOTFormatError) -> [Int64] {
        if try cursor.u8(what) == 0 { return [] }
        return try cursor.i64Array(count, what)
    }

    mutating func markedArray32(_ count: Int, _ what: String) throws(ROOTFormatError) -> [Int32] {
        if try cursor.u8(what) == 0 { return [] }
        return try cursor.i32Array(count, what)
    }
}
