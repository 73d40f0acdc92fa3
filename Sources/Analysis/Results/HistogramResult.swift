/// A filled 1D histogram: per-bin sums of weights and of squared weights, plus under/overflow.
public struct HistogramResult: Sendable, Hashable {
    public var name: String
    public var edges: [Double]
    public var sumw: [Double]
    public var sumw2: [Double]
    public var underflow: Double = 0, underflow2: Double = 0
    public var overflow: Double = 0, overflow2: Double = 0
    /// Values filled (each list element counts), NaN excluded.
    public var entries: Int = 0
    /// Values that were NaN (e.g. an out-of-range index): counted, never binned.
    public var nanCount: Int = 0

    public init(name: String, edges: [Double]) {
        self.name = name
        self.edges = edges
        sumw = Array(repeating: 0, count: max(0, edges.count - 1))
        sumw2 = sumw
    }

    /// The bin of `x`: bins include their low edge; the last edge belongs to the overflow. -1 under, count over.
    @inline(__always) func bin(_ x: Double, regular: (low: Double, width: Double)?) -> Int {
        if x < edges[0] { return -1 }
        if x >= edges[edges.count - 1] { return sumw.count }
        if let regular {
            let i = Int((x - regular.low) / regular.width)
            return Swift.min(Swift.max(i, 0), sumw.count - 1)
        }
        var lo = 0, hi = edges.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if x < edges[mid] { hi = mid } else { lo = mid }
        }
        return lo
    }

    /// Regular binning (equal widths) allows a division instead of a search.
    var regularBinning: (low: Double, width: Double)? { HistogramResult.regularBinning(edges) }

    /// The low edge and width when `edges` are equally spaced (to within 1e-9), else nil.
    public static func regularBinning(_ edges: [Double]) -> (low: Double, width: Double)? {
        guard edges.count >= 2 else { return nil }
        let width = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        for (i, e) in edges.enumerated() where Swift.abs(e - (edges[0] + Double(i) * width)) > 1e-9 * Swift.max(1, Swift.abs(e)) { return nil }
        return (edges[0], width)
    }

    mutating func fill(_ values: ContiguousArray<Double>, weights: (Int) -> Double) {
        let regular = regularBinning
        for (i, x) in values.enumerated() {
            if x.isNaN { nanCount += 1; continue }
            let w = weights(i)
            entries += 1
            let b = bin(x, regular: regular)
            if b < 0 { underflow += w; underflow2 += w * w } else if b >= sumw.count { overflow += w; overflow2 += w * w } else {
                sumw[b] += w; sumw2[b] += w * w
            }
        }
    }

    mutating func add(_ other: HistogramResult) {
        for i in sumw.indices { sumw[i] += other.sumw[i]; sumw2[i] += other.sumw2[i] }
        underflow += other.underflow; underflow2 += other.underflow2
        overflow += other.overflow; overflow2 += other.overflow2
        entries += other.entries; nanCount += other.nanCount
    }

    /// Sum of weights in range (under/overflow excluded).
    public var total: Double { sumw.reduce(0, +) }
}
