/// Tick positions and labels at "nice" numbers: 1, 2 or 5 times a power of ten on linear axes,
/// decades with 2…9 minor ticks on logarithmic ones.
struct AxisTicks: Equatable {
    struct Tick: Equatable {
        var value: Double
        /// Label markup (`10^{3}`); empty for minor ticks.
        var label: String
        var isMajor: Bool
    }

    var ticks: [Tick]

    var major: [Tick] { ticks.filter(\.isMajor) }
    var minor: [Tick] { ticks.filter { !$0.isMajor } }
    var labels: [String] { major.map(\.label) }

    /// At most this many ticks of either kind, whatever the range.
    static let limit = 2_000

    // MARK: - Linear

    /// The nice step for about `target` intervals over `span`, as mantissa (1, 2 or 5) and exponent.
    static func niceStep(span: Double, target: Int) -> (mantissa: Int, exponent: Int) {
        let raw = span / Double(max(1, target))
        guard raw.isFinite, raw > 0 else { return (1, 0) }
        var exponent = NumberText.decimalExponent(raw)
        let fraction = raw / NumberText.power10(exponent)
        let mantissa: Int
        switch fraction {
        case ...1.000001: mantissa = 1
        case ...2.000001: mantissa = 2
        case ...5.000001: mantissa = 5
        default:
            mantissa = 1
            exponent += 1
        }
        return (mantissa, exponent)
    }

    /// Ticks over `lower...upper` (a usable range: finite, `upper > lower`), aiming at `target` labels.
    static func linear(lower: Double, upper: Double, target: Int) -> AxisTicks {
        guard lower.isFinite, upper.isFinite, upper > lower else { return AxisTicks(ticks: []) }
        let step = niceStep(span: upper - lower, target: target)
        let stepValue = Double(step.mantissa) * NumberText.power10(step.exponent)
        // Multiples k·m·10^e computed as one product or quotient, so 3 × 0.1 comes out as 0.3.
        func value(_ multiple: Int, _ exponent: Int) -> Double {
            exponent >= 0
                ? Double(multiple) * NumberText.power10(exponent)
                : Double(multiple) / NumberText.power10(-exponent)
        }
        let first = (lower / stepValue - 1e-9).rounded(.up), last = (upper / stepValue + 1e-9).rounded(.down)
        guard first.isFinite, last.isFinite, abs(first) < 1e12, abs(last) < 1e12, last - first < Double(limit) else {
            return AxisTicks(ticks: [])
        }
        let majors = (Int(first)...max(Int(first), Int(last))).map { value($0 * step.mantissa, step.exponent) }
            .filter { $0 >= lower - stepValue * 1e-9 && $0 <= upper + stepValue * 1e-9 }
        let labels = linearLabels(majors, step: step)
        var ticks = zip(majors, labels).map { Tick(value: $0, label: $1, isMajor: true) }

        // Minor ticks: fifths of a 1 or 5 step, quarters of a 2 step.
        let divisions = step.mantissa == 2 ? 4 : 5
        let minorUnit = step.mantissa == 2 ? (5, step.exponent - 1) : (step.mantissa == 5 ? (1, step.exponent) : (2, step.exponent - 1))
        let minorStep = stepValue / Double(divisions)
        let minorFirst = (lower / minorStep - 1e-9).rounded(.up), minorLast = (upper / minorStep + 1e-9).rounded(.down)
        if minorLast - minorFirst < Double(limit), abs(minorFirst) < 1e12, abs(minorLast) < 1e12 {
            for multiple in Int(minorFirst)...max(Int(minorFirst), Int(minorLast)) where multiple % divisions != 0 {
                let tickValue = value(multiple * minorUnit.0, minorUnit.1)
                if tickValue >= lower, tickValue <= upper { ticks.append(Tick(value: tickValue, label: "", isMajor: false)) }
            }
        }
        return AxisTicks(ticks: ticks.sorted { $0.value < $1.value })
    }

    /// Labels with as many decimals as the step needs ("0.5", "1.0"), or a shared power of ten
    /// ("2×10^{6}") when the numbers would be long.
    static func linearLabels(_ values: [Double], step: (mantissa: Int, exponent: Int)) -> [String] {
        let largest = values.map { abs($0) }.max() ?? 0
        if largest >= 1e6 || (step.exponent < -4 && largest > 0) {
            let power = NumberText.decimalExponent(largest)
            let decimals = max(0, min(12, power - step.exponent))
            let scale = NumberText.power10(power)
            return values.map { value in
                value == 0 ? "0" : minus(NumberText.fixed(value / scale, decimals: decimals)) + "×10^{\(minus(String(power)))}"
            }
        }
        return values.map { minus(NumberText.fixed($0, decimals: max(0, -step.exponent))) }
    }

    // MARK: - Logarithmic

    /// Decades over `lower...upper` (both positive), at most about `target` of them labelled; 2…9
    /// minor ticks while there are few decades. A range inside one decade labels its 2 and 5 ticks.
    static func logarithmic(lower: Double, upper: Double, target: Int) -> AxisTicks {
        guard lower.isFinite, upper.isFinite, lower > 0, upper > lower else { return AxisTicks(ticks: []) }
        let firstDecade = NumberText.decimalExponent(lower), lastDecade = NumberText.decimalExponent(upper) + 1
        guard lastDecade - firstDecade < 700 else { return AxisTicks(ticks: []) }
        let decades = lastDecade - firstDecade
        let every = max(1, (decades + max(1, target) - 1) / max(1, target))
        let inside = { (value: Double) in value >= lower * (1 - 1e-9) && value <= upper * (1 + 1e-9) }
        var ticks: [Tick] = []
        var majorCount = 0
        for decade in firstDecade...lastDecade {
            let value = NumberText.power10(decade)
            guard inside(value) else { continue }
            let labelled = (decade - firstDecade) % every == 0
            if labelled { majorCount += 1 }
            ticks.append(Tick(value: value, label: labelled ? decadeLabel(decade) : "", isMajor: labelled))
        }
        if decades <= 12 {
            for decade in firstDecade...lastDecade {
                for multiple in 2...9 {
                    let value = Double(multiple) * NumberText.power10(decade)
                    guard inside(value) else { continue }
                    let labelled = majorCount < 2 && (multiple == 2 || multiple == 5)
                    ticks.append(Tick(value: value, label: labelled ? minus(NumberText.compact(value)) : "", isMajor: labelled))
                }
            }
        }
        return AxisTicks(ticks: ticks.sorted { $0.value < $1.value })
    }

    /// "1", "10", then "10^{n}".
    static func decadeLabel(_ decade: Int) -> String {
        switch decade {
        case 0: return "1"
        case 1: return "10"
        default: return "10^{\(minus(String(decade)))}"
        }
    }

    /// A leading hyphen replaced by the typographic minus sign.
    static func minus(_ text: String) -> String {
        text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
