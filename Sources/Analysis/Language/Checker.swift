import Diagnostics
import EventData

/// A program that passed the static checks, with what the engine needs to run it.
public struct CheckedProgram: Sendable {
    public var program: Program
    /// Source columns each sample reads (the statements' and its own weight's), in first-use order:
    /// only these are read from files.
    public var columns: [String: [String]]
    /// The type of every expression of the program, by the expression's own location (unique per node):
    /// what exporters need to tell an index from a mask and a list from a value.
    public var types: [SourceLocation: TypeInfo]

    /// The inferred type of an expression of this program.
    public func type(of expr: Expr) -> TypeInfo? { types[expr.location] }
}

/// The static checker: runs before any event is read. Unknown columns (with "did you mean"), list/value shape
/// mismatches, wrong argument counts, unused defines — each at `file:line:col`.
public enum Checker {
    /// - Parameter schemas: the columns of each sample's source, by sample name.
    public static func check(_ program: Program, schemas: [String: [ColumnInfo]]) -> (CheckedProgram?, [Diagnostic]) {
        var state = State(program: program, schemas: schemas)
        state.run()
        let ok = !state.diagnostics.contains { $0.severity == .error }
        var columns: [String: [String]] = [:]
        for sample in program.samples {
            columns[sample.name] = state.used + (state.weightColumns[sample.name] ?? []).filter { !state.used.contains($0) }
        }
        return (ok ? CheckedProgram(program: program, columns: columns, types: state.types) : nil, state.diagnostics)
    }

    /// A name as shown in messages: hostile files may hold names of any length.
    static func short(_ name: String) -> String { name.count > 60 ? String(name.prefix(57)) + "…" : name }

    struct State {
        let program: Program
        let schemas: [String: [ColumnInfo]]
        var diagnostics: [Diagnostic] = []
        var defines: [String: (TypeInfo, SourceLocation)] = [:]
        var usedDefines: Set<String> = []
        var brokenDefines: Set<String> = []
        var used: [String] = []
        var weightColumns: [String: [String]] = [:]
        /// While checking a sample's weight: columns need only exist in that sample.
        var weightSample: SampleDecl?
        var columnTypes: [String: TypeInfo] = [:]
        var types: [SourceLocation: TypeInfo] = [:]

        init(program: Program, schemas: [String: [ColumnInfo]]) {
            self.program = program
            self.schemas = schemas
            // A column's type is taken from the first sample that has it.
            for sample in program.samples {
                for info in schemas[sample.name] ?? [] where columnTypes[info.name] == nil {
                    columnTypes[info.name] = TypeInfo(kind: info.kind, isJagged: info.isJagged)
                }
            }
        }

        mutating func error(_ id: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
            diagnostics.append(.error(id, message, at: location, hint: hint))
        }

        mutating func run() {
            if program.samples.isEmpty {
                error("ana.no-sample", "the analysis names no sample", at: .file(program.path),
                      hint: "start with a line like: sample data \"data/2lep.csv\"")
            }
            var names = Set<String>()
            for sample in program.samples {
                if !names.insert(sample.name).inserted {
                    error("ana.duplicate-sample", "sample '\(sample.name)' is declared twice", at: sample.location)
                }
                weightSample = sample
                defer { weightSample = nil }
                if let weight = sample.weight, let type = infer(weight) {
                    if type.isJagged {
                        error("ana.shape", "a weight needs one value per event, but this gives a list per event", at: weight.startLocation)
                    }
                }
            }
            var histograms = Set<String>()
            for statement in program.statements {
                switch statement {
                case let .filter(condition, _, _):
                    if let type = infer(condition), type.isJagged {
                        error("ana.shape", "a filter needs one true/false per event, but this gives a list per event",
                              at: condition.startLocation, hint: "use any(…) or all(…) to turn the list into one true/false, e.g. any(lep_pt > 25000)")
                    }
                case let .define(name, expr, location):
                    let type = infer(expr)
                    if columnTypes[name] != nil || defines[name] != nil || name == "lumi" || Builtin(rawValue: name) != nil {
                        error("ana.redefinition", "'\(name)' already names a column, a define or a function", at: location,
                              hint: "choose another name")
                    } else if let type {
                        defines[name] = (type, location)
                    } else {
                        brokenDefines.insert(name)   // its problem is reported; uses of it stay quiet
                    }
                case let .histogram(decl):
                    _ = infer(decl.expr)
                    if !histograms.insert(decl.name).inserted {
                        error("ana.duplicate-histogram", "two histograms are named '\(decl.name)'", at: decl.location,
                              hint: "name one with: as other_name")
                    }
                case let .report(_, argument, _, location):
                    if let argument, let type = infer(argument), type.isJagged {
                        error("ana.shape", "report needs one value per event, but this gives a list per event", at: location,
                              hint: "reduce the list first, e.g. count(…) or sum(…)")
                    }
                }
            }
            for (name, (_, location)) in defines where !usedDefines.contains(name) {
                diagnostics.append(.warning("ana.unused-define", "'\(name)' is defined but never used", at: location))
            }
            diagnostics.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        }

