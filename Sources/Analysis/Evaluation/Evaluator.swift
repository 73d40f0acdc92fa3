import Diagnostics
import EventData
import Foundation

/// Evaluates expressions column-wise over the events of one chunk (after the filters so far).
///
/// A filter does not move the chunk's data columns: it composes the kept events into `selection`, and a data
/// column is gathered to the current events only when an expression first reads it (a deferred column, from a
/// ROOT file, is then decoded for those events alone). So each column is copied or decoded at most once per
/// chunk, however many filters come before its first use, and never if nothing reads it.
struct Evaluator {
    /// Columns at the current events: defines, and the data columns read since they were gathered.
    var columns: [String: Value]
    var events: Int
    let luminosity: Double?
    /// A data column not read yet: in memory at the chunk's own events, or to be read from the source.
    private enum Unread {
        case ready(Value)
        case deferred(DeferredColumn)
    }

    /// The chunk's data columns not read yet.
    private var unread: [String: Unread]
    /// For each current event, its index in the chunk (nil: every event of the chunk, in order).
    private var selection: ContiguousArray<Int32>?

    init(columns: [String: Value], events: Int, luminosity: Double?) {
        self.columns = [:]
        self.events = events
        self.luminosity = luminosity
        unread = columns.mapValues(Unread.ready)
    }

    /// The columns of a chunk: deferred ones are read when first used, for the events kept by then.
    init(chunk: Chunk, luminosity: Double?) {
        self.init(columns: chunk.ready.mapValues(Value.init), events: chunk.eventCount, luminosity: luminosity)
        for (name, column) in chunk.deferred { unread[name] = .deferred(column) }
    }

    /// Bytes of every column held (read or not), for the memory budget; deferred columns hold none yet.
    var byteCount: Int {
        columns.values.reduce(0) { $0 + $1.byteCount } + unread.values.reduce(0) { total, column in
            if case .ready(let value) = column { return total + value.byteCount }
            return total
        }
    }

    mutating func evaluate(_ expr: Expr) throws(Diagnostic) -> Value {
        gather(expr.names)
        do {
            return try value(expr)
        } catch let error as EvaluationError {
            throw Diagnostic.error("ana.runtime", error.message, at: expr.location, hint: error.hint)
        } catch let diagnostic as Diagnostic {
            throw diagnostic
        } catch {
            throw Diagnostic.error("ana.runtime", "\(error)", at: expr.location)
        }
    }

    /// Brings the data columns `names` (those not read yet) to the current events.
    private mutating func gather(_ names: Set<String>) {
        for name in names where columns[name] == nil {
            switch unread.removeValue(forKey: name) {
            case .ready(let column): columns[name] = selection.map(column.gather) ?? column
            case .deferred(let column): columns[name] = Value(column.column(at: selection))
            case nil: continue
            }
        }
    }

    /// Applies a filter: keeps the events whose condition is true (NaN is false), dropping columns not in `live`
    /// (nil keeps all). Returns the kept events' indices, or nil when every event passed (nothing moved).
    mutating func filter(_ condition: Expr, live: Set<String>?) throws(Diagnostic) -> ContiguousArray<Int32>? {
        guard let pass = try evaluate(condition).perEvent(events) else {
            throw .error("ana.shape", "this filter gives a list per event", at: condition.startLocation,
                         hint: "use any(…) or all(…) to turn the list into one true/false")
        }
        var kept = ContiguousArray<Int32>()
        kept.reserveCapacity(events)
        for (i, x) in pass.enumerated() where truth(x) { kept.append(Int32(i)) }
        if let names = live {
            columns = columns.filter { names.contains($0.key) }
            unread = unread.filter { names.contains($0.key) }
        }
        guard kept.count != events else { return nil }
        columns = columns.mapValues { $0.gather(kept) }
        if let previous = selection {
            selection = ContiguousArray(kept.lazy.map { previous[Int($0)] })
        } else {
            selection = kept
        }
        events = kept.count
        return kept
    }

