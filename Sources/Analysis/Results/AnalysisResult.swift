/// What running an analysis gives: per sample, the cut flow, the histograms and the reported values.
public struct AnalysisResult: Sendable {
    public struct HistogramInfo: Sendable, Hashable {
        public var name: String, title: String, xLabel: String, yLabel: String?, logY: Bool, edges: [Double]
    }
    public struct CutFlowEntry: Sendable, Hashable {
        public var name: String
        public var events: Int
        public var sumw: Double
        public var sumw2: Double
    }
    public struct Report: Sendable, Hashable {
        public var name: String
        public var aggregate: String
        public var value: Double
        /// Events whose value entered the result (NaN values are left out).
        public var events: Int
    }
    public struct Sample: Sendable {
        public var name: String, label: String, role: String, color: String?
        public var cutflow: [CutFlowEntry]
        public var histograms: [HistogramResult]
        public var reports: [Report]
    }

    /// Bumped whenever the JSON layout changes incompatibly.
    public static let schemaVersion = 1

    public var analysis: String
    public var luminosity: Double?
    public var histograms: [HistogramInfo]
    public var samples: [Sample]

    /// The sum over the samples of one role (e.g. all backgrounds, stacked), per histogram.
    public func stacked(role: String) -> [HistogramResult] {
        histograms.enumerated().map { index, info in
            var total = HistogramResult(name: info.name, edges: info.edges)
            for sample in samples where sample.role == role { total.add(sample.histograms[index]) }
            return total
        }
    }
}
