/// How one branch's entries are laid out in its baskets, decided from its class and leaf.
enum ROOTBranchLayout: Sendable, Equatable {
    /// One value per entry.
    case scalar(ROOTElementType)
    /// `count` values per entry (`x[10]/F`, `x[3][4]/F`), exposed as lists of constant length.
    case fixedArray(ROOTElementType, count: Int)
    /// `counter × inner` values per entry (`Muon_Px[NMuon]/F`), the counter being another branch's leaf.
    case counted(ROOTElementType, counter: String, inner: Int)
    /// `std::vector<T>` or `RVec<T>`: each entry a 6-byte object header, a 4-byte size, then the values.
    case vector(ROOTElementType)
    /// Not readable as numbers; `why` says what it is.
    case unreadable(why: String)

    var element: ROOTElementType? {
        switch self {
        case .scalar(let t), .fixedArray(let t, _), .counted(let t, _, _), .vector(let t): t
        case .unreadable: nil
        }
    }

    var isJagged: Bool {
        switch self {
        case .scalar, .unreadable: false
        default: true
        }
    }

    /// The reason text branches are not columns.
    static let text = "text"

    /// The layout of `branch` and its type name as uproot reports it.
    static func classify(_ branch: ROOTBranchRecord) -> (layout: ROOTBranchLayout, typeName: String) {
        let className = branch.elementClassName ?? ""
        if !branch.fileName.isEmpty {
            return (.unreadable(why: "its baskets are stored in another file ('\(branch.fileName)')"),
                    className.isEmpty ? branch.className : className)
        }
        if !branch.branches.isEmpty {
            let type = className.isEmpty ? branch.className : className
            return (.unreadable(why: "an object of class '\(type)' split into \(branch.branches.count) sub-branches"), type)
        }
        guard branch.leaves.count == 1, let leaf = branch.leaves.first else {
            if branch.leaves.isEmpty { return (.unreadable(why: "a branch without leaves"), branch.className) }
            let names = branch.leaves.map(\.name).joined(separator: ":")
            return (.unreadable(why: "a leaf list of \(branch.leaves.count) leaves (\(names)); only single-leaf branches are read"),
                    "struct")
        }
        if branch.className == "TBranchElement" || branch.className == "TBranchObject" || leaf.className == "TLeafElement" {
            return element(branch, className: className)
        }
        if leaf.className == "TLeafC" { return (.unreadable(why: text), "char*") }
        guard let type = ROOTElementType.leaf(className: leaf.className, isUnsigned: leaf.isUnsigned) else {
            return (.unreadable(why: "a leaf of class '\(leaf.className)', which OpenKey does not read"), leaf.className)
        }
        let dims = dimensions(leaf.title)
        if leaf.hasCount {
            guard let counter = leaf.countLeafName ?? dims.first else {
                return (.unreadable(why: "a variable-length array whose counter is not recorded"), type.typeName + "[]")
            }
            let inner = max(1, leaf.length)
            let innerDims = dims.dropFirst().map { "[\($0)]" }.joined()
            return (.counted(type, counter: counter, inner: inner), type.typeName + "[]" + innerDims)
        }
        if leaf.length > 1 {
            let written = dims.isEmpty ? "[\(leaf.length)]" : dims.map { "[\($0)]" }.joined()
            return (.fixedArray(type, count: leaf.length), type.typeName + written)
        }
        return (.scalar(type), type.typeName)
    }

    /// TBranchElement: std::vector/RVec of numbers, strings, or a top-level basic type.
    private static func element(_ branch: ROOTBranchRecord, className: String) -> (ROOTBranchLayout, String) {
        let compact = String(className.filter { $0 != " " })
        if ["string", "std::string", "TString"].contains(compact) {
            return (.unreadable(why: text), compact == "TString" ? "TString" : "std::string")
        }
        if let (container, argument) = templateArgument(className),
           container == "vector" || container == "std::vector" || container.hasSuffix("RVec") {
            let display = container.hasSuffix("RVec") ? "RVec" : "std::vector"
            if let type = ROOTElementType.cxx(argument) {
                return (.vector(type), "\(display)<\(type.typeName)>")
            }
            if argument.contains("<") {
                return (.unreadable(why: "a nested container (\(className)); only containers of numbers are read"),
                        "\(display)<\(argument)>")
            }
            return (.unreadable(why: "a container of '\(argument)', which OpenKey does not read"),
                    "\(display)<\(argument)>")
        }
        if className.isEmpty, let code = branch.streamerType, let type = ROOTElementType.streamerCode(code) {
            return (.scalar(type), type.typeName)
        }
        let name = className.isEmpty ? branch.className : className
        return (.unreadable(why: "an object of class '\(name)', which OpenKey does not read"), name)
    }

    /// `vector<unsigned int, allocator<unsigned int> >` → ("vector", "unsigned int").
    static func templateArgument(_ name: String) -> (String, String)? {
        guard let open = name.firstIndex(of: "<"), let close = name.lastIndex(of: ">"), open < close else { return nil }
        let container = name[..<open].trimmingCharacters(in: " ")
        let inside = name[name.index(after: open)..<close]
        var depth = 0
        var end = inside.endIndex
        for index in inside.indices {
            switch inside[index] {
            case "<": depth += 1
            case ">": depth -= 1
            case "," where depth == 0:
                end = index
            default: continue
            }
            if end != inside.endIndex { break }
        }
        return (container, inside[..<end].trimmingCharacters(in: " "))
    }

    /// The bracketed dimensions in a leaf title: `x[3][4]` → ["3", "4"], `Muon_Px[NMuon]` → ["NMuon"].
    static func dimensions(_ title: String) -> [String] {
        var dims: [String] = []
        var current: String?
        for character in title {
            switch character {
            case "[": current = ""
            case "]":
                if let value = current { dims.append(value) }
                current = nil
            default:
                if current != nil { current?.append(character) }
            }
        }
        return dims
    }
}

private extension Substring {
    func trimmingCharacters(in set: Character) -> String {
        var text = self
        while text.first == set { text = text.dropFirst() }
        while text.last == set { text = text.dropLast() }
        return String(text)
    }
}
