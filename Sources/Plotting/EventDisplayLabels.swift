/// Every word an event display shows or says, in English by default, so a translated page can pass
/// its own. Templates fill `{name}` placeholders; unknown placeholders stay as written. Column
/// headings and the legend caption accept the plot label markup (`p_T` for a subscript); everything
/// else is plain text.
public struct EventDisplayLabels: Sendable, Hashable {
    // MARK: - Panels and legend

    public var transverseView = "Transverse view"
    public var longitudinalView = "Longitudinal view"
    /// Drawn after the legend when there is room, and the legend's tooltip in any case: how to read
    /// sizes. Takes the label markup (`p_T`).
    public var legendCaption = "Bar length grows with p_T, jet length with log p_T"

    // MARK: - Kinds

    // Singular names for the legend, tooltips and the table; plural ones for the description.

    public var electron = "electron"
    public var electrons = "electrons"
    public var muon = "muon"
    public var muons = "muons"
    public var photon = "photon"
    public var photons = "photons"
    public var jet = "jet"
    public var jets = "jets"
    public var missingET = "missing transverse momentum"

    // MARK: - Table

    /// `{title}`: the display's title.
    public var tableCaption = "Reconstructed objects: {title}"
    public var object = "Object"
    public var pt = "p_T [GeV]"
    public var eta = "η"
    public var phi = "φ"
    public var charge = "Charge"

    // MARK: - Tooltips and description

    /// Tooltip of one object. `{object}`: kind and symbol ("muon μ⁻"); `{pt}`, `{eta}`, `{phi}`: numbers.
    public var objectTitle = "{object}, pT {pt} GeV, η {eta}, φ {phi}"
    /// Tooltip of the missing-momentum arrow. `{name}`, `{et}`, `{phi}`.
    public var missingETTitle = "{name} {et} GeV, φ {phi}"
    /// Start of the description. `{count}`: number of objects; `{groups}`: the groups, comma-separated.
    public var objectsSentence = "{count} objects: {groups}"
    public var oneObjectSentence = "1 object: {groups}"
    public var noObjectsSentence = "No reconstructed objects"
    /// One kind in the description. `{count}`; `{kind}`: singular or plural name; `{items}`: "e⁺ 52.1 GeV, …".
    public var groupClause = "{count} {kind} ({items})"
    /// `{name}`: `missingET`; `{et}`: magnitude in GeV.
    public var missingETClause = "{name} {et} GeV"
    /// Said when objects had values that cannot be drawn. `{count}`.
    public var skippedClause = "{count} more with invalid values not shown"

    /// English labels; change single fields for another language.
    public init() {}

    /// The singular or plural name of a kind.
    func name(_ kind: PhysicsObject.Kind, plural: Bool = false) -> String {
        switch kind {
        case .electron: return plural ? electrons : electron
        case .muon: return plural ? muons : muon
        case .photon: return plural ? photons : photon
        case .jet: return plural ? jets : jet
        }
    }

    /// `template` with each `{key}` replaced by its value, in one pass, so values are never re-read
    /// as templates.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            rest = rest[open...]
            guard let close = rest.firstIndex(of: "}") else { break }
            let key = String(rest[rest.index(after: open)..<close])
            if let value = values[key] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[rest.index(after: open)...]
            }
        }
        return out + rest
    }
}
