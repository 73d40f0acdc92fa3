/// Histogram plots as self-contained SVG, and the same numbers as an HTML table.
///
/// Backgrounds are stacked as filled layers in the order given (the first at the bottom), with a
/// hatched band for their summed statistical uncertainty; each signal is a line drawn on top of that
/// stack (background total plus signal, or on its own without backgrounds); data are points with
/// √sumw2 error bars. A lone non-data series is drawn as steps or bars, as `PlotSpec.style` says.
public enum HistogramPlot {
    /// Deterministic SVG (same input → same bytes): fixed number formatting (no locale), no random
    /// ids, no timestamps. Every element id starts with the spec's id, text uses `currentColor`, and
    /// palette colours switch under `prefers-color-scheme: dark`, so the SVG can be inlined in light
    /// and dark pages alike. Sizes are clamped to 200…10000 × 150…10000 pixels.
    public static func svg(_ spec: PlotSpec, series: [PlotSeries], width: Int = 640, height: Int = 440) -> String {
        PlotRenderer(spec: spec, series: series, width: width, height: height).svg()
    }

    /// The plot's numbers as an accessible HTML `<table>` to put next to the SVG: a caption, one row
    /// per bin with its range, and each series' content ± statistical error (plus the total
    /// background when several are stacked). All text is escaped.
    public static func table(_ spec: PlotSpec, series: [PlotSeries]) -> String {
        PlotTable(spec: spec, model: PlotModel(spec: spec, series: series)).html()
    }
}
