import Foundation
import Plotting
import Testing

/// Whole SVG outputs for representative plots, compared byte for byte.
@Suite struct GoldenTests {
    @Test(arguments: Samples.all.map(\.0.id))
    func svgMatchesGolden(id: String) throws {
        let (spec, series) = try #require(Samples.all.first { $0.0.id == id })
        Golden.check(HistogramPlot.svg(spec, series: series), against: "\(id).svg")
    }

    @Test func tableMatchesGolden() {
        let (spec, series) = Samples.fourLepton
        Golden.check(HistogramPlot.table(spec, series: series), against: "m4l-table.html")
    }
}
