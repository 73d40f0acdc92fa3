extension EventDisplaySVG {
    /// What a legend row shows: a kind of object, or the missing-momentum arrow.
    enum LegendItem {
        case object(PhysicsObject.Kind)
        case missingET
    }

    static let legendSymbolWidth = 26.0
    static let legendLeft = 16.0
    static let legendRight = 944.0

    /// The legend (kinds present, then the missing momentum), the caption on how sizes read when it
    /// fits beside it, and the event's origin on the line below.
    func footerElements() -> [String] {
        var items = model.kinds.map { LegendItem.object($0) }
        if model.missingET != nil { items.append(.missingET) }
        let names = items.map { item -> String in
            switch item {
            case .object(let kind): return labels.name(kind)
            case .missingET: return labels.missingET
            }
        }

        // Shrink the text until the row fits: translations can be much longer than English.
        var fontSize = Font.legend
        func rowWidth(_ size: Double) -> Double {
            names.reduce(0) { $0 + Self.legendSymbolWidth + 6 + textWidth($1, size: size) + 18 }
        }
        while fontSize > 7, rowWidth(fontSize) > Self.legendRight - Self.legendLeft { fontSize -= 0.5 }

        var lines: [String] = []
        let middle = 452.0
        if !items.isEmpty {
            lines.append("<g class=\"evd-legend\" id=\"\(id)-legend\" font-size=\"\(n(fontSize))\">")
            let caption = RichText(parsing: labels.legendCaption)
            lines.append("<title>\(XMLEscaping.escape(caption.plain))</title>")
            var x = Self.legendLeft
            for (item, name) in zip(items, names) {
                let paint: Palette.Paint
                switch item {
                case .object(let kind): paint = Palette.eventDisplay(kind)
                case .missingET: paint = Palette.missingET
                }
                lines.append("<g\(paintAttributes(paint, classes: "evd-key"))>")
                lines += legendSymbol(item, x: x, y: middle)
                lines.append("</g>")
                lines.append("<text x=\"\(n(x + Self.legendSymbolWidth + 6))\" y=\"\(n(middle + fontSize * 0.35))\""
                    + " fill=\"currentColor\">\(XMLEscaping.escape(name))</text>")
                x += Self.legendSymbolWidth + 6 + textWidth(name, size: fontSize) + 18
            }
            if !caption.plain.trimmingSpaces.isEmpty, x + caption.estimatedWidth(fontSize: Font.subtitle) + 12 <= Self.legendRight {
                lines.append("<text class=\"evd-caption\" x=\"\(n(Self.legendRight))\" y=\"\(n(middle + Font.subtitle * 0.35))\""
                    + " font-size=\"\(n(Font.subtitle))\" text-anchor=\"end\" fill=\"currentColor\" fill-opacity=\"0.7\">"
                    + "\(caption.svg(fontSize: Font.subtitle))</text>")
            }
            lines.append("</g>")
        }
        if let subtitle = model.subtitle?.trimmingSpaces, !XMLEscaping.escape(subtitle).isEmpty {
            let available = Self.legendRight - Self.legendLeft
            let squeeze = textWidth(subtitle, size: Font.subtitle) > available
                ? " textLength=\"\(n(available))\" lengthAdjust=\"spacingAndGlyphs\"" : ""
            lines.append("<text class=\"evd-subtitle\" x=\"\(n(Self.legendLeft))\" y=\"472\" font-size=\"\(n(Font.subtitle))\""
                + " fill=\"currentColor\" fill-opacity=\"0.75\"\(squeeze)>\(XMLEscaping.escape(subtitle))</text>")
        }
        return lines
    }

    /// A small sample of how the item is drawn, `legendSymbolWidth` wide, centred on `y`.
    func legendSymbol(_ item: LegendItem, x: Double, y: Double) -> [String] {
        let end = x + Self.legendSymbolWidth
        let bar = "<rect x=\"\(n(end - 8))\" y=\"\(n(y - 4))\" width=\"8\" height=\"8\" fill=\"currentColor\"/>"
        switch item {
        case .object(.electron):
            return ["<path d=\"M \(n(x)) \(n(y)) H \(n(end - 8))\" stroke=\"currentColor\" stroke-width=\"2\"/>", bar]
        case .object(.photon):
            return ["<path d=\"M \(n(x)) \(n(y)) H \(n(end - 8))\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>", bar]
        case .object(.muon):
            return ["<path d=\"M \(n(x)) \(n(y)) H \(n(end))\" stroke=\"currentColor\" stroke-width=\"2.2\"/>"]
        case .object(.jet):
            return ["<path d=\"M \(n(x)) \(n(y)) L \(n(end)) \(n(y - 6)) V \(n(y + 6)) Z\" fill=\"currentColor\" fill-opacity=\"0.3\""
                + " stroke=\"currentColor\" stroke-linejoin=\"round\"/>"]
        case .missingET:
            return ["<path d=\"M \(n(x)) \(n(y)) H \(n(end - 7))\" stroke=\"currentColor\" stroke-width=\"1.8\" stroke-dasharray=\"5 3\"/>",
                    "<path d=\"M \(n(end)) \(n(y)) L \(n(end - 9)) \(n(y - 4.5)) V \(n(y + 4.5)) Z\" fill=\"currentColor\"/>"]
        }
    }

    /// A rough rendered width of plain text (no markup), for layout.
    func textWidth(_ text: String, size: Double) -> Double {
        RichText(runs: [.init(text: text, position: .normal)]).estimatedWidth(fontSize: size)
    }
}
