@testable import Plotting
import Testing

@Suite struct RichTextTests {
    typealias Run = RichText.Run

    @Test func subscriptsTakeARunOfLettersOrABracedGroup() {
        #expect(RichText(parsing: "m_ll [GeV]").runs == [Run(text: "m", position: .normal), Run(text: "ll", position: .sub), Run(text: " [GeV]", position: .normal)])
        #expect(RichText(parsing: "m_{ℓℓ}").runs == [Run(text: "m", position: .normal), Run(text: "ℓℓ", position: .sub)])
        #expect(RichText(parsing: "E_T^miss").runs == [Run(text: "E", position: .normal), Run(text: "T", position: .sub), Run(text: "miss", position: .sup)])
        #expect(RichText(parsing: "10 fb^-1").runs == [Run(text: "10 fb", position: .normal), Run(text: "-1", position: .sup)])
    }

    @Test func markersWithoutAScriptStayLiteral() {
        #expect(RichText(parsing: "a_ b^ c_").plain == "a_ b^ c_")
        #expect(RichText(parsing: "lep\\_pt").plain == "lep_pt")
        #expect(RichText(parsing: "x_{}").plain == "x_{}")
        #expect(RichText(parsing: "x_{open").runs.last == Run(text: "open", position: .sub))
    }

    @Test func unicodePassesThrough() {
        let text = RichText(parsing: "√s = 13 TeV, 10 fb⁻¹, m_ℓℓ, t t̄, 日本")
        #expect(text.plain == "√s = 13 TeV, 10 fb⁻¹, mℓℓ, t t̄, 日本")
        #expect(text.svg(fontSize: 10).contains("10 fb⁻¹"))
    }

    @Test func svgShiftsScriptsWithDyAndBack() {
        #expect(RichText(parsing: "m_ll [GeV]").svg(fontSize: 10) == "m<tspan dy=\"3\" font-size=\"7.2\">ll</tspan> <tspan dy=\"-3\">[GeV]</tspan>")
        #expect(RichText(parsing: "fb^-1").svg(fontSize: 10) == "fb<tspan dy=\"-4.2\" font-size=\"7.2\">−1</tspan>")
        #expect(RichText(parsing: "E_T^2").svg(fontSize: 10) == "E<tspan dy=\"3\" font-size=\"7.2\">T</tspan><tspan dy=\"-7.2\" font-size=\"7.2\">2</tspan>")
    }

    @Test func spacesAfterAScriptStayOutsideTheTspan() {
        #expect(RichText(parsing: "x^2 ").svg(fontSize: 10) == "x<tspan dy=\"-4.2\" font-size=\"7.2\">2</tspan> ")
        #expect(RichText(parsing: "x^2 y").svg(fontSize: 10) == "x<tspan dy=\"-4.2\" font-size=\"7.2\">2</tspan> <tspan dy=\"4.2\">y</tspan>")
    }

    @Test func everyOutputIsEscaped() {
        let text = RichText(parsing: "<b>&_{<i>}")
        #expect(text.svg(fontSize: 10).hasPrefix("&lt;b&gt;&amp;<tspan"))
        #expect(text.html == "&lt;b&gt;&amp;<sub>&lt;i&gt;</sub>")
    }
}
