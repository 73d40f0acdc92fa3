import EventData

/// A column being computed for the events of one chunk: a constant, one value per event, or a list per event.
/// Storage is contiguous; kernels loop over it without per-value allocation or dynamic dispatch.
enum Value: Sendable {
    case constant(Double)
    case scalar(ContiguousArray<Double>)
    case jagged(offsets: ContiguousArray<Int32>, values: ContiguousArray<Double>)

    init(_ column: Column) {
        if let offsets = column.offsets { self = .jagged(offsets: offsets, values: column.values) } else { self = .scalar(column.values) }
    }

    var byteCount: Int {
        switch self {
        case .constant: return 8
        case .scalar(let v): return v.count * 8
        case .jagged(let o, let v): return o.count * 4 + v.count * 8
        }
    }

    /// One value per event, for `count` events (a constant is expanded).
    func perEvent(_ count: Int) -> ContiguousArray<Double>? {
        switch self {
        case .constant(let c): return ContiguousArray(repeating: c, count: count)
        case .scalar(let v): return v
        case .jagged: return nil
        }
    }

    /// The events at `indices`, in order.
    func gather(_ indices: ContiguousArray<Int32>) -> Value {
        switch self {
        case .constant: return self
        case .scalar(let v):
            var out = ContiguousArray<Double>()
            out.reserveCapacity(indices.count)
            v.withUnsafeBufferPointer { src in for i in indices { out.append(src[Int(i)]) } }
            return .scalar(out)
        case let .jagged(offsets, values):
            // Two passes over the kept events: sizes first, then one memcpy-like copy per event into a buffer
            // allocated once at its final size.
            var newOffsets = ContiguousArray<Int32>(repeating: 0, count: indices.count + 1)
            var total = 0
            offsets.withUnsafeBufferPointer { o in
                newOffsets.withUnsafeMutableBufferPointer { n in
                    for (k, i) in indices.enumerated() {
                        total += Int(o[Int(i) + 1] - o[Int(i)])
                        n[k + 1] = Int32(total)
                    }
                }
            }
            let newValues = ContiguousArray<Double>(unsafeUninitializedCapacity: total) { out, count in
                offsets.withUnsafeBufferPointer { o in
                    values.withUnsafeBufferPointer { v in
                        guard let source = v.baseAddress, let target = out.baseAddress else { return }
                        var position = 0
                        for i in indices {
                            let lo = Int(o[Int(i)]), n = Int(o[Int(i) + 1]) - lo
                            (target + position).initialize(from: source + lo, count: n)
                            position += n
                        }
                    }
                }
                count = total
            }
            return .jagged(offsets: newOffsets, values: newValues)
        }
    }
}

/// Truth of a number in filters and logic: non-zero and not NaN.
@inline(__always) func truth(_ x: Double) -> Bool { x != 0 && !x.isNaN }
