import Foundation
@testable import Plotting
import Testing

/// Event displays: a golden four-lepton event, and what every display promises — deterministic,
/// accessible, well-formed whatever the numbers, ids scoped to the display.
@Suite struct EventDisplayRendererTests {
    /// A Higgs → ZZ* → 4ℓ candidate with fixed numbers (objects deliberately out of order).
    static let fourLepton = EventDisplay(
        title: "A Higgs boson candidate decaying to four leptons",
        subtitle: "run 284500, event 1234567 · sample 4lep_data.root, entry 17",
        objects: [
            PhysicsObject(kind: .muon, pt: 45.2, eta: 1.23, phi: -0.5, energy: 83.6, charge: -1),
            PhysicsObject(kind: .electron, pt: 31.0, eta: -1.1, phi: -2.4, energy: 51.8, charge: -1),
            PhysicsObject(kind: .electron, pt: 52.1, eta: 0.5, phi: 1.2, energy: 58.8, charge: 1),
            PhysicsObject(kind: .muon, pt: 20.3, eta: -0.3, phi: 2.6, energy: 21.2, charge: 1),
        ],
        missingET: MissingET(et: 12.3, phi: -2.1))

    /// Photons, jets (one of 10 TeV) and a muon, to exercise every kind.
    static let mixed = EventDisplay(
        title: "Two photons and jets",
        objects: [
            PhysicsObject(kind: .photon, pt: 65, eta: 0.3, phi: 0.4, energy: 68),
            PhysicsObject(kind: .jet, pt: 120, eta: 2.4, phi: 2.0, energy: 670),
            PhysicsObject(kind: .jet, pt: 10_000, eta: 0.1, phi: 3.0, energy: 10_050),
            PhysicsObject(kind: .photon, pt: 48, eta: -1.9, phi: -2.6, energy: 160),
            PhysicsObject(kind: .muon, pt: 5, eta: 2.7, phi: 1.0, energy: 37, charge: 1),
        ],
        missingET: MissingET(et: 95, phi: 0.9))

    static let hostileText = "<script>alert(\"x\")</script> & 'quotes' ]]> \u{07}\u{0}{count}"

    /// Non-finite, negative and enormous values, all in one event.
    static let hostile = EventDisplay(
        title: hostileText, subtitle: hostileText + String(repeating: " very long", count: 80),
        objects: [
            PhysicsObject(kind: .muon, pt: 1e300, eta: 1e300, phi: 1e300, energy: .nan, charge: Int.min),
            PhysicsObject(kind: .electron, pt: 0, eta: -.greatestFiniteMagnitude, phi: -0.0, energy: 0, charge: 0),
            PhysicsObject(kind: .jet, pt: .greatestFiniteMagnitude, eta: 0, phi: -1e-300, energy: .infinity, charge: 5),
            PhysicsObject(kind: .photon, pt: -5, eta: 0, phi: 0, energy: 1),
            PhysicsObject(kind: .electron, pt: 10, eta: .infinity, phi: 0, energy: 1, charge: 1),
            PhysicsObject(kind: .jet, pt: .nan, eta: 0, phi: 0, energy: 1),
            PhysicsObject(kind: .muon, pt: 10, eta: 0, phi: -.infinity, energy: 1, charge: -1),
        ],
        missingET: MissingET(et: .infinity, phi: 0))

    // MARK: - Whole outputs

    @Test func svgMatchesGolden() {
        Golden.check(EventDisplayRenderer.svg(Self.fourLepton, id: "h4l-event"), against: "event-display-4l.svg")
    }

    @Test func tableMatchesGolden() {
        Golden.check(EventDisplayRenderer.tableHTML(Self.fourLepton, id: "h4l-event"), against: "event-display-4l-table.html")
    }

    @Test func rendersAreDeterministic() {
        for display in [Self.fourLepton, Self.mixed, Self.hostile, EventDisplay(title: "")] {
            #expect(EventDisplayRenderer.svg(display, id: "a") == EventDisplayRenderer.svg(display, id: "a"))
            #expect(EventDisplayRenderer.tableHTML(display, id: "a") == EventDisplayRenderer.tableHTML(display, id: "a"))
        }
    }

