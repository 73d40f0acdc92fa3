/// A basket's entries, checked and ready to decode: its uncompressed bytes and where each entry's values lie.
///
/// This is the unit the chunk readers cache. Values are decoded straight from these bytes into a chunk's
/// column (`decode(_:into:)`), so a basket's values are converted once and never held twice as Doubles.
/// Every position was validated when the basket was checked (`ROOTBasketDecoder.check`), so decoding reads
/// only inside the data.
struct ROOTBasketEntries: Sendable {
    var firstEntry: Int
    var entries: Int
    let element: ROOTElementType
    /// Holds the data at `start..<(start + dataLength)`.
    let bytes: [UInt8]
    let start: Int
    /// Byte position of each entry, relative to the data (its first value is `startShift` bytes further: past
    /// a std::vector's header); nil when the values are back to back from the data's start (value k at
    /// `k * element.size`). Usually the basket's own entry-offset table, so no copy of it is made.
    let starts: ContiguousArray<Int32>?
    /// Bytes from an entry's position in `starts` to its first value (a std::vector's header; else 0).
    let startShift: Int
    /// entries + 1 cumulative value counts from 0 for list layouts and whenever `starts` is set; nil for scalars
    /// stored back to back (one value per entry).
    let offsets: ContiguousArray<Int32>?

    var endEntry: Int { firstEntry + entries }

    /// How many values entries `from..<to` (relative to the basket) hold.
    func valueCount(_ from: Int, _ to: Int) -> Int {
        guard let offsets else { return to - from }
        return Int(offsets[to] - offsets[from])
    }

    /// Decodes the values of entries `from..<to` (relative to the basket) into `target`, which has room for
    /// `valueCount(from, to)` values.
    func decode(_ from: Int, _ to: Int, into target: UnsafeMutablePointer<Double>) {
        switch element {
        case .int8: fill(BEInt8.self, from, to, target)
        case .uint8: fill(BEUInt8.self, from, to, target)
        case .bool: fill(BEBool.self, from, to, target)
        case .int16: fill(BEInt16.self, from, to, target)
        case .uint16: fill(BEUInt16.self, from, to, target)
        case .int32: fill(BEInt32.self, from, to, target)
        case .uint32: fill(BEUInt32.self, from, to, target)
        case .int64: fill(BEInt64.self, from, to, target)
        case .uint64: fill(BEUInt64.self, from, to, target)
        case .float32: fill(BEFloat32.self, from, to, target)
        case .float64: fill(BEFloat64.self, from, to, target)
        }
    }

    /// How many values the entries `selected[k] + shift` (relative to the basket) hold.
    func valueCount(selected: UnsafeBufferPointer<Int32>, shift: Int) -> Int {
        guard let offsets else { return selected.count }
        return offsets.withUnsafeBufferPointer { offsets in
            var total = 0
            for k in selected {
                let entry = Int(k) &+ shift
                total &+= Int(offsets[entry &+ 1] &- offsets[entry])
            }
            return total
        }
    }

    /// Decodes the values of the entries `selected[k] + shift` (relative to the basket, ascending) one after the
    /// other into `target`; for a list column, writes after each entry the number of values written so far plus
    /// `base` to `ends[k]`. Returns how many values were written.
    func decode(selected: UnsafeBufferPointer<Int32>, shift: Int, into target: UnsafeMutablePointer<Double>,
                ends: UnsafeMutablePointer<Int32>?, base: Int) -> Int {
        switch element {
        case .int8: fill(BEInt8.self, selected, shift, target, ends, base)
        case .uint8: fill(BEUInt8.self, selected, shift, target, ends, base)
        case .bool: fill(BEBool.self, selected, shift, target, ends, base)
        case .int16: fill(BEInt16.self, selected, shift, target, ends, base)
        case .uint16: fill(BEUInt16.self, selected, shift, target, ends, base)
        case .int32: fill(BEInt32.self, selected, shift, target, ends, base)
        case .uint32: fill(BEUInt32.self, selected, shift, target, ends, base)
        case .int64: fill(BEInt64.self, selected, shift, target, ends, base)
        case .uint64: fill(BEUInt64.self, selected, shift, target, ends, base)
        case .float32: fill(BEFloat32.self, selected, shift, target, ends, base)
        case .float64: fill(BEFloat64.self, selected, shift, target, ends, base)
        }
    }

    /// The values of entries `from..<to` as one array (the counter values of counted arrays).
    func values(_ from: Int, _ to: Int) -> ContiguousArray<Double> {
        let count = valueCount(from, to)
        return ContiguousArray(unsafeUninitializedCapacity: count) { out, initialized in
            if let target = out.baseAddress { decode(from, to, into: target) }
            initialized = count
        }
    }

    private func fill<N: ROOTBigEndianNumber>(_ type: N.Type, _ selected: UnsafeBufferPointer<Int32>, _ shift: Int,
                                               _ target: UnsafeMutablePointer<Double>,
                                               _ ends: UnsafeMutablePointer<Int32>?, _ base: Int) -> Int {
        let size = N.byteSize
        return bytes.withUnsafeBytes { raw -> Int in
            guard let data = raw.baseAddress.map({ $0 + start }) else { return 0 }
            guard let offsets else {
                // One value per entry, back to back.
                for (k, entry) in selected.enumerated() {
                    (target + k).initialize(to: N.value(data, (Int(entry) &+ shift) &* size))
                }
                return selected.count
            }
            return offsets.withUnsafeBufferPointer { offsets -> Int in
                // With `starts`, each entry's values begin there; without, they follow each other from the data's start.
                let noStarts = ContiguousArray<Int32>()
                let shiftToValues = startShift
                return (starts ?? noStarts).withUnsafeBufferPointer { starts -> Int in
                    let perEntry = starts.count > 0
                    var out = target
                    for (k, index) in selected.enumerated() {
                        let entry = Int(index) &+ shift
                        let count = Int(offsets[entry &+ 1] &- offsets[entry])
                        let position = perEntry ? Int(starts[entry]) &+ shiftToValues : Int(offsets[entry]) &* size
                        let first = data + position
                        for j in 0..<count { (out + j).initialize(to: N.value(first, j &* size)) }
                        out += count
                        ends?[k] = Int32(truncatingIfNeeded: base &+ (out - target))
                    }
                    return out - target
                }
            }
        }
    }

    private func fill<N: ROOTBigEndianNumber>(_ type: N.Type, _ from: Int, _ to: Int,
                                               _ target: UnsafeMutablePointer<Double>) {
        guard from < to else { return }
        let size = N.byteSize
        bytes.withUnsafeBytes { raw in
            guard let data = raw.baseAddress.map({ $0 + start }) else { return }
            if let starts, let offsets {
                let shiftToValues = startShift
                starts.withUnsafeBufferPointer { starts in
                    offsets.withUnsafeBufferPointer { offsets in
                        var out = target
                        for entry in from..<to {
                            let count = Int(offsets[entry &+ 1] &- offsets[entry])
                            let first = data + (Int(starts[entry]) &+ shiftToValues)
                            for k in 0..<count { (out + k).initialize(to: N.value(first, k &* size)) }
                            out += count
                        }
                    }
                }
            } else {
                let first = offsets.map { Int($0[from]) } ?? from
                let count = offsets.map { Int($0[to]) - first } ?? (to - from)
                let values = data + first &* size
                for k in 0..<count { (target + k).initialize(to: N.value(values, k &* size)) }
            }
        }
    }
}
