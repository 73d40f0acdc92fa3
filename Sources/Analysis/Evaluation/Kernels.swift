import Foundation

/// An error while evaluating, at the expression that caused it.
struct EvaluationError: Error { var message: String; var hint: String? }

/// Column-wise kernels: element-wise maps with broadcasting, reductions, indexing.
enum Kernels {
    @inline(__always)
    static func map(_ a: Value, _ f: (Double) -> Double) -> Value {
        switch a {
        case .constant(let c): return .constant(f(c))
        case .scalar(let v): return .scalar(mapArray(v, f))
        case let .jagged(o, v): return .jagged(offsets: o, values: mapArray(v, f))
        }
    }

    @inline(__always)
    static func mapArray(_ v: ContiguousArray<Double>, _ f: (Double) -> Double) -> ContiguousArray<Double> {
        ContiguousArray(unsafeUninitializedCapacity: v.count) { out, count in
            v.withUnsafeBufferPointer { src in for i in 0..<src.count { out[i] = f(src[i]) } }
            count = v.count
        }
    }

    /// Element-wise combination. A constant or one-value-per-event operand is broadcast over each event's list;
    /// two lists must have the same length in every event.
    @inline(__always)
    static func combine(_ a: Value, _ b: Value, events: Int, _ f: (Double, Double) -> Double) throws(EvaluationError) -> Value {
        switch (a, b) {
        case let (.constant(x), .constant(y)): return .constant(f(x, y))
        case let (.scalar(x), .constant(y)): return .scalar(mapArray(x) { f($0, y) })
        case let (.constant(x), .scalar(y)): return .scalar(mapArray(y) { f(x, $0) })
        case let (.jagged(o, x), .constant(y)): return .jagged(offsets: o, values: mapArray(x) { f($0, y) })
        case let (.constant(x), .jagged(o, y)): return .jagged(offsets: o, values: mapArray(y) { f(x, $0) })
        case let (.scalar(x), .scalar(y)):
            return .scalar(ContiguousArray(unsafeUninitializedCapacity: x.count) { out, count in
                x.withUnsafeBufferPointer { xs in y.withUnsafeBufferPointer { ys in for i in 0..<xs.count { out[i] = f(xs[i], ys[i]) } } }
                count = x.count
            })
        case let (.jagged(o, x), .scalar(y)):
            return .jagged(offsets: o, values: broadcast(o, x, y) { f($0, $1) })
        case let (.scalar(x), .jagged(o, y)):
            return .jagged(offsets: o, values: broadcast(o, y, x) { f($1, $0) })
        case let (.jagged(o1, x), .jagged(o2, y)):
            guard o1 == o2 else {
                throw EvaluationError(message: "the two lists have different lengths in some events",
                                      hint: "combine lists of the same objects, e.g. lep_pt with lep_eta")
            }
            return .jagged(offsets: o1, values: ContiguousArray(unsafeUninitializedCapacity: x.count) { out, count in
                x.withUnsafeBufferPointer { xs in y.withUnsafeBufferPointer { ys in for i in 0..<xs.count { out[i] = f(xs[i], ys[i]) } } }
                count = x.count
            })
        }
    }

    @inline(__always)
    static func broadcast(_ offsets: ContiguousArray<Int32>, _ list: ContiguousArray<Double>, _ perEvent: ContiguousArray<Double>,
                          _ f: (Double, Double) -> Double) -> ContiguousArray<Double> {
        ContiguousArray(unsafeUninitializedCapacity: list.count) { out, count in
            offsets.withUnsafeBufferPointer { o in
                list.withUnsafeBufferPointer { l in
                    perEvent.withUnsafeBufferPointer { s in
                        for e in 0..<(o.count - 1) {
                            let value = s[e]
                            for j in Int(o[e])..<Int(o[e + 1]) { out[j] = f(l[j], value) }
                        }
                    }
                }
            }
            count = list.count
        }
    }

    /// Reduces each event's list to one value; `empty` is the result for an empty list.
    @inline(__always)
    static func reduce(_ offsets: ContiguousArray<Int32>, _ values: ContiguousArray<Double>, empty: Double,
                       _ body: (UnsafeBufferPointer<Double>.SubSequence) -> Double) -> ContiguousArray<Double> {
        let events = offsets.count - 1
        return ContiguousArray(unsafeUninitializedCapacity: events) { out, count in
            offsets.withUnsafeBufferPointer { o in
                values.withUnsafeBufferPointer { v in
                    for e in 0..<events {
                        let lo = Int(o[e]), hi = Int(o[e + 1])
                        out[e] = lo == hi ? empty : body(v[lo..<hi])
                    }
                }
            }
            count = events
        }
    }

