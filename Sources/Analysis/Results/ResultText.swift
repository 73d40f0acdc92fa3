import Foundation

/// The readable summary `openkey run` prints: the cut flow per sample, the histograms, the reported values.
public enum ResultText {
    public static func render(_ result: AnalysisResult) -> String {
        var lines: [String] = []
        let weighted = result.samples.contains { s in s.cutflow.contains { $0.sumw != Double($0.events) } }
        lines.append("Cut flow" + (weighted ? " (events, and sum of weights where samples are weighted)" : " (events)"))
        let names = result.samples.first?.cutflow.map(\.name) ?? []
        let nameWidth = max(12, (names.map(\.count).max() ?? 0) + 2)
        var header = pad("", nameWidth)
        for s in result.samples { header += pad(s.label, 24, right: true) }
        lines.append(header)
        for (row, name) in names.enumerated() {
            var line = pad(name, nameWidth)
            for s in result.samples {
                let c = s.cutflow[row]
                let cell = c.sumw == Double(c.events) ? "\(c.events)" : "\(c.events)  (\(format(c.sumw)))"
                line += pad(cell, 24, right: true)
            }
            lines.append(line)
        }
        for (index, info) in result.histograms.enumerated() {
            lines.append("")
            let bins = info.edges.count - 1
            lines.append("Histogram \(info.name): \(info.title) — \(bins) bin\(bins == 1 ? "" : "s") from \(format(info.edges[0])) to \(format(info.edges[bins]))")
            for s in result.samples {
                let h = s.histograms[index]
                let peak = h.sumw.indices.max { h.sumw[$0] < h.sumw[$1] }
                let peakText = peak.map { h.sumw[$0] > 0 ? ", peak in [\(format(info.edges[$0])), \(format(info.edges[$0 + 1])))" : "" } ?? ""
                lines.append("  \(pad(s.label, 20)) entries \(h.entries), in range \(format(h.total)), underflow \(format(h.underflow)), overflow \(format(h.overflow))\(peakText)")
            }
            for role in ["background", "signal"] where result.samples.filter({ $0.role == role }).count > 1 {
                lines.append("  \(pad("all \(role)s", 20)) in range \(format(result.stacked(role: role)[index].total)) (stacked)")
            }
        }
        let reported = result.samples.filter { !$0.reports.isEmpty }
        if !reported.isEmpty {
            lines.append("")
            lines.append("Reported values")
            for s in reported {
                for r in s.reports { lines.append("  \(pad(s.label, 20)) \(r.name) = \(format(r.value))") }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let gap = max(1, width - s.count)
        return right ? String(repeating: " ", count: gap) + s : s + String(repeating: " ", count: gap)
    }

    /// Up to 6 significant digits, no exponent for everyday magnitudes.
    public static func format(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x > 0 ? "inf" : "-inf" }
        if x == x.rounded(), abs(x) < 1e12 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }
}
