/// The event display's objects as an HTML table: the numbers behind the picture, for screen readers
/// and for students who want to compute with them.
struct EventDisplayTable {
    let model: EventDisplayModel
    let labels: EventDisplayLabels
    let id: String

    func html() -> String {
        let columns = [labels.object, labels.pt, labels.eta, labels.phi, labels.charge]
        let caption = EventDisplayLabels.fill(labels.tableCaption, ["title": model.title.trimmingSpaces])
        var lines = ["<table class=\"evd-table\" id=\"\(XMLEscaping.identifier(id))-table\">",
                     "<caption>\(XMLEscaping.escape(caption))</caption>", "<thead>",
                     "<tr>" + columns.map { "<th scope=\"col\">\(RichText(parsing: $0).html)</th>" }.joined() + "</tr>",
                     "</thead>", "<tbody>"]
        if model.entries.isEmpty {
            lines.append("<tr><td colspan=\"\(columns.count)\">\(XMLEscaping.escape(labels.noObjectsSentence))</td></tr>")
        }
        for entry in model.entries {
            let charge = entry.object.charge.map { $0 > 0 ? "+\($0)" : $0 < 0 ? "−\($0.magnitude)" : "0" } ?? "—"
            lines.append(row(kind: entry.kind.rawValue, index: "\(entry.index)", name: model.name(entry, labels: labels), cells: [
                EventDisplayModel.number(entry.object.pt, decimals: 1),
                EventDisplayModel.number(entry.object.eta, decimals: 2),
                EventDisplayModel.number(entry.object.phi, decimals: 2),
                charge,
            ]))
        }
        if let met = model.missingET {
            lines.append(row(kind: "met", index: "met", name: labels.missingET, cells: [
                EventDisplayModel.number(met.et, decimals: 1), "—", EventDisplayModel.number(met.phi, decimals: 2), "—",
            ]))
        }
        lines += ["</tbody>", "</table>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(kind: String, index: String, name: String, cells: [String]) -> String {
        "<tr class=\"evd-\(kind)\" data-object=\"\(index)\"><th scope=\"row\">\(XMLEscaping.escape(name))</th>"
            + cells.map { "<td>\(XMLEscaping.escape($0))</td>" }.joined() + "</tr>"
    }
}
