import Analysis
import Diagnostics

/// Translates `.ana` expressions into the C++ expressions RDataFrame's `Define` and `Filter` take, keeping the
/// engine's meaning: arithmetic in double precision, NaN for what does not exist, NaN failing every cut.
struct CppExpression {
    /// A translated expression: its text, what it holds, and how tightly it binds (to place parentheses).
    struct Code {
        var text: String
        var storage: ExportModel.Storage
        var isList: Bool
        var precedence: Int
        var isLiteral = false
    }

    let model: ExportModel
    /// The C++ helpers the translated code calls; only these are written into the script.
    private(set) var helpers: Set<CppHelper> = []
    /// Whether `lumi` (the declared luminosity) is used: it becomes a column of every dataframe.
    private(set) var usesLuminosity = false
    /// Storage of each define translated so far.
    private var defineStorage: [String: (ExportModel.Storage, Bool)] = [:]

    init(model: ExportModel) { self.model = model }

    /// Records a define's result so later expressions know its type.
    mutating func define(_ name: String, as code: Code) { defineStorage[name] = (code.storage, code.isList) }

    // MARK: - Expressions

    mutating func translate(_ expr: Expr) throws(Diagnostic) -> Code {
        switch expr {
        case let .number(v, isInteger, _):
            return Code(text: CppExpression.literal(v, asDouble: !isInteger), storage: isInteger ? .int : .double, isList: false,
                        precedence: 20, isLiteral: true)
        case let .name(name, _):
            if let (storage, isList) = defineStorage[name] { return Code(text: name, storage: storage, isList: isList, precedence: 20) }
            if name == "lumi" { usesLuminosity = true; return Code(text: "lumi", storage: .double, isList: false, precedence: 20) }
            return Code(text: name, storage: model.storage(ofBranch: name), isList: model.isList(expr), precedence: 20)
        case let .unary(op, inner, _):
            let x = try translate(inner)
            if op == .negate {
                return Code(text: "-" + wrap(x, 15), storage: x.storage == .bool ? .int : x.storage, isList: x.isList, precedence: 15)
            }
            return Code(text: "!" + wrap(truth(x), 15), storage: .bool, isList: x.isList, precedence: 15)
        case let .binary(op, l, r, location):
            return try binary(op, try translate(l), try translate(r), mayBeNaN: model.mayBeNaN(l) || model.mayBeNaN(r), at: location)
        case let .index(base, index, _):
            let b = try translate(base), i = try translate(index)
            if i.isList {
                return Code(text: wrap(b, 20) + "[" + truth(i).text + "]", storage: b.storage, isList: true, precedence: 20)
            }
            helpers.insert(.at)
            return Code(text: "at(\(b.text), \(i.text))", storage: .double, isList: false, precedence: 20)
        case let .slice(base, lower, upper, _):
            let b = try translate(base)
            helpers.insert(.sublist)
            let lo = try lower.map { e throws(Diagnostic) in try translate(e).text } ?? "0"
            let hi = try upper.map { e throws(Diagnostic) in try translate(e).text } ?? "\(wrap(b, 20)).size()"
            return Code(text: "sublist(\(b.text), \(lo), \(hi))", storage: .double, isList: true, precedence: 20)
        case let .call(name, arguments, location):
            var args: [Code] = []
            for a in arguments { args.append(try translate(a)) }
            return try call(name, args, at: location)
        }
    }

    /// A condition as C++ truth: comparisons and logic as they are, numbers through `is_true` (NaN is false).
    mutating func truth(_ x: Code) -> Code {
        if x.storage == .bool { return x }
        helpers.insert(.isTrue)
        return Code(text: "is_true(\(x.text))", storage: .bool, isList: x.isList, precedence: 20)
    }

