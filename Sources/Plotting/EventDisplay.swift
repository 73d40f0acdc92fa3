/// One collision event to draw: the reconstructed objects and the missing transverse momentum, as
/// read from an ntuple entry. Values are taken as given; the renderer skips objects it cannot place
/// (non-finite or negative pT, non-finite η or φ) rather than failing the build.
public struct EventDisplay: Sendable, Hashable {
    /// The display's name: the SVG `<title>` and the table caption ("A Higgs boson candidate").
    public var title: String
    /// Where the event comes from, drawn small under the legend
    /// ("run 284500, event 1234567 · sample 4lep_data.root, entry 17"); nil draws nothing.
    public var subtitle: String?
    /// Leptons, photons and jets, in any order; the renderer sorts them by kind, then by pT.
    public var objects: [PhysicsObject]
    /// The event's missing transverse momentum, drawn as a dashed arrow in the transverse view.
    public var missingET: MissingET?

    /// An event display; with no objects it shows the empty detector.
    public init(title: String, subtitle: String? = nil, objects: [PhysicsObject] = [], missingET: MissingET? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.objects = objects
        self.missingET = missingET
    }
}
