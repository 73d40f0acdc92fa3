extension PlotRenderer {
    /// The legend's SVG elements, top right inside the frame.
    func legendElements() -> [String] {
        guard !legend.isEmpty else { return [] }
        var lines = ["<g class=\"okp-legend\" id=\"\(id)-legend\" font-size=\"\(n(Font.legend))\">"]
        let symbolWidth = Self.legendSymbolWidth
        for (row, entry) in legend.enumerated() {
            let top = legendOrigin.y + Double(row) * Self.legendRowHeight
            let middle = top + Self.legendRowHeight / 2
            let left = legendOrigin.x
            switch entry.symbol {
            case .point(let paint):
                lines.append("<path d=\"M \(n(left + symbolWidth / 2)) \(n(middle - 6)) V \(n(middle + 6))\" stroke=\"\(paint.color)\" stroke-width=\"1.2\"/>")
                lines.append("<circle cx=\"\(n(left + symbolWidth / 2))\" cy=\"\(n(middle))\" r=\"3\" fill=\"\(paint.color)\"/>")
            case .line(let paint, let dash):
                let dashAttribute = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
                lines.append("<path\(classAttribute(paint)) d=\"M \(n(left)) \(n(middle)) H \(n(left + symbolWidth))\" stroke=\"\(paint.color)\" stroke-width=\"2\"\(dashAttribute)/>")
            case .box(let paint):
                lines.append("<rect\(classAttribute(paint)) x=\"\(n(left))\" y=\"\(n(middle - 6))\" width=\"\(n(symbolWidth))\" height=\"12\" fill=\"\(paint.color)\" stroke=\"currentColor\" stroke-width=\"0.75\"/>")
            case .hatch:
                lines.append("<rect x=\"\(n(left))\" y=\"\(n(middle - 6))\" width=\"\(n(symbolWidth))\" height=\"12\" fill=\"url(#\(id)-hatch)\" stroke=\"none\"/>")
            case .none:
                break
            }
            let text = "<text x=\"\(n(left + symbolWidth + 8))\" y=\"\(n(middle + Font.legend * 0.35))\" fill=\"currentColor\">\(entry.label.svg(fontSize: Font.legend))</text>"
            lines.append(text)
        }
        lines.append("</g>")
        return lines
    }

    /// ` class="okp-fill-2"` for palette colours, nothing for the user's own.
    func classAttribute(_ paint: Palette.Paint) -> String {
        paint.className.map { " class=\"\($0)\"" } ?? ""
    }
}
