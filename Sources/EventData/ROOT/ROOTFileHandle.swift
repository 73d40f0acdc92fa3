#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file read by byte ranges with `pread(2)`, which has no shared file position,
/// so any number of threads may read at once. The descriptor closes when the last reference goes.
final class ROOTFileHandle: Sendable {
    /// Largest single range read (a basket or an object); ROOT's own limit is 1 GiB per object.
    static let maxRead = 1 << 30

    private let descriptor: Int32
    /// The file's size when opened; every range is checked against it before allocating.
    let size: Int64

    init(path: String) throws(ROOTFormatError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ROOTFormatError("root.io", "cannot open the file: \(FileInput.describe(errno))")
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw ROOTFormatError("root.io", "cannot read the file's size: \(FileInput.describe(code))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw ROOTFormatError("root.io", "not a regular file")
        }
        descriptor = fd
        size = Int64(info.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// Exactly `count` bytes at `offset`; `what` names the record in errors.
    func read(at offset: Int64, count: Int, _ what: String) throws(ROOTFormatError) -> [UInt8] {
        guard offset >= 0, count >= 0, count <= Self.maxRead, offset <= size, Int64(count) <= size - offset else {
            throw ROOTFormatError("root.truncated",
                                  "\(what) (\(count) bytes) lies beyond the end of the file (\(size) bytes)",
                                  at: offset, hint: ROOTFormatError.truncationHint)
        }
        var done = 0
        var failure: Int32?
        // Not zero-filled first: every byte is read from the file (on a short read, the rest is zeroed).
        let buffer = [UInt8](unsafeUninitializedCapacity: count) { raw, initialized in
            defer { initialized = count }
            guard let base = raw.baseAddress else { return }
            while done < count {
                let n = pread(descriptor, base + done, count - done, off_t(offset) + off_t(done))
                if n > 0 {
                    done += n
                } else if n == 0 {
                    failure = 0
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
            if done < count { (base + done).initialize(repeating: 0, count: count - done) }
        }
        if let failure {
            if failure == 0 { throw .truncated(what, at: offset) }
            throw ROOTFormatError("root.io", "cannot read \(what): \(FileInput.describe(failure))", at: offset)
        }
        return buffer
    }

    /// Up to `count` bytes at `offset`, fewer at the end of the file (for headers whose length is not yet known).
    func readPrefix(at offset: Int64, count: Int, _ what: String) throws(ROOTFormatError) -> [UInt8] {
        guard offset >= 0, offset < size else { throw .truncated(what, at: offset) }
        return try read(at: offset, count: Int(min(Int64(count), size - offset)), what)
    }
}
