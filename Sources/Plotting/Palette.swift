/// Built-in colours, chosen from Paul Tol's colour-blind-safe schemes: pale fills that keep dark and
/// light outlines and text readable on top, and saturated line colours with lighter twins for dark mode.
enum Palette {
    /// A colour as drawn: either the user's own, or a palette entry with a class that the plot's
    /// `<style>` block can repaint in dark mode (CSS outranks presentation attributes).
    struct Paint: Equatable {
        var color: String
        /// Set for palette colours only; user colours are never overridden.
        var className: String?
        var darkColor: String?
    }

    /// Fills for stacked backgrounds and bars (Tol "light").
    static let fills: [(light: String, dark: String)] = [
        ("#77AADD", "#6A9BD0"), ("#EE8866", "#E07A58"), ("#EEDD88", "#D9C873"),
        ("#FFAABB", "#EE98AA"), ("#99DDFF", "#86C9EB"), ("#44BB99", "#3FAE8E"),
        ("#BBCC33", "#A9BA2E"), ("#AAAA00", "#9C9C1A"), ("#DDDDDD", "#BBBBBB"),
    ]

    /// Lines for signals and single-series outlines (Tol "vibrant"), each with a dark-mode twin.
    static let lines: [(light: String, dark: String)] = [
        ("#CC3311", "#FF7F66"), ("#0077BB", "#55AAEE"), ("#EE3377", "#FF77AA"),
        ("#009988", "#33CCBB"), ("#EE7733", "#FFA060"), ("#33BBEE", "#66DDFF"), ("#777777", "#BBBBBB"),
    ]

    /// Dash patterns that tell signal lines apart without colour.
    static let dashes: [String?] = [nil, "7 3", "2 2", "7 2 2 2"]

    /// The user's colour when it is a safe CSS colour, else the fill palette entry for `index`.
    static func fill(_ custom: String?, index: Int) -> Paint {
        if let color = XMLEscaping.cssColor(custom) { return Paint(color: color) }
        let entry = fills[index % fills.count]
        return Paint(color: entry.light, className: "okp-fill-\(index % fills.count)", darkColor: entry.dark)
    }

    /// The user's colour when it is a safe CSS colour, else the line palette entry for `index`.
    static func line(_ custom: String?, index: Int) -> Paint {
        if let color = XMLEscaping.cssColor(custom) { return Paint(color: color) }
        let entry = lines[index % lines.count]
        return Paint(color: entry.light, className: "okp-line-\(index % lines.count)", darkColor: entry.dark)
    }

    /// Data points: the text colour of the page unless the user asked for something else.
    static func data(_ custom: String?) -> Paint {
        Paint(color: XMLEscaping.cssColor(custom) ?? "currentColor")
    }
}
