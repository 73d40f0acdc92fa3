import Foundation

/// Maps data values onto pixels along one axis, linearly or logarithmically.
struct AxisScale {
    var lower: Double
    var upper: Double
    var isLog: Bool
    /// Pixel of `lower` and of `upper` (for a vertical axis `start` is the bottom, so larger).
    var start: Double
    var end: Double

    /// The pixel of `value`. Values off the axis (and non-positive ones on a log axis) land at most
    /// one axis length outside it, so paths stay small and the clip path hides them.
    func position(_ value: Double) -> Double {
        let fraction: Double
        if isLog {
            guard value > 0 else { return start - (end - start) }
            fraction = (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        } else {
            fraction = (value - lower) / (upper - lower)
        }
        guard fraction.isFinite else { return start }
        return start + (end - start) * min(max(fraction, -1), 2)
    }

    /// Whether `value` lies on the axis (with a little tolerance for rounding).
    func contains(_ value: Double) -> Bool {
        let tolerance = isLog ? 1e-9 * upper : 1e-9 * (upper - lower)
        return value >= lower - tolerance && value <= upper + tolerance && (!isLog || value > 0)
    }
}