    // MARK: - Structure and accessibility

    @Test func isWellFormedAccessibleAndScopedToItsId() throws {
        for display in [Self.fourLepton, Self.mixed, Self.hostile, EventDisplay(title: "")] {
            let svg = EventDisplayRenderer.svg(display, id: "evt")
            let document = XMLDocumentCheck.parse(svg)
            #expect(document.isWellFormed, "\(document.error ?? "")")
            let root = try #require(document.root)
            #expect(root.name == "svg")
            #expect(root.attributes["role"] == "img")
            #expect(root.attributes["viewBox"] == "0 0 960 480")
            #expect(root.attributes["aria-labelledby"] == "evt-title evt-desc")
            #expect(document.ids.allSatisfy { $0.hasPrefix("evt-") }, "\(document.ids)")
            #expect(Set(document.ids).count == document.ids.count)
            #expect(document.elements(named: "clipPath").count == 2)
        }
    }

    @Test func objectsAreGroupedWithIndexAndTooltipInKindThenPtOrder() {
        let svg = EventDisplayRenderer.svg(Self.fourLepton, id: "evt")
        let document = XMLDocumentCheck.parse(svg)
        let objects = document.elements(named: "g").filter { $0.attributes["class"]?.hasPrefix("evd-object") == true }
        // Electrons by falling pT, then muons, in both views; the missing momentum in the transverse view only.
        let order = ["2", "1", "0", "3"]
        #expect(objects.compactMap { $0.attributes["data-object"] } == order + ["met"] + order)
        #expect(objects.first?.attributes["class"] == "evd-object evd-electron")
        #expect(svg.contains("<title>muon μ⁻, pT 45.2 GeV, η 1.23, φ −0.50</title>"))
        #expect(svg.contains("<title>missing transverse momentum 12.3 GeV, φ −2.10</title>"))
        #expect(svg.contains("<title id=\"evt-title\">A Higgs boson candidate decaying to four leptons</title>"))
        #expect(svg.contains(">Transverse view</text>") && svg.contains(">Longitudinal view</text>"))
        #expect(svg.contains(">run 284500, event 1234567 · sample 4lep_data.root, entry 17</text>"))
    }

    @Test func tableRowsFollowTheSameOrder() {
        let html = EventDisplayRenderer.tableHTML(Self.fourLepton, id: "evt")
        let document = XMLDocumentCheck.parse(html)
        #expect(document.isWellFormed, "\(document.error ?? "")")
        #expect(document.root?.attributes["class"] == "evd-table")
        #expect(document.elements(named: "tr").compactMap { $0.attributes["data-object"] } == ["2", "1", "0", "3", "met"])
        #expect(html.contains("<tr class=\"evd-muon\" data-object=\"0\"><th scope=\"row\">muon μ⁻</th><td>45.2</td><td>1.23</td><td>−0.50</td><td>−1</td></tr>"))
        #expect(html.contains("<th scope=\"col\">p<sub>T</sub> [GeV]</th>"))
    }

    @Test func legendListsKindsPresentAndTheMissingMomentum() {
        let svg = EventDisplayRenderer.svg(Self.fourLepton, id: "evt")
        let keys = XMLDocumentCheck.parse(svg).elements(named: "g").compactMap { $0.attributes["class"] }.filter { $0.hasPrefix("evd-key") }
        #expect(keys == ["evd-key evd-electron", "evd-key evd-muon", "evd-key evd-met"])
        let mixedKeys = XMLDocumentCheck.parse(EventDisplayRenderer.svg(Self.mixed, id: "m")).elements(named: "g")
            .compactMap { $0.attributes["class"] }.filter { $0.hasPrefix("evd-key") }
        #expect(mixedKeys == ["evd-key evd-muon", "evd-key evd-photon", "evd-key evd-jet", "evd-key evd-met"])
    }

    @Test func darkModeRepaintsKindsAndNeutralPartsFollowThePage() {
        let svg = EventDisplayRenderer.svg(Self.fourLepton, id: "evt")
        #expect(svg.contains("@media (prefers-color-scheme: dark)"))
        #expect(svg.contains("#evt-evd .evd-muon { color: #FF8F40; }"))
        #expect(svg.contains("<g class=\"evd-object evd-muon\" color=\"#D95F02\" data-object=\"0\">"))
        #expect(!svg.contains("#000"))
    }

