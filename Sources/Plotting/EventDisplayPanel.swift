import Foundation

/// The geometry of one view of the detector: its place in the SVG and the outline of each layer.
/// Objects are placed by the angle of their direction in the view's plane and by how far a ray from
/// the collision point at that angle reaches each layer, so one drawing routine serves both views:
/// circles in the transverse view, rectangles in the longitudinal one.
///
/// Sizes are schematic, in SVG units, not to scale: the real muon spectrometer is ten times the
/// inner detector's radius, which would leave the tracker a dot.
struct EventDisplayPanel {
    enum View { case transverse, longitudinal }

    /// A layer boundary centred on the collision point: a circle, or a rectangle with the beam
    /// axis horizontal.
    struct Outline {
        var halfWidth: Double
        var halfHeight: Double
        var isRound: Bool

        /// How far a ray at `angle` (radians, counter-clockwise from the right) runs before crossing.
        func reach(_ angle: Double) -> Double {
            if isRound { return halfWidth }
            let horizontal = abs(cos(angle)), vertical = abs(sin(angle))
            let toSide = horizontal > 1e-9 ? halfWidth / horizontal : .infinity
            let toTop = vertical > 1e-9 ? halfHeight / vertical : .infinity
            return min(toSide, toTop)
        }

        /// Whether a point (relative to the centre, y up) lies inside.
        func contains(x: Double, y: Double) -> Bool {
            isRound ? x * x + y * y <= halfWidth * halfWidth : abs(x) <= halfWidth && abs(y) <= halfHeight
        }
    }

    let view: View
    /// The panel's area in the SVG: objects are clipped to it.
    let left: Double, top: Double, width: Double, height: Double
    /// The collision point.
    let centerX: Double, centerY: Double
    let innerDetector: Outline
    /// Faint lines inside the inner detector for its silicon and straw layers.
    let trackerLayers: [Outline]
    let emInner: Outline, emOuter: Outline
    let hadronicInner: Outline, hadronicOuter: Outline
    /// The three muon stations, innermost first; the last is the detector's edge.
    let muonStations: [Outline]
    var muonOuter: Outline { muonStations.last ?? hadronicOuter }

    /// Radii shared by both views (the longitudinal view's half-heights).
    private static let radii = (inner: 55.0, tracker: [14.0, 27.0, 42.0], em: (58.0, 85.0), hadronic: (88.0, 130.0),
                                muon: [150.0, 167.0, 185.0])
    /// Half-lengths along the beam in the longitudinal view, in the same order.
    private static let lengths = (inner: 95.0, tracker: 75.0, em: (98.0, 125.0), hadronic: (128.0, 160.0),
                                  muon: [172.0, 184.0, 196.0])

    static let transverse: EventDisplayPanel = {
        func circle(_ r: Double) -> Outline { Outline(halfWidth: r, halfHeight: r, isRound: true) }
        return EventDisplayPanel(
            view: .transverse, left: 0, top: 30, width: 480, height: 410, centerX: 240, centerY: 236,
            innerDetector: circle(radii.inner), trackerLayers: radii.tracker.map(circle),
            emInner: circle(radii.em.0), emOuter: circle(radii.em.1),
            hadronicInner: circle(radii.hadronic.0), hadronicOuter: circle(radii.hadronic.1),
            muonStations: radii.muon.map(circle))
    }()

    static let longitudinal: EventDisplayPanel = {
        func box(_ z: Double, _ r: Double) -> Outline { Outline(halfWidth: z, halfHeight: r, isRound: false) }
        return EventDisplayPanel(
            view: .longitudinal, left: 480, top: 30, width: 480, height: 410, centerX: 712, centerY: 236,
            innerDetector: box(lengths.inner, radii.inner), trackerLayers: radii.tracker.map { box(lengths.tracker, $0) },
            emInner: box(lengths.em.0, radii.em.0), emOuter: box(lengths.em.1, radii.em.1),
            hadronicInner: box(lengths.hadronic.0, radii.hadronic.0), hadronicOuter: box(lengths.hadronic.1, radii.hadronic.1),
            muonStations: zip(lengths.muon, radii.muon).map { box($0, $1) })
    }()

    var right: Double { left + width }
    var bottom: Double { top + height }

    /// The SVG position `distance` from the collision point at `angle` (y grows downwards in SVG).
    func point(_ distance: Double, _ angle: Double) -> (x: Double, y: Double) {
        (centerX + distance * cos(angle), centerY - distance * sin(angle))
    }

    // MARK: - Directions

    /// Pseudorapidity limited to where the geometry still means something (θ ≈ 0.005 rad at 6).
    static func clampedEta(_ eta: Double) -> Double { min(max(eta, -6), 6) }

    /// The polar angle θ = 2·atan(e^−η).
    static func polarAngle(eta: Double) -> Double { 2 * atan(exp(-clampedEta(eta))) }

    /// The direction of an object in this view's plane: φ in the transverse view; in the
    /// longitudinal view θ from the beam axis, above the axis when the object's y component
    /// (sin φ) is positive and below it otherwise.
    func angle(eta: Double, phi: Double) -> Double {
        switch view {
        case .transverse:
            return remainder(phi, 2 * Double.pi)
        case .longitudinal:
            let theta = Self.polarAngle(eta: eta)
            let side = sin(phi) < 0 ? -1.0 : 1.0
            return atan2(side * sin(theta), cos(theta))
        }
    }

    /// The two edge directions of a jet cone with half-opening `half` in φ (transverse) or in η
    /// (longitudinal).
    func coneEdges(eta: Double, phi: Double, half: Double) -> (Double, Double) {
        switch view {
        case .transverse:
            let centre = angle(eta: eta, phi: phi)
            return (centre - half, centre + half)
        case .longitudinal:
            let clamped = Self.clampedEta(eta)
            return (angle(eta: clamped - half, phi: phi), angle(eta: clamped + half, phi: phi))
        }
    }
}
