import Foundation

/// Everything about a plot except the histograms: binning, axis labels and the label slots.
public struct PlotSpec: Sendable, Equatable {
    /// How a plot with a single non-data series draws it.
    public enum Style: String, Sendable, Equatable {
        /// An outline following the bin contents.
        case steps
        /// Separate filled bars, one per bin.
        case bars
    }

    /// Prefix of every element id and the base of file names ("mll"); sanitised to an XML name when used.
    public var id: String
    /// Shown above the plot and used as the SVG `<title>` and table caption.
    public var title: String
    /// Horizontal axis label with the unit in brackets ("m_ll [GeV]").
    public var xLabel: String
    /// Vertical axis label; `init` computes "Events / 5 GeV"-style text when left out.
    public var yLabel: String
    /// Ascending bin edges, regular or variable.
    public var edges: [Double]
    /// Logarithmic vertical axis; bins with no positive content are then left out.
    public var logY: Bool
    /// Bold italic text top left ("ATLAS Open Data"), configurable per site; nil draws none.
    public var experimentLabel: String?
    /// Smaller text under the experiment label ("√s = 13 TeV, 10 fb⁻¹").
    public var subLabel: String?
    /// Drawing style for single-series plots.
    public var style: Style

    /// A plot specification; a nil `yLabel` becomes `PlotSpec.defaultYLabel(xLabel:edges:)`.
    public init(
        id: String,
        title: String,
        xLabel: String,
        yLabel: String? = nil,
        edges: [Double],
        logY: Bool = false,
        experimentLabel: String? = nil,
        subLabel: String? = nil,
        style: Style = .steps
    ) {
        self.id = id
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel ?? PlotSpec.defaultYLabel(xLabel: xLabel, edges: edges)
        self.edges = edges
        self.logY = logY
        self.experimentLabel = experimentLabel
        self.subLabel = subLabel
        self.style = style
    }

    /// "Events / 5 GeV" when the bins all have the same width and `xLabel` ends in a unit in
    /// brackets, otherwise "Events": the per-bin width only means something with a unit.
    public static func defaultYLabel(xLabel: String, edges: [Double]) -> String {
        guard let unit = unit(in: xLabel), let width = regularWidth(edges) else { return "Events" }
        return "Events / \(widthText(width)) \(unit)"
    }

    /// A bin width as label markup: "5", "0.25", or "2.5×10^{6}" when plain digits would be long.
    static func widthText(_ width: Double) -> String {
        guard width >= 1e5 || width < 1e-3 else { return NumberText.compact(width, significant: 6) }
        let parts = NumberText.scientific(width, significant: 3).split(separator: "e")
        guard parts.count == 2 else { return NumberText.compact(width, significant: 6) }
        return parts[0] == "1" ? "10^{\(parts[1])}" : "\(parts[0])×10^{\(parts[1])}"
    }

    /// The text inside the last `[...]` of a label, if not empty.
    static func unit(in label: String) -> String? {
        guard let open = label.lastIndex(of: "["),
              let close = label[open...].firstIndex(of: "]") else { return nil }
        let unit = label[label.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
        return unit.isEmpty ? nil : unit
    }

    /// The common bin width when all bins agree to one part in a million.
    static func regularWidth(_ edges: [Double]) -> Double? {
        guard edges.count >= 2, let first = edges.first, let last = edges.last else { return nil }
        let width = (last - first) / Double(edges.count - 1)
        guard width.isFinite, width > 0 else { return nil }
        for index in 1..<edges.count where abs(edges[index] - edges[index - 1] - width) > width * 1e-6 {
            return nil
        }
        return width
    }
}
