/// An event display's content made ready to draw and describe: objects that cannot be placed are
/// dropped (and counted), the rest sorted by kind and then by falling pT, each keeping its position
/// in the input so the SVG, the table and the page can refer to the same object.
struct EventDisplayModel {
    /// One drawable object.
    struct Entry {
        /// Position in `EventDisplay.objects`.
        var index: Int
        var object: PhysicsObject
        var kind: PhysicsObject.Kind { object.kind }

        /// "e⁺", "μ⁻", "γ"; empty for jets, which have no particle symbol.
        var symbol: String {
            let sign = object.charge.map { $0 > 0 ? "⁺" : $0 < 0 ? "⁻" : "" } ?? ""
            switch kind {
            case .electron: return "e" + sign
            case .muon: return "μ" + sign
            case .photon: return "γ"
            case .jet: return ""
            }
        }

        /// +1, −1, or 0 for neutral objects and leptons without a charge: the way the track bends.
        var chargeSign: Double {
            guard kind == .electron || kind == .muon, let charge = object.charge, charge != 0 else { return 0 }
            return charge > 0 ? 1 : -1
        }
    }

    let title: String
    let subtitle: String?
    let entries: [Entry]
    /// The missing transverse momentum when it has a finite, non-negative magnitude and direction.
    let missingET: MissingET?
    /// Objects (and a missing momentum) left out for non-finite or negative values.
    let skipped: Int

    init(_ display: EventDisplay) {
        title = display.title
        subtitle = display.subtitle
        let valid = display.objects.enumerated().compactMap { index, object -> Entry? in
            guard object.pt.isFinite, object.pt >= 0, object.eta.isFinite, object.phi.isFinite else { return nil }
            return Entry(index: index, object: object)
        }
        let order = Dictionary(uniqueKeysWithValues: PhysicsObject.Kind.allCases.enumerated().map { ($1, $0) })
        entries = valid.sorted { a, b in
            let (kindA, kindB) = (order[a.kind] ?? 0, order[b.kind] ?? 0)
            if kindA != kindB { return kindA < kindB }
            if a.object.pt != b.object.pt { return a.object.pt > b.object.pt }
            return a.index < b.index
        }
        var skipped = display.objects.count - valid.count
        if let met = display.missingET, met.et.isFinite, met.et >= 0, met.phi.isFinite {
            missingET = met
        } else {
            missingET = nil
            if display.missingET != nil { skipped += 1 }
        }
        self.skipped = skipped
    }

    /// The kinds present, in drawing order.
    var kinds: [PhysicsObject.Kind] {
        PhysicsObject.Kind.allCases.filter { kind in entries.contains { $0.kind == kind } }
    }

    // MARK: - Text

    /// A number for people: fixed decimals, a real minus sign, never "−0.00".
    static func number(_ value: Double, decimals: Int) -> String {
        let text = NumberText.fixed(value, decimals: decimals)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// "muon μ⁻" or "jet".
    func name(_ entry: Entry, labels: EventDisplayLabels) -> String {
        let name = labels.name(entry.kind)
        return entry.symbol.isEmpty ? name : "\(name) \(entry.symbol)"
    }

    /// The tooltip of one object: "muon μ⁻, pT 45.2 GeV, η 1.23, φ −0.50".
    func title(_ entry: Entry, labels: EventDisplayLabels) -> String {
        EventDisplayLabels.fill(labels.objectTitle, [
            "object": name(entry, labels: labels),
            "pt": Self.number(entry.object.pt, decimals: 1),
            "eta": Self.number(entry.object.eta, decimals: 2),
            "phi": Self.number(entry.object.phi, decimals: 2),
        ])
    }

    /// The tooltip of the missing-momentum arrow.
    func missingETTitle(_ met: MissingET, labels: EventDisplayLabels) -> String {
        EventDisplayLabels.fill(labels.missingETTitle, [
            "name": labels.missingET, "et": Self.number(met.et, decimals: 1), "phi": Self.number(met.phi, decimals: 2),
        ])
    }

    /// One sentence for `<desc>`: "4 objects: 2 electrons (e⁺ 52.1 GeV, e⁻ 31.0 GeV), 2 muons (…);
    /// missing transverse momentum 12.3 GeV."
    func description(labels: EventDisplayLabels) -> String {
        var clauses: [String] = []
        if entries.isEmpty {
            clauses.append(labels.noObjectsSentence)
        } else {
            let groups = kinds.map { kind -> String in
                let members = entries.filter { $0.kind == kind }
                let items = members.map { entry -> String in
                    let momentum = "\(Self.number(entry.object.pt, decimals: 1)) GeV"
                    return entry.symbol.isEmpty ? momentum : "\(entry.symbol) \(momentum)"
                }
                return EventDisplayLabels.fill(labels.groupClause, [
                    "count": "\(members.count)", "kind": labels.name(kind, plural: members.count != 1),
                    "items": items.joined(separator: ", "),
                ])
            }
            let template = entries.count == 1 ? labels.oneObjectSentence : labels.objectsSentence
            clauses.append(EventDisplayLabels.fill(template, ["count": "\(entries.count)", "groups": groups.joined(separator: ", ")]))
        }
        if let met = missingET {
            clauses.append(EventDisplayLabels.fill(labels.missingETClause, ["name": labels.missingET, "et": Self.number(met.et, decimals: 1)]))
        }
        if skipped > 0 {
            clauses.append(EventDisplayLabels.fill(labels.skippedClause, ["count": "\(skipped)"]))
        }
        return clauses.joined(separator: "; ") + "."
    }
}
