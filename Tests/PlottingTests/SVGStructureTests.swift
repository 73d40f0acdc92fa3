import Foundation
@testable import Plotting
import Testing

/// What every plot promises: accessible, well-formed, page-friendly and deterministic.
@Suite struct SVGStructureTests {
    @Test(arguments: Samples.all.map(\.0.id))
    func samplesAreWellFormedAndAccessible(id: String) throws {
        let (spec, series) = try #require(Samples.all.first { $0.0.id == id })
        let document = XMLDocumentCheck.parse(HistogramPlot.svg(spec, series: series))
        #expect(document.isWellFormed, "\(document.error ?? "")")
        let root = try #require(document.root)
        #expect(root.name == "svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "\(id)-title \(id)-desc")
        #expect(document.text["title"] == spec.title)
        #expect(document.text["desc"]?.hasSuffix(".") == true)
        #expect(document.ids.allSatisfy { $0.hasPrefix(id + "-") }, "\(document.ids)")
        #expect(Set(document.ids).count == document.ids.count)
    }

    @Test func rendersAreDeterministic() {
        for (spec, series) in Samples.all {
            #expect(HistogramPlot.svg(spec, series: series) == HistogramPlot.svg(spec, series: series))
            #expect(HistogramPlot.table(spec, series: series) == HistogramPlot.table(spec, series: series))
        }
    }

    @Test func descriptionSaysWhatHowManyAndWhere() {
        let (spec, series) = Samples.fourLepton
        let description = PlotModel(spec: spec, series: series).summary(spec: spec)
        #expect(description == "Histogram of m4ℓ [GeV] from 80 to 170 in 30 bins with Data (91 events), "
            + "H → ZZ* (mH = 125 GeV) (5.18 events, signal), t t̄ (10.21 events, stacked background), "
            + "Z+jets (7.77 events, stacked background) and ZZ* (80.37 events, stacked background); "
            + "the largest bin of Data is 122–125 with 7 events.")
    }

    @Test func axesAndTextFollowThePageColourAndDarkModeRepaintsThePalette() {
        let (spec, series) = Samples.fourLepton
        let svg = HistogramPlot.svg(spec, series: series)
        #expect(svg.contains("<g class=\"okp-axes\" stroke=\"currentColor\""))
        #expect(svg.contains("<g class=\"okp-labels\" fill=\"currentColor\">"))
        #expect(svg.contains("@media (prefers-color-scheme: dark)"))
        #expect(svg.contains("#m4l-plot .okp-fill-0 { fill: #6A9BD0; }"))
        #expect(svg.contains("#m4l-plot .okp-line-0 { stroke: #FF7F66; }"))
        #expect(!svg.contains("#000"))
    }

    @Test func userColoursAreUsedAndNeverRepainted() {
        let (spec, series) = Samples.jetMultiplicity
        let svg = HistogramPlot.svg(spec, series: series)
        #expect(svg.contains("fill=\"#4477AA\""))
        #expect(!svg.contains("okp-fill"))
    }

    @Test func legendListsDataSignalThenBackgroundsFromTheTopOfTheStack() {
        let (spec, series) = Samples.fourLepton
        let model = PlotModel(spec: spec, series: series)
        let labels = LegendEntry.entries(for: model, maxRows: 20).map(\.label.plain)
        #expect(labels == ["Data", "H → ZZ* (mH = 125 GeV)", "ZZ*", "Z+jets", "t t̄", "Stat. unc."])
    }

    @Test func longLegendsAreCut() {
        let spec = PlotSpec(id: "many", title: "Many", xLabel: "x", edges: [0, 1, 2])
        let series = (0..<40).map { PlotSeries(label: "B\($0)", role: .background, sumw: [1, 2]) }
        let entries = LegendEntry.entries(for: PlotModel(spec: spec, series: series), maxRows: 10)
        #expect(entries.count == 10)
        #expect(entries.last?.label.plain == "+ 32 more")
    }

    @Test func severalPlotsCanShareOnePage() {
        let page = "<body>" + Samples.all.map { HistogramPlot.svg($0.0, series: $0.1) + HistogramPlot.table($0.0, series: $0.1) }.joined() + "</body>"
        let document = XMLDocumentCheck.parse(page)
        #expect(document.isWellFormed, "\(document.error ?? "")")
        #expect(Set(document.ids).count == document.ids.count)
        #expect(document.elements(named: "svg").count == 4)
    }

    @Test func defaultVerticalLabelNamesTheBinWidthWhenItHasAUnit() {
        #expect(PlotSpec(id: "a", title: "", xLabel: "m_ll [GeV]", edges: [0, 5, 10, 15]).yLabel == "Events / 5 GeV")
        #expect(PlotSpec(id: "a", title: "", xLabel: "η [rad]", edges: [-2.5, -2.4, -2.3]).yLabel == "Events / 0.1 rad")
        #expect(PlotSpec(id: "a", title: "", xLabel: "m_ll [GeV]", edges: [0, 5, 20]).yLabel == "Events")
        #expect(PlotSpec(id: "a", title: "", xLabel: "N_jets", edges: [0, 1, 2]).yLabel == "Events")
        #expect(PlotSpec(id: "a", title: "", xLabel: "x []", edges: [0, 1, 2]).yLabel == "Events")
        #expect(PlotSpec(id: "a", title: "", xLabel: "E [eV]", edges: [0, 1e6, 2e6]).yLabel == "Events / 10^{6} eV")
        #expect(PlotSpec(id: "a", title: "", xLabel: "E [eV]", edges: [0, 2.5e6, 5e6]).yLabel == "Events / 2.5×10^{6} eV")
        #expect(PlotSpec(id: "a", title: "", xLabel: "t [s]", edges: [0, 2e-4, 4e-4]).yLabel == "Events / 2×10^{-4} s")
        #expect(PlotSpec(id: "a", title: "", xLabel: "m [GeV]", edges: [0, 2.475, 4.95]).yLabel == "Events / 2.475 GeV")
        #expect(PlotSpec(id: "a", title: "", xLabel: "x [GeV]", yLabel: "Candidates", edges: [0, 1]).yLabel == "Candidates")
    }

    @Test func logAxesStartADecadeBelowTheSmallestContent() {
        let (spec, series) = Samples.dileptonLog
        let (low, high) = PlotModel(spec: spec, series: series).logRange(headroom: 0.3)
        #expect(low == 10)
        #expect(high > 39807)
        let svg = HistogramPlot.svg(spec, series: series)
        #expect(svg.contains(">10<tspan dy=\"-5.04\" font-size=\"8.64\">6</tspan></text>"))
    }
}
