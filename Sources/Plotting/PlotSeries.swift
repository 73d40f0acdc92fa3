/// One histogram to draw: per-bin sums of weights and of squared weights, plus how to show it.
///
/// Values are taken as given; the renderer copes with anything (NaN, infinities, negative weights,
/// arrays shorter or longer than the number of bins) so a bad analysis result never breaks a site build.
public struct PlotSeries: Sendable, Equatable {
    /// What the series stands for, which decides how it is drawn.
    public enum Role: String, Sendable, Equatable {
        /// Measured events: black points with error bars.
        case data
        /// A hypothesis drawn as a line on top of the background stack.
        case signal
        /// A known process: a filled layer of the stack.
        case background
    }

    /// Legend text; `_x`, `_{xy}`, `^x`, `^{xy}` become sub- and superscripts.
    public var label: String
    /// Decides the drawing: stacked fill, line on top of the stack, or points with error bars.
    public var role: Role
    /// A CSS colour (name, `#hex`, `rgb(…)`); nil, or anything that is not a plain colour, picks the
    /// built-in colour-blind-safe palette entry for the series' position among those of its role.
    public var color: String?
    /// Sum of weights per bin (`edges.count - 1` values).
    public var sumw: [Double]
    /// Sum of squared weights per bin; the error bar is its square root.
    public var sumw2: [Double]

    /// A series; leaving out `sumw2` means unweighted counts, whose variance is the count itself.
    public init(label: String, role: Role, color: String? = nil, sumw: [Double], sumw2: [Double]? = nil) {
        self.label = label
        self.role = role
        self.color = color
        self.sumw = sumw
        self.sumw2 = sumw2 ?? sumw.map { abs($0) }
    }
}
