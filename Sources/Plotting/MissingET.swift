/// The missing transverse momentum: the momentum imbalance in the transverse plane that neutrinos
/// (or anything else the detector cannot see) leave behind. It has no longitudinal component.
public struct MissingET: Sendable, Hashable {
    /// Magnitude in GeV.
    public var et: Double
    /// Azimuthal direction in radians.
    public var phi: Double

    /// The missing transverse momentum from its magnitude and direction.
    public init(et: Double, phi: Double) {
        self.et = et
        self.phi = phi
    }
}
