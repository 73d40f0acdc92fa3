/// The functions of the language, with the shapes they take and give.
enum Builtin: String, CaseIterable, Sendable {
    // Element-wise maths, any shape.
    case sqrt, abs, exp, log, log10, sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, floor, ceil, round
    case atan2, hypot, pow
    // Reductions of each event's list: list → one value per event.
    case count, sum, mean, any, all
    /// min/max: of a list with one argument, element-wise with two.
    case min, max
    // Physics helpers.
    case mass, sum_pt, sum_eta, sum_phi, delta_phi, delta_r, mt
    /// where(condition, a, b): a where the condition holds, b elsewhere.
    case `where`

    var arity: ClosedRange<Int> {
        switch self {
        case .atan2, .hypot, .pow, .delta_phi: return 2...2
        case .min, .max: return 1...2
        case .where: return 3...3
        case .mass, .sum_pt, .sum_eta, .sum_phi, .delta_r, .mt: return 4...4
        default: return 1...1
        }
    }

    var usage: String {
        switch self {
        case .mass, .sum_pt, .sum_eta, .sum_phi: return "\(rawValue)(pt, eta, phi, E)"
        case .delta_phi: return "delta_phi(phi1, phi2)"
        case .delta_r: return "delta_r(eta1, phi1, eta2, phi2)"
        case .mt: return "mt(pt1, phi1, pt2, phi2)"
        case .where: return "where(condition, a, b)"
        case .atan2: return "atan2(y, x)"
        case .hypot: return "hypot(a, b)"
        case .pow: return "pow(base, exponent)"
        case .min, .max: return "\(rawValue)(list) or \(rawValue)(a, b)"
        default: return "\(rawValue)(x)"
        }
    }

    /// Functions that turn each event's list into one value.
    var isReduction: Bool { [.count, .sum, .mean, .any, .all].contains(self) }
    /// Functions that combine four-vectors given as lists, one result per event.
    var isVectorSum: Bool { [.mass, .sum_pt, .sum_eta, .sum_phi].contains(self) }
}
