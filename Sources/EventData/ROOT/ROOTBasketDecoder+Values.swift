extension ROOTBasketDecoder {
    /// Decodes the values at `extents` (positions already validated) into one contiguous array.
    static func decodeValues(_ element: ROOTElementType, raw: UnsafeRawBufferPointer, base: Int,
                             extents: Extents) -> ContiguousArray<Double> {
        switch element {
        case .int8: fill(BEInt8.self, raw, base, extents)
        case .uint8: fill(BEUInt8.self, raw, base, extents)
        case .bool: fill(BEBool.self, raw, base, extents)
        case .int16: fill(BEInt16.self, raw, base, extents)
        case .uint16: fill(BEUInt16.self, raw, base, extents)
        case .int32: fill(BEInt32.self, raw, base, extents)
        case .uint32: fill(BEUInt32.self, raw, base, extents)
        case .int64: fill(BEInt64.self, raw, base, extents)
        case .uint64: fill(BEUInt64.self, raw, base, extents)
        case .float32: fill(BEFloat32.self, raw, base, extents)
        case .float64: fill(BEFloat64.self, raw, base, extents)
        }
    }

    private static func fill<N: ROOTBigEndianNumber>(_ type: N.Type, _ raw: UnsafeRawBufferPointer, _ base: Int,
                                                     _ extents: Extents) -> ContiguousArray<Double> {
        ContiguousArray<Double>(unsafeUninitializedCapacity: extents.total) { out, initialized in
            guard let target = out.baseAddress else {
                initialized = 0
                return
            }
            let size = N.byteSize
            if let starts = extents.starts {
                extents.offsets.withUnsafeBufferPointer { offsets in
                    for entry in 0..<starts.count {
                        let first = Int(offsets[entry]), count = Int(offsets[entry + 1]) - first
                        var at = base + starts[entry]
                        for k in 0..<count {
                            (target + first + k).initialize(to: N.value(raw, at))
                            at += size
                        }
                    }
                }
            } else {
                var at = base
                for k in 0..<extents.total {
                    (target + k).initialize(to: N.value(raw, at))
                    at += size
                }
            }
            initialized = extents.total
        }
    }
}
