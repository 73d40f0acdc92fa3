import Foundation
import OpenKeyCLI

#if os(Linux)
/// glibc's `mallopt` (from <malloc.h>, which Swift's Glibc module does not export).
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD

// The engine allocates and frees columns of a few MB per chunk. glibc's defaults give each such block its own
// mapping (or trim it back to the system at once), so every chunk pays for page faults on fresh memory; keeping
// blocks up to 4 MB in the heap, and up to 64 MB of free heap, lets chunks reuse the memory of the last ones.
_ = mallopt(mmapThreshold, 4 << 20)
_ = mallopt(trimThreshold, 64 << 20)
#endif

exit(OpenKeyCommand.run(Array(CommandLine.arguments.dropFirst())))
