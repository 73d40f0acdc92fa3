import Diagnostics

/// An expression of the analysis language, with where it was written.
public indirect enum Expr: Sendable, Hashable {
    case number(Double, isInteger: Bool, SourceLocation)
    case name(String, SourceLocation)
    case unary(UnaryOp, Expr, SourceLocation)
    case binary(BinaryOp, Expr, Expr, SourceLocation)
    case call(String, [Expr], SourceLocation)
    /// `x[i]` (index), `x[a:b]` (slice, either bound optional) or `x[mask]` (mask, decided by the checker).
    case index(Expr, Expr, SourceLocation)
    case slice(Expr, Expr?, Expr?, SourceLocation)

    /// Every name the expression reads.
    public var names: Set<String> {
        switch self {
        case .number: return []
        case .name(let n, _): return [n]
        case .unary(_, let e, _): return e.names
        case .binary(_, let l, let r, _), .index(let l, let r, _): return l.names.union(r.names)
        case .call(_, let args, _): return args.reduce(into: Set<String>()) { $0.formUnion($1.names) }
        case let .slice(e, a, b, _): return e.names.union(a?.names ?? []).union(b?.names ?? [])
        }
    }

    /// Where the expression's text begins (for a binary operation: its left operand).
    public var startLocation: SourceLocation {
        switch self {
        case .binary(_, let l, _, _), .index(let l, _, _), .slice(let l, _, _, _): return l.startLocation
        default: return location
        }
    }

    /// The expression's own position: an operator, a call's name, an index's bracket.
    public var location: SourceLocation {
        switch self {
        case .number(_, _, let l), .name(_, let l), .unary(_, _, let l), .binary(_, _, _, let l),
             .call(_, _, let l), .index(_, _, let l), .slice(_, _, _, let l):
            return l
        }
    }
}

public enum UnaryOp: String, Sendable, Hashable { case negate = "-", not = "not" }

public enum BinaryOp: String, Sendable, Hashable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "**"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "and", or = "or"

    var isComparison: Bool { [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(self) }
    var isLogical: Bool { self == .and || self == .or }
}

/// A sample: a data file and how its events count.
public struct SampleDecl: Sendable, Hashable {
    public enum Role: String, Sendable, Hashable, CaseIterable { case data, signal, background }
    public var name: String
    public var path: String
    public var tree: String?
    public var role: Role
    public var label: String
    public var color: String?
    public var weight: Expr?
    public var location: SourceLocation
}

/// Histogram binning: regular (`bins 30 from 0 to 140`) or variable (`edges [0, 10, 20, 50]`).
public struct HistogramDecl: Sendable, Hashable {
    public var name: String
    public var expr: Expr
    public var edges: [Double]
    public var title: String
    public var xLabel: String
    public var yLabel: String?
    public var logY: Bool
    public var location: SourceLocation

    public init(name: String, expr: Expr, edges: [Double], title: String, xLabel: String, yLabel: String? = nil, logY: Bool = false,
                location: SourceLocation) {
        self.name = name
        self.expr = expr
        self.edges = edges
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logY = logY
        self.location = location
    }
}

public enum ReportAggregate: String, Sendable, Hashable, CaseIterable { case mean, sum, min, max, std, count }

/// One statement, in file order: each sees the events that passed the filters above it.
public enum Statement: Sendable, Hashable {
    case filter(Expr, name: String, SourceLocation)
    case define(String, Expr, SourceLocation)
    case histogram(HistogramDecl)
    case report(ReportAggregate, Expr?, name: String, SourceLocation)
}

/// A whole `.ana` file.
public struct Program: Sendable, Hashable {
    public var path: String
    public var samples: [SampleDecl] = []
    public var luminosity: Double?
    public var statements: [Statement] = []

    public init(path: String) { self.path = path }
}
