/// A reconstructed particle or jet with the kinematics every ATLAS Open Data ntuple stores.
public struct PhysicsObject: Sendable, Hashable {
    /// What the detector saw, which decides how the object is drawn.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A track ending in an electromagnetic-calorimeter deposit.
        case electron
        /// A track crossing the whole detector.
        case muon
        /// A deposit in the electromagnetic calorimeter with no track.
        case photon
        /// A cone of particles reaching into the hadronic calorimeter.
        case jet
    }

    /// Decides the drawing and the colour.
    public var kind: Kind
    /// Transverse momentum in GeV.
    public var pt: Double
    /// Pseudorapidity: 0 perpendicular to the beam, ±2.5 near the end of the tracker.
    public var eta: Double
    /// Azimuthal angle in radians around the beam, measured from the x axis.
    public var phi: Double
    /// Energy in GeV; not drawn (calorimeter bars are sized by pT, like the rest of the display).
    public var energy: Double
    /// Electric charge in units of e for leptons; nil for photons and jets.
    public var charge: Int?

    /// An object as stored in the ntuple; `charge` stays nil for neutral objects.
    public init(kind: Kind, pt: Double, eta: Double, phi: Double, energy: Double, charge: Int? = nil) {
        self.kind = kind
        self.pt = pt
        self.eta = eta
        self.phi = phi
        self.energy = energy
        self.charge = charge
    }
}
