import Foundation
import Plotting
import Testing

@Suite struct PlotTableTests {
    @Test func tableHasCaptionHeadingsAndOneRowPerBin() {
        let (spec, series) = Samples.fourLepton
        let html = HistogramPlot.table(spec, series: series)
        let document = XMLDocumentCheck.parse(html)
        #expect(document.isWellFormed)
        #expect(document.root?.attributes["id"] == "m4l-table")
        #expect(document.text["caption"] == "Four-lepton invariant mass")
        #expect(document.elements(named: "tr").count == 1 + 30)
        #expect(document.elements(named: "th").filter { $0.attributes["scope"] == "col" }.count == 1 + 5 + 1)
        #expect(html.contains("<th scope=\"col\">m<sub>4ℓ</sub> [GeV]</th>"))
        #expect(html.contains("<th scope=\"col\">Total background</th>"))
        #expect(html.contains("<tr><th scope=\"row\">80–83</th><td>1.0 ± 1.0</td>"))
    }

    @Test func everyUserStringIsEscaped() {
        let spec = PlotSpec(id: "a<b", title: "<i>T&amp;</i>", xLabel: "x \"q\" <y>", edges: [0, 1])
        let html = HistogramPlot.table(spec, series: [PlotSeries(label: "<script>&'", role: .data, sumw: [4])])
        #expect(html.contains("<caption>&lt;i&gt;T&amp;amp;&lt;/i&gt;</caption>"))
        #expect(html.contains("<th scope=\"col\">x &quot;q&quot; &lt;y&gt;</th>"))
        #expect(html.contains("<th scope=\"col\">&lt;script&gt;&amp;&#39;</th>"))
        #expect(html.contains("id=\"a-b-table\""))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<i>"))
    }

    @Test func aTableWithoutBinsSaysSo() {
        let html = HistogramPlot.table(PlotSpec(id: "e", title: "E", xLabel: "", edges: []), series: [])
        #expect(html.contains("<tr><th scope=\"col\">Bin</th></tr>"))
        #expect(html.contains("<td colspan=\"1\">No bins</td>"))
    }
}
