import Foundation

extension EventDisplaySVG {
    /// How object sizes follow the numbers. Tracks bend far more than in the real 2 T solenoid
    /// (about 0.3/pT rad at the tracker's edge), or no track below a TeV would look curved.
    enum Scale {
        /// A track turns by `k / pT` radians (pT in GeV) over its length, at most `max`.
        static let electronBend = (k: 6.0, max: 0.35)
        static let muonBend = (k: 6.0, max: 0.5)
        /// The pT (GeV) at which a calorimeter bar fills the ring's depth; smaller bars are
        /// proportional, down to a visible minimum fraction.
        static let depositFullPt = 100.0
        static let depositMinimum = 0.12
        /// Half the width of a calorimeter bar, in SVG units.
        static let depositHalfWidth = 4.5
        /// Half the opening of a jet cone, in radians of φ (transverse) or units of η (longitudinal).
        static let jetHalfOpening = 0.2
        /// A jet reaches `log10(pT / 10 GeV) / 2` of the way through the hadronic calorimeter (within these bounds).
        static let jetDepth = (min: 0.1, max: 1.4)
        /// The missing-momentum arrow is `25 + 60 log10(1 + ET / 10 GeV)` units long, at most `max`.
        static let missingETMax = 178.0
    }

    /// One object in one view, in its kind's colour, with a tooltip.
    func objectElements(_ entry: EventDisplayModel.Entry, in panel: EventDisplayPanel) -> [String] {
        let object = entry.object
        var lines = ["<g\(paintAttributes(Palette.eventDisplay(entry.kind), classes: "evd-object")) data-object=\"\(entry.index)\">"]
        lines.append("<title>\(XMLEscaping.escape(model.title(entry, labels: labels)))</title>")
        let angle = panel.angle(eta: object.eta, phi: object.phi)
        switch entry.kind {
        case .electron, .photon, .muon:
            let bend = panel.view == .transverse ? bendAngle(entry) : 0
            let endAngle = angle - bend
            let target = entry.kind == .muon ? panel.muonOuter : panel.emInner
            let length = target.reach(endAngle)
            let track = Track(angle: angle, length: length, endAngle: endAngle)
            let style: String
            switch entry.kind {
            case .photon: style = " stroke-width=\"1.3\" stroke-opacity=\"0.8\" stroke-dasharray=\"4 3\""
            case .muon: style = " stroke-width=\"2.2\""
            default: style = " stroke-width=\"1.8\""
            }
            lines.append("<path d=\"\(trackPath(track, in: panel))\" fill=\"none\" stroke=\"currentColor\"\(style)/>")
            var labelDistance = length
            if entry.kind == .muon {
                lines += muonHits(track, in: panel)
            } else {
                let (path, outer) = deposit(pt: object.pt, angle: endAngle, in: panel)
                lines.append("<path d=\"\(path)\" fill=\"currentColor\"/>")
                labelDistance = outer
            }
            lines.append(label(entry.symbol, at: panel.point(labelDistance + 10, endAngle), in: panel))
        case .jet:
            lines.append("<path d=\"\(cone(object, angle: angle, in: panel))\" fill=\"currentColor\" fill-opacity=\"0.28\""
                + " stroke=\"currentColor\" stroke-linejoin=\"round\"/>")
        }
        lines.append("</g>")
        return lines
    }

    /// The missing transverse momentum: a dashed arrow from the collision point along its φ, without
    /// a text label (the legend names it, the tooltip gives its value) so it never covers a lepton's.
    func missingETElements(_ met: MissingET, in panel: EventDisplayPanel) -> [String] {
        let angle = remainder(met.phi, 2 * Double.pi)
        let length = min(max(25 + 60 * log10(1 + met.et / 10), 20), Scale.missingETMax)
        let (x, y) = (panel.centerX, panel.centerY)
        let shaft = panel.point(length - 8, angle), tip = panel.point(length, angle), base = panel.point(length - 10, angle)
        let (px, py) = (4.5 * sin(angle), 4.5 * cos(angle))
        return [
            "<g\(paintAttributes(Palette.missingET, classes: "evd-object")) data-object=\"met\">",
            "<title>\(XMLEscaping.escape(model.missingETTitle(met, labels: labels)))</title>",
            "<path d=\"M \(n(x)) \(n(y)) L \(n(shaft.x)) \(n(shaft.y))\" stroke=\"currentColor\" stroke-width=\"1.8\" stroke-dasharray=\"5 3\"/>",
            "<path d=\"M \(n(tip.x)) \(n(tip.y)) L \(n(base.x + px)) \(n(base.y + py)) L \(n(base.x - px)) \(n(base.y - py)) Z\" fill=\"currentColor\"/>",
            "</g>",
        ]
    }

    // MARK: - Tracks

    /// A track from the collision point, leaving at `angle` and ending `length` away at `endAngle`:
    /// a quadratic Bézier whose control point lies on the starting direction, so the curve leaves
    /// the vertex along the object's momentum and bends steadily. Coordinates relative to the
    /// centre, y up.
    struct Track {
        var angle: Double
        var length: Double
        var endAngle: Double

        var control: (x: Double, y: Double) { (length / 2 * cos(angle), length / 2 * sin(angle)) }
        var end: (x: Double, y: Double) { (length * cos(endAngle), length * sin(endAngle)) }

