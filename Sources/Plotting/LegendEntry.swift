/// One row of a plot's legend: a small sample of how the series is drawn, and its label.
struct LegendEntry {
    enum Symbol {
        /// A data point with its error bar.
        case point(Palette.Paint)
        /// A line sample, solid or dashed.
        case line(Palette.Paint, dash: String?)
        /// A filled box with an outline.
        case box(Palette.Paint)
        /// The hatched statistical-uncertainty box.
        case hatch
        /// Text only ("+ 3 more").
        case none
    }

    var label: RichText
    var symbol: Symbol

    /// Text for the stack's uncertainty band.
    static let uncertaintyLabel = "Stat. unc."

    /// Legend rows, in the order a reader compares them: data, signals, backgrounds from the top of
    /// the stack down (so the rows match the layers as seen), then the uncertainty band. Series
    /// without a label get no row; past `maxRows` the rest are summed up as "+ N more".
    static func entries(for model: PlotModel, maxRows: Int) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        switch model.layout {
        case .empty:
            return []
        case .single:
            guard let series = model.series.first else { return [] }
            let symbol: LegendEntry.Symbol = model.style == .bars ? .box(series.paint) : .line(series.paint, dash: nil)
            entries.append(LegendEntry(label: series.label, symbol: symbol))
        case .composite:
            for series in model.data { entries.append(LegendEntry(label: series.label, symbol: .point(series.paint))) }
            for (ordinal, series) in model.signals.enumerated() {
                let dash = Palette.dashes[ordinal % Palette.dashes.count]
                entries.append(LegendEntry(label: series.label, symbol: .line(series.paint, dash: dash)))
            }
            for series in model.backgrounds.reversed() { entries.append(LegendEntry(label: series.label, symbol: .box(series.paint))) }
            if !model.stack.isEmpty, model.stackErrors.contains(where: { $0 > 0 }) {
                entries.append(LegendEntry(label: RichText(parsing: LegendEntry.uncertaintyLabel), symbol: .hatch))
            }
        }
        entries = entries.filter { !$0.label.plain.trimmingSpaces.isEmpty }
        let rows = max(1, maxRows)
        if entries.count > rows {
            let hidden = entries.count - (rows - 1)
            entries = Array(entries.prefix(rows - 1))
            entries.append(LegendEntry(label: RichText(runs: [.init(text: "+ \(hidden) more", position: .normal)]), symbol: .none))
        }
        return entries
    }
}
