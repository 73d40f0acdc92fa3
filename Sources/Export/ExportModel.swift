import Analysis
import Diagnostics
import EventData

/// A checked analysis as the exporters see it: each expression's shape, each branch's storage type,
/// the defines in order, and which values can be undefined (NaN) — the engine's meaning that every
/// exported program must reproduce exactly.
struct ExportModel {
    /// How a value is stored in the target program: C++ needs it to keep the engine's double precision.
    enum Storage: Sendable, Hashable { case bool, int, float, double }

    let checked: CheckedProgram
    let schemas: [String: [ColumnInfo]]
    /// File name of the `.ana`, for titles and comments.
    let analysisName: String
    private(set) var defines: [String: Expr] = [:]
    private var branchStorage: [String: Storage] = [:]

    var program: Program { checked.program }

    init(checked: CheckedProgram, schemas: [String: [ColumnInfo]], analysisName: String) {
        self.checked = checked
        self.schemas = schemas
        self.analysisName = analysisName
        for sample in checked.program.samples {
            for info in schemas[sample.name] ?? [] where branchStorage[info.name] == nil {
                branchStorage[info.name] = ExportModel.storage(of: info, csv: ExportModel.isCSV(sample))
            }
        }
        for statement in checked.program.statements {
            if case let .define(name, expr, _) = statement { defines[name] = expr }
        }
    }

    /// ROOT stores `float`, `double`, integers and `bool`; OpenKey's CSV files are read as double (or int/bool when
    /// marked) by the readers the exports use.
    static func storage(of info: ColumnInfo, csv: Bool) -> Storage {
        switch info.kind {
        case .bool: return .bool
        case .int: return .int
        case .float: return !csv && (info.typeName.contains("float") || info.typeName.contains("Float")) ? .float : .double
        }
    }

    func isBranch(_ name: String) -> Bool { branchStorage[name] != nil && defines[name] == nil }
    func storage(ofBranch name: String) -> Storage { branchStorage[name] ?? .double }

    func type(_ expr: Expr) -> TypeInfo { checked.type(of: expr) ?? TypeInfo(kind: .float, isJagged: false) }
    func isList(_ expr: Expr) -> Bool { type(expr).isJagged }

    /// Whether `x[i]` is a mask (`x[list of true/false]`) rather than an index.
    func isMask(_ index: Expr) -> Bool { isList(index) }

    /// Whether the expression can be NaN for some event even when every branch value is a number: an index out of
    /// range, a division, a function outside its domain, the mean/min/max of an empty list.
    func mayBeNaN(_ expr: Expr) -> Bool {
        switch expr {
        case .number: return false
        case .name(let name, _):
            if let define = defines[name] { return mayBeNaN(define) }
            return false
        case .unary(let op, let inner, _): return op == .negate && mayBeNaN(inner)
        case let .binary(op, l, r, _):
            switch op {
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or: return false
            case .divide, .power, .remainder: return true
            default: return mayBeNaN(l) || mayBeNaN(r)
            }
        case .index(let base, let index, _): return isMask(index) ? mayBeNaN(base) : true
        case .slice(let base, _, _, _): return mayBeNaN(base)
        case let .call(name, args, _):
            switch name {
            case "count", "any", "all", "sum_pt", "sum_phi", "mass": return false
            case "sqrt", "log", "log10", "asin", "acos", "pow", "mean", "atan2": return true
            case "min", "max": return args.count == 1 || args.contains(where: mayBeNaN)
            default: return args.contains(where: mayBeNaN)
            }
        }
    }

    /// Whether the expression gives true/false (a comparison, logic, any/all, or a define of one).
    func isBoolean(_ expr: Expr) -> Bool {
        switch expr {
        case .binary(let op, _, _, _):
            return [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .and, .or].contains(op)
        case .unary(.not, _, _): return true
        case .call(let name, _, _): return name == "any" || name == "all"
        case .name(let name, _):
            if let define = defines[name] { return isBoolean(define) }
            return false
        default: return false
        }
    }

    /// The statement's own line of the `.ana` file, as a comment for the exported program (`#` or `//`).
    static func comment(_ statement: Statement, lines: [String], marker: String) -> String {
        let line = statement.sourceLine
        let text = line >= 1 && line <= lines.count ? lines[line - 1].trimmingCharacters(in: .whitespaces) : ""
        return marker + " " + (text.isEmpty ? "(line \(line))" : text)
    }

    /// A name for the per-event weight column that no branch or define uses.
    var weightColumn: String {
        var used = Set(defines.keys)
        for sample in program.samples { used.formUnion((schemas[sample.name] ?? []).map(\.name)) }
        for candidate in ["weight", "event_weight", "openkey_weight"] where !used.contains(candidate) { return candidate }
        return "openkey_event_weight"
    }

    /// Whether a sample's file is one of OpenKey's CSV files (which ROOT and uproot cannot read by themselves).
    static func isCSV(_ sample: SampleDecl) -> Bool {
        let lower = sample.path.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".csv.gz")
    }

    /// The histograms' descriptions, with whether their bins are regular (written as count, low, high).
    var histogramInfo: [(name: String, title: String, xLabel: String, yLabel: String?, logY: Bool, edges: [Double], regular: Bool)] {
        program.statements.compactMap { statement in
            guard case .histogram(let h) = statement else { return nil }
            return (h.name, h.title, h.xLabel, h.yLabel, h.logY, h.edges, ExportModel.isRegular(h.edges))
        }
    }

    /// Equal-width bins, as the engine decides.
    static func isRegular(_ edges: [Double]) -> Bool { HistogramResult.regularBinning(edges) != nil }

    /// The filters, in order, with their cut-flow names.
    var filterNames: [String] {
        program.statements.compactMap { if case let .filter(_, name, _) = $0 { return name } else { return nil } }
    }
}
