import Foundation
@testable import Plotting
import Testing

/// Bad or unusual input never crashes and always gives well-formed output without NaN coordinates.
@Suite struct RobustnessTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var spec: PlotSpec
        var series: [PlotSeries]
        var testDescription: String { name }
    }

    static let hostile = "<script>alert(\"x\")</script> & 'quotes' ]]> \u{07}\u{0}bell_{<b>}^& \\ --"
    static let edges = [0.0, 1, 2, 3, 4]

    static func spec(_ id: String = "edge", edges: [Double] = edges, logY: Bool = false, style: PlotSpec.Style = .steps) -> PlotSpec {
        PlotSpec(id: id, title: "Edge case", xLabel: "x [GeV]", edges: edges, logY: logY, experimentLabel: "ATLAS Open Data", subLabel: "sub", style: style)
    }

    static let cases: [Case] = {
        let thousand = stride(from: 0.0, through: 1000, by: 1).map { $0 }
        let wave = (0..<1000).map { Double(($0 * 37) % 101) }
        var cases = [
            Case(name: "no series", spec: spec(), series: []),
            Case(name: "no edges", spec: spec(edges: []), series: [PlotSeries(label: "Data", role: .data, sumw: [1, 2])]),
            Case(name: "one edge", spec: spec(edges: [3]), series: [PlotSeries(label: "Data", role: .data, sumw: [1])]),
            Case(name: "all zero", spec: spec(), series: [PlotSeries(label: "Data", role: .data, sumw: [0, 0, 0, 0]),
                                                          PlotSeries(label: "B", role: .background, sumw: [0, 0, 0, 0])]),
            Case(name: "NaN and infinity", spec: spec(), series: [
                PlotSeries(label: "Data", role: .data, sumw: [.nan, .infinity, -.infinity, 3], sumw2: [.nan, -1, .infinity, 3]),
                PlotSeries(label: "B", role: .background, sumw: [.nan, 1, .infinity, 2], sumw2: [.infinity, .nan, 1, -4]),
                PlotSeries(label: "S", role: .signal, sumw: [.nan, .nan, .nan, .nan])]),
            Case(name: "NaN edges", spec: spec(edges: [.nan, 0, .infinity, 1, 2, -.infinity]), series: [PlotSeries(label: "D", role: .data, sumw: [1, 2])]),
            Case(name: "unsorted edges", spec: spec(edges: [5, 1, 2, 2, 0, 7]), series: [PlotSeries(label: "B", role: .background, sumw: [1, 2, 3])]),
            Case(name: "single bin", spec: spec(edges: [0, 1]), series: [PlotSeries(label: "Data", role: .data, sumw: [5]),
                                                                          PlotSeries(label: "B", role: .background, sumw: [4])]),
            Case(name: "thousand bins", spec: spec(edges: thousand), series: [
                PlotSeries(label: "Data", role: .data, sumw: wave), PlotSeries(label: "B", role: .background, sumw: wave),
                PlotSeries(label: "S", role: .signal, sumw: wave)]),
            Case(name: "negative weights", spec: spec(), series: [
                PlotSeries(label: "Data", role: .data, sumw: [-3, 2, -1, 4]),
                PlotSeries(label: "B1", role: .background, sumw: [5, -8, 2, 1], sumw2: [25, 64, 4, 1]),
                PlotSeries(label: "B2", role: .background, sumw: [-1, 3, -4, 2])]),
            Case(name: "huge values", spec: spec(), series: [
                PlotSeries(label: "Data", role: .data, sumw: [1e308, 1.7e308, 1e300, 1], sumw2: [.greatestFiniteMagnitude, 1e308, 0, 1]),
                PlotSeries(label: "B1", role: .background, sumw: [1e308, 1e308, 1e308, 1e308]),
                PlotSeries(label: "B2", role: .background, sumw: [1e308, 1e308, 1e308, 1e308])]),
            Case(name: "tiny values", spec: spec(), series: [PlotSeries(label: "Data", role: .data, sumw: [1e-300, .leastNonzeroMagnitude, .leastNormalMagnitude / 1000, 0])]),
            Case(name: "huge edges", spec: spec(edges: [-1e308, 0, 1e308]), series: [PlotSeries(label: "B", role: .background, sumw: [1, 2])]),
            Case(name: "tiny bin width", spec: spec(edges: [1e9, 1e9 + 1e-6, 1e9 + 2e-6]), series: [PlotSeries(label: "B", role: .background, sumw: [1, 2])]),
            Case(name: "mismatched lengths", spec: spec(), series: [
                PlotSeries(label: "Data", role: .data, sumw: [1], sumw2: [1, 2, 3, 4, 5, 6]),
                PlotSeries(label: "B", role: .background, sumw: [1, 2, 3, 4, 5, 6, 7], sumw2: [])]),
            Case(name: "hostile labels", spec: PlotSpec(id: "x\" onload=\"alert(1)", title: hostile, xLabel: hostile, yLabel: hostile,
                                                       edges: edges, experimentLabel: hostile, subLabel: hostile),
                 series: [PlotSeries(label: hostile, role: .data, color: "red\" onload=\"x", sumw: [1, 2, 3, 4]),
                          PlotSeries(label: hostile, role: .signal, color: "url(#x)", sumw: [1, 1, 1, 1]),
                          PlotSeries(label: hostile, role: .background, color: "</style>", sumw: [1, 2, 3, 4])]),
            Case(name: "empty labels", spec: PlotSpec(id: "", title: "", xLabel: "", yLabel: "", edges: edges, experimentLabel: "", subLabel: ""),
                 series: [PlotSeries(label: "", role: .data, sumw: [1, 2, 3, 4]), PlotSeries(label: "", role: .background, sumw: [1, 2, 3, 4])]),
            Case(name: "two data series, signals only", spec: spec(), series: [
                PlotSeries(label: "2016", role: .data, sumw: [1, 2, 3, 4]), PlotSeries(label: "2017", role: .data, sumw: [2, 3, 4, 5]),
                PlotSeries(label: "S1", role: .signal, sumw: [1, 2, 1, 2]), PlotSeries(label: "S2", role: .signal, sumw: [2, 1, 2, 1])]),
        ]
        for style in [PlotSpec.Style.steps, .bars] {
            cases.append(Case(name: "single \(style) with NaN", spec: spec(style: style),
                              series: [PlotSeries(label: "B", role: .background, sumw: [.nan, -2, 3, 1e308], sumw2: [.nan, 4, -1, .infinity])]))
        }
        return cases
    }()

    /// Every case on a linear and a logarithmic axis, in the default and a tiny size.
    static let variants: [Case] = cases.flatMap { item -> [Case] in
        var log = item
        log.spec.logY = true
        log.name += " (log)"
        return [item, log]
    }

    @Test(arguments: variants)
    func svgIsWellFormed(_ item: Case) {
        for (width, height) in [(640, 440), (0, -5), (100_000, 30)] {
            let svg = HistogramPlot.svg(item.spec, series: item.series, width: width, height: height)
            let document = XMLDocumentCheck.parse(svg)
            #expect(document.isWellFormed, "\(document.error ?? "")")
            #expect(document.root?.name == "svg")
            #expect(document.root?.attributes["role"] == "img")
            #expect(document.text["title"] != nil)
            for element in document.elements {
                for (name, value) in element.attributes {
                    #expect(!value.contains("NaN") && !value.contains("inf"), "\(element.name) \(name)=\(value)")
                    #expect(!name.hasPrefix("on"), "event handler attribute \(name)")
                }
            }
            #expect(!svg.contains("<script"))
        }
    }

    @Test(arguments: cases)
    func tableIsWellFormed(_ item: Case) {
        let html = HistogramPlot.table(item.spec, series: item.series)
        let document = XMLDocumentCheck.parse(html)
        #expect(document.isWellFormed, "\(document.error ?? "")")
        #expect(document.root?.name == "table")
        #expect(!html.contains("<script"))
        #expect(!html.contains("NaN"))
    }

    @Test func hostileIdsBecomeSafeNames() {
        let svg = HistogramPlot.svg(PlotSpec(id: "x\" onload=\"alert(1)", title: "t", xLabel: "x", edges: [0, 1]), series: [])
        #expect(svg.contains("id=\"x--onload--alert-1--plot\""))
    }

    @Test func emptyPlotsSayNoData() {
        let svg = HistogramPlot.svg(Self.spec(), series: [])
        #expect(svg.contains(">No data</text>"))
        #expect(!svg.contains("okp-legend"))
    }

    @Test func logAxisSkipsBinsWithoutPositiveContent() {
        let spec = Self.spec(logY: true)
        let svg = HistogramPlot.svg(spec, series: [PlotSeries(label: "Data", role: .data, sumw: [0, -2, 10, 100])])
        #expect(svg.components(separatedBy: "<circle").count - 1 == 1 + 2)  // legend marker + two points
    }
}
