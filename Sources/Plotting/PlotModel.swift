/// The input made safe, plus what every drawing stage needs: the background stack, the signal
/// lines on top of it, the data points. Built once per plot; the SVG, its description and the table
/// all read from it, so they always agree.
struct PlotModel {
    /// How the series are drawn as a whole.
    enum Layout: Equatable {
        /// No bins or no series: an empty frame.
        case empty
        /// One non-data series, drawn as steps or bars with its error bars.
        case single
        /// Stacked backgrounds, signal lines on top, data points.
        case composite
    }

    struct Series {
        /// Position in the caller's array.
        var index: Int
        var label: RichText
        var role: PlotSeries.Role
        /// Per bin, finite, exactly `binCount` of them.
        var values: [Double]
        /// √sumw2 per bin, finite and never negative.
        var errors: [Double]
        var paint: Palette.Paint
    }

    let edges: [Double]
    let series: [Series]
    let layout: Layout
    let style: PlotSpec.Style
    /// Cumulative background totals, bottom layer first: `stack[i]` is the top of background `i`.
    let stack: [[Double]]
    /// Statistical error of the summed backgrounds per bin.
    let stackErrors: [Double]

    var binCount: Int { max(0, edges.count - 1) }
    var backgrounds: [Series] { series.filter { $0.role == .background } }
    var signals: [Series] { series.filter { $0.role == .signal } }
    var data: [Series] { series.filter { $0.role == .data } }
    /// The summed backgrounds per bin (zeros when there are none).
    var stackTotal: [Double] { stack.last ?? Array(repeating: 0, count: binCount) }

    init(spec: PlotSpec, series input: [PlotSeries]) {
        let edges = Self.sanitizedEdges(spec.edges)
        let bins = max(0, edges.count - 1)
        self.edges = edges
        self.style = spec.style
        let single = input.count == 1 && input.first?.role != .data
        // Palette colours go by position among the series of the same role, so the first background
        // is always the same blue and the first signal the same red, whatever else is plotted.
        var ordinals: [PlotSeries.Role: Int] = [:]
        self.series = input.enumerated().map { index, series in
            let ordinal = ordinals[series.role, default: 0]
            ordinals[series.role] = ordinal + 1
            let paint: Palette.Paint
            switch series.role {
            case .data: paint = Palette.data(series.color)
            case .signal: paint = single && spec.style == .bars ? Palette.fill(series.color, index: ordinal) : Palette.line(series.color, index: ordinal)
            case .background: paint = single && spec.style == .steps ? Palette.line(series.color, index: ordinal) : Palette.fill(series.color, index: ordinal)
            }
            return Series(
                index: index,
                label: RichText(parsing: series.label),
                role: series.role,
                values: Self.fit(series.sumw, bins: bins).map(Self.clampValue),
                errors: Self.fit(series.sumw2, bins: bins).map { Self.clampVariance($0).squareRoot() },
                paint: paint
            )
        }
        if bins == 0 || input.isEmpty {
            layout = .empty
        } else {
            layout = single ? .single : .composite
        }

        var layers: [[Double]] = []
        var variance = Array(repeating: 0.0, count: bins)
        for background in self.series where background.role == .background {
            let below = layers.last ?? Array(repeating: 0, count: bins)
            layers.append(zip(below, background.values).map { Self.clampValue($0 + $1) })
            for bin in 0..<bins { variance[bin] += background.errors[bin] * background.errors[bin] }
        }
        self.stack = layers
        self.stackErrors = variance.map { Self.clampVariance($0).squareRoot() }
    }

    /// The value a signal line is drawn at: on top of the background stack.
    func signalTop(_ signal: Series) -> [Double] {
        zip(stackTotal, signal.values).map { Self.clampValue($0 + $1) }
    }

    /// Lower and upper edge of a bin.
    func binRange(_ bin: Int) -> (Double, Double) { (edges[bin], edges[bin + 1]) }

    // MARK: - Sanitising

    /// Finite edges, clamped to ±1e300 so widths cannot overflow, keeping only strictly ascending ones.
    static func sanitizedEdges(_ edges: [Double]) -> [Double] {
        var out: [Double] = []
        for edge in edges where edge.isFinite {
            let clamped = min(max(edge, -1e300), 1e300)
            if let last = out.last, clamped <= last { continue }
            out.append(clamped)
        }
        return out.count >= 2 ? out : []
    }

    /// Exactly `bins` values: missing ones are zero, extra ones dropped.
    static func fit(_ values: [Double], bins: Int) -> [Double] {
        (0..<bins).map { $0 < values.count ? values[$0] : 0 }
    }

    /// NaN and infinities become zero; magnitudes stop at 1e300 so sums of many series stay finite.
    static func clampValue(_ value: Double) -> Double {
        value.isFinite ? min(max(value, -1e300), 1e300) : 0
    }

    /// A variance that can be square-rooted: finite, not negative.
    static func clampVariance(_ value: Double) -> Double {
        value.isFinite ? min(max(value, 0), 1e300) : 0
    }
}
