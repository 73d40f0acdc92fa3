import Curriculum

/// Draws the "map of paths" as SVG at build time: one column per path, its steps top to bottom,
/// included paths as solid arrows to their column, "go deeper" connections as dashed arrows.
struct PathMap {
    let model: SiteModel

    static let columnWidth = 230, gap = 70, margin = 20, boxHeight = 34, rowGap = 10, headerHeight = 52, top = 20

    private struct Box {
        var x: Int, y: Int, width: Int, height: Int
        var centerY: Int { y + height / 2 }
    }

    func svg(from out: String) -> String {
        let paths = model.sortedPaths
        var elements: [String] = []
        var pageBoxes: [String: [String: Box]] = [:]   // path id → page id → box
        var headerBoxes: [String: Box] = [:]
        var includeArrows: [(from: Box, to: String)] = []
        var height = 0
        for (column, path) in paths.enumerated() {
            let x = PathMap.margin + column * (PathMap.columnWidth + PathMap.gap)
            let header = Box(x: x, y: PathMap.top, width: PathMap.columnWidth, height: PathMap.headerHeight)
            headerBoxes[path.id] = header
            elements.append(link(to: path.outputPath, from: out, title: path.title, body:
                rect(header, cssClass: "map-path") + text(path.title, x: x + 10, y: header.y + 22, cssClass: "map-path-title", limit: 30)
                + text(model.time(of: path).map { "\($0)" } ?? "", x: x + 10, y: header.y + 40, cssClass: "map-path-meta", limit: 30)))
            var y = header.y + header.height + 16
            var boxes: [String: Box] = [:]
            var number = 0
            func place(_ steps: [PathStep], indent: Int) {
                for step in steps {
                    switch step {
                    case let .page(id, _, _):
                        guard let page = model.page(id), model.rendered[id] != nil else { continue }
                        number += 1
                        let box = Box(x: x + indent, y: y, width: PathMap.columnWidth - indent, height: PathMap.boxHeight)
                        if boxes[id] == nil { boxes[id] = box }
                        elements.append(link(to: page.outputPath, from: out, title: page.title, body:
                            rect(box, cssClass: "map-step") + text("\(number). \(page.title)", x: box.x + 8, y: box.y + 21,
                                                                   cssClass: "map-step-title", limit: 30 - indent / 7)))
                        y += PathMap.boxHeight + PathMap.rowGap
                    case let .module(title, inner, _):
                        elements.append(text(title, x: x + indent, y: y + 12, cssClass: "map-module", limit: 32))
                        y += 20
                        place(inner, indent: indent + 12)
                    case let .path(id, _):
                        guard let included = model.path(id) else { continue }
                        let box = Box(x: x + indent, y: y, width: PathMap.columnWidth - indent, height: PathMap.boxHeight)
                        elements.append(link(to: included.outputPath, from: out, title: included.title, body:
                            rect(box, cssClass: "map-include") + text("↳ \(included.title)", x: box.x + 8, y: box.y + 21,
                                                                      cssClass: "map-include-title", limit: 30)))
                        includeArrows.append((box, id))
                        y += PathMap.boxHeight + PathMap.rowGap
                    }
                }
            }
            place(path.steps, indent: 0)
            pageBoxes[path.id] = boxes
            height = max(height, y)
        }
        var arrows: [String] = []
        for (box, target) in includeArrows {
            guard let header = headerBoxes[target] else { continue }
            arrows.append(curve(from: box, to: header, cssClass: "map-include-arrow"))
        }
        for path in paths {
            for connection in path.deeper {
                guard let from = pageBoxes[path.id]?[connection.from],
                      let targetPath = paths.first(where: { $0.id != path.id && pageBoxes[$0.id]?[connection.to] != nil }),
                      let to = pageBoxes[targetPath.id]?[connection.to] else { continue }
                arrows.append(curve(from: from, to: to, cssClass: "map-deeper", title: connection.note))
            }
        }
        let width = PathMap.margin * 2 + paths.count * PathMap.columnWidth + max(0, paths.count - 1) * PathMap.gap
        let defs = """
        <defs><marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">\
        <path d="M0,0 L10,5 L0,10 z" class="map-arrowhead"/></marker></defs>
        """
        return """
        <svg class="path-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(width) \(height + PathMap.margin)" \
        width="\(width)" height="\(height + PathMap.margin)" role="img" aria-label="\(HTML.escape(model.ui["map"] ?? "Map of paths"))">
        \(defs)
        \(elements.joined(separator: "\n"))
        \(arrows.joined(separator: "\n"))
        </svg>
        """
    }

    private func rect(_ box: Box, cssClass: String) -> String {
        "<rect class=\"\(cssClass)\" x=\"\(box.x)\" y=\"\(box.y)\" width=\"\(box.width)\" height=\"\(box.height)\" rx=\"6\"/>"
    }

    private func text(_ value: String, x: Int, y: Int, cssClass: String, limit: Int) -> String {
        let shown = value.count > limit ? String(value.prefix(max(1, limit - 1))) + "…" : value
        return "<text class=\"\(cssClass)\" x=\"\(x)\" y=\"\(y)\">\(HTML.escape(shown))</text>"
    }

    private func link(to target: String, from out: String, title: String, body: String) -> String {
        "<a href=\"\(HTML.escape(SitePaths.relative(from: out, to: target)))\"><title>\(HTML.escape(title))</title>\(body)</a>"
    }

    /// A curve between the facing edges of two boxes in different columns.
    private func curve(from a: Box, to b: Box, cssClass: String, title: String? = nil) -> String {
        let rightward = b.x > a.x
        let x1 = rightward ? a.x + a.width : a.x, y1 = a.centerY
        let x2 = rightward ? b.x : b.x + b.width, y2 = b.centerY
        let bend = max(30, abs(x2 - x1) / 3) * (rightward ? 1 : -1)
        let tooltip = title.map { "<title>\(HTML.escape($0))</title>" } ?? ""
        return "<path class=\"\(cssClass)\" d=\"M\(x1),\(y1) C\(x1 + bend),\(y1) \(x2 - bend),\(y2) \(x2),\(y2)\" marker-end=\"url(#map-arrow)\">\(tooltip)</path>"
    }
}
