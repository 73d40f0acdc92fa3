import Foundation
import OpenKeyCLI

#if os(Linux)
/// glibc's `mallopt` (from <malloc.h>, which Swift's Glibc module does not export).
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_TOP_PAD, M_MMAP_THRESHOLD

// The engine allocates and frees columns of a few MB per chunk, and ROOT baskets of up to a few tens of MB per
// cluster. glibc's defaults give each such block its own mapping (or trim it back to the system at once), so every
// chunk pays for page faults on fresh memory; keeping blocks up to 32 MB (glibc's most) in the heap, up to 256 MB
// of free heap, and growing the heap 64 MB at a time, lets chunks and clusters reuse the memory of the last ones.
_ = mallopt(mmapThreshold, 32 << 20)
_ = mallopt(trimThreshold, 256 << 20)
_ = mallopt(topPad, 64 << 20)
#endif

exit(OpenKeyCommand.run(Array(CommandLine.arguments.dropFirst())))