    private func value(_ expr: Expr) throws -> Value {
        switch expr {
        case let .number(v, _, _):
            return .constant(v)
        case let .name(name, location):
            if name == "lumi", let luminosity { return .constant(luminosity) }
            guard let column = columns[name] else { throw Diagnostic.error("ana.runtime", "column '\(name)' is not available", at: location) }
            return column
        case let .unary(op, inner, _):
            let v = try value(inner)
            return op == .negate ? Kernels.map(v) { -$0 } : Kernels.map(v) { truth($0) ? 0 : 1 }
        case let .binary(op, l, r, location):
            let a = try value(l), b = try value(r)
            do {
                return try binary(op, a, b)
            } catch let error as EvaluationError {
                throw Diagnostic.error("ana.runtime", error.message, at: location, hint: error.hint)
            }
        case let .index(base, index, location):
            guard case let .jagged(offsets, values) = try value(base) else {
                throw Diagnostic.error("ana.runtime", "only lists can be indexed", at: location)
            }
            let i = try value(index)
            if case .jagged = i { return try Kernels.mask(offsets, values, i) }
            return Kernels.index(offsets, values, i, events: events)
        case let .slice(base, lower, upper, location):
            guard case let .jagged(offsets, values) = try value(base) else {
                throw Diagnostic.error("ana.runtime", "only lists can be sliced", at: location)
            }
            return Kernels.slice(offsets, values, try lower.map(value), try upper.map(value), events: events)
        case let .call(name, arguments, location):
            guard let builtin = Builtin(rawValue: name) else { throw Diagnostic.error("ana.runtime", "unknown function", at: location) }
            let args = try arguments.map(value)
            do {
                return try call(builtin, args)
            } catch let error as EvaluationError {
                throw Diagnostic.error("ana.runtime", error.message, at: location, hint: error.hint)
            }
        }
    }

    private func binary(_ op: BinaryOp, _ a: Value, _ b: Value) throws(EvaluationError) -> Value {
        let n = events
        switch op {
        case .add: return try Kernels.combine(a, b, events: n) { $0 + $1 }
        case .subtract: return try Kernels.combine(a, b, events: n) { $0 - $1 }
        case .multiply: return try Kernels.combine(a, b, events: n) { $0 * $1 }
        case .divide: return try Kernels.combine(a, b, events: n) { $0 / $1 }
        case .remainder: return try Kernels.combine(a, b, events: n) { fmod($0, $1) }
        case .power: return try Kernels.combine(a, b, events: n) { Foundation.pow($0, $1) }
        case .equal: return try Kernels.combine(a, b, events: n) { $0 == $1 ? 1 : 0 }
        case .notEqual: return try Kernels.combine(a, b, events: n) { $0 != $1 && !($0.isNaN || $1.isNaN) ? 1 : 0 }
        case .less: return try Kernels.combine(a, b, events: n) { $0 < $1 ? 1 : 0 }
        case .lessEqual: return try Kernels.combine(a, b, events: n) { $0 <= $1 ? 1 : 0 }
        case .greater: return try Kernels.combine(a, b, events: n) { $0 > $1 ? 1 : 0 }
        case .greaterEqual: return try Kernels.combine(a, b, events: n) { $0 >= $1 ? 1 : 0 }
        case .and: return try Kernels.combine(a, b, events: n) { truth($0) && truth($1) ? 1 : 0 }
        case .or: return try Kernels.combine(a, b, events: n) { truth($0) || truth($1) ? 1 : 0 }
        }
    }

