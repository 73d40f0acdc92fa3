extension PlotRenderer {
    static let majorTick = 8.0
    static let minorTick = 4.0

    /// Frame, inward ticks on all four sides (ATLAS style), tick labels and axis labels, all drawn in
    /// `currentColor` so they follow the embedding page's text colour.
    func axesElements() -> [String] {
        var major = "", minor = ""
        for tick in xTicks.ticks where x.contains(tick.value) {
            let position = n(x.position(tick.value))
            let length = tick.isMajor ? Self.majorTick : Self.minorTick
            let segment = "M \(position) \(n(frame.bottom)) v \(n(-length)) M \(position) \(n(frame.top)) v \(n(length)) "
            if tick.isMajor { major += segment } else { minor += segment }
        }
        for tick in yTicks.ticks where y.contains(tick.value) {
            let position = n(y.position(tick.value))
            let length = tick.isMajor ? Self.majorTick : Self.minorTick
            let segment = "M \(n(frame.left)) \(position) h \(n(length)) M \(n(frame.right)) \(position) h \(n(-length)) "
            if tick.isMajor { major += segment } else { minor += segment }
        }
        var lines = ["<g class=\"okp-axes\" stroke=\"currentColor\" fill=\"none\">"]
        if !minor.isEmpty { lines.append("<path d=\"\(minor.trimmingSpaces)\" stroke-width=\"0.8\"/>") }
        if !major.isEmpty { lines.append("<path d=\"\(major.trimmingSpaces)\" stroke-width=\"1\"/>") }
        lines.append("<rect x=\"\(n(frame.left))\" y=\"\(n(frame.top))\" width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" stroke-width=\"1.2\"/>")
        lines.append("</g>")

        lines.append("<g class=\"okp-tick-labels\" fill=\"currentColor\" font-size=\"\(n(Font.tick))\">")
        for tick in xTicks.major where x.contains(tick.value) {
            lines.append("<text x=\"\(n(x.position(tick.value)))\" y=\"\(n(frame.bottom + 8 + Font.tick))\" text-anchor=\"middle\">\(RichText(parsing: tick.label).svg(fontSize: Font.tick))</text>")
        }
        for tick in yTicks.major where y.contains(tick.value) {
            lines.append("<text x=\"\(n(frame.left - 6))\" y=\"\(n(y.position(tick.value) + Font.tick * 0.35))\" text-anchor=\"end\">\(RichText(parsing: tick.label).svg(fontSize: Font.tick))</text>")
        }
        lines.append("</g>")
        return lines
    }

    /// Title, axis labels, experiment label and sublabel.
    func labelElements() -> [String] {
        var lines = ["<g class=\"okp-labels\" fill=\"currentColor\">"]
        let title = RichText(parsing: spec.title)
        if !title.plain.isEmpty {
            lines.append("<text id=\"\(id)-heading\" x=\"\(n(frame.left + frame.width / 2))\" y=\"26\" text-anchor=\"middle\" font-size=\"\(n(Font.title))\">\(title.svg(fontSize: Font.title))</text>")
        }
        let xLabel = RichText(parsing: spec.xLabel)
        if !xLabel.plain.isEmpty {
            lines.append("<text x=\"\(n(frame.right))\" y=\"\(n(frame.bottom + 44))\" text-anchor=\"end\" font-size=\"\(n(Font.axis))\">\(xLabel.svg(fontSize: Font.axis))</text>")
        }
        let yLabel = RichText(parsing: spec.yLabel)
        if !yLabel.plain.isEmpty {
            let tickWidth = yTicks.labels.map { RichText(parsing: $0).estimatedWidth(fontSize: Font.tick) }.max() ?? 0
            let baseline = n(frame.left - tickWidth - 14), top = n(frame.top)
            lines.append("<text x=\"\(baseline)\" y=\"\(top)\" transform=\"rotate(-90 \(baseline) \(top))\" text-anchor=\"end\" font-size=\"\(n(Font.axis))\">\(yLabel.svg(fontSize: Font.axis))</text>")
        }
        var baseline = labelOrigin.y
        for line in Self.labelLines(spec) {
            baseline += line.size
            let style = line.bold ? " font-weight=\"bold\" font-style=\"italic\"" : ""
            lines.append("<text x=\"\(n(labelOrigin.x))\" y=\"\(n(baseline))\" font-size=\"\(n(line.size))\"\(style)>\(line.text.svg(fontSize: line.size))</text>")
            baseline += 6
        }
        if model.layout == .empty {
            lines.append("<text x=\"\(n(frame.left + frame.width / 2))\" y=\"\(n(frame.top + frame.height / 2))\" text-anchor=\"middle\" font-size=\"\(n(Font.axis))\" fill-opacity=\"0.6\">No data</text>")
        }
        lines.append("</g>")
        return lines
    }
}