        func point(_ t: Double) -> (x: Double, y: Double) {
            let (c, e) = (control, end)
            return (2 * t * (1 - t) * c.x + t * t * e.x, 2 * t * (1 - t) * c.y + t * t * e.y)
        }

        /// The direction of travel at `t`, in radians.
        func direction(_ t: Double) -> Double {
            let (c, e) = (control, end)
            return atan2(2 * (1 - 2 * t) * c.y + 2 * t * e.y, 2 * (1 - 2 * t) * c.x + 2 * t * e.x)
        }
    }

    /// How far a charged track turns: clockwise for positive charge (as in ATLAS's field along +z),
    /// more for lower pT, never more than the kind's maximum.
    func bendAngle(_ entry: EventDisplayModel.Entry) -> Double {
        let scale = entry.kind == .muon ? Scale.muonBend : Scale.electronBend
        let magnitude = entry.object.pt > 0 ? min(scale.k / entry.object.pt, scale.max) : scale.max
        return entry.chargeSign * magnitude
    }

    func trackPath(_ track: Track, in panel: EventDisplayPanel) -> String {
        let (x, y) = (panel.centerX, panel.centerY)
        let end = "\(n(x + track.end.x)) \(n(y - track.end.y))"
        if track.angle == track.endAngle { return "M \(n(x)) \(n(y)) L \(end)" }
        return "M \(n(x)) \(n(y)) Q \(n(x + track.control.x)) \(n(y - track.control.y)) \(end)"
    }

    /// Short bars across a muon track where it crosses each muon station.
    func muonHits(_ track: Track, in panel: EventDisplayPanel) -> [String] {
        var data: [String] = []
        for (number, station) in panel.muonStations.enumerated() {
            var t = 1.0
            if number < panel.muonStations.count - 1 {
                // The track starts inside the station's outline and ends outside: bisect the crossing.
                var (inside, outside) = (0.0, 1.0)
                for _ in 0..<40 {
                    let middle = (inside + outside) / 2
                    let p = track.point(middle)
                    if station.contains(x: p.x, y: p.y) { inside = middle } else { outside = middle }
                }
                t = outside
            }
            let p = track.point(t), across = track.direction(t) + Double.pi / 2
            let (dx, dy) = (4 * cos(across), 4 * sin(across))
            let (x, y) = (panel.centerX + p.x, panel.centerY - p.y)
            data.append("M \(n(x - dx)) \(n(y + dy)) L \(n(x + dx)) \(n(y - dy))")
        }
        return ["<path class=\"evd-hits\" d=\"\(data.joined(separator: " "))\" stroke=\"currentColor\" stroke-width=\"2.5\"/>"]
    }

    // MARK: - Calorimeter deposits and jets

    /// A bar in the electromagnetic calorimeter along `angle`, as deep as pT says (full depth at
    /// `Scale.depositFullPt`); returns the path and how far from the centre the bar ends.
    func deposit(pt: Double, angle: Double, in panel: EventDisplayPanel) -> (String, Double) {
        let inner = panel.emInner.reach(angle), outer = panel.emOuter.reach(angle)
        let fraction = min(max(pt / Scale.depositFullPt, Scale.depositMinimum), 1)
        let end = inner + (outer - inner) * fraction
        let half = Scale.depositHalfWidth / inner
        let corners = [panel.point(inner, angle - half), panel.point(end, angle - half),
                       panel.point(end, angle + half), panel.point(inner, angle + half)]
        return ("M " + corners.map { "\(n($0.x)) \(n($0.y))" }.joined(separator: " L ") + " Z", end)
    }

    /// A jet's cone from the collision point, reaching into the hadronic calorimeter by log pT,
    /// closed by an arc.
    func cone(_ object: PhysicsObject, angle: Double, in panel: EventDisplayPanel) -> String {
        let inner = panel.hadronicInner.reach(angle), outer = panel.hadronicOuter.reach(angle)
        let depth = min(max(log10(max(object.pt, 1) / 10) / 2, Scale.jetDepth.min), Scale.jetDepth.max)
        let length = inner + (outer - inner) * depth
        let edges = panel.coneEdges(eta: object.eta, phi: object.phi, half: Scale.jetHalfOpening)
        let (low, high) = (min(edges.0, edges.1), max(edges.0, edges.1))
        let first = panel.point(length, low), second = panel.point(length, high)
        return "M \(n(panel.centerX)) \(n(panel.centerY)) L \(n(first.x)) \(n(first.y))"
            + " A \(n(length)) \(n(length)) 0 0 0 \(n(second.x)) \(n(second.y)) Z"
    }

    // MARK: - Labels

    /// An object's symbol next to its end, kept inside the panel.
    func label(_ symbol: String, at point: (x: Double, y: Double), in panel: EventDisplayPanel) -> String {
        guard !symbol.isEmpty else { return "" }
        let (x, y) = clamped(point, in: panel)
        return "<text x=\"\(n(x))\" y=\"\(n(y + Font.objectLabel * 0.35))\" font-size=\"\(n(Font.objectLabel))\""
            + " text-anchor=\"middle\" fill=\"currentColor\">\(XMLEscaping.escape(symbol))</text>"
    }

    func clamped(_ point: (x: Double, y: Double), in panel: EventDisplayPanel) -> (Double, Double) {
        (min(max(point.x, panel.left + 10), panel.right - 10), min(max(point.y, panel.top + 10), panel.bottom - 6))
    }
}