    /// `list[i]` per event: negative indices count from the end; out of range gives NaN.
    static func index(_ offsets: ContiguousArray<Int32>, _ values: ContiguousArray<Double>, _ index: Value, events: Int) -> Value {
        if case .constant(let raw) = index {
            // One index for every event (`lep_pt[0]`): checked once, then one load per event.
            guard raw.isFinite, raw == raw.rounded(), Swift.abs(raw) < 1e15 else {
                return .scalar(ContiguousArray(repeating: .nan, count: events))
            }
            let k = Int(raw)
            return .scalar(ContiguousArray(unsafeUninitializedCapacity: events) { out, count in
                offsets.withUnsafeBufferPointer { o in
                    values.withUnsafeBufferPointer { v in
                        for e in 0..<events {
                            let start = Int(o[e]), n = Int(o[e + 1]) - start
                            let i = k < 0 ? n + k : k
                            out[e] = i >= 0 && i < n ? v[start + i] : .nan
                        }
                    }
                }
                count = events
            })
        }
        let idx = index.perEvent(events) ?? ContiguousArray(repeating: .nan, count: events)
        return .scalar(ContiguousArray(unsafeUninitializedCapacity: events) { out, count in
            offsets.withUnsafeBufferPointer { o in
                values.withUnsafeBufferPointer { v in
                    for e in 0..<events {
                        let n = Int(o[e + 1] - o[e])
                        let raw = idx[e]
                        guard raw.isFinite, raw == raw.rounded(), Swift.abs(raw) < 1e15 else { out[e] = .nan; continue }
                        let i = raw < 0 ? n + Int(raw) : Int(raw)
                        out[e] = (0..<n).contains(i) ? v[Int(o[e]) + i] : .nan
                    }
                }
            }
            count = events
        })
    }

    /// `list[a:b]` per event, bounds clamped as in Python; missing bounds mean the start and the end.
    static func slice(_ offsets: ContiguousArray<Int32>, _ values: ContiguousArray<Double>, _ lower: Value?, _ upper: Value?, events: Int) -> Value {
        // Constant bounds that keep every list whole (`lep_pt[0:2]` after `lep_n == 2`): the list itself, not a copy.
        if offsets.first == 0, offsets.count == events + 1, lower.map(isZero) ?? true, let end = constantEnd(upper) {
            var longest: Int32 = 0
            offsets.withUnsafeBufferPointer { o in for e in 0..<events { longest = Swift.max(longest, o[e + 1] - o[e]) } }
            if Double(longest) <= end { return .jagged(offsets: offsets, values: values) }
        }
        let lo = lower?.perEvent(events), hi = upper?.perEvent(events)
        // Pass 1: each event's kept range; pass 2: copy them into a buffer allocated once.
        var starts = ContiguousArray<Int32>(repeating: 0, count: events)
        var newOffsets = ContiguousArray<Int32>(repeating: 0, count: events + 1)
        var total = 0
        var whole = offsets.first == 0
        offsets.withUnsafeBufferPointer { o in
            for e in 0..<events {
                let start = Int(o[e]), n = Int(o[e + 1]) - start
                func clamp(_ x: Double?, _ fallback: Int) -> Int {
                    guard let x, x.isFinite else { return fallback }
                    let i = Int(Swift.min(1e15, Swift.max(-1e15, x.rounded(.down))))
                    return Swift.min(n, Swift.max(0, i < 0 ? n + i : i))
                }
                let a = clamp(lo?[e], 0), b = clamp(hi?[e], n)
                starts[e] = Int32(start + a)
                total += Swift.max(0, b - a)
                newOffsets[e + 1] = Int32(total)
                if a != 0 || b != n { whole = false }
            }
        }
        if whole { return .jagged(offsets: offsets, values: values) }
        let out = ContiguousArray<Double>(unsafeUninitializedCapacity: total) { buffer, count in
            values.withUnsafeBufferPointer { v in
                guard let source = v.baseAddress, let target = buffer.baseAddress else { return }
                for e in 0..<events {
                    let position = Int(newOffsets[e]), n = Int(newOffsets[e + 1]) - position
                    if n > 0 { (target + position).initialize(from: source + Int(starts[e]), count: n) }
                }
            }
            count = total
        }
        return .jagged(offsets: newOffsets, values: out)
    }

    private static func isZero(_ bound: Value) -> Bool {
        if case .constant(let c) = bound { return c == 0 }
        return false
    }

    /// A constant upper bound that no negative-index rule applies to (nil: absent means +infinity).
    private static func constantEnd(_ bound: Value?) -> Double? {
        guard let bound else { return .infinity }
        if case .constant(let c) = bound, c >= 0 { return c }
        return nil
    }

    /// `list[mask]`: the elements whose mask is true.
    static func mask(_ offsets: ContiguousArray<Int32>, _ values: ContiguousArray<Double>, _ mask: Value) throws(EvaluationError) -> Value {
        guard case let .jagged(mo, mv) = mask else { throw EvaluationError(message: "a mask must be a list per event", hint: nil) }
        guard mo == offsets else {
            throw EvaluationError(message: "the mask and the list have different lengths", hint: "build the mask from the same list, e.g. lep_pt[lep_pt > 25000]")
        }
        var newOffsets = ContiguousArray<Int32>()
        newOffsets.reserveCapacity(offsets.count)
        newOffsets.append(0)
        var out = ContiguousArray<Double>()
        out.reserveCapacity(values.count)
        for e in 0..<(offsets.count - 1) {
            for j in Int(offsets[e])..<Int(offsets[e + 1]) where truth(mv[j]) { out.append(values[j]) }
            newOffsets.append(Int32(out.count))
        }
        return .jagged(offsets: newOffsets, values: out)
    }
}