        // MARK: - Types

        mutating func infer(_ expr: Expr) -> TypeInfo? {
            let type = inferUnrecorded(expr)
            if let type { types[expr.location] = type }
            return type
        }

        mutating func inferUnrecorded(_ expr: Expr) -> TypeInfo? {
            switch expr {
            case let .number(_, isInteger, _):
                return isInteger ? .int : .float
            case let .name(name, location):
                return lookup(name, at: location)
            case let .unary(op, inner, _):
                guard let t = infer(inner) else { return nil }
                return op == .not ? TypeInfo(kind: .bool, isJagged: t.isJagged) : TypeInfo(kind: t.kind == .bool ? .int : t.kind, isJagged: t.isJagged)
            case let .binary(op, l, r, _):
                let lt = infer(l), rt = infer(r)
                guard let lt, let rt else { return nil }
                let jagged = lt.isJagged || rt.isJagged
                if op.isComparison || op.isLogical { return TypeInfo(kind: .bool, isJagged: jagged) }
                let bothInt = lt.kind != .float && rt.kind != .float
                let kind: ColumnKind = (op == .divide || op == .power || !bothInt) ? .float : .int
                return TypeInfo(kind: kind, isJagged: jagged)
            case let .index(base, index, location):
                let bt = infer(base), it = infer(index)
                guard let bt, let it else { return nil }
                guard bt.isJagged else {
                    error("ana.shape", "'\(Parser.text(of: base))' has one value per event; only lists can be indexed", at: location)
                    return nil
                }
                if it.isJagged {
                    guard it.kind == .bool else {
                        error("ana.shape", "a list can be indexed by a number or masked by a true/false list, not by a list of numbers",
                              at: index.location)
                        return nil
                    }
                    return bt   // mask: a shorter list
                }
                if it.kind == .float, case .number = index {
                    error("ana.index", "an index must be a whole number", at: index.location)
                }
                return TypeInfo(kind: bt.kind, isJagged: false)
            case let .slice(base, lower, upper, location):
                guard let bt = infer(base) else { return nil }
                for bound in [lower, upper].compactMap({ $0 }) {
                    if let t = infer(bound), t.isJagged {
                        error("ana.shape", "slice bounds must be one number per event", at: bound.location)
                    }
                }
                guard bt.isJagged else {
                    error("ana.shape", "'\(Parser.text(of: base))' has one value per event; only lists can be sliced", at: location)
                    return nil
                }
                return bt
            case let .call(name, arguments, location):
                return call(name, arguments, at: location)
            }
        }

