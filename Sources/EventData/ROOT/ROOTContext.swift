import Diagnostics

/// Where in a ROOT file an operation happens: turns format errors into located `DataError`s.
struct ROOTContext: Sendable {
    var displayPath: String
    var tree: String?
    var branch: String?

    init(displayPath: String, tree: String? = nil, branch: String? = nil) {
        self.displayPath = displayPath
        self.tree = tree
        self.branch = branch
    }

    func with(tree: String? = nil, branch: String? = nil) -> ROOTContext {
        ROOTContext(displayPath: displayPath, tree: tree ?? self.tree, branch: branch ?? self.branch)
    }

    /// "in tree 'mini', branch 'lep_pt'", or "" when neither is known.
    var place: String {
        var parts: [String] = []
        if let tree { parts.append("tree '\(tree)'") }
        if let branch { parts.append("branch '\(branch)'") }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    func error(_ failure: ROOTFormatError) -> DataError {
        var message = "'\(displayPath)'\(place): \(failure.message)"
        if let offset = failure.offset { message += " at byte \(offset)" }
        return .error(failure.id, message, at: .file(displayPath), hint: failure.hint)
    }

    func error(_ id: String, _ message: String, hint: String? = nil) -> DataError {
        .error(id, "'\(displayPath)'\(place): \(message)", at: .file(displayPath), hint: hint)
    }
}
