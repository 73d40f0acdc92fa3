import Analysis
import Plotting

/// Turns an analysis result into plots: per histogram, data as points, signals as lines, backgrounds stacked.
enum ResultPlots {
    static func svgs(_ result: AnalysisResult, experimentLabel: String? = "ATLAS Open Data") -> [(String, String)] {
        result.histograms.enumerated().map { index, info in
            let series = result.samples.map { sample in
                PlotSeries(label: sample.label, role: PlotSeries.Role(rawValue: sample.role) ?? .background, color: sample.color,
                           sumw: sample.histograms[index].sumw, sumw2: sample.histograms[index].sumw2)
            }
            let subLabel = result.luminosity.map { "\(ResultText.format($0)) fb⁻¹" }
            let spec = PlotSpec(id: info.name, title: info.title, xLabel: info.xLabel, yLabel: info.yLabel, edges: info.edges,
                                logY: info.logY, experimentLabel: experimentLabel, subLabel: subLabel)
            return (info.name, HistogramPlot.svg(spec, series: series))
        }
    }
}
