extension EventDisplaySVG {
    /// Pale tints that read on light and dark pages alike: they are translucent, never opaque.
    enum Tint {
        static let innerDetector = "#4477AA"
        static let electromagnetic = "#228833"
        static let hadronic = "#CC3311"
        static let muon = "#4477AA"
    }

    /// Guide rays of constant pseudorapidity in the longitudinal view.
    static let etaGuides = [0, 1, 2, 3]

    /// The detector of one view, without labels: inner detector with its layers, the two
    /// calorimeters as rings, the muon stations dashed, and the beam (a dot across the page, or the
    /// z axis along it with η guides).
    func detectorElements(_ panel: EventDisplayPanel) -> [String] {
        let edge = " stroke=\"currentColor\" stroke-opacity=\"0.3\" stroke-width=\"0.6\""
        var lines = ["<g class=\"evd-detector\" fill-rule=\"evenodd\">"]
        lines.append("<path class=\"evd-muon-system\" d=\"\(ring(panel, outer: panel.muonOuter, inner: panel.hadronicOuter))\""
            + " fill=\"\(Tint.muon)\" fill-opacity=\"0.05\"/>")
        let stations = panel.muonStations.map { outline(panel, $0) }.joined(separator: " ")
        lines.append("<path class=\"evd-muon-stations\" d=\"\(stations)\" fill=\"none\" stroke=\"currentColor\""
            + " stroke-opacity=\"0.4\" stroke-dasharray=\"5 3\"/>")
        lines.append("<path class=\"evd-hadronic\" d=\"\(ring(panel, outer: panel.hadronicOuter, inner: panel.hadronicInner))\""
            + " fill=\"\(Tint.hadronic)\" fill-opacity=\"0.13\"\(edge)/>")
        lines.append("<path class=\"evd-electromagnetic\" d=\"\(ring(panel, outer: panel.emOuter, inner: panel.emInner))\""
            + " fill=\"\(Tint.electromagnetic)\" fill-opacity=\"0.14\"\(edge)/>")
        lines.append("<path class=\"evd-inner-detector\" d=\"\(outline(panel, panel.innerDetector))\""
            + " fill=\"\(Tint.innerDetector)\" fill-opacity=\"0.1\"\(edge)/>")
        let layers: String
        switch panel.view {
        case .transverse:
            layers = panel.trackerLayers.map { outline(panel, $0) }.joined(separator: " ")
        case .longitudinal:
            // Barrel layers seen from the side: lines parallel to the beam.
            layers = panel.trackerLayers.map { layer in
                let left = n(panel.centerX - layer.halfWidth), right = n(panel.centerX + layer.halfWidth)
                return "M \(left) \(n(panel.centerY - layer.halfHeight)) H \(right) M \(left) \(n(panel.centerY + layer.halfHeight)) H \(right)"
            }.joined(separator: " ")
        }
        lines.append("<path class=\"evd-tracker-layers\" d=\"\(layers)\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\"0.15\" stroke-width=\"0.6\"/>")
        lines += beamElements(panel)
        lines.append("</g>")
        return lines
    }

    /// The beam: a dot where it crosses the transverse plane; in the longitudinal view the z axis
    /// with an arrow and faint rays of η = 0, 1, 2, 3.
    func beamElements(_ panel: EventDisplayPanel) -> [String] {
        let (x, y) = (panel.centerX, panel.centerY)
        switch panel.view {
        case .transverse:
            return ["<circle class=\"evd-beam\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"2\" fill=\"currentColor\" fill-opacity=\"0.7\"/>"]
        case .longitudinal:
            let start = panel.left + 12, end = panel.right - 10
            var lines = ["<g class=\"evd-eta-guides\" font-size=\"\(n(Font.guide))\" fill=\"currentColor\" fill-opacity=\"0.6\">"]
            for eta in Self.etaGuides {
                let angle = EventDisplayPanel.polarAngle(eta: Double(eta))
                let reach = panel.muonOuter.reach(angle)
                let (tipX, tipY) = panel.point(reach, angle)
                lines.append("<path d=\"M \(n(x)) \(n(y)) L \(n(tipX)) \(n(tipY))\" stroke=\"currentColor\" stroke-opacity=\"0.25\""
                    + " stroke-dasharray=\"2 3\"/>")
                let (labelX, labelY) = panel.point(reach + 6, angle)
                let anchor = eta == 0 ? " text-anchor=\"middle\"" : ""
                let baseline = eta == 0 ? labelY - 1 : labelY + Font.guide * 0.35
                lines.append("<text x=\"\(n(labelX))\" y=\"\(n(baseline))\"\(anchor)>η = \(eta)</text>")
            }
            lines.append("</g>")
            lines.append("<path class=\"evd-beam\" d=\"M \(n(start)) \(n(y)) H \(n(end - 8))\" stroke=\"currentColor\" stroke-opacity=\"0.6\"/>")
            lines.append("<path d=\"M \(n(end)) \(n(y)) L \(n(end - 9)) \(n(y - 4)) V \(n(y + 4)) Z\" fill=\"currentColor\" fill-opacity=\"0.6\"/>")
            lines.append("<text x=\"\(n(end))\" y=\"\(n(y + 16))\" font-size=\"\(n(Font.objectLabel))\" font-style=\"italic\""
                + " text-anchor=\"end\" fill=\"currentColor\">z</text>")
            return lines
        }
    }

    /// Path data of a layer boundary: a circle drawn as two arcs, or a rectangle.
    func outline(_ panel: EventDisplayPanel, _ outline: EventDisplayPanel.Outline) -> String {
        let (x, y, w, h) = (panel.centerX, panel.centerY, outline.halfWidth, outline.halfHeight)
        if outline.isRound {
            return "M \(n(x + w)) \(n(y)) A \(n(w)) \(n(w)) 0 1 0 \(n(x - w)) \(n(y)) A \(n(w)) \(n(w)) 0 1 0 \(n(x + w)) \(n(y)) Z"
        }
        return "M \(n(x - w)) \(n(y - h)) H \(n(x + w)) V \(n(y + h)) H \(n(x - w)) Z"
    }

    /// Path data of the area between two boundaries (with `fill-rule="evenodd"`).
    func ring(_ panel: EventDisplayPanel, outer: EventDisplayPanel.Outline, inner: EventDisplayPanel.Outline) -> String {
        outline(panel, outer) + " " + outline(panel, inner)
    }
}
