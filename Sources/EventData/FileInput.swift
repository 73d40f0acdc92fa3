#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file read with POSIX `read(2)` straight into the caller's buffer (no intermediate `Data`).
final class FileInput: ByteSource {
    private let descriptor: Int32
    private let path: String

    init(path: String) throws(ByteSourceError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ByteSourceError(id: "csv.io", message: "cannot open '\(path)': \(Self.describe(errno))")
        }
        self.descriptor = fd
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Self.readBytes(descriptor, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw ByteSourceError(id: "csv.io", message: "cannot read '\(path)': \(Self.describe(errno))")
        }
    }

    /// Whether the first two bytes are gzip's magic number, without moving the read position.
    func startsWithGzipMagic() throws(ByteSourceError) -> Bool {
        var magic: (UInt8, UInt8) = (0, 0)
        let n = withUnsafeMutableBytes(of: &magic) { pread(descriptor, $0.baseAddress, 2, 0) }
        if n < 0 {
            throw ByteSourceError(id: "csv.io", message: "cannot read '\(path)': \(Self.describe(errno))")
        }
        return n == 2 && magic.0 == 0x1f && magic.1 == 0x8b
    }

    private static func readBytes(_ fd: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, base, count)
        #else
        return Darwin.read(fd, base, count)
        #endif
    }

    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
