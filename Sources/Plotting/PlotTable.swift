/// The data-table alternative to a plot: what a screen reader, or a student copying numbers, needs.
struct PlotTable {
    let spec: PlotSpec
    let model: PlotModel

    struct Column {
        var heading: String
        var values: [Double]
        var errors: [Double]
    }

    /// The series in the caller's order, then the summed backgrounds when there are several.
    var columns: [Column] {
        var columns = model.series.map { series in
            Column(heading: series.label.plain.trimmingSpaces.isEmpty ? XMLEscaping.escape(series.role.rawValue) : series.label.html,
                   values: series.values, errors: series.errors)
        }
        if model.backgrounds.count > 1 {
            columns.append(Column(heading: "Total background", values: model.stackTotal, errors: model.stackErrors))
        }
        return columns
    }

    func html() -> String {
        let id = XMLEscaping.identifier(spec.id)
        let title = RichText(parsing: spec.title)
        let xLabel = RichText(parsing: spec.xLabel)
        let caption = title.plain.isEmpty ? xLabel.html : title.html
        let columns = self.columns
        var lines = ["<table class=\"okp-table\" id=\"\(id)-table\">", "<caption>\(caption)</caption>", "<thead>"]
        let binHeading = xLabel.plain.trimmingSpaces.isEmpty ? "Bin" : xLabel.html
        lines.append("<tr><th scope=\"col\">\(binHeading)</th>" + columns.map { "<th scope=\"col\">\($0.heading)</th>" }.joined() + "</tr>")
        lines += ["</thead>", "<tbody>"]
        if model.binCount == 0 {
            lines.append("<tr><td colspan=\"\(columns.count + 1)\">No bins</td></tr>")
        }
        for bin in 0..<model.binCount {
            let (low, high) = model.binRange(bin)
            let range = "\(NumberText.compact(low, significant: 6))–\(NumberText.compact(high, significant: 6))"
            let cells = columns.map { "<td>\(NumberText.measurement($0.values[bin], error: $0.errors[bin]))</td>" }.joined()
            lines.append("<tr><th scope=\"row\">\(range)</th>\(cells)</tr>")
        }
        lines += ["</tbody>", "</table>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
