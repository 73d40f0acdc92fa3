/// A file's bytes, block by block: plain (`FileInput`) or inflated on the fly (`GzipStream`).
///
/// Called once per block (about 1 MiB), so the dynamic dispatch costs nothing measurable.
protocol ByteSource: AnyObject {
    /// Fills the start of `buffer`; returns how many bytes were written, 0 only at the end of the data.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int
}

/// A failure below the line level; `LineReader` adds the file and line before it becomes a `DataError`.
struct ByteSourceError: Error, Sendable {
    /// Diagnostic id, e.g. `csv.io` or `csv.gzip`.
    var id: String
    var message: String
}

/// Opens files as byte sources.
enum ByteSources {
    /// Opens `path` as plain bytes or, when it starts with the gzip magic bytes 1f 8b, as a gzip stream
    /// (whatever its extension says).
    static func open(path: String) throws(ByteSourceError) -> any ByteSource {
        let file = try FileInput(path: path)
        if try file.startsWithGzipMagic() {
            return try GzipStream(file: file)
        }
        return file
    }
}
