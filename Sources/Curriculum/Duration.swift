/// A study time in whole minutes, written by authors as `25 min`, `1 h`, `1 h 30 min`, `90` or `1.5 h`.
public struct Duration: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    /// Parses the forms above; nil when the text is not a duration.
    public init?(parsing text: String) {
        let scalars = text.lowercased().replacingOccurrences(of: " ", with: "")
        if let n = Int(scalars), n >= 0 { self.minutes = n; return }
        var total = 0.0
        var number = ""
        var unit = ""
        var sawAny = false
        func flush() -> Bool {
            guard !number.isEmpty, let value = Double(number), value >= 0 else { return number.isEmpty && unit.isEmpty }
            switch unit {
            case "h", "hr", "hrs", "hour", "hours": total += value * 60
            case "m", "min", "mins", "minute", "minutes": total += value
            default: return false
            }
            sawAny = true
            number = ""; unit = ""
            return true
        }
        for ch in scalars {
            if ch.isNumber || ch == "." {
                if !unit.isEmpty { guard flush() else { return nil } }
                number.append(ch)
            } else if ch.isLetter {
                guard !number.isEmpty else { return nil }
                unit.append(ch)
            } else {
                return nil
            }
        }
        guard flush(), sawAny else { return nil }
        self.minutes = Int(total.rounded())
    }

    /// "25 min", "1 h", "1 h 30 min".
    public var description: String {
        let h = minutes / 60, m = minutes % 60
        switch (h, m) {
        case (0, _): return "\(m) min"
        case (_, 0): return "\(h) h"
        default: return "\(h) h \(m) min"
        }
    }

    public static func < (a: Duration, b: Duration) -> Bool { a.minutes < b.minutes }
}
