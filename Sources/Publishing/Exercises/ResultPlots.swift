import Analysis
import Plotting

/// Turns an analysis result into plots: per histogram, data as points, signals as lines, backgrounds stacked.
public enum ResultPlots {
    public static func series(_ result: AnalysisResult, histogram index: Int) -> [PlotSeries] {
        result.samples.map { sample in
            PlotSeries(label: sample.label, role: PlotSeries.Role(rawValue: sample.role) ?? .background, color: sample.color,
                       sumw: sample.histograms[index].sumw, sumw2: sample.histograms[index].sumw2)
        }
    }

    public static func spec(_ result: AnalysisResult, histogram index: Int, experimentLabel: String?, idPrefix: String = "") -> PlotSpec {
        let info = result.histograms[index]
        return PlotSpec(id: idPrefix + info.name, title: info.title, xLabel: info.xLabel, yLabel: info.yLabel, edges: info.edges,
                        logY: info.logY, experimentLabel: experimentLabel,
                        subLabel: result.luminosity.map { "\(ResultText.format($0)) fb⁻¹" })
    }

    /// One SVG per histogram, by histogram name.
    public static func svgs(_ result: AnalysisResult, experimentLabel: String? = "ATLAS Open Data", idPrefix: String = "") -> [(String, String)] {
        result.histograms.indices.map { index in
            (result.histograms[index].name,
             HistogramPlot.svg(spec(result, histogram: index, experimentLabel: experimentLabel, idPrefix: idPrefix),
                               series: series(result, histogram: index)))
        }
    }
}
