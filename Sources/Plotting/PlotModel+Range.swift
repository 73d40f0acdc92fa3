import Foundation

extension PlotModel {
    /// Everything that will be drawn, as (low, high) pairs: bin contents and their error bars.
    var extents: [(low: Double, high: Double)] {
        var out: [(Double, Double)] = []
        switch layout {
        case .empty:
            break
        case .single:
            for series in series {
                for bin in 0..<binCount {
                    let value = series.values[bin], error = series.errors[bin]
                    out.append((value - error, value + error))
                }
            }
        case .composite:
            for layer in stack { out += layer.map { ($0, $0) } }
            if !stack.isEmpty {
                out += zip(stackTotal, stackErrors).map { ($0 - $1, $0 + $1) }
            }
            for signal in signals { out += signalTop(signal).map { ($0, $0) } }
            for series in data {
                for bin in 0..<binCount where series.values[bin] != 0 || series.errors[bin] != 0 {
                    out.append((series.values[bin] - series.errors[bin], series.values[bin] + series.errors[bin]))
                }
            }
        }
        return out.filter { $0.0.isFinite && $0.1.isFinite }
    }

    /// The drawn contents themselves (no error bars): what a log axis must reach down to.
    var drawnValues: [Double] {
        switch layout {
        case .empty: return []
        case .single: return series.flatMap(\.values)
        case .composite: return stack.flatMap { $0 } + signals.flatMap { signalTop($0) } + data.flatMap(\.values)
        }
    }

    /// The linear vertical range: zero included, negative contents allowed, and `headroom` (a
    /// fraction of the height) kept free at the top for the legend and labels.
    func linearRange(headroom: Double) -> (Double, Double) {
        let extents = self.extents
        var low = min(0, extents.map(\.low).min() ?? 0)
        let high = max(0, extents.map(\.high).max() ?? 0)
        guard high > low else { return (0, 1) }
        if low < 0 { low -= (high - low) * 0.05 }
        let top = low + (high - low) / (1 - headroom)
        return top.isFinite && top > low ? (low, top) : (low, high)
    }

    /// The logarithmic vertical range: from the decade below the smallest positive content (but not
    /// more than eight decades under the largest) up to the largest content plus the same headroom.
    func logRange(headroom: Double) -> (Double, Double) {
        let positives = drawnValues.filter { $0 > 0 }
        let highs = extents.map(\.high).filter { $0 > 0 }
        guard let smallest = positives.min(), let largest = (highs + positives).max() else { return (0.1, 10) }
        let logLargest = log10(largest)
        let lowDecade = max(floor(log10(smallest)), floor(logLargest) - 8)
        let reach = max(logLargest - lowDecade, 1)
        let top = min(lowDecade + reach / (1 - headroom), 307)
        return (NumberText.power10(Int(lowDecade)), pow(10, max(top, lowDecade + 1)))
    }
}
