/// A problem found while decoding ROOT bytes, before the file, tree and branch it concerns are known.
///
/// Low-level readers throw it; `ROOTContext` turns it into a `DataError` that names the file,
/// the tree and the branch. Keeping it separate lets the decoders stay free of display concerns.
struct ROOTFormatError: Error, Sendable {
    /// Diagnostic id, e.g. `root.truncated`.
    var id: String
    var message: String
    /// Byte offset in the file where the problem is, when known.
    var offset: Int64?
    var hint: String?

    init(_ id: String, _ message: String, at offset: Int64? = nil, hint: String? = nil) {
        self.id = id
        self.message = message
        self.offset = offset
        self.hint = hint
    }

    static func truncated(_ what: String, at offset: Int64?) -> ROOTFormatError {
        ROOTFormatError("root.truncated", "\(what) runs past the end of its data (the file is truncated or corrupt)",
                        at: offset, hint: truncationHint)
    }

    static let truncationHint = "the file looks incomplete or damaged: copy or download it again"
}
