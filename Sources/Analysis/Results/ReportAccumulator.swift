/// Running sums for one `report` statement, mergeable across chunks in a fixed order.
struct ReportAccumulator: Sendable {
    var sumw = 0.0, sumwx = 0.0, sumwx2 = 0.0
    var minimum = Double.infinity, maximum = -Double.infinity
    var events = 0

    mutating func add(_ values: ContiguousArray<Double>, weights: ContiguousArray<Double>) {
        for (x, w) in zip(values, weights) where !x.isNaN {
            sumw += w; sumwx += w * x; sumwx2 += w * x * x
            minimum = Swift.min(minimum, x); maximum = Swift.max(maximum, x)
            events += 1
        }
    }

    mutating func merge(_ o: ReportAccumulator) {
        sumw += o.sumw; sumwx += o.sumwx; sumwx2 += o.sumwx2
        minimum = Swift.min(minimum, o.minimum); maximum = Swift.max(maximum, o.maximum)
        events += o.events
    }

    /// The aggregate's value; NaN when no event contributed (a mean of nothing).
    func value(_ aggregate: ReportAggregate) -> Double {
        switch aggregate {
        case .count: return Double(events)
        case .sum: return sumwx
        case .mean: return sumw == 0 ? .nan : sumwx / sumw
        case .min: return events == 0 ? .nan : minimum
        case .max: return events == 0 ? .nan : maximum
        case .std:
            guard sumw != 0 else { return .nan }
            let mean = sumwx / sumw
            return Swift.max(0, sumwx2 / sumw - mean * mean).squareRoot()
        }
    }
}
