/// Collision event displays as static SVG, drawn at build time: the transverse view (beam into the
/// page) and the longitudinal view (beam horizontal) of a schematic ATLAS-like detector, side by
/// side, with the event's electrons, muons, photons, jets and missing transverse momentum.
///
/// Electrons are tracks ending in a bar in the electromagnetic calorimeter, photons dashed lines to
/// such a bar, muons tracks crossing everything with hits in the muon stations, jets translucent
/// cones into the hadronic calorimeter; charged tracks curve by charge and 1/pT in the transverse
/// view. The missing momentum, which has no longitudinal part, is an arrow in the transverse view.
public enum EventDisplayRenderer {
    /// Deterministic SVG (same input → same bytes), 960 × 480 units and as wide as its container.
    /// Every element id starts with the sanitised `id`, so several displays can share a page; neutral
    /// lines and text use `currentColor`, and object colours switch under `prefers-color-scheme: dark`.
    /// Objects with non-finite or negative pT, or non-finite η or φ, are left out and counted in the
    /// description; each drawn object is a `<g class="evd-object evd-<kind>" data-object="<index>">`.
    public static func svg(_ display: EventDisplay, id: String, labels: EventDisplayLabels = EventDisplayLabels()) -> String {
        EventDisplaySVG(display: display, id: id, labels: labels).document()
    }

    /// The objects as an accessible `<table class="evd-table">`, in the SVG's order (kind, then
    /// falling pT), each row with the same `data-object` index, and the missing momentum last.
    /// All text is escaped.
    public static func tableHTML(_ display: EventDisplay, id: String, labels: EventDisplayLabels = EventDisplayLabels()) -> String {
        EventDisplayTable(model: EventDisplayModel(display), labels: labels, id: id).html()
    }
}