    private func call(_ f: Builtin, _ args: [Value]) throws(EvaluationError) -> Value {
        let n = events
        switch f {
        case .sqrt: return Kernels.map(args[0]) { $0.squareRoot() }
        case .abs: return Kernels.map(args[0]) { Swift.abs($0) }
        case .exp: return Kernels.map(args[0]) { Foundation.exp($0) }
        case .log: return Kernels.map(args[0]) { Foundation.log($0) }
        case .log10: return Kernels.map(args[0]) { Foundation.log10($0) }
        case .sin: return Kernels.map(args[0]) { Foundation.sin($0) }
        case .cos: return Kernels.map(args[0]) { Foundation.cos($0) }
        case .tan: return Kernels.map(args[0]) { Foundation.tan($0) }
        case .asin: return Kernels.map(args[0]) { Foundation.asin($0) }
        case .acos: return Kernels.map(args[0]) { Foundation.acos($0) }
        case .atan: return Kernels.map(args[0]) { Foundation.atan($0) }
        case .sinh: return Kernels.map(args[0]) { Foundation.sinh($0) }
        case .cosh: return Kernels.map(args[0]) { Foundation.cosh($0) }
        case .tanh: return Kernels.map(args[0]) { Foundation.tanh($0) }
        case .floor: return Kernels.map(args[0]) { $0.rounded(.down) }
        case .ceil: return Kernels.map(args[0]) { $0.rounded(.up) }
        case .round: return Kernels.map(args[0]) { $0.rounded(.toNearestOrAwayFromZero) }
        case .atan2: return try Kernels.combine(args[0], args[1], events: n) { Foundation.atan2($0, $1) }
        case .hypot: return try Kernels.combine(args[0], args[1], events: n) { Foundation.hypot($0, $1) }
        case .pow: return try Kernels.combine(args[0], args[1], events: n) { Foundation.pow($0, $1) }
        case .min, .max:
            if args.count == 2 {
                return try Kernels.combine(args[0], args[1], events: n) { a, b in
                    a.isNaN || b.isNaN ? .nan : (f == .min ? Swift.min(a, b) : Swift.max(a, b))
                }
            }
            return try reduce(f, args[0])
        case .count, .sum, .mean, .any, .all: return try reduce(f, args[0])
        case .where:
            let picked = try Kernels.combine(args[0], args[1], events: n) { c, a in truth(c) ? a : .nan }
            return try Kernels.combine(picked, try Kernels.combine(args[0], args[2], events: n) { c, b in truth(c) ? .nan : b },
                                       events: n) { a, b in a.isNaN ? b : a }
        case .delta_phi: return try Kernels.combine(args[0], args[1], events: n, Physics.deltaPhi)
        case .delta_r:
            let deta = try Kernels.combine(args[0], args[2], events: n) { $0 - $1 }
            let dphi = try Kernels.combine(args[1], args[3], events: n, Physics.deltaPhi)
            return try Kernels.combine(deta, dphi, events: n) { ($0 * $0 + $1 * $1).squareRoot() }
        case .mt:
            let product = try Kernels.combine(args[0], args[2], events: n) { $0 * $1 }
            let angle = try Kernels.combine(args[1], args[3], events: n) { 1 - Foundation.cos($0 - $1) }
            return try Kernels.combine(product, angle, events: n) { (2 * $0 * $1).squareRoot() }
        case .mass, .sum_pt, .sum_eta, .sum_phi:
            return try Physics.vectorSum(f, args, events: n)
        }
    }

    private func reduce(_ f: Builtin, _ list: Value) throws(EvaluationError) -> Value {
        guard case let .jagged(o, v) = list else { throw EvaluationError(message: "\(f.rawValue)() needs a list per event", hint: nil) }
        switch f {
        case .count: return .scalar(Kernels.reduce(o, v, empty: 0) { Double($0.count) })
        case .sum: return .scalar(Kernels.reduce(o, v, empty: 0) { $0.reduce(0, +) })
        case .mean: return .scalar(Kernels.reduce(o, v, empty: .nan) { $0.reduce(0, +) / Double($0.count) })
        case .any: return .scalar(Kernels.reduce(o, v, empty: 0) { $0.contains(where: truth) ? 1 : 0 })
        case .all: return .scalar(Kernels.reduce(o, v, empty: 1) { $0.allSatisfy(truth) ? 1 : 0 })
        case .min: return .scalar(Kernels.reduce(o, v, empty: .nan) { s in s.contains(where: \.isNaN) ? .nan : s.min() ?? .nan })
        default: return .scalar(Kernels.reduce(o, v, empty: .nan) { s in s.contains(where: \.isNaN) ? .nan : s.max() ?? .nan })
        }
    }
}
