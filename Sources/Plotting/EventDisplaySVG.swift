/// Writes one event display: the transverse and longitudinal views side by side, a legend and the
/// event's origin underneath. The detector lives in `+Detector`, the objects in `+Objects`.
struct EventDisplaySVG {
    static let width = 960.0
    static let height = 480.0

    enum Font {
        static let panelTitle = 14.0
        static let objectLabel = 12.0
        static let guide = 10.0
        static let legend = 12.0
        static let subtitle = 11.0
    }

    let model: EventDisplayModel
    let labels: EventDisplayLabels
    /// The sanitised id every element id starts with.
    let id: String
    let panels = [EventDisplayPanel.transverse, EventDisplayPanel.longitudinal]

    init(display: EventDisplay, id: String, labels: EventDisplayLabels) {
        self.model = EventDisplayModel(display)
        self.labels = labels
        self.id = XMLEscaping.identifier(id)
    }

    // MARK: - Document

    /// The whole SVG, one element per line so golden files diff readably.
    func document() -> String {
        var lines: [String] = []
        lines.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)-evd\" class=\"evd\""
            + " width=\"\(Int(Self.width))\" height=\"\(Int(Self.height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\""
            + " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
            + " font-family=\"Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif\""
            + " style=\"width:100%;height:auto\">")
        lines.append("<title id=\"\(id)-title\">\(XMLEscaping.escape(accessibleTitle))</title>")
        lines.append("<desc id=\"\(id)-desc\">\(XMLEscaping.escape(model.description(labels: labels)))</desc>")
        lines += styleBlock()
        lines.append("<defs>")
        for panel in panels {
            lines.append("<clipPath id=\"\(clipID(panel))\"><rect x=\"\(n(panel.left))\" y=\"\(n(panel.top))\""
                + " width=\"\(n(panel.width))\" height=\"\(n(panel.height))\"/></clipPath>")
        }
        lines.append("</defs>")
        for panel in panels {
            lines += panelElements(panel)
        }
        lines.append("<path class=\"evd-separator\" d=\"M 480 44 V 426\" stroke=\"currentColor\" stroke-opacity=\"0.2\"/>")
        lines += footerElements()
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One view: its title, then detector and objects clipped to the panel.
    func panelElements(_ panel: EventDisplayPanel) -> [String] {
        let (name, title) = panel.view == .transverse ? ("transverse", labels.transverseView) : ("longitudinal", labels.longitudinalView)
        var lines = ["<g class=\"evd-panel evd-\(name)\" id=\"\(id)-\(name)\">"]
        lines.append("<text class=\"evd-panel-title\" x=\"\(n(panel.left + 16))\" y=\"22\" font-size=\"\(n(Font.panelTitle))\""
            + " font-weight=\"bold\" fill=\"currentColor\">\(XMLEscaping.escape(title))</text>")
        lines.append("<g clip-path=\"url(#\(clipID(panel)))\">")
        lines += detectorElements(panel)
        lines += model.entries.flatMap { objectElements($0, in: panel) }
        if panel.view == .transverse, let met = model.missingET {
            lines += missingETElements(met, in: panel)
        }
        lines += ["</g>", "</g>"]
        return lines
    }

    /// Dark-mode colours, scoped to this display's id: kind colours are set with the `color`
    /// attribute and drawn as `currentColor`, so one CSS rule repaints a kind. A standalone SVG (not
    /// inline) also switches its own text colour and canvas.
    func styleBlock() -> [String] {
        let paints = PhysicsObject.Kind.allCases.map(Palette.eventDisplay) + [Palette.missingET]
        let rules = paints.compactMap { paint -> String? in
            guard let name = paint.className, let dark = paint.darkColor else { return nil }
            return "#\(id)-evd .\(name) { color: \(dark); }"
        }
        return ["<style>", "@media (prefers-color-scheme: dark) {",
                "svg#\(id)-evd:root { color: #E6E6E6; background: #161616; }"] + rules + ["}", "</style>"]
    }

    /// The display's title, or the first panel's name when it has none, so the image always has a name.
    var accessibleTitle: String {
        let title = model.title.trimmingSpaces
        return XMLEscaping.escape(title).trimmingSpaces.isEmpty ? labels.transverseView : title
    }

    func clipID(_ panel: EventDisplayPanel) -> String {
        "\(id)-clip-\(panel.view == .transverse ? "transverse" : "longitudinal")"
    }

    /// ` color="#1B9E77" class="evd-object evd-electron"`-style attributes for something drawn in `paint`.
    func paintAttributes(_ paint: Palette.Paint, classes: String) -> String {
        let names = [classes, paint.className ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        return " class=\"\(names)\" color=\"\(paint.color)\""
    }

    /// A number for an attribute.
    func n(_ value: Double) -> String { NumberText.coordinate(value) }
}
