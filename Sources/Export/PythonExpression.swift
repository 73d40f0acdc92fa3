import Analysis
import Diagnostics

/// Translates `.ana` expressions into awkward-array Python (numpy ufuncs, `ak.*` or `dak.*` functions, vector),
/// over `events`, a record array with every branch read in double precision.
struct PythonExpression {
    struct Code {
        var text: String
        var precedence: Int
        var isList: Bool
        var isBoolean: Bool
    }

    let model: ExportModel
    /// `ak` for awkward, `dak` for dask-awkward.
    let library: String
    private(set) var helpers: Set<PythonHelper> = []

    init(model: ExportModel, library: String) {
        self.model = model
        self.library = library
    }

    /// Field names that clash with attributes of awkward or dask-awkward arrays are read as `events["name"]`.
    static let reservedFields: Set<String> = [
        "layout", "behavior", "attrs", "fields", "type", "ndim", "nbytes", "mask", "show", "to_list", "tolist", "to_numpy",
        "name", "npartitions", "divisions", "partitions", "form", "compute", "persist", "head", "dask", "keys", "meta",
        "map_partitions", "visualize", "known_divisions", "defined_divisions", "eager_compute_divisions", "named_axis",
        "positional_axis", "cpp_type", "is_tuple", "numba_type", "array", "and", "or", "not", "in", "is", "if", "else",
        "for", "while", "def", "class", "return", "lambda", "None", "True", "False", "import", "from", "as", "with",
        "global", "nonlocal", "pass", "break", "continue", "try", "except", "finally", "raise", "del", "assert", "yield",
        "async", "await", "elif",
    ]

    /// How the events' field `name` is written.
    static func field(_ name: String) -> String {
        reservedFields.contains(name) || name.hasPrefix("_") ? "events[\"\(name)\"]" : "events.\(name)"
    }

    mutating func translate(_ expr: Expr) throws(Diagnostic) -> Code {
        switch expr {
        case let .number(v, _, _):
            return Code(text: PythonExpression.literal(v), precedence: v < 0 ? 13 : 20, isList: false, isBoolean: false)
        case let .name(name, _):
            if name == "lumi" {
                return Code(text: "LUMINOSITY", precedence: 20, isList: false, isBoolean: false)
            }
            return Code(text: PythonExpression.field(name), precedence: 20, isList: model.isList(expr), isBoolean: model.isBoolean(expr))
        case let .unary(op, inner, _):
            let x = try translate(inner)
            if op == .negate { return Code(text: "-" + wrap(x, 13), precedence: 13, isList: x.isList, isBoolean: false) }
            return Code(text: "~" + wrap(truth(x), 13), precedence: 13, isList: x.isList, isBoolean: true)
        case let .binary(op, l, r, _):
            let a = try translate(l), b = try translate(r)
            let isList = a.isList || b.isList
            switch op {
            case .add, .subtract:
                return Code(text: "\(wrap(a, 11)) \(op.rawValue) \(wrap(b, 12))", precedence: 11, isList: isList, isBoolean: false)
            case .divide where l.names.subtracting(["lumi"]).isEmpty && r.names.subtracting(["lumi"]).isEmpty:
                // Two constants: Python would raise on 0/0; numpy gives NaN (and 1/0 infinity), as OpenKey does.
                return Code(text: "np.divide(\(a.text), \(b.text))", precedence: 20, isList: false, isBoolean: false)
            case .multiply, .divide:
                return Code(text: "\(wrap(a, 12)) \(op.rawValue) \(wrap(b, 13))", precedence: 12, isList: isList, isBoolean: false)
            case .remainder:
                // OpenKey's % keeps the sign of the dividend, like C's fmod (Python's % would not).
                return Code(text: "np.fmod(\(a.text), \(b.text))", precedence: 20, isList: isList, isBoolean: false)
            case .power:
                return Code(text: "\(wrap(a, 15)) ** \(wrap(b, 14))", precedence: 14, isList: isList, isBoolean: false)
            case .equal, .less, .lessEqual, .greater, .greaterEqual:
                return Code(text: "\(wrap(a, 6)) \(op.rawValue) \(wrap(b, 6))", precedence: 5, isList: isList, isBoolean: true)
            case .notEqual:
                if model.mayBeNaN(l) || model.mayBeNaN(r) {
                    helpers.insert(.differ)
                    return Code(text: "differ(\(a.text), \(b.text))", precedence: 20, isList: isList, isBoolean: true)
                }
                return Code(text: "\(wrap(a, 6)) != \(wrap(b, 6))", precedence: 5, isList: isList, isBoolean: true)
            case .and, .or:
                let p = op == .and ? 8 : 6
                return Code(text: "\(wrap(truth(a), p + 1)) \(op == .and ? "&" : "|") \(wrap(truth(b), p + 1))", precedence: p,
                            isList: isList, isBoolean: true)
            }
        case let .index(base, index, _):
            let b = try translate(base), i = try translate(index)
            if i.isList {
                return Code(text: "\(wrap(b, 20))[\(truth(i).text)]", precedence: 20, isList: true, isBoolean: b.isBoolean)
            }
            helpers.insert(.at)
            return Code(text: "at(\(b.text), \(i.text))", precedence: 20, isList: false, isBoolean: false)
        case let .slice(base, lower, upper, _):
            let b = try translate(base)
            let constant = [lower, upper].allSatisfy { bound in
                if let bound, case .number = bound { return true }
                if case .unary(.negate, .number, _)? = bound { return true }
                return bound == nil
            }
            let lo = try lower.map { e throws(Diagnostic) in try translate(e).text }
            let hi = try upper.map { e throws(Diagnostic) in try translate(e).text }
            if constant {
                return Code(text: "\(wrap(b, 20))[:, \(lo ?? ""):\(hi ?? "")]", precedence: 20, isList: true, isBoolean: b.isBoolean)
            }
            helpers.insert(.sliceLists)
            return Code(text: "slice_lists(\(b.text), \(lo ?? "0"), \(hi ?? "None"))", precedence: 20, isList: true, isBoolean: b.isBoolean)
        case let .call(name, arguments, location):
            var args: [Code] = []
            for a in arguments { args.append(try translate(a)) }
            return try call(name, args, at: location)
        }
    }