    // MARK: - Description

    @Test func descriptionNamesEveryObjectAndTheMissingMomentum() {
        let labels = EventDisplayLabels()
        #expect(EventDisplayModel(Self.fourLepton).description(labels: labels)
            == "4 objects: 2 electrons (e⁺ 52.1 GeV, e⁻ 31.0 GeV), 2 muons (μ⁻ 45.2 GeV, μ⁺ 20.3 GeV); "
            + "missing transverse momentum 12.3 GeV.")
        #expect(EventDisplayModel(Self.mixed).description(labels: labels)
            == "5 objects: 1 muon (μ⁺ 5.0 GeV), 2 photons (γ 65.0 GeV, γ 48.0 GeV), 2 jets (10000.0 GeV, 120.0 GeV); "
            + "missing transverse momentum 95.0 GeV.")
        let single = EventDisplay(title: "j", objects: [PhysicsObject(kind: .jet, pt: 80, eta: 0, phi: 0, energy: 80)])
        #expect(EventDisplayModel(single).description(labels: labels) == "1 object: 1 jet (80.0 GeV).")
        let metOnly = EventDisplay(title: "m", missingET: MissingET(et: 12.34, phi: 1))
        #expect(EventDisplayModel(metOnly).description(labels: labels) == "No reconstructed objects; missing transverse momentum 12.3 GeV.")
    }

    @Test func emptyEventDrawsTheDetectorAndSaysSo() {
        let svg = EventDisplayRenderer.svg(EventDisplay(title: "Empty"), id: "e")
        #expect(svg.contains("<desc id=\"e-desc\">No reconstructed objects.</desc>"))
        #expect(svg.contains("class=\"evd-detector\""))
        #expect(!svg.contains("evd-object") && !svg.contains("evd-legend"))
        let html = EventDisplayRenderer.tableHTML(EventDisplay(title: "Empty"), id: "e")
        #expect(html.contains("<tr><td colspan=\"5\">No reconstructed objects</td></tr>"))
    }

    @Test func translatedLabelsAreUsedEverywhere() {
        var labels = EventDisplayLabels()
        labels.transverseView = "Transversalansicht"
        labels.muon = "Myon"
        labels.muons = "Myonen"
        labels.electrons = "Elektronen"
        labels.objectsSentence = "{count} Objekte: {groups}"
        labels.missingETClause = "fehlender Transversalimpuls {et} GeV"
        labels.charge = "Ladung"
        let svg = EventDisplayRenderer.svg(Self.fourLepton, id: "de", labels: labels)
        #expect(svg.contains(">Transversalansicht</text>"))
        #expect(svg.contains("<desc id=\"de-desc\">4 Objekte: 2 Elektronen (e⁺ 52.1 GeV, e⁻ 31.0 GeV), 2 Myonen (μ⁻ 45.2 GeV, μ⁺ 20.3 GeV); fehlender Transversalimpuls 12.3 GeV.</desc>"))
        #expect(svg.contains("<title>Myon μ⁻, pT 45.2 GeV, η 1.23, φ −0.50</title>"))
        #expect(EventDisplayRenderer.tableHTML(Self.fourLepton, id: "de", labels: labels).contains("<th scope=\"col\">Ladung</th>"))
    }

    @Test func templatesFillOnceAndKeepUnknownPlaceholders() {
        #expect(EventDisplayLabels.fill("{a} {b} {c} {", ["a": "{b}", "b": "2"]) == "{b} 2 {c} {")
    }

    // MARK: - Hostile input

    @Test func hostileValuesAreSkippedOrClampedAndTextIsEscaped() throws {
        let svg = EventDisplayRenderer.svg(Self.hostile, id: "x\" onload=\"alert(1)")
        let document = XMLDocumentCheck.parse(svg)
        #expect(document.isWellFormed, "\(document.error ?? "")")
        #expect(document.root?.attributes["id"] == "x--onload--alert-1--evd")
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        for element in document.elements {
            #expect(!element.attributes.keys.contains { $0.hasPrefix("on") })
            for (name, value) in element.attributes {
                #expect(!value.contains("NaN") && !value.contains("inf"), "\(element.name) \(name)=\(value)")
                guard ["d", "x", "y", "cx", "cy", "r", "width", "height"].contains(name) else { continue }
                for number in Self.numbers(in: value) {
                    #expect(number.isFinite && abs(number) <= 1000, "\(element.name) \(name)=\(value)")
                }
            }
        }
        // Four objects and the missing momentum cannot be drawn; the other three are, in both views.
        #expect(svg.contains("; 5 more with invalid values not shown.</desc>"))
        let objects = document.elements(named: "g").filter { $0.attributes["class"]?.hasPrefix("evd-object") == true }
        #expect(objects.count == 2 * 3)

        let html = EventDisplayRenderer.tableHTML(Self.hostile, id: "")
        let table = XMLDocumentCheck.parse(html)
        #expect(table.isWellFormed, "\(table.error ?? "")")
        #expect(table.root?.attributes["id"] == "plot-table")
        #expect(!html.contains("<script") && !html.contains("NaN") && !html.contains("inf"))
    }

    @Test func numbersNeverShowNegativeZero() {
        let display = EventDisplay(title: "z", objects: [PhysicsObject(kind: .muon, pt: 20, eta: -0.001, phi: -0.004, energy: 20, charge: 1)],
                                   missingET: MissingET(et: 5, phi: -0.0001))
        let output = EventDisplayRenderer.svg(display, id: "z") + EventDisplayRenderer.tableHTML(display, id: "z")
        #expect(!output.contains("−0.00") && !output.contains("-0 ") && !output.contains("\"-0\""))
        #expect(output.contains("η 0.00, φ 0.00"))
    }

    @Test func severalDisplaysCanShareOnePage() {
        let displays = [("one", Self.fourLepton), ("two", Self.mixed), ("three", EventDisplay(title: ""))]
        let page = "<body>" + displays.map { EventDisplayRenderer.svg($1, id: $0) + EventDisplayRenderer.tableHTML($1, id: $0) }.joined() + "</body>"
        let document = XMLDocumentCheck.parse(page)
        #expect(document.isWellFormed, "\(document.error ?? "")")
        #expect(Set(document.ids).count == document.ids.count)
    }

    // MARK: - Geometry

    @Test func chargedTracksBendOppositeWaysAndLessAtHighPt() {
        let drawing = EventDisplaySVG(display: EventDisplay(title: ""), id: "g", labels: EventDisplayLabels())
        func bend(_ pt: Double, _ charge: Int?) -> Double {
            drawing.bendAngle(EventDisplayModel.Entry(index: 0, object: PhysicsObject(kind: .muon, pt: pt, eta: 0, phi: 0, energy: pt, charge: charge)))
        }
        #expect(bend(40, 1) > 0 && bend(40, -1) == -bend(40, 1))
        #expect(bend(400, 1) < bend(40, 1))
        #expect(bend(0, 1) == EventDisplaySVG.Scale.muonBend.max)
        #expect(bend(40, nil) == 0 && bend(40, 0) == 0)
    }

    @Test func longitudinalViewPlacesObjectsAtTheirPolarAngle() {
        let panel = EventDisplayPanel.longitudinal
        #expect(abs(panel.angle(eta: 0, phi: 1) - Double.pi / 2) < 1e-12)
        #expect(abs(panel.angle(eta: 0, phi: -1) + Double.pi / 2) < 1e-12)
        #expect(abs(panel.angle(eta: 1, phi: 0.5) - 2 * atan(exp(-1.0))) < 1e-12)
        #expect(panel.angle(eta: -2, phi: 0.5) > Double.pi / 2)
        #expect(panel.angle(eta: .greatestFiniteMagnitude, phi: 1).isFinite)
    }

    /// The numbers in an attribute value ("M 1 2 L -3.5 4e2" → 1, 2, -3.5, 400).
    static func numbers(in value: String) -> [Double] {
        value.split { !"0123456789.-e".contains($0) }.compactMap { Double($0) }
    }
}