    private mutating func binary(_ op: BinaryOp, _ a: Code, _ b: Code, mayBeNaN: Bool, at location: SourceLocation) throws(Diagnostic) -> Code {
        let isList = a.isList || b.isList
        switch op {
        case .add, .subtract, .multiply, .divide:
            var (x, y) = (a, b)
            // Keep the engine's double precision: literals next to single-precision values are written as doubles,
            // and one operand is widened when neither is double (a float product, an integer division).
            if x.isLiteral, y.storage != .double { x = literalAsDouble(x) }
            if y.isLiteral, x.storage != .double { y = literalAsDouble(y) }
            if x.storage != .double, y.storage != .double, x.storage == .float || y.storage == .float || op == .divide {
                x = widened(x)
            }
            let p = op == .add || op == .subtract ? 12 : 13
            let storage: ExportModel.Storage = x.storage == .double || y.storage == .double ? .double : .int
            return Code(text: "\(wrap(x, p)) \(op.rawValue) \(wrap(y, p + 1))", storage: storage, isList: isList, precedence: p)
        case .power, .remainder:
            let function = op == .power ? "pow" : "fmod"
            let namespace = isList ? "ROOT::VecOps::" : "std::"
            return Code(text: "\(namespace)\(function)(\(widened(a).text), \(widened(b).text))", storage: .double, isList: isList, precedence: 20)
        case .equal, .less, .lessEqual, .greater, .greaterEqual:
            let p = op == .equal ? 9 : 10
            return Code(text: "\(wrap(a, p)) \(op.rawValue) \(wrap(b, p + 1))", storage: .bool, isList: isList, precedence: p)
        case .notEqual:
            if mayBeNaN {
                helpers.insert(.differ)
                return Code(text: "differ(\(a.text), \(b.text))", storage: .bool, isList: isList, precedence: 20)
            }
            return Code(text: "\(wrap(a, 9)) != \(wrap(b, 10))", storage: .bool, isList: isList, precedence: 9)
        case .and, .or:
            let p = op == .and ? 5 : 4
            let x = truth(a), y = truth(b)
            return Code(text: "\(wrap(x, p)) \(op == .and ? "&&" : "||") \(wrap(y, p + 1))", storage: .bool, isList: isList, precedence: p)
        }
    }

