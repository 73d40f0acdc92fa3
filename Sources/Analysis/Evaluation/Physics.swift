import Foundation

/// Four-vector helpers, with vectors given as (pt, eta, phi, E) like the ATLAS Open Data ntuples.
enum Physics {
    /// φ1 − φ2 wrapped into [−π, π].
    @Sendable static func deltaPhi(_ a: Double, _ b: Double) -> Double {
        var d = (a - b).truncatingRemainder(dividingBy: 2 * .pi)
        if d > .pi { d -= 2 * .pi } else if d < -.pi { d += 2 * .pi }
        return d
    }

    /// Mass, pt, eta or phi of the sum of each event's vectors (lists), or of one vector per event.
    /// A negative m² (from rounding) gives −√(−m²), as ROOT's TLorentzVector::M() does.
    static func vectorSum(_ f: Builtin, _ args: [Value], events: Int) throws(EvaluationError) -> Value {
        func component(_ px: Double, _ py: Double, _ pz: Double, _ e: Double) -> Double {
            switch f {
            case .mass:
                let m2 = e * e - (px * px + py * py + pz * pz)
                return m2 >= 0 ? m2.squareRoot() : -(-m2).squareRoot()
            case .sum_pt: return (px * px + py * py).squareRoot()
            case .sum_phi: return px == 0 && py == 0 ? 0 : atan2(py, px)
            default:
                let pt = (px * px + py * py).squareRoot()
                return pt == 0 ? (pz == 0 ? 0 : (pz > 0 ? .infinity : -.infinity)) : asinh(pz / pt)
            }
        }
        if case let .jagged(offsets, _) = args[0] {
            var lists: [ContiguousArray<Double>] = []
            for a in args {
                guard case let .jagged(o, v) = a, o == offsets else {
                    throw EvaluationError(message: "the four lists of \(f.rawValue)() have different lengths", hint: "use the same objects' pt, eta, phi and E")
                }
                lists.append(v)
            }
            return .scalar(ContiguousArray(unsafeUninitializedCapacity: events) { out, count in
                offsets.withUnsafeBufferPointer { o in
                    lists[0].withUnsafeBufferPointer { pts in
                        lists[1].withUnsafeBufferPointer { etas in
                            lists[2].withUnsafeBufferPointer { phis in
                                lists[3].withUnsafeBufferPointer { energies in
                                    for e in 0..<events {
                                        var px = 0.0, py = 0.0, pz = 0.0, en = 0.0
                                        for j in Int(o[e])..<Int(o[e + 1]) {
                                            let pt = pts[j], eta = etas[j], phi = phis[j]
                                            px += pt * cos(phi); py += pt * sin(phi); pz += pt * sinh(eta); en += energies[j]
                                        }
                                        out[e] = component(px, py, pz, en)
                                    }
                                }
                            }
                        }
                    }
                }
                count = events
            })
        }
        let columns = args.map { $0.perEvent(events) ?? [] }
        guard columns.allSatisfy({ $0.count == events }) else {
            throw EvaluationError(message: "\(f.rawValue)() needs all lists or all single values", hint: nil)
        }
        return .scalar(ContiguousArray(unsafeUninitializedCapacity: events) { out, count in
            for e in 0..<events {
                let pt = columns[0][e], eta = columns[1][e], phi = columns[2][e]
                out[e] = component(pt * cos(phi), pt * sin(phi), pt * sinh(eta), columns[3][e])
            }
            count = events
        })
    }
}