    /// A condition as a boolean array: comparisons as they are, numbers through `is_true` (NaN is false).
    mutating func truth(_ x: Code) -> Code {
        if x.isBoolean { return x }
        helpers.insert(.isTrue)
        return Code(text: "is_true(\(x.text))", precedence: 20, isList: x.isList, isBoolean: true)
    }

    private mutating func call(_ name: String, _ args: [Code], at location: SourceLocation) throws(Diagnostic) -> Code {
        let anyList = args.contains { $0.isList }
        let ak = library
        func value(_ text: String, list: Bool = false, boolean: Bool = false) -> Code {
            Code(text: text, precedence: 20, isList: list, isBoolean: boolean)
        }
        let numpy = ["sqrt": "sqrt", "abs": "abs", "exp": "exp", "log": "log", "log10": "log10", "sin": "sin", "cos": "cos",
                     "tan": "tan", "asin": "arcsin", "acos": "arccos", "atan": "arctan", "sinh": "sinh", "cosh": "cosh",
                     "tanh": "tanh", "floor": "floor", "ceil": "ceil", "atan2": "arctan2", "hypot": "hypot", "pow": "power"]
        switch name {
        case _ where numpy[name] != nil:
            return value("np.\(numpy[name] ?? name)(\(args.map(\.text).joined(separator: ", ")))", list: anyList)
        case "round":
            helpers.insert(.roundHalfAway)
            return value("round_half_away(\(args[0].text))", list: anyList)
        case "count": return value("\(ak).num(\(args[0].text), axis=1)")
        case "sum": return value("\(ak).sum(\(args[0].text), axis=1)")
        case "mean": return value("\(ak).fill_none(\(ak).mean(\(args[0].text), axis=1), np.nan)")
        case "any", "all": return value("\(ak).\(name)(\(truth(args[0]).text), axis=1)", boolean: true)
        case "min", "max":
            if args.count == 1 { return value("\(ak).fill_none(\(ak).\(name)(\(args[0].text), axis=1), np.nan)") }
            return value("np.\(name == "min" ? "minimum" : "maximum")(\(args[0].text), \(args[1].text))", list: anyList)
        case "where":
            return value("\(ak).where(\(truth(args[0]).text), \(args[1].text), \(args[2].text))", list: anyList)
        case "delta_phi":
            helpers.insert(.deltaPhi)
            return value("delta_phi(\(args[0].text), \(args[1].text))", list: anyList)
        case "delta_r":
            helpers.insert(.deltaPhi)
            return value("np.sqrt((\(args[0].text) - \(args[2].text)) ** 2 + delta_phi(\(args[1].text), \(args[3].text)) ** 2)", list: anyList)
        case "mt":
            return value("np.sqrt(2 * \(wrap(args[0], 12)) * \(wrap(args[2], 12)) * (1 - np.cos(\(args[1].text) - \(wrap(args[3], 12)))))", list: anyList)
        case "mass", "sum_pt", "sum_eta", "sum_phi":
            let component = ["mass": "mass", "sum_pt": "pt", "sum_eta": "eta", "sum_phi": "phi"][name] ?? "mass"
            let list = args.map(\.text).joined(separator: ", ")
            if anyList {
                helpers.insert(.sumOfVectors)
                return value("sum_of_vectors(\(list)).\(component)")
            }
            helpers.insert(.fourVector)
            return value("four_vector(\(list)).\(component)")
        default:
            throw .error("export.unsupported", "the function \(name)() has no awkward-array translation", at: location)
        }
    }

    func wrap(_ x: Code, _ context: Int) -> String { x.precedence < context ? "(\(x.text))" : x.text }

    static func literal(_ v: Double) -> String {
        if v.isNaN { return "np.nan" }
        if v.isInfinite { return v > 0 ? "np.inf" : "-np.inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