    private mutating func call(_ name: String, _ args: [Code], at location: SourceLocation) throws(Diagnostic) -> Code {
        let anyList = args.contains { $0.isList }
        func unsupported(_ why: String) -> Diagnostic {
            .error("export.unsupported", "\(name)() \(why) has no RDataFrame translation yet", at: location,
                   hint: "compute it in another way, or run this analysis with openkey")
        }
        switch name {
        case "sqrt", "abs", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
             "floor", "ceil", "round":
            let x = args[0]
            let arg = x.storage == .float || x.storage == .bool ? widened(x) : x
            let storage: ExportModel.Storage = name == "abs" && x.storage == .int ? .int : .double
            return Code(text: "\(x.isList ? "ROOT::VecOps::" : "std::")\(name)(\(arg.text))", storage: storage, isList: x.isList, precedence: 20)
        case "atan2", "hypot", "pow":
            return Code(text: "\(anyList ? "ROOT::VecOps::" : "std::")\(name)(\(widened(args[0]).text), \(widened(args[1]).text))",
                        storage: .double, isList: anyList, precedence: 20)
        case "count":
            return Code(text: "int(\(wrap(args[0], 20)).size())", storage: .int, isList: false, precedence: 20)
        case "sum":
            // Summed in double precision (ROOT's Sum(v, 0.0) picks an overload that counts elements for integer lists).
            return Code(text: "ROOT::VecOps::Sum(\(widened(args[0]).text))", storage: .double, isList: false, precedence: 20)
        case "mean":
            helpers.insert(.meanOrNaN)
            return Code(text: "mean_or_nan(\(args[0].text))", storage: .double, isList: false, precedence: 20)
        case "any", "all":
            return Code(text: "ROOT::VecOps::\(name == "any" ? "Any" : "All")(\(truth(args[0]).text))", storage: .bool, isList: false, precedence: 20)
        case "min", "max":
            if args.count == 1 {
                helpers.insert(.extremeOrNaN)
                return Code(text: "\(name)_or_nan(\(args[0].text))", storage: .double, isList: false, precedence: 20)
            }
            guard !anyList else { throw unsupported("of two lists") }
            helpers.insert(.pairExtreme)
            return Code(text: "\(name)_of(\(args[0].text), \(args[1].text))", storage: .double, isList: false, precedence: 20)
        case "where":
            let condition = truth(args[0])
            if !anyList {
                let (a, b) = args[1].storage == args[2].storage ? (args[1], args[2]) : (widened(args[1]), widened(args[2]))
                return Code(text: "(\(condition.text) ? \(a.text) : \(b.text))", storage: a.storage, isList: false, precedence: 20)
            }
            guard condition.isList else { throw unsupported("with one condition per event and lists of values") }
            return Code(text: "ROOT::VecOps::Where(\(condition.text), \(widened(args[1]).text), \(widened(args[2]).text))",
                        storage: .double, isList: true, precedence: 20)
        case "delta_phi":
            // ROOT's DeltaPhi(a, b) is b − a; OpenKey's delta_phi(a, b) is a − b: the arguments swap.
            return Code(text: "ROOT::VecOps::DeltaPhi(\(widened(args[1]).text), \(widened(args[0]).text))",
                        storage: .double, isList: anyList, precedence: 20)
        case "delta_r":
            guard args.allSatisfy({ $0.isList == anyList }) else { throw unsupported("mixing lists and single values") }
            let w = args.map { widened($0).text }
            return Code(text: "ROOT::VecOps::DeltaR(\(w[0]), \(w[2]), \(w[1]), \(w[3]))", storage: .double, isList: anyList, precedence: 20)
        case "mt":
            guard !anyList else { throw unsupported("of lists") }
            let w = args.map { widened($0).text }
            return Code(text: "std::sqrt(2 * \(w[0]) * \(w[2]) * (1 - std::cos(\(w[1]) - \(w[3]))))", storage: .double, isList: false, precedence: 20)
        case "mass", "sum_pt", "sum_eta", "sum_phi":
            let component = ["mass": "M", "sum_pt": "Pt", "sum_eta": "Eta", "sum_phi": "Phi"][name] ?? "M"
            let list = args.map(\.text).joined(separator: ", ")
            if anyList {
                helpers.insert(.sumP4)
                return Code(text: "sum_p4(\(list)).\(component)()", storage: .double, isList: false, precedence: 20)
            }
            helpers.insert(.p4)
            return Code(text: "p4(\(list)).\(component)()", storage: .double, isList: false, precedence: 20)
        default:
            throw .error("export.unsupported", "the function \(name)() has no RDataFrame translation", at: location)
        }
    }

    // MARK: - Text

    /// The code, in parentheses when it binds less tightly than its context needs.
    func wrap(_ x: Code, _ context: Int) -> String { x.precedence < context ? "(\(x.text))" : x.text }

    private func literalAsDouble(_ x: Code) -> Code {
        guard x.isLiteral, let v = Double(x.text) else { return x }
        var y = x
        y.text = CppExpression.literal(v, asDouble: true)
        y.storage = .double
        return y
    }

    /// The value converted to double precision, as OpenKey computes.
    func widened(_ x: Code) -> Code {
        if x.storage == .double { return x }
        if x.isLiteral, let v = Double(x.text) { return Code(text: CppExpression.literal(v, asDouble: true), storage: .double, isList: false, precedence: 20, isLiteral: true) }
        let text = x.isList ? "ROOT::RVecD(\(x.text))" : "double(\(x.text))"
        return Code(text: text, storage: .double, isList: x.isList, precedence: 20)
    }

    /// A number as C++ source: integers as written, or with `.0` when double arithmetic is wanted.
    static func literal(_ v: Double, asDouble: Bool) -> String {
        if v.isNaN { return "std::numeric_limits<double>::quiet_NaN()" }
        if v.isInfinite { return v > 0 ? "std::numeric_limits<double>::infinity()" : "-std::numeric_limits<double>::infinity()" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) + (asDouble ? ".0" : "") }
        return "\(v)"
    }
}
