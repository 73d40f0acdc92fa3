extension PlotRenderer {
    /// The histograms themselves, drawn inside the frame's clip path: background layers, the
    /// stack's uncertainty band, signal lines, then data points on top.
    func seriesElements() -> [String] {
        switch model.layout {
        case .empty: return []
        case .single: return singleSeriesElements()
        case .composite: return compositeElements()
        }
    }

    private func compositeElements() -> [String] {
        var lines: [String] = []
        let zeros = Array(repeating: 0.0, count: model.binCount)
        for (layer, background) in zip(model.stack.indices, model.backgrounds) {
            let below = layer == 0 ? zeros : model.stack[layer - 1]
            lines.append("<path\(classAttribute(background.paint)) d=\"\(bandPath(lower: below, upper: model.stack[layer]))\" fill=\"\(background.paint.color)\" stroke=\"none\"/>")
        }
        // Outlines separate the layers; with sub-pixel bins they would only draw a dark smear.
        for layer in model.stack where frame.width / Double(model.binCount) >= 1.5 {
            lines.append("<path d=\"\(stepPath(layer, from: zeros))\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"0.75\"/>")
        }
        if needsHatch {
            let total = model.stackTotal
            let band = errorBoxesPath(low: zip(total, model.stackErrors).map { $0 - $1 }, high: zip(total, model.stackErrors).map { $0 + $1 })
            if !band.isEmpty { lines.append("<path d=\"\(band)\" fill=\"url(#\(id)-hatch)\" stroke=\"none\"/>") }
        }
        for (ordinal, signal) in model.signals.enumerated() {
            let dash = Palette.dashes[ordinal % Palette.dashes.count].map { " stroke-dasharray=\"\($0)\"" } ?? ""
            lines.append("<path\(classAttribute(signal.paint)) d=\"\(stepPath(model.signalTop(signal), from: model.stackTotal))\" fill=\"none\" stroke=\"\(signal.paint.color)\" stroke-width=\"2\"\(dash)/>")
        }
        for series in model.data { lines += dataPoints(series) }
        return lines
    }

    private func singleSeriesElements() -> [String] {
        guard let series = model.series.first else { return [] }
        let zeros = Array(repeating: 0.0, count: model.binCount)
        let errorBars = errorBarsPath(series)
        switch model.style {
        case .steps:
            var lines = ["<path\(classAttribute(series.paint)) d=\"\(stepPath(series.values, from: zeros))\" fill=\"none\" stroke=\"\(series.paint.color)\" stroke-width=\"1.5\"/>"]
            if !errorBars.isEmpty {
                lines.append("<path\(classAttribute(series.paint)) d=\"\(errorBars)\" fill=\"none\" stroke=\"\(series.paint.color)\" stroke-width=\"1\"/>")
            }
            return lines
        case .bars:
            var lines = ["<path\(classAttribute(series.paint)) d=\"\(barsPath(series.values))\" fill=\"\(series.paint.color)\" stroke=\"currentColor\" stroke-width=\"0.75\"/>"]
            if !errorBars.isEmpty {
                lines.append("<path d=\"\(errorBars)\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1\"/>")
            }
            return lines
        }
    }

    /// Black (page-coloured) markers with vertical √sumw2 error bars; empty bins, and on a log axis
    /// bins without positive content, are left out.
    private func dataPoints(_ series: PlotModel.Series) -> [String] {
        let binWidth = frame.width / Double(max(1, model.binCount))
        let radius = min(max(binWidth * 0.3, 1.2), 3.2)
        var lines: [String] = []
        let bars = errorBarsPath(series)
        if !bars.isEmpty {
            lines.append("<path d=\"\(bars)\" fill=\"none\" stroke=\"\(series.paint.color)\" stroke-width=\"\(n(min(1.2, binWidth * 0.5)))\"/>")
        }
        for bin in drawnBins(series) {
            let (low, high) = model.binRange(bin)
            lines.append("<circle cx=\"\(n(x.position((low + high) / 2)))\" cy=\"\(n(y.position(series.values[bin])))\" r=\"\(n(radius))\" fill=\"\(series.paint.color)\"/>")
        }
        return lines
    }

    /// Bins worth a marker or error bar: not empty, and positive on a log axis.
    private func drawnBins(_ series: PlotModel.Series) -> [Int] {
        (0..<model.binCount).filter { bin in
            let value = series.values[bin]
            if spec.logY && value <= 0 { return false }
            return value != 0 || series.errors[bin] != 0
        }
    }

    // MARK: - Paths

    /// An outline along `values`, starting and ending at `base` on the outer edges.
    func stepPath(_ values: [Double], from base: [Double]) -> String {
        guard let first = base.first, let last = base.last else { return "" }
        var current = y.position(first)
        var path = "M \(n(x.position(model.edges[0]))) \(n(current))"
        for (bin, value) in values.enumerated() {
            let level = y.position(value)
            if level != current { path += " V \(n(level))" }
            path += " H \(n(x.position(model.edges[bin + 1])))"
            current = level
        }
        return path + " V \(n(y.position(last)))"
    }

    /// A filled region between two step outlines (one background layer of the stack).
    func bandPath(lower: [Double], upper: [Double]) -> String {
        guard !upper.isEmpty, lower.count == upper.count else { return "" }
        var path = "M \(n(x.position(model.edges[0]))) \(n(y.position(upper[0])))"
        var current = y.position(upper[0])
        for bin in upper.indices {
            let level = y.position(upper[bin])
            if level != current { path += " V \(n(level))" }
            path += " H \(n(x.position(model.edges[bin + 1])))"
            current = level
        }
        for bin in lower.indices.reversed() {
            let level = y.position(lower[bin])
            if level != current { path += " V \(n(level))" }
            path += " H \(n(x.position(model.edges[bin])))"
            current = level
        }
        return path + " Z"
    }

    /// One box per bin from `low` to `high` (the uncertainty band), skipping bins of zero height.
    func errorBoxesPath(low: [Double], high: [Double]) -> String {
        var parts: [String] = []
        for bin in 0..<min(low.count, high.count, model.binCount) where high[bin] > low[bin] {
            let (left, right) = model.binRange(bin)
            parts.append("M \(n(x.position(left))) \(n(y.position(high[bin]))) H \(n(x.position(right))) V \(n(y.position(low[bin]))) H \(n(x.position(left))) Z")
        }
        return parts.joined(separator: " ")
    }

    /// Vertical bars of ±error at the bin centres.
    func errorBarsPath(_ series: PlotModel.Series) -> String {
        drawnBins(series).compactMap { bin -> String? in
            let error = series.errors[bin]
            guard error > 0 else { return nil }
            let (low, high) = model.binRange(bin)
            let value = series.values[bin]
            return "M \(n(x.position((low + high) / 2))) \(n(y.position(value - error))) V \(n(y.position(value + error)))"
        }.joined(separator: " ")
    }

    /// Separate bars from zero to each bin's content, with small gaps when bins are wide enough.
    func barsPath(_ values: [Double]) -> String {
        var parts: [String] = []
        for (bin, value) in values.enumerated() where value != 0 && (!spec.logY || value > 0) {
            let (low, high) = model.binRange(bin)
            let left = x.position(low), right = x.position(high)
            let gap = right - left >= 6 ? (right - left) * 0.1 : 0
            parts.append("M \(n(left + gap)) \(n(y.position(0))) V \(n(y.position(value))) H \(n(right - gap)) V \(n(y.position(0))) Z")
        }
        return parts.joined(separator: " ")
    }
}
