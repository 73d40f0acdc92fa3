/// Lays out one plot (margins, axis ranges, ticks, legend and label positions) and writes its SVG.
/// The drawing itself lives in the `+Axes`, `+Series` and `+Legend` extensions.
struct PlotRenderer {
    /// Font sizes in pixels, ATLAS-like: tick labels a little smaller than axis labels.
    enum Font {
        static let tick = 12.0
        static let axis = 14.0
        static let title = 15.0
        static let legend = 13.0
        static let experiment = 15.0
        static let subLabel = 13.0
    }

    struct Frame {
        var left: Double, top: Double, right: Double, bottom: Double
        var width: Double { right - left }
        var height: Double { bottom - top }
    }

    let spec: PlotSpec
    let model: PlotModel
    /// The sanitised spec id every element id starts with.
    let id: String
    let width: Double
    let height: Double
    let frame: Frame
    let x: AxisScale
    let y: AxisScale
    let xTicks: AxisTicks
    let yTicks: AxisTicks
    let legend: [LegendEntry]
    /// Top-left corner of the legend and of the experiment label block.
    let legendOrigin: (x: Double, y: Double)
    let labelOrigin: (x: Double, y: Double)

    static let legendRowHeight = 19.0
    static let legendSymbolWidth = 24.0

    init(spec: PlotSpec, series: [PlotSeries], width: Int, height: Int) {
        self.spec = spec
        self.model = PlotModel(spec: spec, series: series)
        self.id = XMLEscaping.identifier(spec.id)
        let width = Double(min(max(width, 200), 10_000)), height = Double(min(max(height, 150), 10_000))
        self.width = width
        self.height = height

        let top = RichText(parsing: spec.title).plain.isEmpty ? 14.0 : 40.0
        let bottom = 58.0, right = 22.0
        let plotHeight = height - top - bottom

        // Legend and label block first: the room they need at the top decides the vertical range.
        let maxRows = max(1, Int(plotHeight * 0.6 / Self.legendRowHeight))
        let legend = LegendEntry.entries(for: model, maxRows: maxRows)
        self.legend = legend
        let legendWidth = legend.isEmpty ? 0 : Self.legendSymbolWidth + 8 + (legend.map { $0.label.estimatedWidth(fontSize: Font.legend) }.max() ?? 0)
        let legendHeight = Double(legend.count) * Self.legendRowHeight
        let labelLines = Self.labelLines(spec)
        let labelWidth = labelLines.map { $0.text.estimatedWidth(fontSize: $0.size) }.max() ?? 0
        let labelHeight = labelLines.reduce(0) { $0 + $1.size + 6 }
        let side = legendWidth + labelWidth + 60 < width - 72 - right
        var reserved = side ? max(legendHeight, labelHeight) : legendHeight + labelHeight
        if reserved > 0 { reserved += 16 }
        let headroom = min(max(reserved / plotHeight, 0.1), 0.7)

        let (yLow, yHigh) = spec.logY ? model.logRange(headroom: headroom) : model.linearRange(headroom: headroom)
        let yTicks = spec.logY
            ? AxisTicks.logarithmic(lower: yLow, upper: yHigh, target: max(2, Int(plotHeight / 40)))
            : AxisTicks.linear(lower: yLow, upper: yHigh, target: max(2, Int(plotHeight / 60)))
        self.yTicks = yTicks
        let tickWidth = yTicks.labels.map { RichText(parsing: $0).estimatedWidth(fontSize: Font.tick) }.max() ?? 0
        let left = max(52, tickWidth + 16 + Font.axis + 6)
        let frame = Frame(left: left, top: top, right: width - right, bottom: height - bottom)
        self.frame = frame
        self.y = AxisScale(lower: yLow, upper: yHigh, isLog: spec.logY, start: frame.bottom, end: frame.top)
        let xLow = model.edges.first ?? 0, xHigh = model.edges.last ?? 1
        self.x = AxisScale(lower: xLow, upper: xHigh, isLog: false, start: frame.left, end: frame.right)
        self.xTicks = AxisTicks.linear(lower: xLow, upper: xHigh, target: max(2, Int(frame.width / 90)))

        self.labelOrigin = (frame.left + 14, frame.top + 12)
        self.legendOrigin = (frame.right - 10 - legendWidth, frame.top + 10 + (side ? 0 : labelHeight + 6))
    }

    /// Experiment label and sublabel, as drawn top left.
    static func labelLines(_ spec: PlotSpec) -> [(text: RichText, size: Double, bold: Bool)] {
        var lines: [(RichText, Double, Bool)] = []
        if let label = spec.experimentLabel, !label.isEmpty { lines.append((RichText(parsing: label), Font.experiment, true)) }
        if let label = spec.subLabel, !label.isEmpty { lines.append((RichText(parsing: label), Font.subLabel, false)) }
        return lines
    }

    // MARK: - Document

    /// The whole SVG document, one element per line so golden files diff readably.
    func svg() -> String {
        var lines: [String] = []
        lines.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)-plot\" class=\"okp-plot\""
            + " width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\""
            + " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
            + " font-family=\"Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif\""
            + " style=\"max-width:100%;height:auto\">")
        lines.append("<title id=\"\(id)-title\">\(XMLEscaping.escape(accessibleTitle))</title>")
        lines.append("<desc id=\"\(id)-desc\">\(XMLEscaping.escape(model.summary(spec: spec)))</desc>")
        lines += styleBlock()
        lines.append("<defs>")
        lines.append("<clipPath id=\"\(id)-clip\"><rect x=\"\(n(frame.left))\" y=\"\(n(frame.top))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\"/></clipPath>")
        if needsHatch {
            lines.append("<pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                + "<path d=\"M 0 0 V 6\" stroke=\"currentColor\" stroke-width=\"1.2\" stroke-opacity=\"0.55\"/></pattern>")
        }
        lines.append("</defs>")
        lines.append("<g class=\"okp-series\" clip-path=\"url(#\(id)-clip)\">")
        lines += seriesElements()
        lines.append("</g>")
        lines += axesElements()
        lines += labelElements()
        lines += legendElements()
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Dark-mode repaints for palette colours, scoped to this plot's id so several plots and the page
    /// do not interfere. A standalone SVG (not inline) also switches its own text colour and canvas.
    func styleBlock() -> [String] {
        var rules: [String] = []
        var seen = Set<String>()
        for series in model.series {
            guard let name = series.paint.className, let dark = series.paint.darkColor, seen.insert(name).inserted else { continue }
            let property = name.hasPrefix("okp-line") ? "stroke" : "fill"
            rules.append("#\(id)-plot .\(name) { \(property): \(dark); }")
        }
        return ["<style>", "@media (prefers-color-scheme: dark) {",
                "svg#\(id)-plot:root { color: #E6E6E6; background: #161616; }"] + rules + ["}", "</style>"]
    }

    /// The plot title as plain text, falling back to the axis label, so the image always has a name.
    var accessibleTitle: String {
        let candidates = [spec.title, spec.xLabel].map { RichText(parsing: $0).plain.trimmingSpaces }
        return candidates.first { !XMLEscaping.escape($0).trimmingSpaces.isEmpty } ?? "Histogram"
    }

    /// Whether the stack's hatched uncertainty band is drawn (and so needs its pattern).
    var needsHatch: Bool {
        model.layout == .composite && !model.stack.isEmpty && model.stackErrors.contains { $0 > 0 }
    }

    /// A number for an attribute.
    func n(_ value: Double) -> String { NumberText.coordinate(value) }
}