        mutating func lookup(_ name: String, at location: SourceLocation) -> TypeInfo? {
            if let (type, _) = defines[name] {
                usedDefines.insert(name)
                return type
            }
            if brokenDefines.contains(name) { return nil }
            if name == "lumi" {
                if program.luminosity == nil {
                    error("ana.unknown-name", "'lumi' is used but no 'luminosity' is declared", at: location,
                          hint: "add a line: luminosity 10  (in fb⁻¹)")
                }
                return .float
            }
            if let sample = weightSample {
                guard let info = (schemas[sample.name] ?? []).first(where: { $0.name == name }) else {
                    diagnostics.append(Diagnostic.error("ana.unknown-name", "unknown column '\(name)' in sample '\(sample.name)'", at: location)
                        .suggesting(name, from: (schemas[sample.name] ?? []).map(\.name)))
                    return nil
                }
                if !(weightColumns[sample.name] ?? []).contains(name) { weightColumns[sample.name, default: []].append(name) }
                return TypeInfo(kind: info.kind, isJagged: info.isJagged)
            }
            guard let type = columnTypes[name] else {
                if program.samples.isEmpty { return nil }   // already reported: no sample, so no columns
                let candidates = Array(columnTypes.keys) + Array(defines.keys)
                diagnostics.append(Diagnostic.error("ana.unknown-name", "unknown column '\(Checker.short(name))'", at: location,
                                                    hint: program.samples.isEmpty ? nil : "columns come from the samples' files, or from 'define'")
                    .suggesting(name, from: candidates))
                return nil
            }
            for sample in program.samples {
                guard let info = (schemas[sample.name] ?? []).first(where: { $0.name == name }) else {
                    error("ana.missing-column", "column '\(name)' is not in sample '\(sample.name)' (\(sample.path))", at: location)
                    continue
                }
                if info.isJagged != type.isJagged {
                    error("ana.shape", "column '\(name)' is a list per event in one sample and one value per event in another (sample '\(sample.name)')",
                          at: location, hint: "all samples of an analysis must store a column the same way")
                }
            }
            if !used.contains(name) { used.append(name) }
            return type
        }

        mutating func call(_ name: String, _ arguments: [Expr], at location: SourceLocation) -> TypeInfo? {
            let types = arguments.map { infer($0) }
            guard let builtin = Builtin(rawValue: name) else {
                diagnostics.append(Diagnostic.error("ana.unknown-function", "unknown function '\(name)'", at: location)
                    .suggesting(name, from: Builtin.allCases.map(\.rawValue)))
                return nil
            }
            guard builtin.arity.contains(arguments.count) else {
                let expected = builtin.arity.count == 1 ? "\(builtin.arity.lowerBound)" : "\(builtin.arity.lowerBound) or \(builtin.arity.upperBound)"
                error("ana.arguments", "\(name)() takes \(expected) argument\(builtin.arity.upperBound == 1 ? "" : "s"), given \(arguments.count)",
                      at: location, hint: "use \(builtin.usage)")
                return nil
            }
            let known = types.compactMap { $0 }
            guard known.count == types.count else { return nil }
            let anyJagged = known.contains { $0.isJagged }
            if builtin.isReduction || ((builtin == .min || builtin == .max) && arguments.count == 1) {
                guard known[0].isJagged else {
                    error("ana.shape", "\(name)() needs a list per event, but '\(Parser.text(of: arguments[0]))' has one value per event",
                          at: location, hint: "\(name)() reduces each event's list, e.g. \(name)(lep_pt)")
                    return nil
                }
                switch builtin {
                case .count: return .int
                case .any, .all: return .bool
                case .mean: return .float
                default: return TypeInfo(kind: known[0].kind == .bool ? .int : known[0].kind, isJagged: false)
                }
            }
            if builtin.isVectorSum {
                if Set(known.map(\.isJagged)).count > 1 {
                    error("ana.shape", "the four arguments of \(name)() must all be lists or all be single values", at: location)
                    return nil
                }
                return .float
            }
            switch builtin {
            case .abs, .floor, .ceil, .round, .min, .max:
                let kind: ColumnKind = known.allSatisfy({ $0.kind != .float }) ? .int : .float
                return TypeInfo(kind: kind, isJagged: anyJagged)
            case .where:
                let kind: ColumnKind = known[1].kind == known[2].kind ? known[1].kind : .float
                return TypeInfo(kind: kind, isJagged: anyJagged)
            default:
                return TypeInfo(kind: .float, isJagged: anyJagged)
            }
        }
    }
}
