extension PlotModel {
    /// One sentence for `<desc>`: what is plotted, the events in each series, and where the maximum is
    /// (of the data if any, else of the background stack, else of the only series).
    func summary(spec: PlotSpec) -> String {
        let quantity = RichText(parsing: spec.xLabel).plain.trimmingSpaces
        let subject = quantity.isEmpty ? "Histogram" : "Histogram of \(quantity)"
        guard let first = edges.first, let last = edges.last, binCount > 0 else {
            return "\(subject) with no bins to show."
        }
        let binning = "from \(NumberText.compact(first, significant: 6)) to \(NumberText.compact(last, significant: 6)) in \(binCount) \(binCount == 1 ? "bin" : "bins")"
        guard !series.isEmpty else { return "\(subject) \(binning), with no series to show." }

        let parts = series.map { series -> String in
            let role: String
            switch series.role {
            case .data: role = ""
            case .signal: role = ", signal"
            case .background: role = layout == .composite ? ", stacked background" : ", background"
            }
            return "\(name(series)) (\(events(series.values.reduce(0, +)))\(role))"
        }
        return "\(subject) \(binning) with \(list(parts)); \(maximumClause())."
    }

    /// Where the reference series peaks, as a clause.
    private func maximumClause() -> String {
        let reference: (String, [Double])
        if let data = data.first {
            reference = (name(data), data.values)
        } else if !stack.isEmpty, layout == .composite {
            reference = (stack.count == 1 ? name(backgrounds[0]) : "the total background", stackTotal)
        } else if let only = series.first {
            reference = (name(only), only.values)
        } else {
            return "all bins are empty"
        }
        guard let peak = reference.1.indices.max(by: { reference.1[$0] < reference.1[$1] }), reference.1[peak] > 0 else {
            return "\(reference.0) has no positive bin"
        }
        let (low, high) = binRange(peak)
        let range = "\(NumberText.compact(low, significant: 6))–\(NumberText.compact(high, significant: 6))"
        return "the largest bin of \(reference.0) is \(range) with \(events(reference.1[peak]))"
    }

    /// A series' label as plain text, or its role when it has none.
    private func name(_ series: Series) -> String {
        let label = series.label.plain.trimmingSpaces
        return label.isEmpty ? series.role.rawValue : label
    }

    private func events(_ count: Double) -> String {
        let text = NumberText.compact(PlotModel.clampValue(count))
        return text == "1" ? "1 event" : "\(text) events"
    }

    /// "a", "a and b", "a, b and c".
    private func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        return items.count == 1 ? last : items.dropLast().joined(separator: ", ") + " and " + last
    }
}
