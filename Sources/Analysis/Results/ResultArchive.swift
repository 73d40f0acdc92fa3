/// A lossless text form of an `AnalysisResult` (every double as its exact bit pattern), for the build cache and
/// for exercise bundles. JSON is for people and other tools; this is for reading back bit for bit.
public enum ResultArchive {
    static let header = "openkey-result-archive 1"

    public static func encode(_ result: AnalysisResult) -> String {
        var lines = [header, "analysis\t" + escape(result.analysis),
                     "luminosity\t" + (result.luminosity.map(bits) ?? "-")]
        for h in result.histograms {
            lines.append(["histogram", escape(h.name), escape(h.title), escape(h.xLabel), h.yLabel.map(escape) ?? "-",
                          h.logY ? "1" : "0", list(h.edges)].joined(separator: "\t"))
        }
        for s in result.samples {
            lines.append(["sample", escape(s.name), escape(s.label), escape(s.role), s.color.map(escape) ?? "-"].joined(separator: "\t"))
            for c in s.cutflow { lines.append(["cut", escape(c.name), String(c.events), bits(c.sumw), bits(c.sumw2)].joined(separator: "\t")) }
            for h in s.histograms {
                lines.append(["hist", escape(h.name), list(h.edges), list(h.sumw), list(h.sumw2), bits(h.underflow), bits(h.underflow2),
                              bits(h.overflow), bits(h.overflow2), String(h.entries), String(h.nanCount)].joined(separator: "\t"))
            }
            for r in s.reports { lines.append(["report", escape(r.name), escape(r.aggregate), bits(r.value), String(r.events)].joined(separator: "\t")) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The result, or nil for anything that is not a complete archive of this version.
    public static func decode(_ text: String) -> AnalysisResult? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard lines.first == [header] else { return nil }
        lines.removeFirst()
        var result = AnalysisResult(analysis: "", luminosity: nil, histograms: [], samples: [])
        for f in lines {
            switch (f.first, f.count) {
            case ("analysis", 2): result.analysis = unescape(f[1])
            case ("luminosity", 2): result.luminosity = f[1] == "-" ? nil : double(f[1])
            case ("histogram", 7):
                guard let edges = doubles(f[6]) else { return nil }
                result.histograms.append(.init(name: unescape(f[1]), title: unescape(f[2]), xLabel: unescape(f[3]),
                                               yLabel: f[4] == "-" ? nil : unescape(f[4]), logY: f[5] == "1", edges: edges))
            case ("sample", 5):
                result.samples.append(.init(name: unescape(f[1]), label: unescape(f[2]), role: unescape(f[3]),
                                            color: f[4] == "-" ? nil : unescape(f[4]), cutflow: [], histograms: [], reports: []))
            case ("cut", 5):
                guard let events = Int(f[2]), let w = double(f[3]), let w2 = double(f[4]), !result.samples.isEmpty else { return nil }
                result.samples[result.samples.count - 1].cutflow.append(.init(name: unescape(f[1]), events: events, sumw: w, sumw2: w2))
            case ("hist", 11):
                guard let edges = doubles(f[2]), let sumw = doubles(f[3]), let sumw2 = doubles(f[4]),
                      let u = double(f[5]), let u2 = double(f[6]), let o = double(f[7]), let o2 = double(f[8]),
                      let entries = Int(f[9]), let nan = Int(f[10]), !result.samples.isEmpty, sumw.count == sumw2.count,
                      sumw.count == edges.count - 1 else { return nil }
                var h = HistogramResult(name: unescape(f[1]), edges: edges)
                h.sumw = sumw; h.sumw2 = sumw2; h.underflow = u; h.underflow2 = u2; h.overflow = o; h.overflow2 = o2
                h.entries = entries; h.nanCount = nan
                result.samples[result.samples.count - 1].histograms.append(h)
            case ("report", 5):
                guard let value = double(f[3]), let events = Int(f[4]), !result.samples.isEmpty else { return nil }
                result.samples[result.samples.count - 1].reports.append(.init(name: unescape(f[1]), aggregate: unescape(f[2]), value: value, events: events))
            default:
                return nil
            }
        }
        guard result.samples.allSatisfy({ $0.histograms.count == result.histograms.count }) else { return nil }
        return result
    }

    static func bits(_ x: Double) -> String { String(x.bitPattern, radix: 16) }
    static func double(_ s: String) -> Double? { UInt64(s, radix: 16).map(Double.init(bitPattern:)) }
    static func list(_ xs: [Double]) -> String { xs.map(bits).joined(separator: ",") }
    static func doubles(_ s: String) -> [Double]? {
        if s.isEmpty { return [] }
        let parts = s.split(separator: ",").map { double(String($0)) }
        return parts.contains { $0 == nil } ? nil : parts.compactMap { $0 }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ s: String) -> String {
        var out = "", escaping = false
        for ch in s {
            if escaping {
                out.append(ch == "t" ? "\t" : ch == "n" ? "\n" : ch)
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
