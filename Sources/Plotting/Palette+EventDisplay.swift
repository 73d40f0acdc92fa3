extension Palette {
    /// An event-display object's colour (ColorBrewer "Dark2", told apart with deuteranopia and
    /// protanopia; the yellow darkened to read on white) with a lighter twin for dark pages. The class
    /// names the kind, so one dark-mode rule per kind repaints every track, deposit and legend sample.
    static func eventDisplay(_ kind: PhysicsObject.Kind) -> Paint {
        switch kind {
        case .electron: return Paint(color: "#1B9E77", className: "evd-electron", darkColor: "#4FD1A8")
        case .muon: return Paint(color: "#D95F02", className: "evd-muon", darkColor: "#FF8F40")
        case .photon: return Paint(color: "#B08000", className: "evd-photon", darkColor: "#F0C030")
        case .jet: return Paint(color: "#7570B3", className: "evd-jet", darkColor: "#ABA6EC")
        }
    }

    /// The missing-transverse-momentum arrow: grey, dashed.
    static let missingET = Paint(color: "#666666", className: "evd-met", darkColor: "#B0B0B0")
}
